"""Keeps one "not found" page per language: each language build renders 404.html at the site root, so
the last one would win. This keeps English at /404.html and Malay at /ms/404.html and points their
language switcher at the language home pages (not at whichever page was rendered last). It has no
hreflang alternates, which a "not found" page must not have (overrides/main.html leaves them out)."""
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from selamat.language_builds import kept
from selamat.languages import LANGUAGES, NAMES, prefix
from selamat.mkdocs_glue import all_languages_built, language

_rendered: dict[str, str] = kept("404 pages", dict)  # language -> its page


def on_pre_template(template, template_name, config):
    if template_name == "404.html":
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        homes = [{"name": NAMES[code], "link": root + prefix(code), "lang": code} for code in LANGUAGES]
        # mkdocs-static-i18n sets both the item and the attribute; templates read the attribute first
        config.extra["alternate"] = homes
        setattr(config.extra, "alternate", homes)
    return template


@event_priority(-100)  # after the other hooks have finished the page
def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _rendered[language(config)] = output_content
    return output_content


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    if not all_languages_built(config):
        return
    for lang, html in _rendered.items():
        target = Path(config.site_dir) / prefix(lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _rendered.clear()
