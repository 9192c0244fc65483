"""Keeps published addresses working when a page moves: for each line of data/redirects.yml, writes a
small page at the old address, in both languages, that sends the reader to the new one (at once with
a refresh, or by its link) and names the new address as canonical."""
from pathlib import Path

from selamat.languages import LANGUAGES
from selamat.mkdocs_glue import all_languages_built, context
from selamat.published import redirect_page
from selamat.security import finish_page
from selamat.urls import absolute, dest_uri, page_url, relative


def on_post_build(config):
    if not all_languages_built(config):
        return
    ctx = context(config, "")
    dirs = config.use_directory_urls
    for old, new in ctx.data.redirects.items():
        for lang in LANGUAGES:
            target = Path(config.site_dir) / dest_uri(old, lang, dirs)
            if target.exists():
                continue  # a real page lives there again
            old_url, new_url = page_url(old, lang, dirs), page_url(new, lang, dirs)
            html = redirect_page(relative(old_url, new_url), absolute(config.site_url or "/", new_url),
                                 ctx.data.t("moved.title", lang), ctx.data.t("moved.body", lang), lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(finish_page(html, config.site_url or '/'), encoding="utf-8")
