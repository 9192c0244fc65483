"""How long `selamat check` takes on a site of N generated pages per language (default 200).

Usage: python benchmarks/check_speed.py [pages_per_language]
Prints the median of 5 runs of the checks in-process, and of the `selamat check` command as an
editor runs it (including Python's start-up)."""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selamat import check
from selamat.project import Project

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ["harassment", "doxxing", "image-abuse", "evidence-and-reporting"]


def page(i: int, lang: str, n: int) -> str:
    other = (i + 1) % n
    heading = "What you can do now" if lang == "en" else "Apa yang anda boleh buat sekarang"
    body = "\n\n".join(
        f"## {heading} {k} {{#step-{k}}}\n\n" + ("Words of a plain guide. " * 40) +
        f"See [the next guide](guide-{other:04d}.md#step-{k}) and [the law](../laws/law-{i % 20:04d}.md)."
        for k in range(1, 6))
    return (f"---\ntitle: Guide {i} {lang}\nsummary: One sentence about guide {i}.\n"
            f"topics: [{TOPICS[i % len(TOPICS)]}]\nupdated: 2026-11-24\n---\n\n{body}\n")


def make_site(root: Path, n: int) -> None:
    shutil.copytree(ROOT / "data", root / "data")
    (root / "data" / "published-urls.txt").unlink()  # the generated site has published nothing
    for lang in ("en", "ms"):
        for i in range(n):
            path = root / "docs" / "guides" / f"guide-{i:04d}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page(i, lang, n), encoding="utf-8")
        for i in range(20):
            path = root / "docs" / "laws" / f"law-{i:04d}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\ntitle: Law {i}\nsummary: A law.\ntopics: [law-and-policy]\nreviewed: 2026-11-24\n"
                            f"sources:\n  - {{title: Source, url: 'https://example.org/{i}'}}\n---\n\n## Covers {{#covers}}\n\nText.\n")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_site(root, n)
        inproc, command = [], []
        for _ in range(5):
            start = time.perf_counter()
            problems, pages = check.run(Project(root))
            inproc.append(time.perf_counter() - start)
            assert not check.errors(problems), check.errors(problems)[:3]
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "selamat", "check"], cwd=root, check=True, capture_output=True)  # exit 0
            command.append(time.perf_counter() - start)
        print(f"pages checked: {pages} ({n} guides per language + 20 laws per language)")
        print(f"checks in-process, median of 5: {statistics.median(inproc):.3f} s")
        print(f"`selamat check` command, median of 5: {statistics.median(command):.3f} s")


if __name__ == "__main__":
    main()
