"""Gives Material what it prints from a page's front matter, as safe text: the page's own `summary` as its
meta description (instead of the site-wide one: search results and link previews then describe the page
itself), and the title and description HTML-escaped, since Material's templates print them unescaped
(header, <title>, menu, <meta name="description">). `selamat check` also refuses markup in both. The start
flow's questions are kept out of search (its ends, which name help, stay in)."""
from html import escape

from selamat.mkdocs_glue import context, page_of


def on_page_markdown(markdown, page, config, files):
    ours = page_of(context(config, page.url), page)
    if ours is not None and ours.kind == "step" and ours.meta is not None and ours.meta.options:
        page.meta["search"] = {"exclude": True}
    if page.meta.get("summary") and not page.meta.get("description"):
        page.meta["description"] = str(page.meta["summary"])
    if page.meta.get("description"):
        page.meta["description"] = escape(str(page.meta["description"]))
    if page.meta.get("title"):
        page.meta["title"] = escape(str(page.meta["title"]))
    if page.title:
        page.title = escape(page.title)
    return markdown
