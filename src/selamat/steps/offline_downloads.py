"""Publishes the offline editions (downloads/selamat-en.zip, selamat-ms.zip, built beforehand by
`selamat offline-zip --out downloads`) in the web build at /downloads/, where the offline-reading
control links to them with their size. Kept out of `mkdocs build` itself: zipping is a separate step.
Plain-file builds (for file://) do not carry them."""
import shutil
from pathlib import Path

from selamat.mkdocs_glue import all_languages_built, project_root
from selamat.offline_downloads import DOWNLOADS, find_downloads


def on_post_build(config):
    if not (all_languages_built(config) and config.use_directory_urls):
        return
    source = project_root(config) / DOWNLOADS
    for download in find_downloads(source):
        target = Path(config.site_dir) / DOWNLOADS
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / download.name, target / download.name)
