"""Bytes a first visit to a page transfers, gzip-compressed as a host would serve them, measured in
Debian's Chromium on the built site (run `make build` first).

Usage: python benchmarks/first_visit_bytes.py [page ...]   (default: a guide in each language)"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS  # noqa: E402
from support.static_server import serve  # noqa: E402

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", "/")


def main() -> None:
    pages = sys.argv[1:] or ["guides/reporting/", "ms/guides/reporting/"]
    site = ROOT / "site"
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for path in pages:
                page = browser.new_page(viewport={"width": 360, "height": 800})
                urls = []
                page.on("request", lambda r: urls.append(r.url))
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                total = 0
                for url in dict.fromkeys(urls):
                    local = urlsplit(url).path.lstrip("/")
                    file = site / local / "index.html" if local.endswith("/") or not local else site / local
                    raw = file.read_bytes()
                    total += len(gzip.compress(raw, 6)) if file.name.endswith(COMPRESSIBLE) or file.suffix == "" else len(raw)
                print(f"{path}: {len(set(urls))} requests, {total / 1024:.1f} KB compressed")
                page.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
