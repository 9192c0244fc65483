"""Resources other organisations published (docs/resources/): the line that says what, who and when, the
link out that says where it goes before the tap, and the /resources/ listings by type and by topic. A
resource in one language only is listed in both, marked with its language."""
from __future__ import annotations

from urllib.parse import urlsplit

from .content import Page
from .html import tag, text
from .render_context import Context
from .data import RESOURCE_TYPES


def host(url: str) -> str:
    """Where a link goes, as a reader recognises it: youtube.com, kryss.network."""
    name = (urlsplit(url).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def own_language(page: Page, ctx: Context) -> str | None:
    """The resource's language, when the reader's is not among those it is published in."""
    langs = page.meta.languages  # type: ignore[union-attr]
    return None if ctx.lang in langs else langs[0]


def meta_line(page: Page, ctx: Context) -> str:
    meta = page.meta
    org = ctx.data.organisations.get(meta.organisation)  # type: ignore[union-attr]
    who = org.name(ctx.lang) if org else meta.organisation  # type: ignore[union-attr]
    when = tag("time", text(ctx.date(meta.date)), datetime=meta.date.isoformat())  # type: ignore[union-attr]
    line = text(ctx.t("resource.published", type=ctx.t(f"resource.type.{meta.type}"), organisation=who, date="\x00"))  # type: ignore[union-attr]
    out = line.replace("\x00", when)
    other = own_language(page, ctx)
    if other:
        out += " " + tag("span", text(ctx.in_language(other)), class_="selamat-label")
    return tag("p", out, class_="selamat-item__meta selamat-resource__meta")


def link_out(page: Page, ctx: Context) -> str:
    """The link to the resource: its title, then where it goes and that it leaves the site, inside the link
    so that it is read before the tap. A video host or a social network sees the visit."""
    meta = page.meta
    where = tag("span", text(ctx.t("resource.leaves", host=host(meta.url))), class_="selamat-leave__where")  # type: ignore[union-attr]
    other = own_language(page, ctx)
    title = tag("span", text(page.title), lang=other)
    return tag("a", f"{title} {where}", href=meta.url, class_="selamat-leave", hreflang=other)  # type: ignore[union-attr]


def page_parts(page: Page, ctx: Context) -> tuple[str, str]:
    """(before the body, after the body) on a resource's own page."""
    return meta_line(page, ctx), tag("p", link_out(page, ctx), class_="selamat-resource__open")


def _item(page: Page, ctx: Context) -> str:
    summary = tag("span", text(page.meta.summary), class_="selamat-item__summary", lang=page.lang if page.lang != ctx.lang else None)  # type: ignore[union-attr]
    return tag("li", link_out(page, ctx) + meta_line(page, ctx) + summary, class_="selamat-item")


def _valid(ctx: Context) -> list[Page]:
    pages = [ctx.best(v) for v in ctx.site.of_kind("resource")]
    return sorted((p for p in pages if p.meta is not None), key=lambda p: (p.meta.date, p.slug), reverse=True)  # type: ignore[union-attr]


def by_type(ctx: Context) -> str:
    pages = _valid(ctx)
    out = []
    for kind in RESOURCE_TYPES:
        chosen = [p for p in pages if p.meta.type == kind]  # type: ignore[union-attr]
        if chosen:
            out.append(tag("h3", text(ctx.t(f"resource.types.{kind}")), id=f"type-{kind}"))
            out.append(tag("ul", "".join(_item(p, ctx) for p in chosen), class_="selamat-list"))
    return "\n".join(out) or tag("p", text(ctx.t("listing.empty")))


def by_topic(ctx: Context) -> str:
    pages = _valid(ctx)
    out = []
    for key, label in ctx.data.topics.items():
        chosen = [p for p in pages if key in p.meta.topics]  # type: ignore[union-attr]
        if chosen:
            links = " · ".join(tag("a", text(p.title), href=ctx.href(p.norm, p.lang), lang=own_language(p, ctx)) for p in chosen)
            out.append(tag("h3", text(label(ctx.lang)), id=f"resources-{key}") + tag("p", links))
    return "\n".join(out) or tag("p", text(ctx.t("listing.empty")))
