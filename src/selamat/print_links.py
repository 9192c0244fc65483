"""On paper a link is only as good as its address: each link in a page's text carries its full
address in `data-print`, which the print style sheet shows after the link text."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from .html import text

LINK = re.compile(r'<a (?P<attrs>[^>]*?)href="(?P<href>[^"#][^"]*)"')


def add_print_addresses(html: str, page_address: str) -> str:
    def one(m: re.Match) -> str:
        href = m.group("href")
        if href.startswith(("tel:", "sms:", "mailto:")):
            full = href.split(":", 1)[1]
        else:
            full = urljoin(page_address, href)
        return f'<a {m.group("attrs")}data-print="{text(full)}" href="{href}"'
    return LINK.sub(one, html)
