"""Replaces `[[help:ID]]` and `[[tel:ID]]` in a page's Markdown with the help service's name, tap-to-call
number and hours from data/help-services.yml, in the language the page is written in (held out of the
Markdown until the editor's HTML is sanitised, like the listings)."""
from dataclasses import replace

from selamat import held_parts
from selamat.help_refs import expand
from selamat.mkdocs_glue import context, page_of


def on_page_markdown(markdown, page, config, files):
    ctx = context(config, page.url)
    ours = page_of(ctx, page)
    own = replace(ctx, lang=ours.lang) if ours and ours.lang != ctx.lang else ctx
    return expand(markdown, own, held_parts.of(page).hold)
