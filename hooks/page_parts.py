"""Adds the parts that come from front matter around each page's body: the title, the untranslated
notice (with the original's `lang` on its text), content note, "Get help now" box on guides, the legal
notice on law pages, the statement line, sources and the update date."""
from selamat.mkdocs_glue import context, page_of
from selamat.parts import frame


def on_page_content(html, page, config, files):
    ctx = context(config, page.url)
    ours = page_of(ctx, page)
    return frame(ours, html, ctx) if ours else html
