"""The content and data of one build, read once and shared by every step of that build. A build
starts by forgetting the last reading (steps/reload_content.py), so `mkdocs serve` sees each edit."""
from __future__ import annotations

from pathlib import Path

from .content import Site, load_site
from .data import Data

_cache: dict[Path, tuple[Site, Data]] = {}


def forget() -> None:
    _cache.clear()


def load(docs: Path, data: Path) -> tuple[Site, Data]:
    if docs not in _cache:  # looked up as given: every step of a build asks with the same path
        _cache[docs] = (load_site(docs.resolve()), Data(data.resolve()))
    return _cache[docs]
