"""The start flow's pages as HTML: a question's answers as large links, and an end's guides, platform pages
and help services (cited from data/help-services.yml), with a way to start again. Plain links only: the
flow works without JavaScript, from file:// and offline, and Back works as on any page."""
from __future__ import annotations

from .content import Page
from .flow import START, target
from .help_services import age_label, contact_links
from .html import tag, text
from .render_context import Context


def _href(to: str, ctx: Context) -> str:
    versions = ctx.site.versions(target(to))
    page = ctx.best(versions) if versions else None
    anchor = to.partition("#")[2]
    return ctx.href(target(to), page.lang if page else ctx.lang) + (f"#{anchor}" if anchor else "")


def answers(page: Page, ctx: Context, home_only: bool = False) -> str:
    """A question's options, each a large link to the page it leads to (`home_only`: those marked `home`)."""
    items = "".join(tag("li", tag("a", text(o.label), href=_href(o.to, ctx), class_="selamat-option"))
                    for o in page.meta.options if o.home or not home_only)  # type: ignore[union-attr]
    return tag("ul", items, class_="selamat-options")


def _pages(norms: list[str], ctx: Context, heading: str, anchor: str, summaries: bool = True) -> str:
    items = []
    for norm in norms:
        versions = ctx.site.versions(target(norm))
        if not versions:
            continue  # reported by the check
        shown = ctx.best(versions)
        lang = shown.lang if shown.lang != ctx.lang else None
        body = tag("a", text(shown.title), href=_href(norm, ctx), class_="selamat-option", hreflang=lang, lang=lang)
        summary = getattr(shown.meta, "summary", "") if summaries else ""
        if summary:
            body += tag("span", text(summary), class_="selamat-item__summary", lang=lang)
        items.append(tag("li", body))
    if not items:
        return ""
    return tag("h2", text(ctx.t(heading)), id=anchor) + tag("ul", "".join(items), class_="selamat-options")


def services(page: Page, ctx: Context) -> str:
    known = ctx.data.help_service
    items = []
    for ident in page.meta.services:  # type: ignore[union-attr]
        service = known.get(ident)
        if service is None:
            continue  # reported by the check
        facts = [tag("strong", text(service.name(ctx.lang))) + age_label(service, ctx)]
        links = contact_links(service, ctx)
        if links:
            facts.append(" " + tag("span", " ".join(links), class_="selamat-service__contact"))
        if service.hours:
            facts.append(tag("span", text(service.hours(ctx.lang)), class_="selamat-item__meta"))
        facts.append(tag("span", text(service.description(ctx.lang)), class_="selamat-item__summary"))
        items.append(tag("li", "".join(facts), class_="selamat-item"))
    if not items:
        return ""
    more = tag("p", tag("a", text(ctx.t("help_box.more")), href=ctx.href("help/index.md", ctx.lang)))
    return (tag("h2", text(ctx.t("flow.services")), id="flow-services")
            + tag("ul", "".join(items), class_="selamat-list selamat-flow-services") + more)


def end(page: Page, ctx: Context) -> str:
    meta = page.meta
    return (_pages(meta.guides, ctx, "flow.guides", "flow-guides")  # type: ignore[union-attr]
            + _pages(meta.platforms, ctx, "flow.platforms", "flow-platforms", summaries=False)  # type: ignore[union-attr]
            + services(page, ctx))


def again(ctx: Context) -> str:
    return tag("p", tag("a", text(ctx.t("flow.again")), href=ctx.href(START, ctx.lang)), class_="selamat-flow-again",
               data_search_exclude=True)


def after_body(page: Page, ctx: Context) -> str:
    """What follows the step's own text: its answers, or the help it names."""
    if page.meta is None:
        return ""
    if page.meta.options:  # type: ignore[union-attr]
        return answers(page, ctx) + (again(ctx) if page.norm != START else "")
    return end(page, ctx) + again(ctx)


def start_link(ctx: Context) -> str:
    """The way into the flow, for the home page: one large link."""
    return tag("p", tag("a", text(ctx.t("flow.start")), href=ctx.href(START, ctx.lang), class_="md-button md-button--primary selamat-start"),
               class_="selamat-start__wrap")


def situations(ctx: Context) -> str:
    """The first question's answers, for the home page: the common situations as large links, one source."""
    versions = ctx.site.versions(START)
    if not versions or ctx.best(versions).meta is None:
        return ""
    return answers(ctx.best(versions), ctx, home_only=True)
