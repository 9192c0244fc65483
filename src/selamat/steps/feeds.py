"""Writes RSS and JSON feeds per language, for partners and readers who follow the site: statements
(/feeds/statements.xml and .json), every new or updated page (/feeds/updates.xml and .json) and the
changes to the law (/feeds/legal-changes.xml and .json), and the same under /ms/."""
from pathlib import Path

from selamat import feeds
from selamat.languages import LANGUAGES, prefix
from selamat.mkdocs_glue import all_languages_built, context
from selamat.urls import absolute, page_url

# feed name -> (the page its readers come from, the page kinds it lists; none: the legal changes)
FEEDS = {"statements": ("statements/index.md", ("statement",)),
         "updates": ("index.md", ("guide", "platform", "law", "statement", "resource")),
         "legal-changes": ("laws/index.md", ())}


def on_post_build(config):
    if not all_languages_built(config):
        return
    ctx = context(config, "")
    site_url = config.site_url or "/"
    for lang in LANGUAGES:
        folder = Path(config.site_dir) / prefix(lang) / "feeds"
        folder.mkdir(parents=True, exist_ok=True)
        for name, (home_page, kinds) in FEEDS.items():
            if kinds:
                items = feeds.page_items(feeds.entries(ctx.site, lang, kinds), ctx.data, site_url, lang)
            else:
                items = feeds.legal_change_items(ctx.site, ctx.data, site_url, lang)
            title = f"{config.site_name}: {ctx.data.t(f'feed.{name}', lang)}"
            description = ctx.data.t(f"feed.{name}.description", lang)
            home = absolute(site_url, page_url(home_page, lang))
            base = absolute(site_url, f"{prefix(lang)}feeds/{name}")
            (folder / f"{name}.xml").write_bytes(feeds.rss(items, title, description, home, base + ".xml", lang))
            (folder / f"{name}.json").write_text(feeds.json_feed(items, title, description, home, base + ".json", lang), encoding="utf-8")
