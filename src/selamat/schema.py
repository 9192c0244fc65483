"""Front matter: one pydantic model per content type. The content type follows the folder."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .data import RESOURCE_TYPES, Source

def plain(value: str) -> str:
    """Text printed on the page, in the menu, in <title> and in meta tags is plain text: no markup."""
    if "<" in value or ">" in value:
        raise PydanticCustomError("no_markup", "markup is not allowed here")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PlainText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(plain)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(plain)]
Key = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Hideable = Literal["navigation", "toc", "footer", "path"]
Commit = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,40}$")]


def _known_language(code: str) -> str:
    from . import languages

    if code not in languages.LANGUAGES:
        raise PydanticCustomError("literal_error", "Input should be {expected}",
                                  {"expected": ", ".join(repr(c) for c in languages.LANGUAGES)})
    return code


LanguageCode = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_known_language)]


class TranslationSource(BaseModel):
    """Which version a translation was made from: its language, and the git commit of that version
    (`selamat status --mark-current` writes it). A bare commit, as older pages have, means the default
    language's version."""

    model_config = ConfigDict(extra="forbid")
    language: LanguageCode
    commit: Commit


def _translated_from(value):
    from . import languages

    return {"language": languages.DEFAULT, "commit": value} if isinstance(value, str) else value


TranslatedFrom = Annotated[TranslationSource, BeforeValidator(_translated_from)]


class PageMeta(BaseModel):
    """Fields every page has."""

    model_config = ConfigDict(extra="forbid")
    title: PlainText
    summary: Summary
    topics: list[Key] = Field(min_length=1)
    content_note: Optional[PlainText] = None
    translated_from: Optional[TranslatedFrom] = None
    hide: list[Hideable] = Field(default_factory=list)  # Material's switch: hide the toc or navigation


class GuideMeta(PageMeta):
    updated: dt.date
    sources: list[Source] = Field(default_factory=list)


class LawMeta(PageMeta):
    reviewed: dt.date
    sources: list[Source] = Field(min_length=1)


class Correction(BaseModel):
    """A dated note on a published statement: what it got wrong, or what has changed since, in its language."""

    model_config = ConfigDict(extra="forbid")
    date: dt.date
    note: PlainText


class PlatformMeta(PageMeta):
    """How to report and get content removed on one platform. Platforms change their forms often, so these
    pages are reviewed and sourced like law pages."""

    reviewed: dt.date
    sources: list[Source] = Field(min_length=1)


class ResourceMeta(PageMeta):
    """Something another organisation published, listed and linked to: its title as published, our summary
    in this page's language, its publisher, type, the languages it is in, its date and its address."""

    date: dt.date
    organisation: Key  # a publisher in data/organisations.yml
    type: Literal[RESOURCE_TYPES]  # type: ignore[valid-type]
    languages: list[LanguageCode] = Field(min_length=1)  # the languages the resource itself is in
    url: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://[^\s/]+\.[^\s]+$")]


class StatementMeta(PageMeta):
    date: dt.date
    organisations: list[Key] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list)


class HelpMeta(PageMeta):
    pass


PagePath = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9][a-z0-9/-]*\.md(#[a-z0-9-]+)?$")]
ServiceId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Option(BaseModel):
    """One answer on a step of the start flow: what the reader taps, and the page it leads to."""

    model_config = ConfigDict(extra="forbid")
    label: PlainText
    to: PagePath  # another step (start/x.md), or any page (guides/x.md, help/index.md)
    home: bool = False  # on the first question: also shown on the home page, as a common situation


class StepMeta(BaseModel):
    """A page of the "What is happening?" start flow (docs/start/): a question with `options`, or an end
    that names the `guides`, `platforms` and help `services` that fit (flow.py checks the whole flow)."""

    model_config = ConfigDict(extra="forbid")
    title: PlainText
    summary: Summary
    translated_from: Optional[TranslatedFrom] = None
    hide: list[Hideable] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    guides: list[PagePath] = Field(default_factory=list)
    platforms: list[PagePath] = Field(default_factory=list)
    services: list[ServiceId] = Field(default_factory=list)


class SectionMeta(BaseModel):
    """Home and listing pages (index pages outside the content folders' own pages)."""

    model_config = ConfigDict(extra="forbid")
    title: PlainText
    summary: Summary
    translated_from: Optional[TranslatedFrom] = None
    hide: list[Hideable] = Field(default_factory=list)


# folder -> (content type, model)
TYPES: dict[str, tuple[str, type[BaseModel]]] = {
    "guides": ("guide", GuideMeta),
    "laws": ("law", LawMeta),
    "platforms": ("platform", PlatformMeta),
    "start": ("step", StepMeta),
    "resources": ("resource", ResourceMeta),
    "statements": ("statement", StatementMeta),
    "help": ("help", HelpMeta),
}
SECTION = ("section", SectionMeta)


def type_for(folder: str, slug: str) -> tuple[str, type[BaseModel]]:
    """The content type of a page from its folder; index pages of a folder are listings (but the help
    page and the start flow's first question)."""
    if folder in TYPES and not (slug == "index" and folder not in ("help", "start")):
        return TYPES[folder]
    return SECTION


def allowed_fields(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)
