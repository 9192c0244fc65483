"""Builds the site at two git revisions and compares the two trees, file for file: the same file list and
the same bytes in every file. For changes that must not change the site (a refactoring of the build).

Usage: python benchmarks/same_site.py [OLD] [NEW] [--files] [--keep]
  OLD, NEW   git revisions (default: main and HEAD); each is exported with `git archive` into a
             temporary folder and built there with this Python (`mkdocs build --strict`), with
             PYTHONPATH set to that copy's src/, so each build runs its own revision's code. (The Python
             must have the `selamat` plugin's entry point registered: `pip install -e .` of any checkout.)
  --files    also compare the plain-file build (SELAMAT_DIRECTORY_URLS=false, the offline edition)
  --keep     keep the temporary folders and print where they are

Both builds start without .cache/ and without downloads/ (so both draw every image), and with the web
editor's npm packages linked in when this checkout has them (so /admin/ is compared too). Nothing is
ignored but the one timestamp the site holds, the feeds' <lastBuildDate> (when they were written); every
other date comes from the pages. Exit status 0 when the trees are identical, 1 with a list of the
differences otherwise."""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_DATE = re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>")  # the feeds say when they were written


def export(ref: str, into: Path) -> Path:
    """The files of revision `ref`, in `into`."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, check=True, capture_output=True).stdout
    with tempfile.TemporaryFile() as tar:
        tar.write(archive)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as opened:
            opened.extractall(into, filter="data")
    editor = ROOT / "editor" / "node_modules"
    if editor.is_dir() and (into / "editor").is_dir():
        (into / "editor" / "node_modules").symlink_to(editor.resolve())
    return into


def build(tree: Path, out: Path, **env: str) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree / "src"), **env}
    environment.pop("SELAMAT_PROJECT", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=tree, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"The build of {tree} failed:\n{result.stdout}{result.stderr}")


def files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file() or p.is_symlink()}


def differences(old: Path, new: Path) -> list[str]:
    before, after = files(old), files(new)
    found = [f"only in the old build: {name}" for name in sorted(before - after)]
    found += [f"only in the new build: {name}" for name in sorted(after - before)]
    for name in sorted(before & after):
        if BUILD_DATE.sub(b"", (old / name).read_bytes()) != BUILD_DATE.sub(b"", (new / name).read_bytes()):
            found.append(f"different bytes: {name} ({(old / name).stat().st_size} -> {(new / name).stat().st_size} bytes)")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", nargs="?", default="main")
    parser.add_argument("new", nargs="?", default="HEAD")
    parser.add_argument("--files", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="same-site-"))
    try:
        flavours = {"web": {}} | ({"files": {"SELAMAT_DIRECTORY_URLS": "false"}} if args.files else {})
        failed = False
        trees = [export(ref, work / f"tree-{i}") for i, ref in enumerate((args.old, args.new))]
        for flavour, env in flavours.items():
            sites = []
            for i, tree in enumerate(trees):
                out = work / f"site-{flavour}-{i}"
                build(tree, out, **env)
                sites.append(out)
            found = differences(*sites)
            count = len(files(sites[0]))
            if found:
                failed = True
                print(f"{flavour} build: {len(found)} difference(s) between {args.old} and {args.new}:")
                print("\n".join(f"  {line}" for line in found))
            else:
                print(f"{flavour} build: identical ({count} files) at {args.old} and {args.new}")
        if args.keep:
            print(f"kept in {work}")
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
