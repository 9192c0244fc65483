"""The browser's own search code (the worker script the site ships) run under Node, for the tests that
compare it with `selamat search` and for benchmarks/search.py, on the pinned Node (support/node.py)."""
from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from selamat.search_index import folder

from support.node import node

RUNNER = Path(__file__).with_name("search_node.js")


def worker_script(site: Path) -> Path:
    return next((site / "assets/javascripts/workers").glob("search.*.min.js"))


def rankings(site: Path, lang: str, queries: list[str], top: int = 5) -> list[list[str]]:
    """Each query's pages (locations as in the index), best first, as the browser's engine ranks them."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(queries, f)
    try:
        result = subprocess.run([node(), str(RUNNER), str(worker_script(site)), str(site / folder(lang)), f.name, str(top)],
                                capture_output=True, text=True, timeout=300)
    finally:
        Path(f.name).unlink()
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def fetched(site: Path, lang: str, queries: list[str]) -> list[list[str]]:
    """For each query searched by a fresh engine, the files it fetched ("t/<shard>", "d/<page>"), sorted."""
    return rankings(site, lang, queries, top="fetched")  # type: ignore[arg-type]
