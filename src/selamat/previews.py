"""Link previews: Open Graph and Twitter card tags, and a neutral image per page (the site's name and
the page's title only), because a preview in a chat can be seen by others."""
from __future__ import annotations

import struct
import textwrap
import zlib
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from .html import attrs

SIZE = (1200, 630)
BACKGROUND, FOREGROUND, ACCENT = "#331a52", "#ffffff", "#d9c8ee"
COUNTRY = "MY"  # og:locale: each language as read in Malaysia (en_MY, ms_MY)
# Drawn as a 16-colour palette image (4 bits a pixel): 8 shades from the background to the title's
# colour and 8 to the site name's, enough for smooth text, and a file a third the size of a full-colour
# one, made several times faster.
SHADES = 8
TITLE_TOP = 190  # the title's band starts here; above it, only the site name
STYLE = "4-bit palette, 2026-11"  # part of a cached image's name: change it when the drawing changes


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _ramp(start: str, end: str) -> list[int]:
    a, b = _rgb(start), _rgb(end)
    return [round(a[c] + (b[c] - a[c]) * i / (SHADES - 1)) for i in range(SHADES) for c in range(3)]


PALETTE = _ramp(BACKGROUND, FOREGROUND) + _ramp(BACKGROUND, ACCENT)  # title shades 0-7, name shades 8-15
_SHADE = [round(v * (SHADES - 1) / 255) for v in range(256)]  # text coverage (0-255) -> shade


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


# The PNG is put together here rather than by Pillow's encoder (an image took 2.1 ms with it, 1.3 ms
# now): Pillow tries a filter on every row, and compresses the site-name band, the same in every
# image, every time. Here the band is compressed once and each image only adds its title rows. Each
# band is drawn 2 pixels wider on the left and packed 4 bits a pixel, so every row starts with the byte
# 0, which in a PNG says "this row is not filtered". The result is an ordinary 4-bit palette PNG (the
# tests read it with Pillow). Pillow packs "L;4" as value / 17: shade s is drawn as s * 17.
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MARGIN = 2  # pixels: the 0 byte at the start of every row
_TITLE_SHADES = [s * 17 for s in _SHADE]
_NAME_SHADES = [(SHADES + s) * 17 if s else 0 for s in _SHADE]


def _band(height: int, lines: list[str], top: int, step: int, size: int, shades: list[int]) -> bytes:
    """Rows of the image, as PNG scanlines: the lines of text drawn in one band of shades."""
    band = Image.new("L", (MARGIN + SIZE[0], height), 0)
    pen = ImageDraw.Draw(band)
    for n, line in enumerate(lines):
        pen.text((MARGIN + 80, top + n * step), line, font=_font(size), fill=255)
    return band.point(shades).tobytes("raw", "L;4")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@lru_cache(maxsize=4)
def _name_band(site_name: str) -> tuple[bytes, "zlib._Compress"]:
    """The top of every image, the site name, compressed once: the bytes so far and the compressor to
    go on from (copied for each image)."""
    compressor = zlib.compressobj(1)
    return compressor.compress(_band(TITLE_TOP, [site_name], 70, 0, 56, _NAME_SHADES)), compressor


def draw(title: str, site_name: str) -> bytes:
    """The PNG for a page: the site name and the page's title, light on the site's purple."""
    rows = _band(SIZE[1] - TITLE_TOP, textwrap.wrap(title, width=26)[:4], 200 - TITLE_TOP, 92, 72, _TITLE_SHADES)
    start, compressor = _name_band(site_name)
    go_on = compressor.copy()
    data = start + go_on.compress(rows) + go_on.flush()
    header = struct.pack(">IIBBBBB", SIZE[0], SIZE[1], 4, 3, 0, 0, 0)  # 4 bits a pixel, palette, not interlaced
    return (PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"PLTE", bytes(PALETTE))
            + _chunk(b"IDAT", data) + _chunk(b"IEND", b""))


def image_path(page_url: str) -> str:
    """Where a page's preview image is written in the site: assets/previews/<its address, flattened>.png."""
    stem = (page_url.rstrip("/") or "index").replace("/", "_").removesuffix(".html")
    return f"assets/previews/{stem}.png"


def meta_tags(title: str, summary: str, url: str, image_url: str, site_name: str, lang: str) -> str:
    props = {"og:type": "article", "og:site_name": site_name, "og:title": title, "og:description": summary,
             "og:url": url, "og:image": image_url, "og:image:width": SIZE[0], "og:image:height": SIZE[1],
             "og:locale": f"{lang}_{COUNTRY}"}
    names = {"twitter:card": "summary_large_image", "twitter:title": title, "twitter:description": summary,
             "twitter:image": image_url}
    return ("".join(f"<meta{attrs(property=k, content=v)}>\n" for k, v in props.items())
            + "".join(f"<meta{attrs(name=k, content=v)}>\n" for k, v in names.items()))
