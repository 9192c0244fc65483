"""Gives Material what it prints from a page's front matter, as safe text: the page's own `summary` as its
meta description (instead of the site-wide one: search results and link previews then describe the page
itself), and the title and description HTML-escaped, since Material's templates print them unescaped
(header, <title>, menu, <meta name="description">). `selamat check` also refuses markup in both."""
from html import escape


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("summary") and not page.meta.get("description"):
        page.meta["description"] = str(page.meta["summary"])
    if page.meta.get("description"):
        page.meta["description"] = escape(str(page.meta["description"]))
    if page.meta.get("title"):
        page.meta["title"] = escape(str(page.meta["title"]))
    if page.title:
        page.title = escape(page.title)
    return markdown
