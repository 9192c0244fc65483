"""Writes absolute hreflang alternates (both languages and x-default) into each page's <head>, in place
of Material's relative ones, which search engines do not accept."""
from selamat.alternates import alternates, replace_in_head
from selamat.mkdocs_glue import context, page_of


def on_post_page(output, page, config):
    ctx = context(config, page.url)
    ours = page_of(ctx, page)
    if ours is None or not config.site_url:
        return output
    return replace_in_head(output, alternates(ctx.site, ours.norm, config.site_url, config.use_directory_urls))
