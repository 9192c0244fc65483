"""What offline reading costs: for each language, how many files "Save for offline reading" stores and
how much it downloads (raw and gzipped, as a host would serve them); how long the build step that
writes the service worker takes (it hashes every precached file); and the offline editions: the
plain-file build, the zipping, and the size of each zip. Builds the site twice into a temporary folder,
with the package of the tree it is run from (so a checkout of an older commit measures that commit).

Usage: python benchmarks/offline_copy.py"""
from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from selamat import offline_edition, offline_worker  # noqa: E402
from selamat.content import load_site  # noqa: E402
from selamat.data import Data  # noqa: E402
from selamat.languages import LANGUAGES  # noqa: E402
from selamat import engine  # noqa: E402


def build(out: Path, **env: str) -> float:
    started = time.perf_counter()
    subprocess.run(engine.command("build", "--strict", "--quiet", "--site-dir", str(out)),
                   cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "src"), **env}, check=True)
    return time.perf_counter() - started


def kb(n: float) -> str:
    return f"{n / 1000:,.0f} KB"


def main() -> None:
    site = load_site(ROOT / "docs")
    with tempfile.TemporaryDirectory() as temp:
        web, plain, out = Path(temp, "web"), Path(temp, "plain"), Path(temp, "downloads")
        web_time = build(web)
        started = time.perf_counter()
        manifest = offline_worker.manifest(web, site)
        worker_time = time.perf_counter() - started
        print(f"web build: {web_time:.2f} s, of which writing the service worker (hashing) about {worker_time * 1000:.0f} ms")
        print(f"offline-worker.js: {kb((web / offline_worker.WORKER).stat().st_size)}")
        for lang in LANGUAGES:
            files = manifest["languages"][lang]["files"]
            paths = [web / (f + "index.html" if f.endswith("/") or f == "" else f) for f in files]
            raw = sum(p.stat().st_size for p in paths)
            packed = sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths)
            pages = sum(1 for f in files if not f.startswith("assets/") and "search/" not in f)
            print(f"save for offline reading ({lang}): {len(files)} files ({pages} pages), {kb(raw)} raw, {kb(packed)} gzipped")
        plain_time = build(plain, SELAMAT_DIRECTORY_URLS="false")
        started = time.perf_counter()
        zips = offline_edition.write_editions(plain, site, Data(ROOT / "data"), out)
        zip_time = time.perf_counter() - started
        print(f"offline editions: plain-file build {plain_time:.2f} s + zipping {zip_time:.2f} s (outside `mkdocs build`)")
        for path in zips:
            print(f"  {path.name}: {kb(path.stat().st_size)}")


if __name__ == "__main__":
    main()
