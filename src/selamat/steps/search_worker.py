"""Ships Selamat's search worker (src/selamat/search_assets.py) in place of Material's: every page's
Material configuration names it (overrides/main.html, block `config`), and the build writes it (and drops
Material's worker and lunr files) once every language is built. The engine reads the sharded index
steps/search_indexes.py writes."""
from pathlib import Path

from selamat import search_assets
from selamat.mkdocs_glue import all_languages_built


def on_post_build(config):
    if all_languages_built(config):
        search_assets.write(Path(config.site_dir))
