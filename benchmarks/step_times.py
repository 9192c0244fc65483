"""Where a build's time goes, step by step: the seconds each of Selamat's steps (src/selamat/build_order.py)
took in one `mkdocs build` of the site with N generated guides per language (default 1,000, as
benchmarks/build_time.py makes it), for the process that builds English and for each forked copy that
builds another language side by side (src/selamat/language_builds.py). Also when each process reached
each step of the site-wide events (config, pre_build, files, post_build), in seconds from the start, which
shows the build's critical path. For finding what to speed up; build_time.py is the figure to report.

Usage: python benchmarks/step_times.py [pages_per_language] [--warm] [--top K]
  --warm   build twice and report the second build (preview images and QR codes cached)
  --top K  the K slowest steps of each process (default 15)"""
from __future__ import annotations

import functools
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from build_time import make  # noqa: E402

from selamat import build_order, language_builds  # noqa: E402

START = time.perf_counter()
TIMES: Counter = Counter()
REACHED: list[tuple[float, str]] = []
SITE_WIDE = {"config", "pre_build", "files", "post_build"}


def timed(step, event, package=build_order.PACKAGE, _function=build_order.function):
    run = _function(step, event, package)

    @functools.wraps(run)
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        if event in SITE_WIDE:
            REACHED.append((began - START, f"{step.name}.on_{event}"))
        try:
            return run(*args, **kwargs)
        finally:
            TIMES[f"{step.name}.on_{event}"] += time.perf_counter() - began
    return wrapper


def report(who: str, top: int, out=sys.stdout) -> None:
    print(f"\n{who} (pid {os.getpid()}): {sum(TIMES.values()):.2f} s in Selamat's steps", file=out)
    for name, seconds in TIMES.most_common(top):
        print(f"  {seconds:6.2f} s  {name}", file=out)
    print("  reached (s from start):", ", ".join(f"{name} {at:.1f}" for at, name in REACHED
                                                if name.split(".on_")[1] in ("pre_build", "post_build")
                                                and name.startswith(("parallel_languages", "check_content",
                                                                     "language_search_index", "editor_site"))),
          file=out, flush=True)


def main() -> None:
    args = sys.argv[1:]
    top = 15
    if "--top" in args:
        at = args.index("--top")
        top = int(args[at + 1])
        del args[at:at + 2]
    warm = "--warm" in args
    numbers = [a for a in args if not a.startswith("--")]
    n = int(numbers[0]) if numbers else 1000

    build_order.function = timed  # before MkDocs loads the plugin, which asks build_order for each step
    run_child = language_builds._run_child

    def child(lang, build_one, path):
        TIMES.clear()
        REACHED.clear()
        try:
            return run_child(lang, build_one, path)
        finally:
            report(f"the copy that builds {lang}", top)
    language_builds._run_child = child

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make(root, n, ours=True)
        os.chdir(root)
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        from mkdocs.__main__ import cli
        if warm:
            try:
                cli(["build", "-q"], standalone_mode=False)
            finally:
                TIMES.clear()
                REACHED.clear()
        global START
        START = time.perf_counter()
        cpu = os.times()
        cli(["build", "-q"], standalone_mode=False)
        wall = time.perf_counter() - START
        after = os.times()
        report("the process that builds English", top)
        print(f"\n{n} guides per language, {'warm' if warm else 'cold'}: {wall:.1f} s wall, "
              f"CPU {after.user - cpu.user + after.system - cpu.system:.1f} s in this process, "
              f"{after.children_user - cpu.children_user + after.children_system - cpu.children_system:.1f} s in its children; "
              f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
