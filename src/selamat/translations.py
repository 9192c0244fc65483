"""Which pages lack a translation and which translations are out of date. A translation records the
git commit of the original it was made from (`translated_from`); it is out of date when the original's
text has changed since that commit. File dates are never used."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

from . import gitinfo
from .content import Page, Site
from .languages import DEFAULT, LANGUAGES

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


def original_of(versions: dict[str, Page]) -> Page:
    return versions.get(DEFAULT) or next(iter(versions.values()))


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
            commit = getattr(page.meta, "translated_from", None) if page.meta else None
            if not commit:
                state = UNTRACKED
            else:
                changed = gitinfo.changed_since(root, commit, original.path)
                state = UNKNOWN if changed is None else OUTDATED if changed else CURRENT
            out.append(Status(norm, lang, state, original.rel, page.rel, commit))
    return out


def is_outdated(page: Page, site: Site, root: Path) -> bool:
    """For the build: is this translation's original newer than the version it was made from?"""
    commit = getattr(page.meta, "translated_from", None) if page.meta else None
    original = site.versions(page.norm).get(DEFAULT)
    if not commit or original is None or page.lang == DEFAULT:
        return False
    return bool(gitinfo.changed_since(root, commit, original.path))


FIELD = re.compile(r"^translated_from:.*$", re.M)


def set_translated_from(text: str, commit: str) -> str:
    """The page text with `translated_from: <commit>` in its front matter (replaced or added last)."""
    line = f"translated_from: {commit}"
    head_end = text.index("\n---", 3)
    head, rest = text[:head_end], text[head_end:]
    head = FIELD.sub(line, head) if FIELD.search(head) else head + "\n" + line
    return head + rest
