"""What partner organisations link to and print: short links (/go/<slug>/) that open in the reader's
language, their QR codes, and the list the partner page shows."""
from __future__ import annotations

import io
from dataclasses import dataclass

import segno

from . import standalone_page
from .content import Site
from .html import tag, text
from .languages import DEFAULT, LANGUAGES, NAMES
from .urls import absolute, page_url

KINDS = ("help", "guide", "platform", "law")


@dataclass(frozen=True)
class ShortLink:
    slug: str  # go/<slug>/
    norm: str  # the page it opens
    kind: str
    titles: dict  # lang -> title (the page's own, or the original's)

    @property
    def url(self) -> str:
        return f"go/{self.slug}/"


def short_links(site: Site) -> list[ShortLink]:
    out = []
    for kind in KINDS:
        for versions in site.of_kind(kind):
            page = next(iter(versions.values()))
            slug = "help" if kind == "help" else page.slug
            titles = {lang: (versions.get(lang) or page).title for lang in LANGUAGES}
            out.append(ShortLink(slug, page.norm, kind, titles))
    return out


def go_page(link: ShortLink, t, directory_urls: bool = True) -> str:
    """A tiny page: with script it opens the reader's language at once (go.js); without, it shows both."""
    items = "".join(
        tag("li", tag("a", text(link.titles[lang]), href="../../" + page_url(link.norm, lang, directory_urls),
                      hreflang=lang, lang=lang, data_lang=lang) + " " + tag("span", f"({text(NAMES[lang])})", lang=lang))
        for lang in LANGUAGES)
    body = tag("main", tag("h1", text(t("go.title"))) + tag("ul", items)) + '<script src="../../assets/javascripts/go.js"></script>'
    return standalone_page.page(DEFAULT, link.titles[DEFAULT], body, stylesheet="../../embed/help.css")


def qr_svg(site_url: str, link: ShortLink) -> str:
    """A standalone SVG file of the short link's QR code, with the quiet zone printers need."""
    return qr_code(absolute(site_url, link.url), link.url).decode("utf-8")


QR_STYLE = f"segno {segno.__version__}, error m, scale 8, border 4"  # part of a cached QR code's name


def qr_code(address: str, title: str) -> bytes:
    """The SVG file of a QR code for `address` (slow: segno tries eight masks to pick the best)."""
    out = io.BytesIO()
    segno.make(address, error="m").save(out, kind="svg", scale=8, border=4, dark="#000", light="#fff", title=title)
    return out.getvalue()
