"""Listings generated from front matter, never kept by hand. A page asks for one with a marker line
`<!-- selamat:NAME -->`; an unknown NAME is an error (see check.py)."""
from __future__ import annotations

import re
from typing import Callable

from . import help_services, offline_control
from .content import Page
from .html import tag, text
from .languages import prefix
from .render_context import Context
from .urls import absolute

NEWEST_COUNT = 6


def item(versions: dict[str, Page], ctx: Context, *, show_type: bool = False, show_date: bool = True) -> str:
    page = ctx.best(versions)
    foreign = page.lang != ctx.lang
    lang = page.lang if foreign else None
    link = tag("a", text(page.title), href=ctx.href(page.norm, page.lang), hreflang=lang, lang=lang)
    bits = [link]
    if foreign:
        bits.append(tag("span", text(ctx.in_language(page.lang)), class_="selamat-label"))
    meta = []
    if show_type:
        meta.append(text(ctx.t(f"type.{page.kind}")))
    if show_date and page.date:
        meta.append(tag("time", text(ctx.date(page.date)), datetime=page.date.isoformat()))
    out = " ".join(bits)
    if meta:
        out += tag("span", " · ".join(meta), class_="selamat-item__meta")
    summary = getattr(page.meta, "summary", "")
    if summary:
        out += tag("span", text(summary), class_="selamat-item__summary", lang=lang)
    return tag("li", out, class_="selamat-item")


def _valid(kind: str, ctx: Context) -> list[dict[str, Page]]:
    return [v for v in ctx.site.of_kind(kind) if ctx.best(v).meta is not None]


def _list(items: list[str], ctx: Context) -> str:
    if not items:
        return tag("p", text(ctx.t("listing.empty")))
    return tag("ul", "".join(items), class_="selamat-list")


def guides_by_topic(ctx: Context) -> str:
    guides = _valid("guide", ctx)
    out = []
    for key, label in ctx.data.topics.items():  # each guide once, under its first topic: the situation it answers
        chosen = [g for g in guides if ctx.best(g).meta.topics[0] == key]  # type: ignore[union-attr]
        if chosen:
            chosen.sort(key=lambda g: ctx.best(g).title.casefold())
            out.append(tag("h2", text(label(ctx.lang)), id=f"topic-{key}"))
            out.append(_list([item(g, ctx, show_date=False) for g in chosen], ctx))
    return "\n".join(out) or _list([], ctx)


def laws_a_z(ctx: Context) -> str:
    laws = sorted(_valid("law", ctx), key=lambda v: ctx.best(v).title.casefold())
    return _list([item(v, ctx, show_date=False) for v in laws], ctx)


def platforms_a_z(ctx: Context) -> str:
    platforms = sorted(_valid("platform", ctx), key=lambda v: ctx.best(v).title.casefold())
    return _list([item(v, ctx, show_date=False) for v in platforms], ctx)


def statements_by_year(ctx: Context) -> str:
    statements = sorted(_valid("statement", ctx), key=lambda v: (ctx.best(v).date, ctx.best(v).slug), reverse=True)
    out, year = [], None
    items: list[str] = []
    for v in statements:
        y = ctx.best(v).date.year
        if y != year:
            if items:
                out.append(_list(items, ctx))
            out.append(tag("h2", str(y), id=f"year-{y}"))
            year, items = y, []
        items.append(item(v, ctx))
    if items:
        out.append(_list(items, ctx))
    return "\n".join(out) or _list([], ctx)


def newest(ctx: Context) -> str:
    pages = [v for kind in ("guide", "platform", "law", "statement", "resource") for v in _valid(kind, ctx)]
    pages.sort(key=lambda v: (ctx.best(v).date, ctx.best(v).slug), reverse=True)
    return _list([item(v, ctx, show_type=True) for v in pages[:NEWEST_COUNT]], ctx)


def latest_resources(ctx: Context) -> str:
    """The newest publications, ours (statements) and other organisations' (resources) together, by date,
    as an NGO's "Latest resources" listing does: the newest few of each, so that neither hides the other."""
    newest_first = lambda pages: sorted(pages, key=lambda v: (ctx.best(v).date, ctx.best(v).slug), reverse=True)
    pages = [v for kind in ("statement", "resource") for v in newest_first(_valid(kind, ctx))[:NEWEST_COUNT // 2]]
    return _list([item(v, ctx, show_type=True) for v in newest_first(pages)], ctx)


LATEST_CHANGES = 3


def legal_changes(ctx: Context) -> str:
    """The latest changes to the law (data/legal-changes.yml), each linked to its place on the law page."""
    from .parts import change_id
    items = []
    for change in ctx.data.legal_changes[:LATEST_CHANGES]:
        versions = ctx.site.versions(change.law)
        if not versions:
            continue  # reported by the check
        page = ctx.best(versions)
        when = tag("time", text(ctx.date(change.date, change.precision)), datetime=change.date.isoformat())
        link = tag("a", text(page.title), href=ctx.href(page.norm, page.lang) + "#" + change_id(change),
                   hreflang=page.lang if page.lang != ctx.lang else None)
        items.append(tag("li", link + tag("span", when, class_="selamat-item__meta")
                         + tag("span", text(change.what(ctx.lang)), class_="selamat-item__summary"), class_="selamat-item"))
    return _list(items, ctx)


def help_list(ctx: Context) -> str:
    return help_services.full_list(ctx.data.help_services, ctx)


def help_box(ctx: Context) -> str:
    return help_services.help_box(ctx.data.help_services, ctx)


def partner_links(ctx: Context) -> str:
    """The partner page's list: each short link with its page and its QR code for posters."""
    from .partner_links import short_links
    items = []
    for link in short_links(ctx.site):
        address = absolute(ctx.site_url, link.url)
        qr = tag("a", text(ctx.t("partners.qr")), href=ctx.href_file(link.url + "qr.svg"), download=f"selamat-{link.slug}.svg")
        items.append(tag("li", tag("strong", text(link.titles[ctx.lang]))
                         + tag("span", tag("code", text(address)), class_="selamat-item__meta")
                         + tag("span", qr, class_="selamat-item__meta"), class_="selamat-item"))
    return tag("p", text(ctx.t("partners.short"))) + tag("ul", "".join(items), class_="selamat-list")


def embed_code(ctx: Context) -> str:
    """Copy-and-paste code for the help card, and a plain-HTML alternative."""
    from .help_card import snippet
    card_url = absolute(ctx.site_url, f"{prefix(ctx.lang)}embed/help/")
    iframe = snippet(card_url, ctx.t("help_box.title"))
    items = "".join(f"\n  <li>{item}</li>" for item in help_services.top_items(ctx.data.help_services, ctx))
    plain = f"<ul>{items}\n</ul>"
    code = lambda html: tag("pre", tag("code", text(html)))
    return (tag("p", text(ctx.t("partners.iframe"))) + code(iframe)
            + tag("p", text(ctx.t("partners.plain"))) + code(plain))


def partner_feeds(ctx: Context) -> str:
    """Links to the feeds of the reader's language and to the catalogue and its schema."""
    feed = lambda name, ext, label: tag("a", text(label), href=ctx.href_file(f"{prefix(ctx.lang)}feeds/{name}.{ext}"))
    items = [
        f"{text(ctx.t('feed.statements'))}: {feed('statements', 'xml', 'RSS')} · {feed('statements', 'json', 'JSON Feed')}",
        f"{text(ctx.t('feed.updates'))}: {feed('updates', 'xml', 'RSS')} · {feed('updates', 'json', 'JSON Feed')}",
        f"{text(ctx.t('feed.legal-changes'))}: {feed('legal-changes', 'xml', 'RSS')} · {feed('legal-changes', 'json', 'JSON Feed')}",
        f"{text(ctx.t('partners.catalogue'))}: " + tag("a", "resources.json", href=ctx.href_file("api/v1/resources.json"))
        + " · " + tag("a", "JSON Schema", href=ctx.href_file("api/v1/resources.schema.json")),
    ]
    return tag("ul", "".join(tag("li", i) for i in items))


def emergency(ctx: Context) -> str:
    """The emergency line (the first emergency service with a phone number in the help data), as one
    large tap-to-call line."""
    service = next((s for s in ctx.data.help_services if s.category == "emergency" and s.phone), None)
    if service is None:
        return ""
    call = tag("a", f"{text(ctx.t('help.call'))} {text(service.phone)}", href=f"tel:{help_services.dial(service.phone)}",
               class_="selamat-emergency__call")
    return tag("p", tag("strong", text(ctx.t("emergency.lead"))) + " " + call, class_="selamat-emergency")


def start_link(ctx: Context) -> str:
    from .flow_parts import start_link as link
    return link(ctx)


def situations(ctx: Context) -> str:
    from .flow_parts import situations as first_answers
    return first_answers(ctx)


def resources_by_type(ctx: Context) -> str:
    from .resources import by_type
    return by_type(ctx)


def resources_by_topic(ctx: Context) -> str:
    from .resources import by_topic
    return by_topic(ctx)


MARKERS: dict[str, Callable[[Context], str]] = {
    "resources-by-type": resources_by_type,
    "resources-by-topic": resources_by_topic,
    "emergency": emergency,
    "start-link": start_link,
    "situations": situations,
    "partner-feeds": partner_feeds,
    "partner-links": partner_links,
    "embed-code": embed_code,
    "help-box": help_box,
    "newest": newest,
    "latest-resources": latest_resources,
    "legal-changes": legal_changes,
    "guides-by-topic": guides_by_topic,
    "laws-a-z": laws_a_z,
    "platforms-a-z": platforms_a_z,
    "statements-by-year": statements_by_year,
    "help-services": help_list,
    "offline-reading": offline_control.marker,
}
# Listings of other pages repeat those pages' titles and summaries: search finds the pages themselves.
NOT_SEARCHED = {"guides-by-topic", "laws-a-z", "platforms-a-z", "statements-by-year", "newest", "latest-resources",
                "resources-by-type", "resources-by-topic", "legal-changes", "situations"}
MARKER_LINE = re.compile(r"^[ \t]*<!--\s*selamat:\s*([\w-]+)\s*-->[ \t]*$", re.M)


def expand(markdown: str, ctx: Context, hold: Callable[[str], str] | None = None) -> str:
    """Replace each marker line with its listing (as an HTML block Markdown leaves alone), or with what
    `hold` gives for it: a token put back after the editor's HTML is sanitised (held_parts.py)."""
    def one(m: re.Match) -> str:
        render = MARKERS.get(m.group(1))
        if not render:
            return m.group(0)
        html = render(ctx)
        if m.group(1) in NOT_SEARCHED:
            html = tag("div", html, data_search_exclude=True)
        return f"\n\n{hold(html)}\n\n" if hold else f"\n{html}\n"
    return MARKER_LINE.sub(one, markdown)


