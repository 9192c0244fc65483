"""Starts each build with fresh build state (build_state.py): nothing the last `mkdocs serve` rebuild
kept (a 404 page, script hashes, names seen in pages) leaks into this one. The other languages'
builds, which mkdocs-static-i18n runs inside this one, add to the same state and do not reset it."""
from selamat.mkdocs_glue import all_languages_built


def on_config(config, state):
    if all_languages_built(config):  # not inside another language's build
        state.new_build()
