"""Build time of the site with N generated guides per language (default 200), ours against stock
Material + mkdocs-static-i18n on the same pages, in one run.

Usage: python benchmarks/build_time.py [pages_per_language]"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from check_speed import page  # noqa: E402

STOCK = """site_name: Selamat
site_url: https://selamat.example.org/
docs_dir: docs
theme:
  name: material
  language: en
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: ms, name: Bahasa Melayu, build: true}
markdown_extensions: [toc, admonition, attr_list, md_in_html, tables, pymdownx.details, pymdownx.superfences]
"""


def make(root: Path, n: int, ours: bool) -> None:
    shutil.copytree(ROOT / "docs", root / "docs")
    for lang in ("en", "ms"):
        for i in range(n):
            (root / "docs" / "guides" / f"guide-{i:04d}.{lang}.md").write_text(page_text(i, lang, n), encoding="utf-8")
    if ours:
        for name in ("hooks", "overrides", "data"):
            shutil.copytree(ROOT / name, root / name)
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        (root / "data" / "published-urls.txt").unlink()
    else:
        (root / "mkdocs.yml").write_text(STOCK, encoding="utf-8")


def page_text(i: int, lang: str, n: int) -> str:
    """A generated guide that links only to other generated guides."""
    return page(i, lang, n).replace(f" and [the law](../laws/law-{i % 20:04d}.md)", "")


def build(root: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(root / "site")], cwd=root, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    results = {}
    for label, ours in (("stock Material + static-i18n", False), ("Selamat", True)):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make(root, n, ours)
            first = build(root)
            second = build(root)  # warm: preview images cached, as in `mkdocs serve` rebuilds
            results[label] = (first, second)
            print(f"{label}: {first:.1f} s first build, {second:.1f} s second build ({n} guides per language)")
    (s1, s2), (o1, o2) = results.values()
    print(f"ratio, ours / stock: {o1 / s1:.2f}x first build, {o2 / s2:.2f}x second build")


if __name__ == "__main__":
    main()
