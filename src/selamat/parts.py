"""The parts of a page that come from its front matter, the data and the history, around the body the
editor wrote: title, untranslated and out-of-date notices, content note, "Get help now" box, legal
notice, statement line and its corrections, print button, a law's dated changes, sources, update date and the
edit or help-translate link."""
from __future__ import annotations

from dataclasses import replace

from .content import Page
from .html import tag, text
from .languages import NAMES, others
from .listings import help_box
from .render_context import Context
from .translations import is_outdated, made_from
from .urls import page_url


def admonition(kind: str, title: str, body: str, **extra: object) -> str:
    """Material's admonition markup, so notices look like the rest of the site. Notices repeated on
    many pages are kept out of the search index (data-search-exclude), where they would only add noise."""
    return tag("div", tag("p", text(title), class_="admonition-title") + body, class_=f"admonition {kind}",
               data_search_exclude=True, **extra)


def untranslated_notice(page: Page, ctx: Context) -> str:
    language = ctx.language_name(page.lang)
    link = tag("a", text(ctx.t("untranslated.link")), href=ctx.href(page.norm, page.lang), hreflang=page.lang)
    body = tag("p", f"{text(ctx.t('untranslated.body', language=language))} {link}")
    return admonition("info selamat-untranslated", ctx.t("untranslated.title"), body, role="note")


def outdated_notice(page: Page, ctx: Context) -> str:
    """On a translation whose original changed after the commit it was translated from."""
    if ctx.root is None or not is_outdated(page, ctx.site, ctx.root):
        return ""
    source = made_from(page, ctx.site.versions(page.norm))
    link = tag("a", text(ctx.t("outdated.link")), href=ctx.href(page.norm, source.lang), hreflang=source.lang)
    body = tag("p", f"{text(ctx.t('outdated.body'))} {link}")
    return admonition("warning selamat-outdated", ctx.t("outdated.title"), body, role="note")


def edit_link(page: Page, ctx: Context) -> str:
    """"Suggest a change" to the file's source; on a page shown untranslated, "Help translate" instead."""
    if not ctx.repository:
        return ""
    base = ctx.repository.rstrip("/")
    if page.lang == ctx.lang:
        href, label = f"{base}/edit/main/docs/{page.rel}", ctx.t("edit.page")
    else:
        folder, _, name = page.norm.rpartition("/")
        href = f"{base}/new/main/{'/'.join(filter(None, ['docs', folder]))}?filename={name[:-3]}.{ctx.lang}.md"
        label = ctx.t("edit.translate")
    return tag("p", tag("a", text(label), href=href), class_="selamat-edit", data_search_exclude=True)


def print_button(ctx: Context) -> str:
    """Shown by print.js (hidden without script, which it needs); hidden on paper. It comes after the
    steps, with a word on what a saved copy leaves behind."""
    button = tag("button", text(ctx.t("print")), type="button", class_="md-button selamat-print__button")
    return tag("div", tag("p", button) + tag("p", text(ctx.t("print.note")), class_="selamat-print__note"),
               class_="selamat-print", hidden=True, data_search_exclude=True)


def jump_list(page: Page, ctx: Context) -> str:
    """A guide's sections, one tap away on a phone (hidden where the side bar shows the contents)."""
    from . import markdown_scan as md
    links = [tag("li", tag("a", text(md.plain(h.text)), href=f"#{h.id}")) for h in md.headings(page.body, page.body_line) if h.level == 2]
    if len(links) < 3:
        return ""
    return tag("details", tag("summary", text(ctx.t("jump.title"))) + tag("ul", "".join(links)),
               class_="selamat-jump", data_search_exclude=True)


def platform_links(page: Page, ctx: Context) -> str:
    """On a guide: the platform pages about the situation it answers (they share its first topic)."""
    topic = page.meta.topics[0] if page.meta is not None else None  # type: ignore[union-attr]
    chosen = sorted((ctx.best(v) for v in ctx.site.of_kind("platform")
                     if ctx.best(v).meta is not None and topic in ctx.best(v).meta.topics), key=lambda p: p.title.casefold())  # type: ignore[union-attr]
    if not chosen:
        return ""
    links = [tag("a", text(p.title), href=ctx.href(p.norm, p.lang), hreflang=p.lang if p.lang != ctx.lang else None) for p in chosen]
    return tag("p", tag("strong", text(ctx.t("flow.platforms")) + ":") + " " + " · ".join(links),
               class_="selamat-platforms", data_search_exclude=True)


def after_first_section(body_html: str, part: str) -> str:
    """`part` put after the body's first section (before its second heading), so the first steps come first."""
    first = body_html.find("<h2")
    second = body_html.find("<h2", first + 1) if first != -1 else -1
    if second == -1:
        return body_html + part
    return body_html[:second] + part + body_html[second:]


def content_note(page: Page, ctx: Context) -> str:
    note = getattr(page.meta, "content_note", None)
    if not note:
        return ""
    # one quiet line, not a box: on a phone the first steps must still fit on the first screen
    return tag("p", tag("strong", text(ctx.t("content_note.title")) + ":") + " " + text(note),
               class_="selamat-content-note", role="note", data_search_exclude=True)


def legal_notice(page: Page, ctx: Context) -> str:
    body = tag("p", text(ctx.t("legal.body", date=ctx.date(page.meta.reviewed))))  # type: ignore[union-attr]
    body += tag("p", text(ctx.t("legal.help")) + " " + tag("a", text(ctx.t("help_box.more")), href=ctx.href("help/index.md", ctx.lang)))
    if ctx.stale(page.meta.reviewed):  # type: ignore[union-attr]
        body += tag("p", tag("strong", text(ctx.t("legal.stale"))))
    return admonition("info selamat-legal", ctx.t("legal.title"), body, role="note")


def platform_notice(page: Page, ctx: Context) -> str:
    """Platforms change their forms and menus often: say when the links were checked."""
    date = tag("time", text(ctx.date(page.meta.reviewed)), datetime=page.meta.reviewed.isoformat())  # type: ignore[union-attr]
    line = text(ctx.t("platform.checked", date="\x00")).replace("\x00", date)
    return tag("p", line, class_="selamat-updated selamat-platform-checked", data_search_exclude=True)


def statement_line(page: Page, ctx: Context) -> str:
    orgs = [ctx.data.organisations[k].name(ctx.lang) for k in page.meta.organisations if k in ctx.data.organisations]  # type: ignore[union-attr]
    joined = orgs[0] if len(orgs) == 1 else ", ".join(orgs[:-1]) + f" {ctx.t('and')} " + orgs[-1]
    date = tag("time", text(ctx.date(page.meta.date)), datetime=page.meta.date.isoformat())  # type: ignore[union-attr]
    line = text(ctx.t("statement.meta", date="\x00", organisations=joined)).replace("\x00", date)
    return tag("p", line, class_="selamat-statement-meta")


def corrections(page: Page, ctx: Context) -> str:
    """A statement is a dated record: it is never rewritten, and what changed since is said at its top."""
    notes = getattr(page.meta, "corrections", None) or []
    if not notes:
        return ""
    published = ctx.date(page.meta.date)  # type: ignore[union-attr]
    body = tag("p", text(ctx.t("correction.body", date=published)))
    lang = page.lang if page.lang != ctx.lang else None
    for note in sorted(notes, key=lambda n: n.date, reverse=True):
        when = tag("time", text(ctx.date(note.date)), datetime=note.date.isoformat())
        label = tag("strong", text(ctx.t("correction.date", date="\x00")).replace("\x00", when))
        body += tag("p", f"{label} " + tag("span", text(note.note), lang=lang))
    return admonition("warning selamat-correction", ctx.t("correction.title"), body, role="note", id="correction")


def law_changes(page: Page, ctx: Context) -> str:
    """The dated changes to this law (data/legal-changes.yml), newest first, in the reader's language."""
    changes = [c for c in ctx.data.legal_changes if c.law == page.norm]
    if not changes:
        return ""
    items = "".join(tag("li", tag("time", text(ctx.date(c.date, c.precision)), datetime=c.date.isoformat())
                           + " " + text(c.what(ctx.lang)) + " "
                           + tag("a", text(ctx.t("changes.source")), href=c.source.url, class_="selamat-changes__source"),
                           id=change_id(c))
                    for c in changes)
    return tag("h2", text(ctx.t("changes.title")), id="legal-changes") + tag("ul", items, class_="selamat-changes")


def change_id(change) -> str:
    """A stable anchor for one change on its law page, for feeds and the home page's links."""
    return f"change-{change.date.isoformat()}"


def sources(page: Page, ctx: Context) -> str:
    items = getattr(page.meta, "sources", None) or []
    if not items:
        return ""
    lis = "".join(tag("li", tag("a", text(s.title), href=s.url)) for s in items)
    return tag("h2", text(ctx.t("sources.title")), id="sources") + tag("ol", lis, class_="selamat-sources")


def updated(page: Page, ctx: Context) -> str:
    when = getattr(page.meta, "updated", None)
    if not when:
        return ""
    date = tag("time", text(ctx.date(when)), datetime=when.isoformat())
    return tag("p", text(ctx.t("updated", date="\x00")).replace("\x00", date), class_="selamat-updated")


def frame(page: Page, body_html: str, ctx: Context) -> str:
    """The whole page content: the parts before and after the editor's body.

    On a page shown in the other language's site (not yet translated), the notice and the interface
    parts (help box, legal notice, statement line) are in the reader's language, and everything written
    in the original language sits in elements carrying that language's `lang`."""
    own = ctx if page.lang == ctx.lang else replace(ctx, lang=page.lang)
    head = tag("h1", text(page.title))
    service = ""
    if page.meta is not None:
        head += content_note(page, own)
        if page.kind == "guide":  # the first steps first: help box and jump list after them, print at the end
            body_html = (after_first_section(body_html, help_box(ctx) + platform_links(page, ctx) + jump_list(page, own))
                         + print_button(ctx))
        elif page.kind == "law":  # the print button after the text: shown by script, it would shift the text down
            service = legal_notice(page, ctx)
            body_html += print_button(ctx)
        elif page.kind == "platform":
            service = platform_notice(page, ctx)
        elif page.kind == "resource":
            from .resources import page_parts
            before, after_text = page_parts(page, ctx)
            service = before
            body_html += after_text
        elif page.kind == "step":
            from .flow_parts import after_body
            body_html += after_body(page, ctx)
        elif page.kind == "statement":
            service = statement_line(page, ctx) + corrections(page, ctx)
    changes = law_changes(page, ctx) if page.kind == "law" and page.meta is not None else ""
    after = sources(page, own) + updated(page, own) if page.meta is not None else ""
    if own is ctx:
        return outdated_notice(page, ctx) + head + service + body_html + changes + after + edit_link(page, ctx)
    original = dict(lang=page.lang, class_="selamat-original")
    return (untranslated_notice(page, ctx) + tag("div", head, **original) + service + tag("div", body_html, **original)
            + changes + tag("div", after, **original) + edit_link(page, ctx))


def other_homes(ctx: Context) -> list[dict]:
    """The other languages' home pages, for the "not found" page: each link in its own language
    (`404.other` in that language, else the language's own name)."""
    strings = ctx.data.ui.strings.get("404.other")
    return [{"lang": code, "url": page_url("index.md", code, ctx.directory_urls),
             "label": strings(code) if strings is not None and strings.has(code) else NAMES[code]}
            for code in others(ctx.lang)]
