"""Replaces Material's main.css (138 KB, 23 KB gzipped, render-blocking on every page) with one
stylesheet: the rules of Material's that the built pages or a script can use (selamat/trim_css.py says
which), followed by the site's own (extra_css), under a new hashed name, and points every page at it.
The names each page uses are read as the page is written (in the process building its language); the
trim runs once every page and file is written, before the offline worker lists the files to precache,
and its result is kept in .cache/css/ for rebuilds that add no new name."""
from pathlib import Path

from mkdocs.plugins import event_priority

from selamat.language_builds import kept
from selamat.mkdocs_glue import all_languages_built, project_root
from selamat.trim_css import SeenPages, trim_site_css

_seen = kept("css names", SeenPages)


@event_priority(-1000)  # last: the page as it is written
def on_post_page(output, page, config):
    _seen.add(page.file.abs_dest_path, output)
    return output


@event_priority(-250)  # after the hooks that write pages (-200), before the offline worker (-300)
def on_post_build(config):
    if all_languages_built(config):
        extra = [getattr(entry, "path", entry) for entry in config.extra_css]
        trim_site_css(Path(config.site_dir), extra, _seen, project_root(config) / ".cache" / "css")
        _seen.clear()
