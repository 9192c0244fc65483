"""Front matter: one pydantic model per content type. The content type follows the folder."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .data import Source

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Key = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Hideable = Literal["navigation", "toc", "footer", "path"]
Commit = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,40}$")]


class PageMeta(BaseModel):
    """Fields every page has."""

    model_config = ConfigDict(extra="forbid")
    title: Text
    summary: Summary
    topics: list[Key] = Field(min_length=1)
    content_note: Optional[Text] = None
    translated_from: Optional[Commit] = None
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
    note: Text


class StatementMeta(PageMeta):
    date: dt.date
    organisations: list[Key] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list)


class HelpMeta(PageMeta):
    pass


class SectionMeta(BaseModel):
    """Home and listing pages (index pages outside the content folders' own pages)."""

    model_config = ConfigDict(extra="forbid")
    title: Text
    summary: Summary
    translated_from: Optional[Commit] = None
    hide: list[Hideable] = Field(default_factory=list)


# folder -> (content type, model)
TYPES: dict[str, tuple[str, type[BaseModel]]] = {
    "guides": ("guide", GuideMeta),
    "laws": ("law", LawMeta),
    "statements": ("statement", StatementMeta),
    "help": ("help", HelpMeta),
}
SECTION = ("section", SectionMeta)


def type_for(folder: str, slug: str) -> tuple[str, type[BaseModel]]:
    """The content type of a page from its folder; index pages of a folder are listings."""
    if folder in TYPES and not (slug == "index" and folder != "help"):
        return TYPES[folder]
    return SECTION


def allowed_fields(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)
