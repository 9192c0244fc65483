"""File names that carry a hash of their contents (main.1a2b3c4d.min.css, selamat.1a2b3c4d.js), so a
host's or a browser's cache can never serve an old copy under the new name."""
from __future__ import annotations

import hashlib


def hashed_name(stem: str, content: str, suffix: str = ".min.css") -> str:
    return f"{stem}.{hashlib.sha256(content.encode('utf-8')).hexdigest()[:8]}{suffix}"
