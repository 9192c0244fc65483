"""Builds the search index of the language being built, in that language's own build: the Malay index in
the forked copy that builds Malay (parallel_languages.py) while English builds, instead of both one after
the other at the end. It writes the language's shards and page details from the entries Material's search
just collected for this language, and keeps its manifest for search_indexes.py, which puts every
language's manifest in place once the whole site is built.

Not under `mkdocs serve --dirty`, where Material's entries are only the rebuilt pages: there
search_indexes.py builds every language from the merged entries."""
from pathlib import Path

from selamat import search_index
from selamat.mkdocs_glue import context, language


def on_post_build(config, state):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if state.session.serve_dirty or search is None or not hasattr(search, "search_index"):
        return
    ctx = context(config, "")
    lang = language(config)
    state.search_manifests[lang] = search_index.write_language(
        Path(config.site_dir), lang, search.search_index.entries,
        search_index.page_kinds(ctx.site, config.use_directory_urls), ctx.data)
