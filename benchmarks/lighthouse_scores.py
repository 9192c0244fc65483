"""Lighthouse scores, Largest Contentful Paint, Total Blocking Time and bytes transferred, stock Material +
mkdocs-static-i18n (default configuration, same content) beside Selamat, in one run: the home page, the
start flow, a guide, a platform page, two law pages and the statements listing, in both languages. Both sites are built into temporary
folders and served gzip-compressed on 127.0.0.1, as a host serves them; Lighthouse runs with its default
mobile profile (simulated slow 4G, 4x CPU slowdown), one page at a time.
Budgets (issue 6): every score 100, LCP <= 1.1 s (aim 1.0 s), TBT <= 50 ms.

Usage: python benchmarks/lighthouse_scores.py [path ...]    (needs `make lighthouse` once)"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))
from build_time import STOCK  # noqa: E402
from support import lighthouse  # noqa: E402
from support.static_server import serve  # noqa: E402
from selamat import engine  # noqa: E402

PAGES = ["", "start/", "guides/reporting/", "platforms/whatsapp/", "laws/online-safety-act-2025/", "laws/cma-section-233/",
         "statements/"]
BUDGET = {"lcp_ms": 1100, "tbt_ms": 50}
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "BP", "seo": "SEO"}


def build(project: Path, out: Path) -> None:
    subprocess.run(engine.command("build", "-q", "--site-dir", str(out)), cwd=project,
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def stock_project(tmp: Path) -> Path:
    project = tmp / "stock"
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(STOCK, encoding="utf-8")
    return project


def cells(result: lighthouse.Result) -> list[str]:
    scores = [str(result.scores[name]) for name in SHORT]
    return scores + [f"{result.lcp_ms / 1000:.2f} s", f"{result.tbt_ms:.0f} ms", f"{result.transfer_bytes / 1024:.0f} KB"]


def main() -> None:
    if problem := lighthouse.missing():
        sys.exit(problem)
    base_pages = sys.argv[1:] or PAGES
    pages = [*base_pages, *(f"ms/{path}" for path in base_pages)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build(stock_project(tmp), tmp / "stock-site")
        build(ROOT, tmp / "ours-site")
        servers = {label: serve(tmp / f"{label}-site", gzip=True) for label in ("stock", "ours")}
        try:
            rows, failing = [], []
            for path in pages:
                row = [f"/{path}"]
                for label, (_, base) in servers.items():
                    result = lighthouse.run(base + path)
                    row += cells(result)
                    if label == "ours" and result.failing:
                        failing.append(f"/{path}: {', '.join(result.failing)}")
                rows.append(row)
                print(f"  measured /{path}", file=sys.stderr, flush=True)
        finally:
            for server, _ in servers.values():
                server.shutdown()
    metrics = [*SHORT.values(), "LCP", "TBT", "transfer"]
    header = ["page", *(f"stock {m}" for m in metrics), *(f"ours {m}" for m in metrics)]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    version = json.loads((ROOT / "benchmarks" / "lighthouse" / "package.json").read_text())["dependencies"]["lighthouse"]
    print(f"Lighthouse {version}, default mobile profile (simulated throttling), served gzipped on 127.0.0.1")
    for row in [header, *rows]:
        print("  ".join(str(cell).rjust(width) if i else str(cell).ljust(width) for i, (cell, width) in enumerate(zip(row, widths))))
    print(f"Budgets for ours: every score 100, LCP <= {BUDGET['lcp_ms'] / 1000:.1f} s, TBT <= {BUDGET['tbt_ms']} ms")
    for line in failing:
        print(f"  not passing in ours: {line}")


if __name__ == "__main__":
    main()
