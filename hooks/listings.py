"""Replaces `<!-- selamat:NAME -->` marker lines with listings generated from front matter and data
(guides by topic, laws A-Z, statements by year, newest items, help services), never kept by hand."""
from selamat.listings import expand
from selamat.mkdocs_glue import context


def on_page_markdown(markdown, page, config, files):
    return expand(markdown, context(config, page.url))
