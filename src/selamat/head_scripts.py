"""The scripts that must run before Material's (overrides/main.html; in the plain-file build also the
iframe-worker shim), written into <head> instead of linked: fetched, each would cost a render-blocking
round trip before the first paint (on slow 4G, a quarter of a second each). The Content-Security-Policy
then allows them by their hashes (security.py, own_scripts.py), like every inline script."""
from __future__ import annotations

import re
from html import escape

LEADING_COMMENT = re.compile(r"^\s*/\*.*?\*/", re.S)


def inline(text: str) -> str | None:
    """The script as an inline <script>, without its leading comment (the comment stays in the file);
    None when it cannot be written inline (its text holds "</script")."""
    if "</script" in text.lower():
        return None
    return f"<script>{LEADING_COMMENT.sub('', text).strip()}</script>"


def script(text: str | None, url: str) -> str:
    """A head script: inline when its text is known and can be written inline, else linked from `url`."""
    written = inline(text) if text is not None else None
    return written or f'<script src="{escape(url)}"></script>'
