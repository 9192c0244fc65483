"""Splits the one mixed search index that Material and static-i18n write into one index per
language (search/search_index.json for English, ms/search/search_index.json for Malay), each naming
its own search language, so Malay pages are searched with Malay rules and English pages with English
ones; entries are weighted by page kind (guides and help first). In the plain-file build (offline edition) it also writes search/search_index.js, which Material
loads instead of JSON from file://."""
from pathlib import Path

from mkdocs.plugins import event_priority

from selamat import search_index
from selamat.mkdocs_glue import all_languages_built, context


@event_priority(-200)  # once every language is built and the search plugin has written its index
def on_post_build(config):
    if not all_languages_built(config):
        return
    site = Path(config.site_dir)
    search_index.write(site, search_index.page_kinds(context(config, "").site, config.use_directory_urls))
    if not config.use_directory_urls:
        search_index.write_file_loader(site)
