"""`mkdocs serve --dirty` (make serve): what a rebuild of only the changed pages must keep from the
builds before it."""
from __future__ import annotations

from typing import Optional


def page_of(location: str) -> str:
    """The page a search entry belongs to: `guides/x/#step-1` -> `guides/x/`."""
    return location.split("#", 1)[0]


def merge_search_docs(previous: Optional[list[dict]], rebuilt: list[dict]) -> list[dict]:
    """The search entries of the whole site: those of the pages just rebuilt, and the earlier entries
    of every other page. With no earlier index (the first, full build), the rebuilt entries are all."""
    if previous is None:
        return list(rebuilt)
    pages = {page_of(doc["location"]) for doc in rebuilt}
    return [doc for doc in previous if page_of(doc["location"]) not in pages] + list(rebuilt)
