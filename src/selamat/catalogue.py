"""A static JSON catalogue of every page, for partners to build their own listings, with its JSON
Schema generated from the same model."""
from __future__ import annotations

import datetime as dt
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .content import Site
from .languages import LANGUAGES
from .urls import absolute, page_url


class Texts(BaseModel):
    en: Optional[str] = None
    ms: Optional[str] = None


class Urls(BaseModel):
    en: str
    ms: str


class Resource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["guide", "law", "statement", "help"]
    slug: str = Field(description="The page's path without language, e.g. guides/reporting")
    titles: Texts
    summaries: Texts
    topics: list[str]
    urls: Urls = Field(description="Both languages' addresses; a missing translation shows the original with a notice")
    languages: list[Literal["en", "ms"]] = Field(description="The languages the page is written in")
    date: Optional[dt.date] = Field(None, description="A statement's date")
    updated: Optional[dt.date] = Field(None, description="When a guide was last updated")
    reviewed: Optional[dt.date] = Field(None, description="When a law page was last reviewed")


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"$id": "resources.schema.json"})
    version: Literal[1] = 1
    site: str
    resources: list[Resource]


def build(site: Site, site_url: str) -> Catalogue:
    resources = []
    for norm, versions in sorted(site.by_norm.items()):
        first = next(iter(versions.values()))
        if first.kind == "section" or any(p.meta is None for p in versions.values()):
            continue
        meta = first.meta
        resources.append(Resource(
            type=first.kind, slug=norm[:-3],
            titles=Texts(**{lang: p.meta.title for lang, p in versions.items()}),
            summaries=Texts(**{lang: p.meta.summary for lang, p in versions.items()}),
            topics=meta.topics, languages=[lang for lang in LANGUAGES if lang in versions],
            urls=Urls(**{lang: absolute(site_url, page_url(norm, lang)) for lang in LANGUAGES}),
            date=getattr(meta, "date", None), updated=getattr(meta, "updated", None), reviewed=getattr(meta, "reviewed", None)))
    return Catalogue(site=site_url, resources=resources)


def catalogue_json(site: Site, site_url: str) -> str:
    return build(site, site_url).model_dump_json(indent=2, exclude_none=True) + "\n"


def schema_json() -> str:
    schema = Catalogue.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2) + "\n"
