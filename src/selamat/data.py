"""The project's data files (data/*.yml), English and Malay side by side, validated by pydantic models."""
from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, ValidationError

from . import yamlio
from .languages import LANGUAGES


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(Strict):
    en: str = Field(min_length=1)
    ms: str = Field(min_length=1)

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


class Topic(Bilingual):
    pass


class Organisation(Strict):
    name: Bilingual
    url: Optional[str] = Field(default=None, pattern=r"^https?://")


class Source(Strict):
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")


class HelpService(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: Bilingual
    category: Literal["emergency", "support", "reporting", "image-removal", "mental-health"]
    phone: Optional[str] = None
    whatsapp: Optional[str] = None
    sms: Optional[str] = None
    url: Optional[str] = Field(default=None, pattern=r"^https?://\S+$")
    hours: Optional[Bilingual] = None
    languages: list[str] = Field(default_factory=list)
    description: Bilingual
    help_box: bool = False
    ages: Optional[Literal["adults", "under-18"]] = None  # who the service is for, when it is only for some
    stable: bool = False  # a government emergency line that does not change: no staleness warning
    verified: dt.date
    source: Source


class LegalChange(Strict):
    """One dated change to a law: an Act in force, a Bill passed, a court ruling, regulations made."""

    date: dt.date
    precision: Literal["day", "year"] = "day"  # `year`: the source gives only the year
    law: Annotated[str, Field(pattern=r"^laws/[a-z0-9]+(-[a-z0-9]+)*\.md$")]  # the law page it concerns
    what: Bilingual
    source: Source


class UiString(Strict):
    en: str
    ms: str
    note: Optional[str] = None

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


class UiStrings(Strict):
    strings: dict[str, UiString]
    material: dict[str, dict[str, str]]  # Material's own keys, per language, overriding its bundled ones


class GlossaryEntry(Strict):
    en: str
    ms: str
    note: Optional[str] = None


class PageTemplate(Strict):
    title: str
    summary: str
    body: str


class NewPage(Strict):
    en: PageTemplate
    ms: PageTemplate


SourcePath = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")]


class StemmerLists(Strict):
    roots_that_look_affixed: list[str]
    known_roots: list[str]


class DataError(Exception):
    """A data file that cannot be used; `problems` holds (line, field, pydantic error or text) per fault."""

    def __init__(self, file: str, problems: list[tuple[Optional[int], str, object]]):
        super().__init__("; ".join(f"{file}: {f}: {p}" for _, f, p in problems))
        self.file, self.problems = file, problems


def _where(data, loc: tuple) -> str:
    """A path an editor recognises: `entry talian-kasih > verified` rather than `3.verified`."""
    out, node = [], data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            ident = node.get("id") if isinstance(node, dict) else None
            out.append(f"entry {part + 1}" + (f" ({ident})" if ident else ""))
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out.append(str(part))
    return " > ".join(out)


class SearchAlias(Strict):
    typed: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    means: str | list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    note: Optional[str] = None

    @property
    def means_words(self) -> list[str]:
        return [self.means] if isinstance(self.means, str) else list(self.means)


def _typed_once(entries: list[SearchAlias]) -> list[SearchAlias]:
    seen: set[str] = set()
    for entry in entries:
        for typed in entry.typed:
            key = " ".join(w for w in re.split(r"[\s\-]+", typed.lower()) if w)  # as search reads it
            if key in seen:
                raise ValueError(f"`{typed}` is typed in two entries: keep it in one, with every word it means")
            seen.add(key)
    return entries


class SearchAliases(Strict):
    en: Annotated[list[SearchAlias], AfterValidator(_typed_once)] = []
    ms: Annotated[list[SearchAlias], AfterValidator(_typed_once)] = []


FILES = {
    "topics": "topics.yml",
    "organisations": "organisations.yml",
    "help_services": "help-services.yml",
    "legal_changes": "legal-changes.yml",
    "ui": "ui-strings.yml",
    "messages": "messages.yml",
    "glossary": "glossary.yml",
    "new_page": "new-page.yml",
    "redirects": "redirects.yml",
    "stemmer": "malay-stemmer.yml",
    "search_aliases": "search-aliases.yml",
    "search_stop_words": "search-stop-words.yml",
}


class Data:
    """All data files of a project, loaded lazily and validated on first use."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _load(self, name: str, model):
        path = self.folder / FILES[name]
        rel = f"data/{FILES[name]}"
        if not path.exists():
            raise DataError(rel, [(None, "", "the file is missing")])
        try:
            parsed = yamlio.parse(path.read_text(encoding="utf-8"))
        except yamlio.YamlProblem as err:
            raise DataError(rel, [(err.line, "", f"not valid YAML: {err.problem}")]) from None
        try:
            return RootModel[model].model_validate(parsed.data).root
        except ValidationError as err:
            problems = []
            for e in err.errors(include_url=False):
                loc = tuple(e["loc"])
                where = _where(parsed.data, loc)
                problems.append((parsed.line_of(loc), where, e))
            raise DataError(rel, problems) from None

    @cached_property
    def topics(self) -> dict[str, Topic]:
        return self._load("topics", dict[str, Topic])

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return self._load("organisations", dict[str, Organisation])

    @cached_property
    def help_services(self) -> list[HelpService]:
        return self._load("help_services", list[HelpService])

    @cached_property
    def legal_changes(self) -> list[LegalChange]:
        """Newest first (the file may list them in any order)."""
        changes = self._load("legal_changes", list[LegalChange]) or []
        return sorted(changes, key=lambda c: c.date, reverse=True)

    @cached_property
    def help_service(self) -> dict[str, HelpService]:
        return {s.id: s for s in self.help_services}

    @cached_property
    def ui(self) -> UiStrings:
        return self._load("ui", UiStrings)

    @cached_property
    def messages(self) -> dict[str, UiString]:
        return self._load("messages", dict[str, UiString])

    @cached_property
    def glossary(self) -> list[GlossaryEntry]:
        return self._load("glossary", list[GlossaryEntry])

    @cached_property
    def new_page(self) -> dict[str, NewPage]:
        return self._load("new_page", dict[str, NewPage])

    @cached_property
    def redirects(self) -> dict[str, str]:
        """Old page -> new page (language-free source paths, like guides/old-name.md)."""
        return self._load("redirects", dict[SourcePath, SourcePath]) or {}

    @cached_property
    def stemmer(self) -> StemmerLists:
        return self._load("stemmer", StemmerLists)

    @cached_property
    def search_aliases(self) -> dict[str, dict[str, list[str]]]:
        """Per site language: what readers type -> the words the pages use."""
        aliases = self._load("search_aliases", SearchAliases)
        return {lang: {typed: entry.means_words for entry in getattr(aliases, lang) for typed in entry.typed}
                for lang in LANGUAGES}

    @cached_property
    def search_stop_words(self) -> dict[str, list[str]]:
        return self._load("search_stop_words", dict[Literal["ms"], list[Annotated[str, Field(pattern=r"^[a-z]+$")]]])

    def t(self, key: str, lang: str, **params: object) -> str:
        """An interface string in `lang`, with {placeholders} filled in."""
        text = getattr(self.ui.strings[key], lang)
        return text.format(**params) if params else text

    def date(self, value: dt.date, lang: str, precision: str = "day") -> str:
        """A date as readers write it: 11 February 2025 / 11 Februari 2025."""
        if precision == "year":
            return str(value.year)
        return f"{value.day} {self.t(f'month.{value.month}', lang)} {value.year}"

    def all(self) -> list[str]:
        """Load every file; the names of those that loaded (raises DataError on the first bad one)."""
        for name in FILES:
            getattr(self, name)
        return list(FILES)


assert LANGUAGES == ("en", "ms"), "Bilingual holds exactly en and ms"
