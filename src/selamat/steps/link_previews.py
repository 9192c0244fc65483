"""Adds Open Graph and Twitter card tags (title, summary, address, image) to each page's <head> and
writes its neutral preview image (site name and page title only) into assets/previews/. The images are
drawn in worker processes while the pages render, and kept in .cache/previews/ for the next build."""
from pathlib import Path

from selamat.background import key
from selamat.mkdocs_glue import all_languages_built, context, page_of, project_root
from selamat.previews import STYLE, draw, meta_tags
from selamat.urls import absolute


def on_post_page(output, page, config, state):
    ctx = context(config, page.url)
    ours = page_of(ctx, page)
    if ours is None or ours.meta is None or not config.site_url:
        return output
    stem = (page.url.rstrip("/") or "index").replace("/", "_").removesuffix(".html")
    name = f"assets/previews/{stem}.png"
    cached = project_root(config) / ".cache" / "previews" / f"{key(STYLE, config.site_name, ours.title)}.png"
    state.preview_images.add(Path(config.site_dir) / name, cached, draw, ours.title, config.site_name)
    tags = meta_tags(ours.title, ours.meta.summary, absolute(config.site_url, page.url),
                     absolute(config.site_url, name), config.site_name, ctx.lang)
    at = output.index("</head>")
    return output[:at] + tags + output[at:]


def on_post_build(config, state):
    if all_languages_built(config):
        state.preview_images.finish()
