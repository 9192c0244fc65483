"""Writes each page's neutral preview image (site name and page title only) into assets/previews/, which
its Open Graph and Twitter card tags name (written in <head> by overrides/main.html: selamat/template_blocks.py).
The images are drawn in worker processes while the pages render, and kept in .cache/previews/ for the next build."""
from pathlib import Path

from selamat.background import key
from selamat.mkdocs_glue import all_languages_built, context, page_of, project_root
from selamat.previews import STYLE, draw, image_path


def on_post_page(output, page, config, state):
    ours = page_of(context(config, page.url), page)
    if ours is None or ours.meta is None or not config.site_url:
        return output
    cached = project_root(config) / ".cache" / "previews" / f"{key(STYLE, config.site_name, ours.title)}.png"
    state.preview_images.add(Path(config.site_dir) / image_path(page.url), cached, draw, ours.title, config.site_name)
    return output


def on_post_build(config, state):
    if all_languages_built(config):
        state.preview_images.finish()
