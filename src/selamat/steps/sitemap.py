"""Replaces the sitemap with one listing every page in both languages with absolute hreflang
alternates and x-default (mkdocs-static-i18n's has no x-default). Written once all languages are built."""
import gzip
from pathlib import Path

from selamat.mkdocs_glue import all_languages_built, context
from selamat.sitemap import sitemap


def on_post_build(config):
    if not all_languages_built(config) or not config.site_url:
        return
    ctx = context(config, "")
    xml = sitemap(ctx.site, config.site_url, config.use_directory_urls)
    site_dir = Path(config.site_dir)
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
