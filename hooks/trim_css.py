"""Replaces Material's main.css (138 KB, 23 KB gzipped, render-blocking on every page) with one
stylesheet: the rules of Material's that the built pages or a script can use (selamat/speed.py says
which), followed by the site's own (extra_css), under a new hashed name, and points every page at it.
Runs once every page and file is written, before the offline worker lists the files to precache."""
from pathlib import Path

from mkdocs.plugins import event_priority

from selamat.mkdocs_glue import all_languages_built
from selamat.speed import trim_site_css


@event_priority(-250)  # after the hooks that write pages (-200), before the offline worker (-300)
def on_post_build(config):
    if all_languages_built(config):
        extra = [getattr(entry, "path", entry) for entry in config.extra_css]
        trim_site_css(Path(config.site_dir), extra)
