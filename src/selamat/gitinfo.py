"""The few facts about the repository's history that translation tracking needs, from `git`."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Optional


def _git(root: Path, *args: str) -> Optional[subprocess.CompletedProcess]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None


def last_commit(root: Path, path: Path) -> Optional[str]:
    """The newest commit that changed `path`, or None outside git or for a file never committed."""
    done = _git(root, "log", "-1", "--format=%H", "--", str(path))
    return done.stdout.strip() or None if done and done.returncode == 0 else None


def commit_exists(root: Path, commit: str) -> bool:
    done = _git(root, "cat-file", "-e", f"{commit}^{{commit}}")
    return bool(done and done.returncode == 0)


def changed_since(root: Path, commit: str, path: Path) -> Optional[bool]:
    """Has `path` changed since `commit` (committed or not)? None when git cannot tell."""
    if not commit_exists(root, commit):
        return None
    done = _git(root, "diff", "--quiet", commit, "--", str(path))
    if done is None or done.returncode not in (0, 1):
        return None
    return done.returncode == 1


def diff(root: Path, commit: str, path: Path) -> str:
    done = _git(root, "diff", commit, "--", str(path))
    return done.stdout if done and done.returncode == 0 else ""
