"""Writes the catalogue partners build their own listings from: /api/v1/resources.json (every page:
type, titles, summaries, topics, both addresses, dates, languages) and its JSON Schema beside it."""
from pathlib import Path

from selamat.catalogue import catalogue_json, schema_json
from selamat.mkdocs_glue import all_languages_built, context


def on_post_build(config):
    if not all_languages_built(config):
        return
    folder = Path(config.site_dir) / "api" / "v1"
    folder.mkdir(parents=True, exist_ok=True)
    ctx = context(config, "")
    (folder / "resources.json").write_text(catalogue_json(ctx.site, config.site_url or "/", ctx.data), encoding="utf-8")
    (folder / "resources.schema.json").write_text(schema_json(), encoding="utf-8")
