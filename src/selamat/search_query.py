"""How a search query is read and how pages are ranked: the Python twin of src/selamat/js/search-engine.js,
rule for rule, so `selamat search` and the tests rank pages as the browser does (tests/test_search.py runs
the JavaScript under Node against this on every query of tests/search/queries.yml).

Per word typed: the word exactly; the longer words it begins, when it has three letters or more and is
not itself in the index; its stem; one-edit variants when it has five letters or more and no page holds
it; the words an alias gives it (data/search-aliases.yml). Stop words are ignored. How each language is
read (its stemmer and stop words) is in data/search-languages.yml; a language not listed there gets
neither."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

import yaml
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS

from .data import Data
from .stemmer import Stemmer

SHORT = 3
TYPO_MIN = 5
ALIAS_PREFIX_MIN = 4
PAGE_SHARE = 0.5
BOOST = {"word": 1.0, "prefix": 0.5, "stem": 0.8, "typo": 0.3, "alias": 0.9, "alias_stem": 0.7, "alias_prefix": 0.3}
LANGUAGES_FILE = "search-languages.yml"

class _BrowserPorter(PorterStemmer):
    """lunr's Porter stemmer as lunr.js runs it in the browser (the worker's): Python's lunr keeps the
    1980 paper's step 1c (y -> i after any vowel in the stem: days -> dai), lunr.js the later rule
    (y -> i after a consonant that is not the first letter: cry -> cri, say -> say)."""

    def step1c(self):
        if self.k - self.k0 >= 2 and self.b[self.k] == "y" and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[:self.k] + "i" + self.b[self.k + 1:]


_porter = _BrowserPorter()


def english_stem(word: str) -> str:
    return _porter.stem(word)


_SYNTAX = re.compile(r"[~^]\d*|[*+:]")
_SEPARATOR = re.compile(r"[\s\-]+")


def _word_char(c: str) -> bool:
    return unicodedata.category(c)[0] in "LMN"


@lru_cache(maxsize=100_000)  # words repeat: a site's text holds far fewer distinct words than words
def _trim(w: str) -> str:
    i, j = 0, len(w)
    while i < j and not _word_char(w[i]):
        i += 1
    while j > i and not _word_char(w[j - 1]):
        j -= 1
    return w[i:j]


def words(text: str) -> list[str]:
    """Material's query syntax out, split on spaces and hyphens, anything but letters, marks and digits
    trimmed from each end (as search-engine.js reads a query and as the index reads a page)."""
    return [w for w in (_trim(w) for w in _SEPARATOR.split(_SYNTAX.sub(" ", str(text).lower()))) if w]


def within_one_edit(a: str, b: str) -> bool:
    """Damerau–Levenshtein distance <= 1: one letter added, dropped, changed, or two swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < la and i < lb and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i + 1:] == b[i:] if la > lb else a[i:] == b[i + 1:]


def shard_key(term: str, split: set[str]) -> str:
    return term[:3] if len(term) >= 3 and term[:2] in split else term[:2]


def shard_file(key: str) -> str:
    return key if re.fullmatch(r"[a-z0-9]+", key) else "x" + key.encode("utf-8").hex()


@dataclass
class Language:
    code: str
    stem: Callable[[str], str]
    stop_words: frozenset[str]
    aliases: dict[str, list[str]]
    longest_alias: int
    data: dict = field(default_factory=dict)  # what the browser's engine needs (the manifest's `language`)

    def is_stop_word(self, w: str) -> bool:
        return w in self.stop_words


def settings(data_dir: Path) -> dict[str, dict]:
    """data/search-languages.yml: language code -> {stemmer, stop_words}."""
    path = Path(data_dir) / LANGUAGES_FILE
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def language(lang: str, data: Data) -> Language:
    """The search language of the `lang` site, with its data from data/."""
    how = settings(data.folder).get(lang) or {}
    kind = how.get("stemmer", "none")
    lists = {}
    if kind == "malay":
        lists = {"roots_that_look_affixed": list(data.stemmer.roots_that_look_affixed),
                 "known_roots": list(data.stemmer.known_roots)}
        stem = Stemmer(set(lists["roots_that_look_affixed"]), set(lists["known_roots"])).stem
    elif kind == "porter":
        stem = english_stem
    else:
        def stem(w: str) -> str:
            return w
    source = how.get("stop_words", "none")
    stop = sorted(ENGLISH_STOP_WORDS) if source == "english" else list(data.search_stop_words.get(lang, [])) if source == "data" else []
    raw_aliases = data.search_aliases.get(lang, {})
    aliases: dict[str, list[str]] = {}
    for typed, means in raw_aliases.items():
        aliases[" ".join(words(typed))] = [w for m in means for w in words(m)]
    longest = max([1, *(len(k.split(" ")) for k in aliases)])
    cache: dict[str, str] = {}

    def cached(w: str) -> str:
        if w not in cache:
            cache[w] = stem(w)
        return cache[w]
    browser = {"stemmer": kind if kind in ("malay", "porter") else None, "stemmerLists": lists,
               "stopWords": stop, "aliases": raw_aliases}
    return Language(lang, cached, frozenset(stop), aliases, longest, browser)


@dataclass
class Unit:
    words: list[str]
    means: list[str]


def units(query: str, lang: Language) -> list[Unit]:
    typed = words(query)
    out: list[Unit] = []
    i = 0
    while i < len(typed):
        for n in range(min(lang.longest_alias, len(typed) - i), 0, -1):
            key = " ".join(typed[i:i + n])
            if key in lang.aliases:
                out.append(Unit(typed[i:i + n], lang.aliases[key]))
                i += n
                break
        else:
            out.append(Unit([typed[i]], []))
            i += 1
    return out


def wanted(query: str, lang: Language) -> list[str]:
    """The terms whose shards a query needs."""
    terms = []
    for unit in units(query, lang):
        for w in unit.means + unit.words:
            if lang.is_stop_word(w):
                continue
            terms.append(w)
            s = lang.stem(w)
            if s != w:
                terms.append(s)
    return terms


@dataclass
class Clause:
    finds: list[int]  # indexes of the words typed it finds
    boost: float
    terms: list[str]
    kind: str = ""


@dataclass
class Plan:
    typed: list[str]
    clauses: list[Clause]


def plan(query: str, lang: Language, lookup: Callable[[str], Optional[list]],
         shard_of: Callable[[str], Optional[dict]]) -> Plan:
    typed: list[str] = []
    clauses: list[Clause] = []

    def add(finds, boost: float, terms: list[str], kind: str) -> None:
        if terms:
            clauses.append(Clause(list(finds) if isinstance(finds, list) else [finds], boost, terms, kind))

    def exact(t: str) -> list[str]:
        return [t] if lookup(t) is not None else []

    def longer(w: str) -> list[str]:
        shard = shard_of(w)
        return [t for t in sorted(shard) if len(t) > len(w) and t.startswith(w)] if shard else []

    def one_edit(w: str) -> list[str]:
        shard = shard_of(w)
        return [t for t in sorted(shard) if t != w and not t.startswith(w) and within_one_edit(t, w)] if shard else []

    for unit in units(query, lang):
        first, aliased = len(typed), bool(unit.means)
        for w in unit.words:
            if lang.is_stop_word(w):
                continue
            at, s, known = len(typed), lang.stem(w), lookup(w) is not None
            typed.append(w)
            add(at, BOOST["word"], exact(w), "word")
            if aliased:
                if len(w) >= ALIAS_PREFIX_MIN and not known:
                    add(at, BOOST["alias_prefix"], longer(w), "alias prefix")
            else:
                if len(w) >= SHORT and not known:
                    add(at, BOOST["prefix"], longer(w), "prefix")
                if len(w) >= TYPO_MIN and not known:
                    add(at, BOOST["typo"], one_edit(w), "typo")
            if s != w:
                add(at, BOOST["stem"], exact(s), "stem")
        finds = list(range(first, len(typed)))
        for m in unit.means:
            if lang.is_stop_word(m) or not finds:
                continue
            s = lang.stem(m)
            add(finds, BOOST["alias"], exact(m), "alias")
            if s != m:
                add(finds, BOOST["alias_stem"], exact(s), "alias stem")
    return Plan(typed, clauses)


@dataclass
class Doc:
    id: int
    page: int
    score: float
    terms: dict[str, bool]


@dataclass
class Ranked:
    page: int
    score: float
    docs: list[Doc]


def rank(p: Plan, lookup: Callable[[str], list], sections: int) -> list[Ranked]:
    scores: dict[int, float] = {}
    found: dict[int, set[int]] = {}
    for clause in p.clauses:
        best: dict[int, float] = {}
        for t in clause.terms:
            idf, ids, weights = lookup(t)
            doc = 0
            for delta, weight in zip(ids, weights):
                doc += delta
                v = idf * weight
                if doc not in best or v > best[doc]:
                    best[doc] = v
        for doc, v in best.items():
            scores[doc] = scores.get(doc, 0) + clause.boost * v
            found.setdefault(doc, set()).update(clause.finds)
    ids = sorted(scores)
    page_sums: dict[int, float] = {}
    for doc in ids:
        page = doc // sections
        page_sums[page] = page_sums.get(page, 0) + scores[doc]
    count = len(p.typed)
    docs = []
    for doc in ids:
        page, own = doc // sections, scores[doc]
        score = own + PAGE_SHARE * (page_sums[page] - own)
        boost = (1 if doc % sections == 0 else 0) + (len(found[doc]) / count if count else 0)
        docs.append(Doc(doc, page, score * (1 + boost * boost), {w: i in found[doc] for i, w in enumerate(p.typed)}))
    docs.sort(key=lambda d: (-d.score, d.id))
    pages: dict[int, Ranked] = {}
    for d in docs:
        if d.page not in pages:
            pages[d.page] = Ranked(d.page, d.score, [])
        pages[d.page].docs.append(d)
    return list(pages.values())
