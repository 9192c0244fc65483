"""Link previews: Open Graph and Twitter card tags, and a neutral image per page (the site's name and
the page's title only), because a preview in a chat can be seen by others."""
from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .html import attrs

SIZE = (1200, 630)
BACKGROUND, FOREGROUND, ACCENT = "#331a52", "#ffffff", "#d9c8ee"
LOCALES = {"en": "en_MY", "ms": "ms_MY"}


def image(title: str, site_name: str, cache: Path) -> bytes:
    """The PNG for a title, drawn once and kept in `cache`."""
    key = hashlib.sha256(f"{site_name}\0{title}".encode()).hexdigest()[:16]
    cached = cache / f"{key}.png"
    if cached.exists():
        return cached.read_bytes()
    canvas = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    draw.text((80, 70), site_name, font=ImageFont.load_default(size=56), fill=ACCENT)
    lines = textwrap.wrap(title, width=26)[:4]
    font = ImageFont.load_default(size=72)
    for n, line in enumerate(lines):
        draw.text((80, 200 + n * 92), line, font=font, fill=FOREGROUND)
    cache.mkdir(parents=True, exist_ok=True)
    canvas.save(cached, format="PNG", compress_level=6)  # optimize=True took 3x as long for 5% less
    return cached.read_bytes()


def meta_tags(title: str, summary: str, url: str, image_url: str, site_name: str, lang: str) -> str:
    props = {"og:type": "article", "og:site_name": site_name, "og:title": title, "og:description": summary,
             "og:url": url, "og:image": image_url, "og:image:width": SIZE[0], "og:image:height": SIZE[1],
             "og:locale": LOCALES[lang]}
    names = {"twitter:card": "summary_large_image", "twitter:title": title, "twitter:description": summary,
             "twitter:image": image_url}
    return ("".join(f"<meta{attrs(property=k, content=v)}>\n" for k, v in props.items())
            + "".join(f"<meta{attrs(name=k, content=v)}>\n" for k, v in names.items()))
