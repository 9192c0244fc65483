"""hreflang alternates of a page: absolute URLs for each language it can be read in, and x-default."""
from __future__ import annotations

import re

from .content import Site
from .html import attrs
from .languages import DEFAULT, LANGUAGES
from .urls import absolute, page_url


def reachable(site: Site, norm: str) -> list[str]:
    """Languages a page can be read in: all of them. A missing translation is served as the original
    with a notice (mkdocs-static-i18n from English, steps/one_language_pages.py from Malay)."""
    return list(LANGUAGES) if site.versions(norm) else []


def alternates(site: Site, norm: str, site_url: str, directory_urls: bool = True) -> list[tuple[str, str]]:
    langs = reachable(site, norm)
    out = [(lang, absolute(site_url, page_url(norm, lang, directory_urls))) for lang in langs]
    out.append(("x-default", absolute(site_url, page_url(norm, DEFAULT, directory_urls))))
    return out


# How Material 9.8.1 writes the alternates of config.extra.alternate in its `site_meta` block.
MATERIAL_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def without_material_alternates(html: str) -> str:
    """Material's relative alternates (made for the language switcher) taken out of its head markup."""
    return MATERIAL_ALTERNATE.sub("", html)


def links(pairs: list[tuple[str, str]]) -> str:
    """<link rel="alternate"> elements for (language, absolute URL) pairs."""
    return "".join(f"<link{attrs(rel='alternate', hreflang=lang, href=url)}>\n" for lang, url in pairs)
