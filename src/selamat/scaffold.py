"""`selamat new`: a new page, or the translation of an existing one, with its front matter filled in."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import gitinfo
from .data import Data

from .languages import LANGUAGES
from .project import Project
from .schema import TYPES
from .content import read_page
from .translations import original_of, set_translated_from

FOLDERS = {kind: folder for folder, (kind, _) in TYPES.items() if kind != "help"}
DATE_FIELD = {"guide": "updated", "law": "reviewed", "platform": "reviewed", "statement": "date", "resource": "date"}


class ScaffoldError(Exception):
    """A request `selamat new` cannot fulfil; `code` is a key of data/messages.yml."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code, self.params = code, params


def new_page(project: Project, kind: str, slug: str, lang: str, today: dt.date | None = None) -> Path:
    folder = project.docs / FOLDERS[kind]
    target = folder / f"{slug}.{lang}.md"
    if target.exists():
        raise ScaffoldError("new_exists", path=_rel(project, target))
    source = original_in(folder, slug)
    if source is not None:
        text = translation_of(project, source)
    else:  # a new page, in whichever language the editor writes first
        text = fresh(project, kind, lang, today or dt.date.today())
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def fresh(project: Project, kind: str, lang: str, today: dt.date) -> str:
    template = Data(project.data).new_page[kind](lang)
    lines = ["---", f"title: {template.title}  # change", f"summary: {template.summary}  # change",
             "topics: [getting-help]  # change: keys from data/topics.yml",
             f"{DATE_FIELD[kind]}: {today.isoformat()}"]
    if kind == "platform":
        lines.append("sources:  # change: the platform's own help-centre pages you checked")
        lines.append("  - {title: Name of the page, url: 'https://example.org/'}")
    if kind == "law":
        lines.append("sources:  # change: at least two, the law's text first")
        lines.append("  - {title: Name of the source, url: 'https://example.org/'}")
    if kind == "statement":
        lines.append("organisations: [selamat]  # keys from data/organisations.yml")
    if kind == "resource":
        lines += ["organisation: change-me  # change: a publisher in data/organisations.yml",
                  "type: report  # change: guide, report, statement, webinar, video or toolkit",
                  f"languages: [{lang}]  # change: the languages the resource itself is in",
                  "url: https://example.org/  # change: its address, as published"]
    lines += ["---", "", template.body.rstrip(), ""]
    return "\n".join(lines)


def original_in(folder: Path, slug: str) -> Path | None:
    """The version of an existing page to translate from: its original (the version that is not itself
    a translation), in whichever language it was written."""
    docs = next(p for p in (folder, *folder.parents) if p.name == "docs")
    versions = {lang: read_page(folder / f"{slug}.{lang}.md", docs) for lang in LANGUAGES
                if (folder / f"{slug}.{lang}.md").exists()}
    return original_of(versions).path if versions else None


def translation_of(project: Project, source: Path) -> str:
    """The original's text to translate in place, recording its language and the commit it was made from."""
    text = source.read_text(encoding="utf-8")
    commit = gitinfo.last_commit(project.root, source)
    return set_translated_from(text, source.name.split(".")[-2], commit) if commit else text


def _rel(project: Project, path: Path) -> str:
    return path.relative_to(project.root).as_posix()


