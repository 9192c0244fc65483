"""Writes the help card partners embed in an <iframe>: /embed/help/ and /ms/embed/help/, the top help
services with their own small CSS (overrides/embed/help.css), no script, links opening in the top window."""
from pathlib import Path

from selamat.help_card import card
from selamat.languages import LANGUAGES, prefix
from selamat.mkdocs_glue import all_languages_built, context
from selamat.security import finish_page
from selamat.urls import absolute, page_url


def on_post_build(config):
    if not all_languages_built(config):
        return
    for lang in LANGUAGES:
        ctx = context(config, f"{prefix(lang)}embed/help/")
        ctx.lang = lang
        help_url = absolute(config.site_url or "/", page_url("help/index.md", lang))
        folder = Path(config.site_dir) / prefix(lang) / "embed" / "help"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(finish_page(card(ctx, help_url), config.site_url or '/'), encoding="utf-8")
