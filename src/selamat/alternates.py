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


MATERIAL_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def replace_in_head(html: str, links: list[tuple[str, str]]) -> str:
    """Drop Material's relative alternates (made for the language switcher) and put absolute ones in <head>."""
    head_end = html.index("</head>")
    head = MATERIAL_ALTERNATE.sub("", html[:head_end])
    ours = "".join(f"<link{attrs(rel='alternate', hreflang=lang, href=url)}>\n" for lang, url in links)
    return head + ours + html[head_end:]
