"""The `selamat` command for editors (also `python -m selamat`)."""
from __future__ import annotations

import argparse
import sys
import time

from . import check
from .data import Data
from .languages import LANGUAGES
from .project import Project


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    project = Project.find()
    problems, pages = check.run(project)
    print(check.report(problems, pages, Data(project.data), args.lang))
    if args.timing:
        print(f"({time.perf_counter() - started:.2f} s)", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="selamat", description="Tools for Selamat's editors and translators.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="check every page and data file; exit 1 when there are problems")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the messages (en or ms)")
    p.add_argument("--timing", action="store_true", help="print how long the check took")
    p.set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
