"""Tiny helpers for writing HTML safely from Python (every text is escaped)."""
from __future__ import annotations

from html import escape


def attrs(**values: object) -> str:
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value))}"')
    return "".join(out)


def tag(name: str, content: str = "", **values: object) -> str:
    """An element; `content` is HTML already (escape text with `text()`)."""
    return f"<{name}{attrs(**values)}>{content}</{name}>"


def text(value: object) -> str:
    return escape(str(value))
