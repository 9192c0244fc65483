"""RSS and JSON Feed, per language: the statements, and every new or updated page, with the summary
as description."""
from __future__ import annotations

import datetime as dt
import json

from feedgen.feed import FeedGenerator

from .content import Page, Site
from .urls import absolute, page_url

LIMIT = 50


def entries(site: Site, lang: str, kinds: tuple[str, ...]) -> list[Page]:
    pages = [v[lang] for kind in kinds for v in site.of_kind(kind) if lang in v and v[lang].meta is not None and v[lang].date]
    return sorted(pages, key=lambda p: (p.date, p.slug), reverse=True)[:LIMIT]


def _when(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # Malaysia


def rss(pages: list[Page], title: str, description: str, home: str, self_url: str, site_url: str, lang: str) -> bytes:
    feed = FeedGenerator()
    feed.title(title)
    feed.description(description)
    feed.link(href=home, rel="alternate")
    feed.link(href=self_url, rel="self")
    feed.language(lang)
    feed.generator("Selamat")
    for page in reversed(pages):  # feedgen puts the last added first
        entry = feed.add_entry()
        url = absolute(site_url, page_url(page.norm, lang))
        entry.id(url)
        entry.link(href=url)
        entry.title(page.title)
        entry.description(page.meta.summary)  # type: ignore[union-attr]
        entry.pubDate(_when(page.date))
    return feed.rss_str(pretty=True)


def json_feed(pages: list[Page], title: str, description: str, home: str, self_url: str, site_url: str, lang: str) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = [{
        "id": absolute(site_url, page_url(p.norm, lang)),
        "url": absolute(site_url, page_url(p.norm, lang)),
        "title": p.title,
        "summary": p.meta.summary,  # type: ignore[union-attr]
        "content_text": p.meta.summary,  # type: ignore[union-attr]
        "date_published": _when(p.date).isoformat(),
        "language": lang,
    } for p in pages]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": title, "description": description,
            "home_page_url": home, "feed_url": self_url, "language": lang, "items": items}
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
