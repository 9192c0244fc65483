"""Writes the lunr language files Material's search worker loads for our indexes
(assets/javascripts/lunr/min/lunr.ms.min.js and lunr.en-my.min.js): stems indexed alongside words,
Malay stop words, and query words expanded to stems, typo variants and the aliases in
data/search-aliases.yml. Built from src/selamat/js/ and data/, so editors change data, not code."""
from pathlib import Path

from mkdocs.plugins import event_priority

from selamat import search_assets
from selamat.mkdocs_glue import all_languages_built, context


@event_priority(-200)  # once every language is built
def on_post_build(config):
    if all_languages_built(config):
        search_assets.write(Path(config.site_dir), context(config, "").data)
