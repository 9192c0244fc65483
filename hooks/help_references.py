"""Replaces `[[help:ID]]` and `[[tel:ID]]` in a page's Markdown with the help service's name, tap-to-call
number and hours from data/help-services.yml, in the language the page is written in."""
from dataclasses import replace

from selamat.help_refs import expand
from selamat.mkdocs_glue import context, page_of


def on_page_markdown(markdown, page, config, files):
    ctx = context(config, page.url)
    ours = page_of(ctx, page)
    return expand(markdown, replace(ctx, lang=ours.lang) if ours and ours.lang != ctx.lang else ctx)
