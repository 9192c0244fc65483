"""The site's pages: found under docs/, named `<slug>.<lang>.md`, typed by folder, front matter parsed."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator, Optional

from pydantic import BaseModel, ValidationError

from . import yamlio
from .languages import LANGUAGES
from .schema import type_for

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
NAME = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[a-z]{2})\.md$")


@dataclass
class Page:
    path: Path
    rel: str  # docs-relative, e.g. guides/intimate-images.en.md
    folder: str  # first folder under docs/, "" for top-level pages
    slug: str
    lang: str
    kind: str  # guide | law | statement | help | section
    model: type[BaseModel]
    raw: Any = None  # front matter as parsed YAML
    field_lines: dict[str, int] = field(default_factory=dict)
    field_paths: dict[tuple, int] = field(default_factory=dict)  # (field, index, key...) -> line, for nested fields
    body: str = ""
    body_line: int = 1  # file line of the first body line
    meta: Optional[BaseModel] = None  # validated front matter, None when invalid
    errors: list[dict] = field(default_factory=list)  # pydantic errors
    yaml_problem: Optional[yamlio.YamlProblem] = None
    has_front_matter: bool = True
    not_text: bool = False  # the file is not UTF-8 text (another encoding, or a binary file)

    @property
    def norm(self) -> str:
        """The language-free source path shared by both versions: guides/intimate-images.md."""
        parent = self.rel.rsplit("/", 1)[0] + "/" if "/" in self.rel else ""
        return f"{parent}{self.slug}.md"

    @property
    def date(self):
        """The date a listing sorts by: a statement's date, a guide's update, a law's review."""
        m = self.meta
        return getattr(m, "date", None) or getattr(m, "updated", None) or getattr(m, "reviewed", None)

    def line_of(self, *loc) -> Optional[int]:
        """The file line of a front matter field, or of an item in it: line_of("options", 2, "to")."""
        for end in range(len(loc), 0, -1):
            if tuple(loc[:end]) in self.field_paths:
                return self.field_paths[tuple(loc[:end])]
        return None

    @property
    def title(self) -> str:
        if self.meta is not None:
            return self.meta.title  # type: ignore[attr-defined]
        return str((self.raw or {}).get("title", self.slug)) if isinstance(self.raw, dict) else self.slug


def read_page(path: Path, docs: Path) -> Page:
    rel = path.relative_to(docs).as_posix()
    m = NAME.match(path.name)
    slug, lang = (m["slug"], m["lang"]) if m else (path.name[:-3], "")
    folder = rel.split("/", 1)[0] if "/" in rel else ""
    kind, model = type_for(folder, slug)
    page = Page(path, rel, folder, slug, lang, kind, model)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        page.not_text = True
        page.has_front_matter = False
        return page
    fm = FRONT_MATTER.match(text)
    if not fm:
        page.has_front_matter = False
        page.body = text
        return page
    page.body = text[fm.end():]
    page.body_line = fm.group(0).count("\n") + 1
    try:
        parsed = yamlio.parse(fm.group(1), first_line=2)
    except yamlio.YamlProblem as err:
        page.yaml_problem = err
        return page
    page.raw, page.field_lines, page.field_paths = parsed.data, parsed.lines, parsed.paths
    if page.raw is None:
        page.raw = {}
    if not isinstance(page.raw, dict):
        page.yaml_problem = yamlio.YamlProblem("the front matter must be a list of `field: value` lines", 2)
        return page
    try:
        page.meta = model.model_validate(page.raw)
    except ValidationError as err:
        page.errors = err.errors(include_url=False)
    return page


@dataclass
class Site:
    docs: Path
    pages: list[Page]
    strays: list[Path]  # .md files not named <slug>.<lang>.md

    @cached_property
    def by_norm(self) -> dict[str, dict[str, Page]]:
        out: dict[str, dict[str, Page]] = {}
        for p in self.pages:
            out.setdefault(p.norm, {})[p.lang] = p
        return out

    @cached_property
    def by_rel(self) -> dict[str, Page]:
        return {p.rel: p for p in self.pages}

    def versions(self, norm: str) -> dict[str, Page]:
        return self.by_norm.get(norm, {})

    @cached_property
    def by_kind(self) -> dict[str, list[dict[str, Page]]]:
        out: dict[str, list[dict[str, Page]]] = {}
        for norm, versions in sorted(self.by_norm.items()):
            out.setdefault(next(iter(versions.values())).kind, []).append(versions)
        return out

    def of_kind(self, kind: str) -> Iterator[dict[str, Page]]:
        """Each page of a type once, as {lang: Page} for the languages it exists in."""
        yield from self.by_kind.get(kind, [])


def load_site(docs: Path) -> Site:
    pages, strays = [], []
    for path in sorted(docs.rglob("*.md")):
        if NAME.match(path.name) and path.name.split(".")[1] in LANGUAGES:
            pages.append(read_page(path, docs))
        else:
            strays.append(path)
    return Site(docs, pages, strays)
