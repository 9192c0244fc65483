"""Adds Open Graph and Twitter card tags (title, summary, address, image) to each page's <head> and
draws its neutral preview image (site name and page title only) into assets/previews/."""
from pathlib import Path

from selamat.mkdocs_glue import context, page_of
from selamat.previews import image, meta_tags
from selamat.urls import absolute


def on_post_page(output, page, config):
    ctx = context(config, page.url)
    ours = page_of(ctx, page)
    if ours is None or ours.meta is None or not config.site_url:
        return output
    stem = (page.url.rstrip("/") or "index").replace("/", "_").removesuffix(".html")
    name = f"assets/previews/{stem}.png"
    target = Path(config.site_dir) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(image(ours.title, config.site_name, Path(config.config_file_path).parent / ".cache" / "previews"))
    tags = meta_tags(ours.title, ours.meta.summary, absolute(config.site_url, page.url),
                     absolute(config.site_url, name), config.site_name, ctx.lang)
    at = output.index("</head>")
    return output[:at] + tags + output[at:]
