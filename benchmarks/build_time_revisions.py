"""Build time of the real site at two git revisions, side by side in one run: for changes to the build
that must not make it slower. (build_time.py compares ours with stock Material on generated pages.)

Usage: python benchmarks/build_time_revisions.py [OLD] [NEW] [--rounds R]
  OLD, NEW  git revisions (default: main and HEAD), exported as benchmarks/same_site.py does and built
            with this Python (`mkdocs build --strict`, PYTHONPATH at each copy's src/).

Each copy is built once first, not counted (it fills .cache/ with the preview images and QR codes, as a
second build or `mkdocs serve` finds it), then R rounds (default 5), each revision in turn, the first one
alternating. Prints each revision's wall-clock times: median and range, and the load average before and
after (the machine has other users)."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
from same_site import export  # noqa: E402


def build(tree: Path, out: Path) -> float:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree / "src")}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=tree, env=environment, capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"The build of {tree} failed:\n{result.stdout}{result.stderr}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", nargs="?", default="main")
    parser.add_argument("new", nargs="?", default="HEAD")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="build-time-"))
    try:
        refs = (args.old, args.new)
        trees = [export(ref, work / f"tree-{i}") for i, ref in enumerate(refs)]
        for i, tree in enumerate(trees):
            build(tree, work / f"site-{i}")
        times: list[list[float]] = [[], []]
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        for r in range(args.rounds):
            for i in (0, 1) if r % 2 == 0 else (1, 0):
                times[i].append(build(trees[i], work / f"site-{i}"))
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        for ref, measured in zip(refs, times):
            print(f"{ref}: median {median(measured):.2f} s (range {min(measured):.2f}-{max(measured):.2f} s; "
                  f"{', '.join(f'{t:.2f}' for t in measured)})")
        print(f"{args.new} / {args.old}: {median(times[1]) / median(times[0]):.3f}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
