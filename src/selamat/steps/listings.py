"""Replaces `<!-- selamat:NAME -->` marker lines with listings generated from front matter and data
(guides by topic, laws A-Z, statements by year, newest items, help services), never kept by hand. They
are held out of the page's Markdown (held_parts.py) and put back after the editor's HTML is sanitised."""
from selamat import held_parts
from selamat.listings import expand
from selamat.mkdocs_glue import context


def on_page_markdown(markdown, page, config, files):
    return expand(markdown, context(config, page.url), held_parts.of(page).hold)
