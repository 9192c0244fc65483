"""The help card partners put in an <iframe>: the top help services in one small self-contained page
per language, its own small CSS, no script, links opening in the partner's whole window."""
from __future__ import annotations

from . import standalone_page
from .help_services import top_items
from .html import tag, text
from .render_context import Context


def card(ctx: Context, help_url: str) -> str:
    items = [tag("li", item) for item in top_items(ctx.data.help_services, ctx)]
    body = (tag("p", text(ctx.t("help_box.danger")), class_="danger")
            + tag("ul", "".join(items))
            + tag("p", tag("a", text(ctx.t("help_box.more")), href=help_url)))
    html = tag("main", tag("h1", text(ctx.t("help_box.title"))) + body)
    html = html.replace("<a ", '<a target="_top" ')
    return standalone_page.page(ctx.lang, ctx.t("help_box.title"), html, stylesheet=ctx.href_file("embed/help.css"),
                                body_class="card")


def snippet(card_url: str, title: str) -> str:
    """The embed code partners copy."""
    return (f'<iframe src="{card_url}" title="{text(title)}" width="320" height="360" loading="lazy" '
            'referrerpolicy="no-referrer" style="border:0;max-width:100%"></iframe>')


