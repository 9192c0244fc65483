"""RSS and JSON Feed, per language: the statements, every new or updated page, and the changes to the law.
A statement corrected after it was published comes back at the top of its feeds, its correction first. A
page not (yet) in the feed's language is in it too, in its original language, and labelled so."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Optional

from feedgen.feed import FeedGenerator

from .content import Page, Site
from .data import Data
from .translations import original_of
from .urls import absolute, page_url

LIMIT = 50


@dataclass(frozen=True)
class Item:
    id: str
    url: str
    title: str
    summary: str
    published: dt.date
    modified: Optional[dt.date] = None  # a correction's date
    language: Optional[str] = None  # the item's own language, when it is not the feed's

    @property
    def latest(self) -> dt.date:
        return self.modified or self.published


def entries(site: Site, lang: str, kinds: tuple[str, ...]) -> list[Page]:
    shown = [v.get(lang) or original_of(v) for kind in kinds for v in site.of_kind(kind)]
    pages = [p for p in shown if p.meta is not None and p.date]
    return sorted(pages, key=lambda p: (last_change(p), p.slug), reverse=True)[:LIMIT]


def last_change(page: Page) -> dt.date:
    """A page's date, or its latest correction's when it has been corrected since."""
    notes = getattr(page.meta, "corrections", None) or []
    return max([page.date] + [n.date for n in notes])


def page_items(pages: list[Page], data: Data, site_url: str, lang: str) -> list[Item]:
    items = []
    for page in pages:
        url = absolute(site_url, page_url(page.norm, lang))
        summary = page.meta.summary  # type: ignore[union-attr]
        notes = sorted(getattr(page.meta, "corrections", None) or [], key=lambda n: n.date, reverse=True)
        said = [data.t("correction.feed", lang, date=data.date(n.date, lang), note=n.note) for n in notes]
        foreign = page.lang if page.lang != lang else None
        label = f" ({data.t('label.language', lang, language=data.language_name(foreign, lang))})" if foreign else ""
        items.append(Item(url, url, page.title + label, " ".join(said + [summary]), page.date,
                          notes[0].date if notes else None, foreign))
    return items


def legal_change_items(site: Site, data: Data, site_url: str, lang: str) -> list[Item]:
    """One item per change, linked to its place on the law page, in `lang` (the law page's title as that
    language's site shows it)."""
    from .parts import change_id
    items = []
    for change in data.legal_changes[:LIMIT]:
        versions = site.versions(change.law)
        page = versions.get(lang) or next(iter(versions.values()), None)
        if page is None:
            continue  # reported by the check
        url = absolute(site_url, page_url(change.law, lang)) + "#" + change_id(change)
        title = f"{page.title}: {data.date(change.date, lang, change.precision)}"
        items.append(Item(url, url, title, change.what(lang), change.date))
    return items


def _when(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # Malaysia


def rss(items: list[Item], title: str, description: str, home: str, self_url: str, lang: str) -> bytes:
    feed = FeedGenerator()
    feed.title(title)
    feed.description(description)
    feed.link(href=home, rel="alternate")
    feed.link(href=self_url, rel="self")
    feed.language(lang)
    feed.generator("Selamat")
    for item in reversed(items):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(item.id)
        entry.link(href=item.url)
        entry.title(item.title)
        entry.description(item.summary)
        entry.pubDate(_when(item.latest))
    return feed.rss_str(pretty=True)


def json_feed(items: list[Item], title: str, description: str, home: str, self_url: str, lang: str) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    out = []
    for item in items:
        entry = {"id": item.id, "url": item.url, "title": item.title, "summary": item.summary,
                 "content_text": item.summary, "date_published": _when(item.published).isoformat(),
                 "language": item.language or lang}
        if item.modified:
            entry["date_modified"] = _when(item.modified).isoformat()
        out.append(entry)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": title, "description": description,
            "home_page_url": home, "feed_url": self_url, "language": lang, "items": out}
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
