"""The program that builds and serves the site: MkDocs 1.6.1, or ProperDocs, its drop-in continuation
(same configuration, plugins, theme and hooks; see README, "Upgrading"). `DEFAULT` is the one line that
moves the project from one to the other; SELAMAT_ENGINE chooses for one run (`make test-properdocs`).

`python -m selamat.engine build --strict` runs the chosen one (the Makefile does), as does `command()`
for the tests and `selamat search` / `selamat offline-zip`."""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping

ENGINES = ("mkdocs", "properdocs")
DEFAULT = "mkdocs"
CONFIG = "mkdocs.yml"  # both read it; ProperDocs looks for properdocs.yml first unless told


class UnknownEngine(ValueError):
    pass


def name(environ: Mapping[str, str] = os.environ) -> str:
    chosen = environ.get("SELAMAT_ENGINE") or DEFAULT
    if chosen not in ENGINES:
        raise UnknownEngine(f"SELAMAT_ENGINE={chosen!r}: use one of {', '.join(ENGINES)}")
    return chosen


def command(*args: str, environ: Mapping[str, str] = os.environ) -> list[str]:
    """The command line for `<engine> <args>` with this Python, reading mkdocs.yml in the current folder.
    The config file goes after the subcommand (build, serve, gh-deploy), where both engines take it."""
    argv = [sys.executable, "-m", name(environ)]
    if args and not args[0].startswith("-"):
        return [*argv, args[0], "--config-file", CONFIG, *args[1:]]
    return [*argv, *args]


def main() -> None:
    try:
        argv = command(*sys.argv[1:])
    except UnknownEngine as err:
        sys.exit(str(err))
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main()
