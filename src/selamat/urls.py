"""Where a page lands in the built site, per language, and relative links between built pages."""
from __future__ import annotations

import posixpath

from .languages import prefix


def page_url(norm: str, lang: str, directory_urls: bool = True) -> str:
    """Site-relative URL of a page: ('guides/x.md', 'ms') -> 'ms/guides/x/'; home is '' or 'ms/'."""
    stem = norm[:-3]
    if directory_urls:
        if stem == "index":
            path = ""
        elif stem.endswith("/index"):
            path = stem[: -len("index")]
        else:
            path = stem + "/"
    else:
        path = stem + ".html"
    return prefix(lang) + path


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative, that also works from file://."""
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            rel = "./"
    return rel


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


def dest_uri(norm: str, lang: str, directory_urls: bool = True) -> str:
    """The file a page is written to in the built site: ('statements/x.md', 'en') -> statements/x/index.html."""
    url = page_url(norm, lang, directory_urls)
    return url + "index.html" if url.endswith("/") or url == "" else url
