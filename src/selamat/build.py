"""A strict build (by the engine: engine.py) for the commands that need a built site (selamat search,
selamat offline-zip), quietly, into a folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from . import engine


def site(root: Path, out: Path, **env: str) -> bool:
    """Build the project at `root` into `out`; on failure, show the engine's own output and return False."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run(engine.command("build", "--strict", "--quiet", "--site-dir", str(out), environ=environment),
                            cwd=root, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
    return result.returncode == 0
