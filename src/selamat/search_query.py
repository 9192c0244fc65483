"""How a search query is understood: the Python twin of src/selamat/js/search-language.js, rule for
rule, so `selamat search` and the tests rank pages as the browser does.

Index side: each word is kept as written and its stem is indexed alongside it.
Query side: each word typed matches as a prefix (as Material's search does), through its stem, through
a one-edit typo variant at a lower weight, and through the words an alias gives it
(data/search-aliases.yml); Malay function words (data/search-stop-words.yml) are ignored."""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable

from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer as english_stemmer
from lunr.stop_word_filter import generate_stop_word_filter, stop_word_filter as english_stop_word_filter
from lunr.token import Token

from .data import Data
from .stemmer import Stemmer

TYPO_MIN = 5
ALIAS_PREFIX_MIN = 4
PAGE_SHARE = 0.5  # how much of the rest of its page's score a section gets
BOOST = {"word": 1.0, "stem": 0.8, "typo": 0.3, "alias": 0.9, "alias_stem": 0.7}
CODES = {"en": "en-my", "ms": "ms"}  # the search language each site's index names (see search_index.py)

_SYNTAX = re.compile(r"[~^]\d*|[*+:]")
_SEPARATOR = re.compile(r"[\s\-]+")
_LEAD = re.compile(r"^\W+", re.ASCII)
_TRAIL = re.compile(r"\W+$", re.ASCII)


def words(text: str) -> list[str]:
    """Material's query syntax out, then lunr's separator and trimmer (ASCII \\W, as in JavaScript)."""
    out = []
    for w in _SEPARATOR.split(_SYNTAX.sub(" ", str(text).lower())):
        w = _TRAIL.sub("", _LEAD.sub("", w))
        if w:
            out.append(w)
    return out


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


@dataclass
class Language:
    code: str
    stem: Callable[[str], str]
    is_stop_word: Callable[[str], bool]
    aliases: dict[str, list[str]]
    longest_alias: int
    stop_word_filter: Callable
    stem_alongside: Callable = field(repr=False, default=None)


@contextmanager
def _quietly():
    """lunr logs a warning each time a pipeline function is registered again (every new index)."""
    logger = logging.getLogger("lunr.pipeline")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def language(lang: str, data: Data) -> Language:
    """The search language of the `lang` site, with its data from data/."""
    with _quietly():
        return _language(lang, data)


def _language(lang: str, data: Data) -> Language:
    code = CODES.get(lang, lang)
    if lang == "ms":
        malay = Stemmer.from_data(data.folder)
        stem = malay.stem
        stop_filter = generate_stop_word_filter(data.search_stop_words.get("ms", []), "ms")
    elif lang == "en":
        def stem(w: str) -> str:
            return str(english_stemmer(Token(w)))
        stop_filter = english_stop_word_filter
    else:  # a language without rules here: whole words only
        def stem(w: str) -> str:
            return w
        def stop_filter(token, i=None, tokens=None):
            return token
    aliases: dict[str, list[str]] = {}
    for typed, means in data.search_aliases.get(lang, {}).items():
        aliases[" ".join(words(typed))] = [w for m in means for w in words(m)]
    longest = max([1, *(len(k.split(" ")) for k in aliases)])

    def stem_alongside(token, i=None, tokens=None):
        word = str(token)
        root = stem(word)
        return [token, token.clone(lambda s, metadata=None: root)] if root and root != word else token

    Pipeline.register_function(stem_alongside, f"stemAlongside-{code}")
    return Language(code, stem, lambda w: stop_filter(Token(w)) is None, aliases, longest, stop_filter, stem_alongside)


@dataclass
class Clause:
    term: str
    boost: float
    wildcard: str  # "none" | "trailing"
    edit_distance: int


@dataclass
class Found:
    word: str
    stop: bool
    terms: set[str] = field(default_factory=set)
    typo: bool = False

    def counts(self, key: str) -> bool:
        return (self.stop or key.startswith(self.word) or key in self.terms
                or (self.typo and len(self.word) >= TYPO_MIN and within_one_edit(key, self.word)))


@dataclass
class Plan:
    clauses: list[Clause]
    found: list[Found]


def expand(query: str, lang: Language, in_index: Callable[[str], bool] = lambda w: False) -> Plan:
    typed = words(query)
    units: list[tuple[list[str], list[str]]] = []
    i = 0
    while i < len(typed):
        for n in range(min(lang.longest_alias, len(typed) - i), 0, -1):
            key = " ".join(typed[i:i + n])
            if key in lang.aliases:
                units.append((typed[i:i + n], lang.aliases[key]))
                i += n
                break
        else:
            units.append(([typed[i]], []))
            i += 1
    clauses: list[Clause] = []
    by_key: dict[tuple, Clause] = {}

    def add(term: str, boost: float, wildcard: str, edit_distance: int) -> None:
        key = (term, wildcard, edit_distance)
        if key in by_key:
            by_key[key].boost = max(by_key[key].boost, boost)
            return
        by_key[key] = Clause(term, boost, wildcard, edit_distance)
        clauses.append(by_key[key])

    found: list[Found] = []
    for unit_words, means in units:
        also: set[str] = set()
        for m in means:
            if lang.is_stop_word(m):
                continue
            s = lang.stem(m)
            add(m, BOOST["alias"], "none", 0)
            also.add(m)
            if s != m:
                add(s, BOOST["alias_stem"], "none", 0)
                also.add(s)
        aliased = bool(means)
        for w in unit_words:
            if lang.is_stop_word(w):
                found.append(Found(w, True))
                continue
            s = lang.stem(w)
            terms = set(also)
            if aliased:
                # A word the alias file knows is a whole word, not the start of one, and not a typo.
                add(w, BOOST["word"], "none", 0)
                if len(w) >= ALIAS_PREFIX_MIN:
                    add(w, BOOST["typo"], "trailing", 0)
            else:
                add(w, BOOST["word"], "trailing" if len(w) >= 2 else "none", 0)
                # A word found in the index as typed is not a typo; only unknown words get one-edit variants.
                if len(w) >= TYPO_MIN and not in_index(w):
                    add(w, BOOST["typo"], "none", 1)
            if s != w:
                add(s, BOOST["stem"], "none", 0)
                terms.add(s)
            found.append(Found(w, False, terms, typo=not aliased))
    return Plan(clauses, found)
