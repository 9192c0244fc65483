"""Writes RSS and JSON feeds per language, for partners and readers who follow the site: statements
(/feeds/statements.xml and .json) and every new or updated page (/feeds/updates.xml and .json),
and the same under /ms/."""
from pathlib import Path

from mkdocs.plugins import event_priority

from selamat import feeds
from selamat.languages import LANGUAGES, prefix
from selamat.mkdocs_glue import all_languages_built, context
from selamat.urls import absolute, page_url

FEEDS = {"statements": ("statement",), "updates": ("guide", "law", "statement")}


@event_priority(-200)  # once every language is built
def on_post_build(config):
    if not all_languages_built(config):
        return
    ctx = context(config, "")
    site_url = config.site_url or "/"
    for lang in LANGUAGES:
        folder = Path(config.site_dir) / prefix(lang) / "feeds"
        folder.mkdir(parents=True, exist_ok=True)
        for name, kinds in FEEDS.items():
            pages = feeds.entries(ctx.site, lang, kinds)
            title = f"{config.site_name}: {ctx.data.t(f'feed.{name}', lang)}"
            description = ctx.data.t(f"feed.{name}.description", lang)
            home = absolute(site_url, page_url("statements/index.md" if name == "statements" else "index.md", lang))
            base = absolute(site_url, f"{prefix(lang)}feeds/{name}")
            (folder / f"{name}.xml").write_bytes(feeds.rss(pages, title, description, home, base + ".xml", site_url, lang))
            (folder / f"{name}.json").write_text(feeds.json_feed(pages, title, description, home, base + ".json", site_url, lang), encoding="utf-8")
