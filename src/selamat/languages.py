"""The site's languages and where each one lives in the built site."""
from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "ms")
DEFAULT = "en"
NAMES = {"en": "English", "ms": "Bahasa Melayu"}


def other(lang: str) -> str:
    """The other language of the pair."""
    return "ms" if lang == "en" else "en"


def prefix(lang: str) -> str:
    """URL prefix of a language: English at the root, Malay under ms/."""
    return "" if lang == DEFAULT else f"{lang}/"
