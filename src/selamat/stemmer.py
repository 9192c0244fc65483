"""A rule-based Malay stemmer for search: meN-/peN- with their sound changes and restored first
letters (menipu -> tipu, penyebaran -> sebar), ber-, ter-, di-, ke-, memper-, diper-, per-; the suffixes
-kan, -an, -i, the particles -lah, -kah, -tah, -pun and -nya/-ku/-mu; the confixes ke-...-an, pe-...-an,
per-...-an, di-...-kan; and word lists (data/malay-stemmer.yml) of roots that only look affixed."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .data import Data

VOWEL = "aeiou"
PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
SUFFIXES = ("kan", "an", "i")
# confixes Malay does not form: a prefix with a suffix it never takes
NEVER = {("di", "an"), ("ke", "i"), ("ke", "kan"), ("ber", "i"), ("ter", "an"), ("me", "an")}
MIN_ROOT = 3


@dataclass
class Stemmer:
    keep: set[str] = field(default_factory=set)  # roots that only look affixed: never cut
    known: set[str] = field(default_factory=set)  # roots to prefer when a word reads two ways

    @classmethod
    def from_data(cls, data_dir: Path) -> "Stemmer":
        lists = Data(data_dir).stemmer
        return cls(set(lists.roots_that_look_affixed), set(lists.known_roots))

    def stem(self, word: str) -> str:
        w = word.lower()
        if w in self.keep or len(w) <= MIN_ROOT + 1 or not re.fullmatch(r"[a-z]+", w):
            return w
        for tail in PARTICLES + POSSESSIVES:
            if w.endswith(tail) and len(w) - len(tail) >= MIN_ROOT + 1:
                if any(w.endswith(root) for root in self.keep if root.endswith(tail)):
                    break  # bertanya: the -nya belongs to the root
                w = w[: -len(tail)]
                if w in self.keep:
                    return w
                break
        candidates = list(self._analyses(w))
        for root in candidates:
            if root in self.keep or root in self.known:
                return root
        return candidates[0] if candidates else w

    def _analyses(self, w: str):
        """Possible roots, likeliest first: a prefix and a suffix removed, then a prefix alone, then a
        suffix alone."""
        seen = []
        if w[:5] in ("menge", "penge"):
            # meN-/peN- become menge-/penge- before a one-syllable root: mengesahkan, pengehadan
            rest = w[5:]
            for suffix in ("kan", "an", "i", ""):
                root = rest[: len(rest) - len(suffix)]
                if rest.endswith(suffix) and len(root) >= MIN_ROOT and sum(c in VOWEL for c in root) == 1:
                    seen.append(root)
                    break
        for prefix, roots in self._prefixes(w):
            # nouns (pe-, per-, ke-) take -an, verbs (me-, di-) -kan: try the likelier first
            for suffix in ("an", "kan", "i") if prefix[:2] in ("pe", "ke") else SUFFIXES:
                kind = "me" if prefix.startswith("me") else "pe" if prefix.startswith("pe") else prefix
                if (kind, suffix) in NEVER:
                    continue
                for root in roots:
                    if root.endswith(suffix) and len(root) - len(suffix) >= MIN_ROOT:
                        seen.append(root[: -len(suffix)])
            seen.extend(r for r in roots if len(r) >= MIN_ROOT)
        for suffix in SUFFIXES:
            root = w[: -len(suffix)]
            # a short root must end in a vowel (adu-an), else jalan, bulan... would lose their -an
            if w.endswith(suffix) and (len(root) >= MIN_ROOT + 1 or (len(root) == MIN_ROOT and root[-1] in VOWEL)):
                seen.append(root)
        seen.append(w)
        return list(dict.fromkeys(r for r in seen if any(v in r for v in VOWEL)))

    def _prefixes(self, w: str):
        """(prefix, [roots it may leave]) for each prefix the word could carry."""
        out = []
        for head in ("memper", "diper"):
            if w.startswith(head):
                out.append((head, [w[len(head):], "per" + w[len(head):]]))
        for head in ("meng", "peng"):
            if w.startswith(head):
                rest = w[len(head):]
                if rest[:1] in VOWEL:
                    k = "k" + rest
                    out.append((head, [k, rest] if any(k.startswith(r) for r in self.known if r[0] == "k") else [rest, k]))
                else:
                    out.append((head, [rest]))  # g, h, kh: kept
        for head, dropped in (("meny", "s"), ("peny", "s")):
            if w.startswith(head):
                out.append((head, [dropped + w[len(head):]]))
        for head in ("men", "pen"):
            if w.startswith(head) and not w.startswith(head + "g") and not w.startswith(head + "y"):
                rest = w[len(head):]
                out.append((head, ["t" + rest] if rest[:1] in VOWEL else [rest]))
        for head in ("mem", "pem"):
            if w.startswith(head):
                rest = w[len(head):]
                out.append((head, ["p" + rest, rest] if rest[:1] in VOWEL else [rest]))
        for head in ("ber", "ter", "per"):
            if w.startswith(head):
                out.append((head, [w[3:]]))
        for head in ("me", "pe"):
            if w.startswith(head) and w[2:3] in "lrwymn":
                out.append((head, [w[2:]]))
        for head in ("be", "te", "pe"):
            if w.startswith(head) and not w.startswith(head + "r"):
                out.append((head, [w[2:]]))
        for head in ("di", "ke"):
            if w.startswith(head):
                out.append((head, [w[2:]]))
        return [(p, [r for r in roots if len(r) >= MIN_ROOT]) for p, roots in out]
