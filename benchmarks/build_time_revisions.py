"""Build time of the real site at two git revisions, side by side in one run: for changes to the build
that must not make it slower. (build_time.py compares ours with stock Material on generated pages.)

Usage: python benchmarks/build_time_revisions.py [OLD] [NEW] [--rounds R]
  OLD, NEW  git revisions (default: main and HEAD), exported as benchmarks/same_site.py does and built
            with this Python (`mkdocs build --strict`, PYTHONPATH at each copy's src/).

Each copy is built once first, not counted (it fills .cache/ with the preview images and QR codes, as a
second build or `mkdocs serve` finds it), then R rounds (default 5), each revision in turn, the first one
alternating. Prints each revision's wall-clock and CPU times (the build's processes and their workers): median
and range, and the load average before and after (the machine has other users; CPU time moves less
with the load than wall-clock time)."""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
from same_site import export  # noqa: E402


def build(tree: Path, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the build's processes and their workers) of one build."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree / "src")}
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=tree, env=environment, capture_output=True, text=True)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"The build of {tree} failed:\n{result.stdout}{result.stderr}")
    return took, (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)


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
        cpus: list[list[float]] = [[], []]
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        for r in range(args.rounds):
            for i in (0, 1) if r % 2 == 0 else (1, 0):
                took, cpu = build(trees[i], work / f"site-{i}")
                times[i].append(took)
                cpus[i].append(cpu)
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        for ref, measured, cpu in zip(refs, times, cpus):
            print(f"{ref}: wall median {median(measured):.2f} s (range {min(measured):.2f}-{max(measured):.2f} s; "
                  f"{', '.join(f'{t:.2f}' for t in measured)}); CPU median {median(cpu):.2f} s "
                  f"(range {min(cpu):.2f}-{max(cpu):.2f} s)")
        print(f"{args.new} / {args.old}: wall {median(times[1]) / median(times[0]):.3f}, CPU {median(cpus[1]) / median(cpus[0]):.3f}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
