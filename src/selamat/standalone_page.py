"""The head of every page the build writes outside Material's templates (redirects, short links, the help
card, the offline edition's start file, the editor's page), written once: character set, viewport, the
robots rule, and what the page needs besides (a refresh, a canonical address, a stylesheet), then the
title. The Content-Security-Policy goes in first afterwards (security.finish_page, editor_site.page)."""
from __future__ import annotations

from .html import attrs, tag, text


def page(lang: str, title: str, body: str, *, robots: str | None = "noindex", refresh: str | None = None,
         canonical: str | None = None, stylesheet: str | None = None, body_class: str | None = None) -> str:
    """A whole page. `title` is text; `body` is HTML already. `refresh`: the address it sends the reader
    to at once; `robots`: None on pages no search engine sees (the offline edition's start file)."""
    head = '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
    if robots:
        head += f"<meta{attrs(name='robots', content=robots)}>"
    if refresh is not None:
        head += f'<meta http-equiv="refresh" content="0; url={text(refresh)}">'
    if canonical is not None:
        head += f"<link{attrs(rel='canonical', href=canonical)}>"
    head += tag("title", text(title))
    if stylesheet is not None:
        head += f"<link{attrs(rel='stylesheet', href=stylesheet)}>"
    return "<!doctype html>\n" + tag("html", tag("head", head) + tag("body", body, class_=body_class), lang=lang) + "\n"
