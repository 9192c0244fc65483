"""Builds the search index of the language being built, in that language's own build: the Malay index in
the forked copy that builds Malay (parallel_languages.py) while English builds, instead of both one after
the other at the end. It writes the language's shards and page details from the entries Material's search
just collected for this language, and keeps its manifest for search_indexes.py, which puts every
language's manifest in place once the whole site is built.

The outer build (English), whose process then runs the steps for the whole site, hands its index to a
worker process (background.py) instead, on the machine's other core, and search_indexes.py waits for it.

Not under `mkdocs serve --dirty`, where Material's entries are only the rebuilt pages: there
search_indexes.py builds every language from the merged entries."""
from pathlib import Path

from selamat import background, search_index
from selamat.mkdocs_glue import all_languages_built, context, language, project_root


def on_post_build(config, state):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if state.session.serve_dirty or search is None or not hasattr(search, "search_index"):
        return
    ctx = context(config, "")
    lang = language(config)
    args = (Path(config.site_dir), lang, list(search.search_index.entries),
            search_index.page_kinds(ctx.site, config.use_directory_urls))
    if all_languages_built(config):  # the outer build: the steps for the whole site run next, in this process
        state.search_jobs[lang] = background.pool().submit(search_index.write_language_in_worker, *args,
                                                           project_root(config) / "data")
    else:
        state.search_manifests[lang] = search_index.write_language(*args, ctx.data)
