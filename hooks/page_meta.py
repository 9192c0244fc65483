"""Gives each page its own `summary` as the meta description (Material reads page.meta.description),
instead of the site-wide one: search results and link previews then describe the page itself."""


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("summary") and not page.meta.get("description"):
        page.meta["description"] = page.meta["summary"]
    return markdown
