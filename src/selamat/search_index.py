"""One search index per language, and searching it the way the site does.

Material with static-i18n writes ONE index, both languages mixed, with an English-only pipeline.
`split` turns it into search/search_index.json (English site) and ms/search/search_index.json (Malay
site), each naming its search language (`en-my`, `ms`: the lunr language files written by
search_assets.py), so each site searches its own pages with its own rules.

`SearchIndex` is the same index built in Python (the `lunr` package, the same pipeline and query
expansion as the browser, and Material's own re-ranking and grouping by page), for `selamat search`
and the tests."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.query import Query
from lunr.stop_word_filter import stop_word_filter as english_stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

from .content import Site
from .data import Data
from .languages import DEFAULT, LANGUAGES, prefix
from .urls import page_url
from .search_query import CODES, PAGE_SHARE, Language, expand, language, words

PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
# Whose answer a survivor most likely needs when words match equally well: guides and the help page
# first, then the laws; statements and listing pages (which repeat every title) after them.
# The site's own guides and help first; a flow's end or another organisation's resource only when nothing
# of ours answers the words (they point to the same guides and services, or leave the site).
KIND_BOOST = {"guide": 1.0, "help": 1.0, "platform": 0.5, "law": 0.8, "step": 0.2, "resource": 0.1, "statement": 0.4, "section": 0.1}
TAG = re.compile(r"<[^>]+>")


def index_path(lang: str) -> str:
    """Where a language's index lives, relative to the site root."""
    return f"{prefix(lang)}search/search_index.json"


def language_of(location: str) -> str:
    first = location.split("/", 1)[0] if "/" in location else ""
    return first if first in LANGUAGES and prefix(first) else DEFAULT


def split(merged: dict, kinds: dict[str, str]) -> dict[str, dict]:
    """The merged index as one index per language, with that language's search config, each entry
    weighted by the kind of its page (`kinds`: page location -> guide, law, ...)."""
    out = {}
    for lang in LANGUAGES:
        config = {**merged["config"], "lang": [CODES.get(lang, lang)], "pipeline": PIPELINE}
        docs = []
        for doc in merged["docs"]:
            if language_of(doc["location"]) == lang:
                boost = KIND_BOOST[kinds.get(doc["location"].split("#")[0], "section")] * doc.get("boost", 1)
                docs.append({**doc, "boost": boost} if boost != 1 else doc)
        out[lang] = {**merged, "config": config, "docs": docs}
    return out


def page_kinds(site: Site, directory_urls: bool) -> dict[str, str]:
    """Each page's location in the index (as Material writes it) -> its kind."""
    return {page_url(norm, lang, directory_urls): page.kind
            for norm, versions in site.by_norm.items() for page in versions.values() for lang in LANGUAGES}


def write(site_dir: Path, kinds: dict[str, str]) -> dict[str, Path]:
    """Replace the merged index in a built site with one index per language."""
    merged = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    if merged["config"]["lang"] != ["en"]:  # already split (a second post-build pass)
        return {}
    written = {}
    for lang, index in split(merged, kinds).items():
        path = site_dir / index_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = path
    return written


FILE_LOADER = """// The search indexes for pages opened from files (file://), where the browser cannot fetch JSON:
// Material loads this script and reads __index. It holds every language and picks the one of the
// page that loaded it. Written by hooks/search_indexes.py.
var __index = (function (indexes) {
  var here = document.currentScript ? document.currentScript.src : "";
  var root = here.replace(/search\\/search_index\\.js(?:[?#].*)?$/, "");
  var langs = Object.keys(indexes);
  for (var i = 0; i < langs.length; i++)
    if (langs[i] !== %s && location.href.indexOf(root + langs[i] + "/") === 0) return indexes[langs[i]];
  return indexes[%s] || indexes[langs[0]];
})(%s);
"""


FILE_LOADER_PATH = "search/search_index.js"  # where Material looks for it, whatever the page's language


def file_loader(site_dir: Path, langs=LANGUAGES) -> str:
    """The file:// loader holding these languages' indexes (a one-language offline edition needs one)."""
    indexes = {lang: json.loads((site_dir / index_path(lang)).read_text(encoding="utf-8")) for lang in langs}
    default = json.dumps(DEFAULT)
    return FILE_LOADER % (default, default, json.dumps(indexes, ensure_ascii=False, separators=(",", ":")))


def write_file_loader(site_dir: Path) -> Path:
    """search/search_index.js for the plain-file build (offline edition), every language in one."""
    path = site_dir / FILE_LOADER_PATH
    path.write_text(file_loader(site_dir), encoding="utf-8")
    return path


@dataclass
class Hit:
    page: str       # the page's location (articles and their sections grouped, as Material shows them)
    score: float
    title: str


class SearchIndex:
    """A language's index, built in Python with the browser's pipeline and query expansion."""

    def __init__(self, index: dict, lang: Language):
        self.lang = lang
        self.docs = {}
        for doc in index["docs"]:
            path = doc["location"].split("#")[0]
            self.docs.setdefault(doc["location"], {**doc, "parent": path if path in self.docs and path != doc["location"] else None})
        builder = Builder()
        builder.pipeline.add(trimmer, lang.stop_word_filter, lang.stem_alongside)
        builder.ref("location")
        builder.b(0)
        for name, spec in index["config"]["fields"].items():
            builder.field(name, boost=spec.get("boost", 1), extractor=_extractor(name))
        for doc in index["docs"]:
            builder.add(doc, {"boost": doc.get("boost", 1)})
        self.index = builder.build()

    @classmethod
    def from_site(cls, site_dir: Path, lang: str, data: Data) -> "SearchIndex":
        index = json.loads((site_dir / index_path(lang)).read_text(encoding="utf-8"))
        return cls(index, language(lang, data))

    def plan(self, query: str):
        return expand(query, self.lang, lambda w: w in self.index.inverted_index)

    def search(self, query: str) -> list[Hit]:
        plan = self.plan(query)
        if not plan.clauses:
            return []
        q = self.index.create_query()
        for c in plan.clauses:
            q.term(c.term, boost=c.boost, edit_distance=c.edit_distance, use_pipeline=False,
                   wildcard=Query.WILDCARD_TRAILING if c.wildcard == "trailing" else Query.WILDCARD_NONE)
        results = self.index.query(q)
        # Each section also gets a share of what the rest of its page matched (search-language.js).
        pages: dict[str, float] = {}
        for r in results:
            page = r["ref"].split("#")[0]
            pages[page] = pages.get(page, 0) + r["score"]
        for r in results:
            r["score"] += PAGE_SHARE * (pages[r["ref"].split("#")[0]] - r["score"])
        results.sort(key=lambda r: -r["score"])
        # Material's own re-ranking (src/templates/.../integrations/search/_/index.ts): a result's score
        # grows with the share of query words it matched, and whole pages beat their sections.
        typed = words(query)
        items = []
        for r in results:
            keys = list(r["match_data"].metadata)
            for entry in plan.found:
                if entry.word not in r["match_data"].metadata and any(entry.counts(k) for k in keys):
                    keys.append(entry.word)
            terms: dict[str, bool] = {}  # Material's getSearchQueryTerms, step by step
            remaining = list(typed)
            for key in keys:
                for term in list(remaining):
                    if key.startswith(term):
                        terms[term] = True
                        remaining.remove(term)
            for term in remaining:
                if english_stop_word_filter(Token(term)) is not None:
                    terms[term] = False
            matched, counted = sum(terms.values()), len(terms)
            doc = self.docs[r["ref"]]
            boost = (0 if doc["parent"] else 1) + (matched / counted if counted else 0)
            items.append((r["score"] * (1 + boost ** 2), doc))
        items.sort(key=lambda item: -item[0])
        pages: dict[str, Hit] = {}
        for score, doc in items:
            page = doc["parent"] or doc["location"]
            if page not in pages:
                pages[page] = Hit(page, score, self.docs[page]["title"] if page in self.docs else doc["title"])
        return list(pages.values())


def _extractor(name: str):
    def extract(doc: dict):
        value = doc.get(name)
        if value is None:
            return []
        return TAG.sub(" ", value) if isinstance(value, str) else value
    return extract

