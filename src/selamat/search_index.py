"""Each language's search index, prebuilt and sharded by term, and `SearchIndex`, which searches it the way
the browser does (for `selamat search` and the tests).

Material with static-i18n writes ONE index holding every language's pages (search/search_index.json).
`write` turns it into, for each language, in that language's search folder (search/, ms/search/):
- search_index.json: the manifest, in the shape Material's search dialog passes to its worker
  ({"config": {..., "selamat": manifest}, "docs": []}): the shard names, the language's stemmer, stop
  words and aliases. A few KB, whatever the size of the site.
- t/<shard>.js: the terms starting with the same two letters (three for a busy pair), each with its idf
  and its postings (document, weight), best MAX_POSTINGS only; the weight holds the field boost (title
  over text) and the page kind's boost (guides and help first).
- d/<page>.js: a page's address, and the title and a short extract of the page and of each section, cut
  as the result shows it. Not the full text: the index holds no second copy of the pages.
Shards and details are small scripts (`SelamatSearchData(kind, name, {...})`): the worker fetches and
reads them over http(s), and loads them as scripts from file:// (the offline edition). Words are read as
search_query.words reads a query; each word is indexed as written and, when its stem differs, as its
stem too."""
from __future__ import annotations

import json
import math
from collections import Counter
import re
from dataclasses import dataclass
from pathlib import Path

from .content import Site
from .data import Data
from .languages import DEFAULT, LANGUAGES, prefix
from .search_query import Language, Plan, Ranked, language, plan, rank, shard_file, shard_key, wanted, words
from .urls import page_url

# Whose answer a survivor most likely needs when words match equally well: the site's own guides and
# help first, then laws and platforms; statements, flow ends, other organisations' resources and
# listing pages (which repeat every title) after them.
KIND_BOOST = {"guide": 1.0, "help": 1.0, "platform": 0.5, "law": 0.8, "step": 0.2, "resource": 0.1, "statement": 0.4, "section": 0.1}
FIELD_BOOST = {"title": 8.0, "text": 1.0}
K1 = 1.2              # how fast repeats of a word stop adding (BM25's k1; no length normalisation)
SECTIONS = 100        # a document's id: page * SECTIONS + its number on the page (0: the page itself)
MAX_POSTINGS = 300    # per term, the best documents kept: a shard grows with the site only until its
                      # terms all reach this
SPLIT_OVER = 12_000   # bytes: a two-letter shard larger than this is split by the third letter
EXTRACT = 160         # characters of a section's text kept for its result, as its result shows it
MORE = " …"           # after an extract cut short
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
MANIFEST = "search_index.json"
FILE_LOADER_PATH = "search/search_index.js"  # where Material looks for the manifest from file://


def folder(lang: str) -> str:
    """A language's search folder, relative to the site root."""
    return f"{prefix(lang)}search/"


def index_path(lang: str) -> str:
    """Where a language's manifest lives, relative to the site root."""
    return folder(lang) + MANIFEST


def language_of(location: str) -> str:
    first = location.split("/", 1)[0] if "/" in location else ""
    return first if first in LANGUAGES and prefix(first) else DEFAULT


def page_kinds(site: Site, directory_urls: bool) -> dict[str, str]:
    """Each page's location in the index (as Material writes it) -> its kind."""
    return {page_url(norm, lang, directory_urls): page.kind
            for norm, versions in site.by_norm.items() for page in versions.values() for lang in LANGUAGES}


def plain(html: str) -> str:
    return SPACE.sub(" ", TAG.sub(" ", html or "")).strip()


def extract(text: str, size: int = EXTRACT) -> str:
    """The start of a section's text as its result shows it: cut at the last space by `size` characters
    (or at `size`, for a text with no space in its second half), with MORE after it."""
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size + 1)
    return text[:cut if cut > size // 2 else size] + MORE


@dataclass
class Built:
    manifest: dict
    shards: dict[str, dict]   # file name -> {"t": {term: [idf, id deltas, weights]}}
    details: list[dict]       # per page: {"l": location, "d": [[number, title, extract, anchor], ...]}


def build(docs: list[dict], lang: Language, kinds: dict[str, str], code: str) -> Built:
    """A language's index from its documents (Material's, in order: each page before its sections)."""
    pages: list[dict] = []
    by_location: dict[str, dict] = {}
    for doc in docs:
        path, _, anchor = doc["location"].partition("#")
        if not anchor:
            page = {"l": path, "d": [], "boost": KIND_BOOST[kinds.get(path, "section")] * doc.get("boost", 1)}
            by_location[path] = page
            pages.append(page)
        page = by_location.get(path)
        if page is None or len(page["d"]) >= SECTIONS:
            continue
        page["d"].append([len(page["d"]), doc.get("title") or "", plain(doc.get("text", "")), anchor])
    postings: dict[str, dict[int, float]] = {}
    is_stop_word, stem = lang.is_stop_word, lang.stem
    weights: dict[tuple, float] = {}  # a term's weight in a document, by its counts in each field
    for number, page in enumerate(pages):
        for section in page["d"]:
            counts: dict[str, dict[str, int]] = {}
            for name, value in (("title", section[1]), ("text", section[2])):
                for w, n in Counter(words(value)).items():  # each distinct word once, with its count
                    if is_stop_word(w):
                        continue
                    s = stem(w)
                    for term in (w, s) if s != w else (w,):
                        by_field = counts.get(term)
                        if by_field is None:
                            by_field = counts[term] = {}
                        by_field[name] = by_field.get(name, 0) + n
            doc_id = number * SECTIONS + section[0]
            for term, by_field in counts.items():
                fields = tuple(by_field.items())
                weight = weights.get(fields)
                if weight is None:
                    weight = weights[fields] = sum(FIELD_BOOST[f] * tf * (K1 + 1) / (tf + K1) for f, tf in fields)
                found = postings.get(term)
                if found is None:
                    found = postings[term] = {}
                found[doc_id] = page["boost"] * weight
    total = sum(len(p["d"]) for p in pages)
    entries: dict[str, list] = {}
    for term, found in postings.items():
        df = len(found)
        idf = round(math.log(1 + (total - df + 0.5) / (df + 0.5)), 4)
        best = list(found.items())  # by document, as they were added
        if df > MAX_POSTINGS:
            best = sorted(sorted(best, key=lambda item: (-item[1], item[0]))[:MAX_POSTINGS])
        ids, weights, last = [], [], 0
        for doc_id, weight in best:
            ids.append(doc_id - last)
            weights.append(max(1, round(weight * 100)))
            last = doc_id
        entries[term] = [idf, ids, weights]
    by_pair: dict[str, dict[str, list]] = {}
    for term in sorted(entries):
        by_pair.setdefault(term[:2], {})[term] = entries[term]
    shards: dict[str, dict] = {}
    keys: list[str] = []
    for pair, terms in by_pair.items():
        if len(_json({"t": terms})) > SPLIT_OVER:
            for term, entry in terms.items():
                shards.setdefault(term[:3], {})[term] = entry
        else:
            shards[pair] = terms
    keys = sorted(shards)
    manifest = {"version": 1, "lang": code, "folder": folder(code), "pages": len(pages), "documents": total,
                "sections": SECTIONS, "keys": keys, "language": lang.data}
    for page in pages:
        for section in page["d"]:
            section[2] = extract(section[2])
        del page["boost"]
    return Built(manifest, {shard_file(k): {"t": v} for k, v in shards.items()}, pages)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def script(kind: str, name: str, value: dict) -> str:
    return f'SelamatSearchData("{kind}","{name}",{_json(value)});\n'


def read_script(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("{"):text.rindex("}") + 1])


def material_index(manifest: dict, config: dict) -> dict:
    """The manifest in the shape Material's search dialog hands to its worker."""
    return {"config": {**config, "lang": [manifest["lang"]], "selamat": manifest}, "docs": []}


def write_language(site_dir: Path, lang: str, docs: list[dict], kinds: dict[str, str], data: Data) -> dict:
    """Build one language's index from its documents (Material's entries whose location is in that
    language) and write its shards and page details; returns its manifest, which `write` puts in place."""
    built = build([doc for doc in docs if language_of(doc["location"]) == lang], language(lang, data), kinds, lang)
    base = site_dir / folder(lang)
    for kind in ("t", "d"):
        (base / kind).mkdir(parents=True, exist_ok=True)
    for name, shard in built.shards.items():
        (base / "t" / f"{name}.js").write_text(script("t", name, shard), encoding="utf-8")
    for number, page in enumerate(built.details):
        (base / "d" / f"{number}.js").write_text(script("d", str(number), page), encoding="utf-8")
    return built.manifest


def write_language_in_worker(site_dir: Path, lang: str, docs: list[dict], kinds: dict[str, str], data_dir: Path) -> dict:
    """`write_language` in a worker process (background.py), which reads the data files itself: a build's
    Data stays in the build's process."""
    return write_language(site_dir, lang, docs, kinds, Data(data_dir))


def write(site_dir: Path, kinds: dict[str, str], data: Data, manifests: dict[str, dict] | None = None) -> dict[str, Path]:
    """Replace the merged index Material wrote with each language's sharded index. `manifests`: the
    languages whose shards their own build wrote already (write_language), by language."""
    merged_path = site_dir / "search" / MANIFEST
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    if "selamat" in merged["config"]:  # already written (a second post-build pass)
        return {}
    written = {}
    for lang in LANGUAGES:
        manifest = (manifests or {}).get(lang) or write_language(site_dir, lang, merged["docs"], kinds, data)
        path = site_dir / index_path(lang)
        path.write_text(_json(material_index(manifest, merged["config"])), encoding="utf-8")
        written[lang] = path
    return written


FILE_LOADER = """// The search manifests for pages opened from files (file://), where the browser cannot fetch JSON:
// Material loads this script and reads __index. It holds every language's manifest and picks the one
// of the page that loaded it. Written by steps/search_indexes.py.
var __index = (function (indexes) {
  var here = document.currentScript ? document.currentScript.src : "";
  var root = here.replace(/search\\/search_index\\.js(?:[?#].*)?$/, "");
  var langs = Object.keys(indexes), fallback = indexes[langs[0]];
  for (var i = 0; i < langs.length; i++) {
    var folder = indexes[langs[i]].config.selamat.folder;
    if (folder === "search/") fallback = indexes[langs[i]];
    else if (location.href.indexOf(root + folder.replace(/search\\/$/, "")) === 0) return indexes[langs[i]];
  }
  return fallback;
})(%s);
"""


def file_loader(site_dir: Path, langs=LANGUAGES) -> str:
    """The file:// loader holding these languages' manifests (a one-language offline edition needs one)."""
    indexes = {lang: json.loads((site_dir / index_path(lang)).read_text(encoding="utf-8")) for lang in langs}
    return FILE_LOADER % _json(indexes)


def write_file_loader(site_dir: Path) -> Path:
    """search/search_index.js for the plain-file build (offline edition), every language in one."""
    path = site_dir / FILE_LOADER_PATH
    path.write_text(file_loader(site_dir), encoding="utf-8")
    return path


@dataclass
class Hit:
    page: str       # the page's location (its sections grouped under it, as Material lists them)
    score: float
    title: str


@dataclass
class Reading:
    word: str
    stop: bool
    terms: list[str]


class SearchIndex:
    """A language's built index, searched with the browser's rules (search_query.py)."""

    def __init__(self, base: Path, manifest: dict, lang: Language):
        self.base = base
        self.manifest = manifest
        self.lang = lang
        self.keys = set(manifest["keys"])
        self.split = {k[:2] for k in self.keys if len(k) == 3}
        self._shards: dict[str, dict] = {}
        self._details: dict[int, dict] = {}

    @classmethod
    def from_site(cls, site_dir: Path, lang: str, data: Data) -> "SearchIndex":
        index = json.loads((site_dir / index_path(lang)).read_text(encoding="utf-8"))
        return cls(site_dir / folder(lang), index["config"]["selamat"], language(lang, data))

    def shard(self, key: str) -> dict | None:
        if key not in self.keys:
            return None
        if key not in self._shards:
            self._shards[key] = read_script(self.base / "t" / f"{shard_file(key)}.js")["t"]
        return self._shards[key]

    def details(self, page: int) -> dict:
        if page not in self._details:
            self._details[page] = read_script(self.base / "d" / f"{page}.js")
        return self._details[page]

    def _lookups(self, query: str):
        for term in wanted(query, self.lang):
            self.shard(shard_key(term, self.split))

        def shard_of(term: str):
            return self.shard(shard_key(term, self.split))

        def lookup(term: str):
            s = shard_of(term)
            return s.get(term) if s else None
        return lookup, shard_of

    def plan(self, query: str) -> Plan:
        lookup, shard_of = self._lookups(query)
        return plan(query, self.lang, lookup, shard_of)

    def ranked(self, query: str) -> list[Ranked]:
        lookup, shard_of = self._lookups(query)
        p = plan(query, self.lang, lookup, shard_of)
        return rank(p, lookup, self.manifest["sections"]) if p.clauses else []

    def search(self, query: str) -> list[Hit]:
        out = []
        for r in self.ranked(query):
            page = self.details(r.page)
            out.append(Hit(page["l"], r.score, page["d"][0][1]))
        return out

    def readings(self, query: str) -> list[Reading]:
        """How each word typed was read: ignored (a stop word), or the index terms it matched."""
        p = self.plan(query)
        out = []
        for w in words(query):
            if self.lang.is_stop_word(w):
                out.append(Reading(w, True, []))
                continue
            at = [i for i, t in enumerate(p.typed) if t == w]
            terms = sorted({t for c in p.clauses if set(c.finds) & set(at) for t in c.terms if t != w})
            out.append(Reading(w, False, terms))
        return out
