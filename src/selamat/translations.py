"""Which pages lack a translation and which translations are out of date. Any language may be the
original. A translation records the language and the git commit of the version it was made from
(`translated_from`); it is out of date when that version's text has changed since that commit. File
dates are never used."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

from . import gitinfo
from .content import Page, Site
from .languages import LANGUAGES

CURRENT, OUTDATED, UNTRACKED, UNKNOWN, MISSING = "current", "outdated", "untracked", "unknown", "missing"


@dataclass
class Status:
    slug: str  # the language-free path, e.g. guides/reporting.md
    lang: str  # the translation's language
    state: str  # current | outdated | untracked (no translated_from) | unknown (git cannot tell) | missing
    original: str  # docs-relative path of the original
    translation: Optional[str]  # docs-relative path of the translation, None when missing
    translated_from: Optional[str]

    def as_dict(self) -> dict:
        return asdict(self)


def source_of(page: Page) -> Optional[tuple[str, str]]:
    """(language, commit) of the version a translation was made from; None for an original."""
    made_from = getattr(page.meta, "translated_from", None) if page.meta else None
    return (made_from.language, made_from.commit) if made_from else None


def original_of(versions: dict[str, Page]) -> Page:
    """The version the others were translated from: the one that is not a translation (the default
    language's when several are not, as for pages written before translations were tracked)."""
    ordered = [versions[lang] for lang in LANGUAGES if lang in versions]
    originals = [p for p in ordered if source_of(p) is None]
    return (originals or ordered)[0]


def made_from(page: Page, versions: dict[str, Page]) -> Optional[Page]:
    """The version a translation was made from (its original when that language is gone); None for
    the original itself."""
    source = source_of(page)
    original = original_of(versions)
    if page is original:
        return None
    return versions.get(source[0], original) if source else original


def status(site: Site, root: Path) -> list[Status]:
    out = []
    for norm, versions in sorted(site.by_norm.items()):
        original = original_of(versions)
        for lang in LANGUAGES:
            if lang == original.lang:
                continue
            page = versions.get(lang)
            if page is None:
                out.append(Status(norm, lang, MISSING, original.rel, None, None))
                continue
            source, made = made_from(page, versions), source_of(page)
            if not made:
                state = UNTRACKED
            else:
                changed = gitinfo.changed_since(root, made[1], source.path)
                state = UNKNOWN if changed is None else OUTDATED if changed else CURRENT
            out.append(Status(norm, lang, state, source.rel, page.rel, made[1] if made else None))
    return out


def is_outdated(page: Page, site: Site, root: Path) -> bool:
    """For the build: has the version this translation was made from changed since?"""
    made = source_of(page)
    source = made_from(page, site.versions(page.norm)) if made else None
    if source is None:
        return False
    return bool(gitinfo.changed_since(root, made[1], source.path))


FIELD = re.compile(r"^translated_from:.*$", re.M)


def set_translated_from(text: str, language: str, commit: str) -> str:
    """The page text with `translated_from: {language: .., commit: ..}` in its front matter (replaced
    or added last)."""
    line = f"translated_from: {{language: {language}, commit: '{commit}'}}"  # quoted: YAML reads 0123456 as a number
    head_end = text.index("\n---", 3)
    head, rest = text[:head_end], text[head_end:]
    head = FIELD.sub(line, head) if FIELD.search(head) else head + "\n" + line
    return head + rest
