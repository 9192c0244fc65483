"""The content and data of one build, read once and reused by every hook until a file changes."""
from __future__ import annotations

from pathlib import Path

from .content import Site, load_site
from .data import Data

_cache: dict[Path, tuple[float, Site, Data]] = {}


def _stamp(docs: Path, data: Path) -> float:
    return max((p.stat().st_mtime for folder in (docs, data) for p in folder.rglob("*") if p.is_file()), default=0.0)


def load(docs: Path, data: Path) -> tuple[Site, Data]:
    docs, data = docs.resolve(), data.resolve()
    stamp = _stamp(docs, data)
    hit = _cache.get(docs)
    if hit and hit[0] == stamp:
        return hit[1], hit[2]
    site, loaded = load_site(docs), Data(data)
    _cache[docs] = (stamp, site, loaded)
    return site, loaded
