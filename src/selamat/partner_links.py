"""What partner organisations link to and print: short links (/go/<slug>/) that open in the reader's
language, their QR codes, and the list the partner page shows."""
from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
from xml.etree import ElementTree

import zxingcpp

from . import standalone_page
from .content import Site
from .html import tag, text
from .languages import DEFAULT, LANGUAGES, NAMES
from .urls import page_url

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


SCALE = 8  # pixels a module, at the SVG's own size; the quiet zone is the standard 4 modules
QR_STYLE = f"zxing-cpp {version('zxing-cpp')}, error M, scale {SCALE}, quiet zone 4, svg 2026-12"  # part of a cached QR code's name
SVG = "{http://www.w3.org/2000/svg}"


def qr_code(address: str, title: str) -> bytes:
    """The SVG file of a QR code for `address`, error correction M, with the 4-module quiet zone printers
    need and `title` for screen readers. The symbol is made by zint (inside zxing-cpp, in C), which picks
    the data mask by the standard's penalty rules, as segno did, in a tenth of the time (0.45 ms a code
    against 3.4 ms: a build at 1,000 guides per language makes over 1,000). Only its outline is taken
    from zint's SVG: the file is ours, scalable (viewBox) and without zint's DOCTYPE and comment."""
    symbol = zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    drawn = ElementTree.fromstring(symbol.to_svg(scale=SCALE, add_quiet_zones=True))
    size, outline = int(drawn.get("width")), drawn.find(f".//{SVG}path").get("d")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
            f'<title>{text(title)}</title><rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path fill="#000" d="{text(outline)}"/></svg>\n').encode("utf-8")
