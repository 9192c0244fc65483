"""Search, stock Material + static-i18n against Selamat, in Debian's Chromium, in one run.

1. Quality on the blind query set (tests/search/queries.yml): recall@3 and mean reciprocal rank per
   language and per kind of query: for stock, each query run through Material's worker and its one mixed
   index in Chromium, the pages ranked as Material shows them; for Selamat, through the site's own search
   worker script run under Node on the built index (tests/support/search_node.py; the browser tests show
   the same engine in Chromium). The cost of search as the site grows: benchmarks/search_cost.py.
2. Cost on a generated site with N guides per language (default 300) plus the real pages: bytes
   downloaded (gzip-compressed, as a host would send them) from opening a guide until the first search
   result shows, and the time from the first keystroke in the search field to the first result, under
   a 4x CPU-throttled phone profile (360 px). Median of 3 runs. The reader taps search, then types.
3. The Malay stemmer's exact-root accuracy on the shared test vectors and on the held-out list
   (tests/fixtures/malay-stems*.tsv), with the words it gets wrong.

Usage: python benchmarks/search.py [guides_per_language]"""
from __future__ import annotations

import csv
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from build_time import make  # noqa: E402
from conftest import CHROMIUM_ARGS  # noqa: E402
from support import search_eval, search_node  # noqa: E402
from support.browser import chromium  # noqa: E402
from support.phone import throttled_phone  # noqa: E402
from support.search_box import type_search  # noqa: E402
from support.static_server import serve  # noqa: E402

from selamat.stemmer import Stemmer  # noqa: E402
from selamat import engine  # noqa: E402

QUERY = {"en": "police report", "ms": "laporan polis"}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")

TIME_TO_RESULT = """() => { window.selamatFirstResult = new Promise(resolve => {
  const input = document.querySelector("input.md-search__input");
  let start = null;
  input.addEventListener("keydown", () => { if (start === null) start = performance.now(); }, {once: true});
  const list = document.querySelector(".md-search-result__list");
  new MutationObserver((_, observer) => {
    if (start !== null && list.querySelector(".md-search-result__item")) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  }).observe(list, {childList: true, subtree: true});
}); }"""


def build(root: Path, out: Path) -> None:
    subprocess.run(engine.command("build", "-q", "--site-dir", str(out)), cwd=root, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)


def project(root: Path, ours: bool, generated: int) -> Path:
    """The real pages plus `generated` guides per language, built; stock with its default configuration."""
    make(root, generated, ours, stock_nav=False)
    build(root, root / "site")
    return root / "site"


def index_of(site: Path, lang: str, ours: bool) -> str:
    return f"{lang}/search/search_index.json" if ours and lang != "en" else "search/search_index.json"


def quality(browser, sites: dict[str, Path]) -> None:
    queries = search_eval.load()
    print("\n## Quality on the blind query set (recall@3 / mean reciprocal rank)\n")
    rows = defaultdict(dict)
    for label, site in sites.items():
        server, base = serve(site)
        page = browser.new_page()
        page.goto(base)
        worker = next((site / "assets/javascripts/workers").glob("search.*.min.js")).relative_to(site).as_posix()
        for lang in ("en", "ms"):
            mine = [q for q in queries if q.lang == lang]
            if label == "Selamat":
                ranked = search_node.rankings(site, lang, [q.q for q in mine], top=20)
            else:
                ranked = search_eval.worker_rankings(page, base + worker, base + index_of(site, lang, False),
                                                     [q.q for q in mine])
            rows[(lang, "all")][label] = search_eval.scores(mine, ranked)
            by_kind = defaultdict(list)
            for q, r in zip(mine, ranked):
                by_kind[q.kind].append((q, r))
            for kind, pairs in sorted(by_kind.items()):
                rows[(lang, kind)][label] = search_eval.scores([q for q, _ in pairs], [r for _, r in pairs])
            if label == "Selamat":
                misses = [f"{q.q!r} -> {r[:3]} (wanted {q.expect})" for q, r in zip(mine, ranked)
                          if not (search_eval.rank(q, r) or 99) <= 3]
                rows[(lang, "misses")] = misses
        page.close()
        server.shutdown()
    labels = list(sites)
    print(f"| language | queries | {' | '.join(f'{l}: recall@3 | {l}: MRR' for l in labels)} |")
    print("|---|---|" + "---|---|" * len(labels))
    for (lang, kind), by_label in rows.items():
        if kind == "misses":
            continue
        n = next(iter(by_label.values()))["queries"]
        cells = " | ".join(f"{by_label[l]['recall@3']:.2f} | {by_label[l]['mrr']:.2f}" for l in labels)
        print(f"| {lang} {kind} | {n} | {cells} |")
    for lang in ("en", "ms"):
        print(f"\nSelamat misses ({lang}): " + ("; ".join(rows[(lang, 'misses')]) or "none"))


def served_bytes(site: Path, base: str, urls: list[str]) -> int:
    total = 0
    for url in urls:
        if not url.startswith(base):
            continue
        path = site / unquote(urlsplit(url).path.lstrip("/"))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            continue
        body = path.read_bytes()
        total += len(gzip.compress(body, 6)) if path.suffix in COMPRESSIBLE else len(body)
    return total


def cost(browser, sites: dict[str, Path], generated: int) -> None:
    print(f"\n## Cost on a site of {generated} generated guides per language plus the real pages "
          "(phone, 4x CPU throttling)\n")
    print("| site | page | bytes before the first result (KB, gzip) | keystroke to first result (ms) |")
    print("|---|---|---|---|")
    for label, site in sites.items():
        server, base = serve(site)
        for lang in ("en", "ms"):
            path = ("ms/" if lang == "ms" else "") + "guides/reporting/"
            sizes, times = [], []
            for _ in range(3):
                context, page = throttled_phone(browser, base)  # stock Material's Google Fonts fail at once
                urls: list[str] = []
                page.on("request", lambda r: urls.append(r.url))
                page.goto(base + path, wait_until="load")
                page.evaluate(TIME_TO_RESULT)
                type_search(page, QUERY[lang], delay=60)
                page.wait_for_selector(".md-search-result__item", timeout=120000)
                times.append(page.evaluate("window.selamatFirstResult"))
                sizes.append(served_bytes(site, base, urls))
                context.close()
            print(f"| {label} | /{path} | {statistics.median(sizes) / 1024:.0f} | {statistics.median(times):.0f} |")
        server.shutdown()


def stemmer_accuracy() -> None:
    print("\n## Malay stemmer, exact root\n")
    stemmer = Stemmer.from_data(ROOT / "data")
    for name in ("malay-stems.tsv", "malay-stems-heldout.tsv"):
        path = ROOT / "tests" / "fixtures" / name
        if not path.exists():
            continue
        rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
        everything = len(rows)
        rows = [r for r in rows if r.get("certain", "Y") == "Y"]  # roots a native speaker is sure of
        wrong = []
        for row in rows:
            ok = {row["root"], *filter(None, (row.get("alt_roots") or "").replace(" ", "").split(","))}
            got = stemmer.stem(row["word"])
            if got not in ok:
                wrong.append(f"{row['word']}→{got} (expected {row['root']})")
        print(f"- {name} ({len(rows)} of {everything} words, those marked certain): "
              f"{len(rows) - len(wrong)}/{len(rows)} ({(len(rows) - len(wrong)) / len(rows):.1%}); "
              f"wrong: {', '.join(wrong) or 'none'}")


def main() -> None:
    generated = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(),
                                             args=CHROMIUM_ARGS)
        tmp = Path(tmp)
        real = {"stock Material + static-i18n": project(tmp / "stock", False, 0),
                "Selamat": project(tmp / "ours", True, 0)}
        quality(browser, real)
        big = {"stock Material + static-i18n": project(tmp / "stock-big", False, generated),
               "Selamat": project(tmp / "ours-big", True, generated)}
        cost(browser, big, generated)
        browser.close()
    stemmer_accuracy()


if __name__ == "__main__":
    main()
