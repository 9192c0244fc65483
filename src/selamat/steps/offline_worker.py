"""Writes the service worker for offline reading, offline-worker.js at the site's root, with each
language's precache list and version (a hash of those files) written in, once every page is final.
Nothing registers it until the reader presses "Save for offline reading" (offline.js)."""
from pathlib import Path

from selamat.mkdocs_glue import all_languages_built, context
from selamat.offline_worker import write_worker


def on_post_build(config):
    if all_languages_built(config):
        write_worker(Path(config.site_dir), context(config, "").site, config.use_directory_urls)
