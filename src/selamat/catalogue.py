"""A static JSON catalogue of every page, for partners to build their own listings, with its JSON
Schema generated from the same model."""
from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .content import Site
from .data import RESOURCE_TYPES, Data
from .languages import LANGUAGES
from .urls import absolute, page_url


# Keyed by language code: each of the site's languages (mkdocs.yml), however many there are.
Texts = Annotated[dict[str, str], Field(description="Per language code: the text in that language")]
Urls = Annotated[dict[str, str], Field(description="Per language code: the address in that language")]


class External(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(description="The resource's own address (it leaves this site)")
    publisher: str = Field(description="Key of its publisher in the site's organisations")
    publisher_name: Texts
    type: Literal[RESOURCE_TYPES]  # type: ignore[valid-type]
    languages: list[str] = Field(description="The languages the resource itself is published in (language codes)")


class CorrectionNote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: dt.date
    language: str = Field(description="A language of the site (its code, as in mkdocs.yml)")
    note: str


class Resource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["guide", "law", "platform", "statement", "resource", "help"]
    slug: str = Field(description="The page's path without language, e.g. guides/reporting")
    titles: Texts
    summaries: Texts
    topics: list[str]
    urls: Urls = Field(description="Every language's address; a missing translation shows the original with a notice")
    languages: list[str] = Field(description="The languages the page is written in (codes of the site's languages)")
    date: Optional[dt.date] = Field(None, description="A statement's date")
    updated: Optional[dt.date] = Field(None, description="When a guide was last updated")
    reviewed: Optional[dt.date] = Field(None, description="When a law or platform page was last reviewed")
    corrections: list[CorrectionNote] = Field(default_factory=list, description="Dated notes added to a statement after it was published, newest first")
    external: Optional[External] = Field(None, description="For a resource another organisation published: where it is, and what")


class LegalChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: dt.date = Field(description="When the change happened: in force, passed or decided")
    precision: Literal["day", "year"] = Field("day", description="`year` when only the year is known")
    law: str = Field(description="The slug of the law page it concerns, e.g. laws/cma-section-233")
    what: Texts
    urls: Urls = Field(description="The change on the law page, in each language")
    source: str = Field(description="Where the change is reported")


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"$id": "resources.schema.json"})
    version: Literal[1] = 1
    site: str
    resources: list[Resource]
    legal_changes: list[LegalChange] = Field(default_factory=list, description="Changes to the laws explained, newest first")


def _external(meta, data: Data) -> Optional[External]:
    if not hasattr(meta, "url") or not hasattr(meta, "organisation"):
        return None
    org = data.organisations.get(meta.organisation)
    names = {lang: org.name(lang) for lang in LANGUAGES} if org else {}
    return External(url=meta.url, publisher=meta.organisation, publisher_name=names, type=meta.type, languages=meta.languages)


def build(site: Site, site_url: str, data: Data) -> Catalogue:
    resources = []
    for norm, versions in sorted(site.by_norm.items()):
        first = next(iter(versions.values()))
        if first.kind in ("section", "step") or any(p.meta is None for p in versions.values()):
            continue
        meta = first.meta
        resources.append(Resource(
            type=first.kind, slug=norm[:-3],
            titles={lang: p.meta.title for lang, p in versions.items()},
            summaries={lang: p.meta.summary for lang, p in versions.items()},
            topics=meta.topics, languages=[lang for lang in LANGUAGES if lang in versions],
            urls={lang: absolute(site_url, page_url(norm, lang)) for lang in LANGUAGES},
            date=getattr(meta, "date", None), updated=getattr(meta, "updated", None), reviewed=getattr(meta, "reviewed", None),
            external=_external(meta, data),
            corrections=sorted((CorrectionNote(date=n.date, language=lang, note=n.note) for lang, p in versions.items()
                                for n in getattr(p.meta, "corrections", None) or []), key=lambda n: n.date, reverse=True)))
    from .parts import change_id
    changes = [LegalChange(date=c.date, precision=c.precision, law=c.law[:-3], what={lang: c.what(lang) for lang in LANGUAGES},
                           urls={lang: absolute(site_url, page_url(c.law, lang)) + "#" + change_id(c) for lang in LANGUAGES},
                           source=c.source.url)
               for c in data.legal_changes if c.law in site.by_norm]
    return Catalogue(site=site_url, resources=resources, legal_changes=changes)


def catalogue_json(site: Site, site_url: str, data: Data) -> str:
    return build(site, site_url, data).model_dump_json(indent=2, exclude_none=True) + "\n"


def schema_json() -> str:
    schema = Catalogue.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2) + "\n"
