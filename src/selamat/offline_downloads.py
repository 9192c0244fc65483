"""The offline editions a web build offers for download (downloads/selamat-<lang>.zip, built beforehand by
`selamat offline-zip`), with their sizes as a reader sees them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGES

DOWNLOADS = "downloads"  # in the project folder (built by `selamat offline-zip`) and in the site


def zip_name(lang: str) -> str:
    return f"selamat-{lang}.zip"


@dataclass
class Download:
    lang: str
    name: str  # e.g. selamat-ms.zip
    size: int  # bytes


def human_size(size: int) -> str:
    """1.2 MB, 350 KB (Malaysian Malay writes the decimal point as English does)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def find_downloads(folder: Path) -> list[Download]:
    out = []
    for lang in LANGUAGES:
        path = folder / zip_name(lang)
        if path.is_file():
            out.append(Download(lang, path.name, path.stat().st_size))
    return out
