"""`selamat review`: what needs a person to look at it, oldest first. It changes nothing.

- law pages and platform pages, by the date they were last reviewed, with the sources to check them against;
- help services, by the date their details were last checked, with their source;
- pages that may be behind the law: a law page reviewed before the newest change recorded for it in
  data/legal-changes.yml, or a guide last updated before the newest change to a law it links to."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from .check import is_stale, link_key
from .content import Site
from .data import Data
from .languages import DEFAULT
from . import markdown_scan as md


@dataclass
class Item:
    kind: str  # law | service | behind
    name: str
    file: str  # where an editor makes the change
    date: dt.date  # reviewed / verified / updated
    due: bool  # more than a year old, or behind a change
    links: list[str] = field(default_factory=list)
    change: dict | None = None  # for `behind`: the change it has not caught up with


def collect(site: Site, data: Data, today: dt.date | None = None) -> dict[str, list[Item]]:
    today = today or dt.date.today()
    reviewed_pages: dict[str, list[Item]] = {"law": [], "platform": []}
    behind = []
    newest = {}
    for change in data.legal_changes:  # newest first
        newest.setdefault(change.law, change)
    for kind, items in reviewed_pages.items():
        for versions in site.of_kind(kind):
            for lang, page in sorted(versions.items()):
                reviewed = getattr(page.meta, "reviewed", None)
                if reviewed is None:
                    continue  # invalid front matter: `selamat check` says why
                sources = [s.url for s in page.meta.sources]  # type: ignore[union-attr]
                items.append(Item(kind, page.title, f"docs/{page.rel}", reviewed, is_stale(reviewed, today), sources))
                change = newest.get(page.norm)
                if change and reviewed < change.date:
                    behind.append(_behind(page, reviewed, change, lang))
    for versions in site.of_kind("guide"):
        for lang, page in sorted(versions.items()):
            updated = getattr(page.meta, "updated", None)
            if updated is None:
                continue
            linked = {link_key(page, link.target).partition("#")[0] for link in md.links(page.body, page.body_line)}
            late = [newest[n] for n in sorted(linked) if n in newest and updated < newest[n].date]
            if late:
                behind.append(_behind(page, updated, max(late, key=lambda c: c.date), lang))
    services = [Item("service", s.name(DEFAULT), f"data/help-services.yml#{s.id}", s.verified,
                     is_stale(s.verified, today) and not s.stable, [s.source.url] + ([s.url] if s.url else []))
                for s in data.help_services]
    order = lambda items: sorted(items, key=lambda i: (i.date, i.file))
    return {"laws": order(reviewed_pages["law"]), "platforms": order(reviewed_pages["platform"]),
            "services": order(services), "behind": order(behind)}


def _behind(page, dated: dt.date, change, lang: str) -> Item:
    """A page dated before the newest change to a law it explains or links to."""
    return Item("behind", page.title, f"docs/{page.rel}", dated, True, [change.source.url],
                {"date": change.date.isoformat(), "law": change.law, "what": change.what(lang)})


def as_json(found: dict[str, list[Item]]) -> str:
    plain = {k: [{**asdict(i), "date": i.date.isoformat()} for i in items] for k, items in found.items()}
    return json.dumps(plain, ensure_ascii=False, indent=2) + "\n"


def as_text(found: dict[str, list[Item]], data: Data, lang: str, markdown: bool = False) -> str:
    say = lambda key, **p: data.messages[key](lang).format(**p)
    out = []
    due = sum(i.due for items in found.values() for i in items)
    out.append(say("review_intro", due=due))
    for section in ("behind", "laws", "platforms", "services"):
        items = found[section]
        out.append("")
        out.append(("## " if markdown else "") + say(f"review_{section}", count=sum(i.due for i in items)))
        if not items:
            out.append(say("review_none"))
        for item in items:
            mark = ("- [ ] " if item.due else "- ") if markdown else ("! " if item.due else "  ")
            line = f"{mark}{item.date.isoformat()}  {item.name} ({item.file})"
            if item.change:
                line += " — " + say("review_change", date=item.change["date"], what=item.change["what"])
            out.append(line)
            for url in item.links:
                out.append(f"    {url}" if not markdown else f"  - <{url}>")
    return "\n".join(out) + "\n"
