"""Keeps one "not found" page per language: each language build renders 404.html at the site root, so
the last one would win. This keeps English at /404.html and Malay at /ms/404.html and points their
language switcher at the language home pages (not at whichever page was rendered last). It has no
hreflang alternates, which a "not found" page must not have (overrides/main.html leaves them out)."""
from pathlib import Path
from urllib.parse import urlsplit

from selamat.languages import LANGUAGES, NAMES, prefix
from selamat.mkdocs_glue import all_languages_built, language


def on_pre_template(template, template_name, config):
    if template_name == "404.html":
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        homes = [{"name": NAMES[code], "link": root + prefix(code), "lang": code} for code in LANGUAGES]
        # mkdocs-static-i18n sets both the item and the attribute; templates read the attribute first
        config.extra["alternate"] = homes
        setattr(config.extra, "alternate", homes)
    return template


def on_post_template(output_content, template_name, config, state):
    if template_name == "404.html":
        state.pages_404[language(config)] = output_content
    return output_content


def on_post_build(config, state):
    if not all_languages_built(config):
        return
    for lang, html in state.pages_404.items():
        target = Path(config.site_dir) / prefix(lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    state.pages_404.clear()
