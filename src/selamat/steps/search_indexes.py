"""Replaces the one mixed search index that Material and static-i18n write with each language's own
prebuilt index, sharded by term (src/selamat/search_index.py): search/ for English, ms/search/ for
Malay, each with the language's own stemmer, stop words and aliases, entries weighted by page kind
(guides and help first). Each language's own build wrote its shards already (language_search_index.py;
the outer build's language in a worker process, waited for here); here its manifest goes in place of the
mixed one. In the plain-file build (offline edition) it also writes
search/search_index.js, the manifests Material loads as a script from file://."""
from pathlib import Path

from selamat import search_index
from selamat.mkdocs_glue import all_languages_built, context


def on_post_build(config, state):
    if not all_languages_built(config):
        return
    for lang, job in state.search_jobs.items():  # indexes written in a worker (language_search_index.py)
        state.search_manifests[lang] = job.result()
    state.search_jobs.clear()
    site = Path(config.site_dir)
    ctx = context(config, "")
    search_index.write(site, search_index.page_kinds(ctx.site, config.use_directory_urls), ctx.data,
                       state.search_manifests)
    if not config.use_directory_urls:
        search_index.write_file_loader(site)
