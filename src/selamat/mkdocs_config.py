"""mkdocs.yml read as plain data, outside a build (for `selamat check`): its !ENV and other tags read as
their default values."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))


@lru_cache(maxsize=8)
def load(root: Path) -> dict:
    path = root / "mkdocs.yml"
    return (yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}) if path.exists() else {}


def selamat(root: Path) -> dict:
    """The project's own settings: `extra.selamat`."""
    return ((load(root).get("extra") or {}).get("selamat")) or {}
