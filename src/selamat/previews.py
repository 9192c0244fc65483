"""Link previews: Open Graph and Twitter card tags, and a neutral image per page (the site's name and
the page's title only), because a preview in a chat can be seen by others."""
from __future__ import annotations

import io
import textwrap
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from .html import attrs

SIZE = (1200, 630)
BACKGROUND, FOREGROUND, ACCENT = "#331a52", "#ffffff", "#d9c8ee"
LOCALES = {"en": "en_MY", "ms": "ms_MY"}
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


@lru_cache(maxsize=4)
def _name_band(site_name: str) -> Image.Image:
    """The top of every image: the site name, drawn once."""
    band = Image.new("L", (SIZE[0], TITLE_TOP), 0)
    ImageDraw.Draw(band).text((80, 70), site_name, font=_font(56), fill=255)
    return band.point([SHADES + s if s else 0 for s in _SHADE])


def draw(title: str, site_name: str) -> bytes:
    """The PNG for a page: the site name and the page's title, light on the site's purple."""
    canvas = Image.new("L", SIZE, 0)
    canvas.paste(_name_band(site_name), (0, 0))
    band = Image.new("L", (SIZE[0], SIZE[1] - TITLE_TOP), 0)
    pen = ImageDraw.Draw(band)
    for n, line in enumerate(textwrap.wrap(title, width=26)[:4]):
        pen.text((80, 200 - TITLE_TOP + n * 92), line, font=_font(72), fill=255)
    canvas.paste(band.point(_SHADE), (0, TITLE_TOP))
    canvas.putpalette(PALETTE)  # now a palette image: each value is a shade
    out = io.BytesIO()
    canvas.save(out, format="PNG", bits=4, compress_level=1)  # 6 took 3x as long for 20% less
    return out.getvalue()


def meta_tags(title: str, summary: str, url: str, image_url: str, site_name: str, lang: str) -> str:
    props = {"og:type": "article", "og:site_name": site_name, "og:title": title, "og:description": summary,
             "og:url": url, "og:image": image_url, "og:image:width": SIZE[0], "og:image:height": SIZE[1],
             "og:locale": LOCALES[lang]}
    names = {"twitter:card": "summary_large_image", "twitter:title": title, "twitter:description": summary,
             "twitter:image": image_url}
    return ("".join(f"<meta{attrs(property=k, content=v)}>\n" for k, v in props.items())
            + "".join(f"<meta{attrs(name=k, content=v)}>\n" for k, v in names.items()))
