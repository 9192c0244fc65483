"""The editor's Markdown as MkDocs renders it, outside a build: the same Python-Markdown extensions and
settings as mkdocs.yml, for checks that must judge the HTML a page becomes (sanitise.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import markdown

from . import mkdocs_config


def extensions(root: Path) -> tuple[list[str], dict[str, dict]]:
    names, settings = [], {}
    for entry in mkdocs_config.load(root).get("markdown_extensions") or ["toc", "tables", "fenced_code"]:  # MkDocs' defaults
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        settings[name] = options or {}
    return names, settings


def converter(root: Path) -> Callable[[str], str]:
    names, settings = extensions(root)
    engine = markdown.Markdown(extensions=names, extension_configs=settings)

    def convert(text: str) -> str:
        engine.reset()
        return engine.convert(text)
    return convert
