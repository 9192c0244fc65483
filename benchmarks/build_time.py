"""Build time of the site with N generated guides per language (default 1,000), ours against stock
Material + mkdocs-static-i18n on the same pages, in one run; then the `mkdocs serve` rebuild time on a
site of 200 guides per language (benchmarks/serve_rebuild.py).

Usage: python benchmarks/build_time.py [pages_per_language] [--rounds R] [--serve-pages M] [--no-serve] [--stock-default-nav]

Ours is built cold (no .cache/: every link preview image and QR code drawn) and warm (a second build,
as `mkdocs serve` rebuilds and CI with a kept cache do). Stock is built twice too (it has no cache; the
second build shows the noise). Stock gets the same `nav:` as ours: without one, Material lists every
page in every page's navigation, which grows with the square of the pages (--stock-default-nav prints
that too). Each figure is the wall-clock time, with the CPU time of the build and its worker processes
beside it: the machine has other users, and the load average is printed before and after. Stock and ours
are measured in turn, R rounds (default 3), each first every other round, after one build not counted
(the first build on an idle machine runs faster than the rest); the ratio is that of the medians.

Ours builds the two languages side by side (src/selamat/steps/parallel_languages.py); SELAMAT_PARALLEL_LANGUAGES=0
in the environment measures it building them one after the other, as stock does."""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from check_speed import page  # noqa: E402
from selamat import engine  # noqa: E402

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
LIMIT = 1.3  # ours, cold, at most this times stock (issue 6)


def make(root: Path, n: int, ours: bool, stock_nav: bool = True) -> None:
    shutil.copytree(ROOT / "docs", root / "docs")
    for lang in ("en", "ms"):
        for i in range(n):
            (root / "docs" / "guides" / f"guide-{i:04d}.{lang}.md").write_text(page_text(i, lang, n), encoding="utf-8")
    if ours:
        for name in ("overrides", "data"):
            shutil.copytree(ROOT / name, root / name)
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        (root / "data" / "published-urls.txt").unlink()
    else:
        (root / "mkdocs.yml").write_text(STOCK + (our_nav() if stock_nav else ""), encoding="utf-8")


def our_nav() -> str:
    """The `nav:` section of our mkdocs.yml, as written there."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("nav:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" ", "#")))
    return "\n".join(lines[start:end]).rstrip() + "\n"


def page_text(i: int, lang: str, n: int) -> str:
    """A generated guide that links only to other generated guides."""
    return page(i, lang, n).replace(f" and [the law](../laws/law-{i % 20:04d}.md)", "")


def build(root: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, with the build's worker processes) of one build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(engine.command("build", "-q", "--site-dir", str(root / "site")), cwd=root,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"the build in {root} failed:\n{result.stdout}{result.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} cores)"


def measure(label: str, n: int, ours: bool, stock_nav: bool = True) -> tuple[tuple[float, float], tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make(root, n, ours, stock_nav)
        shutil.rmtree(root / ".cache", ignore_errors=True)  # cold: nothing drawn yet
        first = build(root)
        second = build(root)  # warm: preview images and QR codes cached, as in `mkdocs serve` rebuilds
    print(f"{label}: {first[0]:.1f} s first build (cold; CPU {first[1]:.1f} s), "
          f"{second[0]:.1f} s second build (warm; CPU {second[1]:.1f} s)", flush=True)
    return first, second


def main() -> None:
    args = sys.argv[1:]
    options = {"--serve-pages": 200, "--rounds": 3}
    for name in options:
        if name in args:
            at = args.index(name)
            options[name] = int(args[at + 1])
            del args[at:at + 2]
    flags = {a for a in args if a.startswith("--")}
    numbers = [a for a in args if not a.startswith("--")]
    n = int(numbers[0]) if numbers else 1000

    print(f"{n} generated guides per language, plus the site's own pages. Before: {load()}", flush=True)
    default = None
    if "--stock-default-nav" in flags:
        default = measure("stock Material + static-i18n, default nav (every page listed)", n, ours=False, stock_nav=False)
    stock, ours = [], []
    measure("warm-up (not counted): stock Material + static-i18n, our nav", n, ours=False)
    for round_ in range(options["--rounds"]):  # in turn, each first every other round: the machine's
        sides = [("stock Material + static-i18n, our nav", False, stock), ("Selamat", True, ours)]  # speed drifts
        for label, is_ours, results in (sides if round_ % 2 == 0 else sides[::-1]):
            results.append(measure(label, n, ours=is_ours))
    s1, s2, o1, o2 = (median([run[i][0] for run in runs]) for runs, i in ((stock, 0), (stock, 1), (ours, 0), (ours, 1)))
    print(f"medians of {len(stock)}: stock {s1:.1f} s cold, {s2:.1f} s warm; Selamat {o1:.1f} s cold, {o2:.1f} s warm")
    print(f"ratio, ours / stock (wall clock, medians): {o1 / s1:.2f}x cold, {o2 / s2:.2f}x warm (limit {LIMIT}x cold)")
    if default:
        print(f"ratio, ours / stock with its default nav (wall clock): {o1 / default[0][0]:.2f}x cold, "
              f"{o2 / default[1][0]:.2f}x warm")
    print(f"After: {load()}", flush=True)

    if "--no-serve" not in flags:
        from serve_rebuild import report
        report(options["--serve-pages"], edits=3)
        print(f"After: {load()}")


if __name__ == "__main__":
    main()
