"""Bytes a first visit to a page transfers, measured in Debian's Chromium against the built site served
gzip-compressed as a host serves it (run `make build` first, or pass --site DIR). Budget for a guide
(issue 6): 75 KB compressed in total, whatever the size of the site.

Usage: python benchmarks/first_visit_bytes.py [--site DIR] [page ...]   (default: a guide in each language)"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS  # noqa: E402
from support.browser import chromium  # noqa: E402
from support.static_server import serve  # noqa: E402


def main() -> None:
    args = sys.argv[1:]
    site = ROOT / "site"
    if args[:1] == ["--site"]:
        site, args = Path(args[1]), args[2:]
    pages = args or ["guides/reporting/", "ms/guides/reporting/"]
    server, base = serve(site, gzip=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            for path in pages:
                context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
                page = context.new_page()
                finished = []
                page.on("requestfinished", lambda request: finished.append(request))
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                sizes = {r.url: r.sizes() for r in finished}
                total = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes.values())
                print(f"/{path}: {len(sizes)} requests, {total / 1024:.1f} KB transferred (gzip, headers included)")
                for url, s in sorted(sizes.items(), key=lambda item: -item[1]["responseBodySize"]):
                    print(f"  {s['responseBodySize'] / 1024:6.1f} KB  {url[len(base) - 1:] if url.startswith(base) else url[:60]}")
                context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
