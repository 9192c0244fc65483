"""Replaces Material's main.css (138 KB, 23 KB gzipped, render-blocking on every page) with one
stylesheet: the rules of Material's that the built pages or a script can use (selamat/trim_css.py says
which), followed by the site's own (extra_css), under a new hashed name, and points every page at it.
The names each page uses are read as the page is written (in the process building its language); the
trim runs once every page and file is written, before the offline worker lists the files to precache,
and its result is kept in .cache/css/ for rebuilds that add no new name."""
from pathlib import Path

from selamat.mkdocs_glue import all_languages_built, project_root
from selamat.trim_css import trim_site_css


def on_post_page(output, page, config, state):
    state.css_names.add(page.file.abs_dest_path, output)
    return output


def on_post_build(config, state):
    if all_languages_built(config):
        extra = [getattr(entry, "path", entry) for entry in config.extra_css]
        trim_site_css(Path(config.site_dir), extra, state.css_names, project_root(config) / ".cache" / "css")
        state.css_names.clear()
