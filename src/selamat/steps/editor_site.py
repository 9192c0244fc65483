"""Writes the web editor (/admin/: Decap CMS, its generated configuration and our preview script) into the
web build once every page and every generated file is final, and adds its own rule to _headers
(selamat/editor_site.py). Plain-file builds (the offline editions) never carry it. Without the editor's npm
packages (a copy of the project that `make` has not set up) the site is built without /admin/, and says so."""
import logging
from pathlib import Path

from selamat import editor_config, editor_site
from selamat.languages import DEFAULT, LANGUAGES
from selamat.mkdocs_glue import all_languages_built, project_root


log = logging.getLogger("mkdocs.plugins.selamat.editor")


def on_post_build(config):
    if not (all_languages_built(config) and config.use_directory_urls):
        return
    root, site_dir = project_root(config), Path(config.site_dir)
    try:
        editor_site.write(site_dir, root)
    except editor_site.NotInstalled:  # the survivor site is whole without it; `make build` installs it
        said = editor_config.labels(root / "data")["messages"]["not_installed"]
        log.info(" ".join(dict.fromkeys(said.get(lang) or said[DEFAULT] for lang in LANGUAGES)))
        return
    headers = site_dir / "_headers"
    if headers.exists():
        headers.write_text(headers.read_text(encoding="utf-8") + editor_site.headers_block(), encoding="utf-8")
