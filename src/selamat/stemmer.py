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
NEVER = {("di", "an"), ("ke", "i"), ("ke", "kan"), ("ber", "i"), ("ter", "an"), ("ter", "i"), ("me", "an")}
MIN_ROOT = 3


def vowels(w: str) -> int:
    return sum(c in VOWEL for c in w)


def root_like(r: str) -> bool:
    """A root left after cutting an affix has two syllables or more (Malay's one-syllable roots, such as
    sah and had, come only through menge-/penge- and the word lists): deng, simp, ting, lum are not roots."""
    return len(r) >= MIN_ROOT and vowels(r) >= 2


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
            if w.endswith(tail) and self._rootlike(w[: -len(tail)]):
                if any(w.endswith(root) for root in self.keep if root.endswith(tail)):
                    break  # bertanya: the -nya belongs to the root
                w = w[: -len(tail)]
                if w in self.keep or w in self.known:
                    return w
                # se-...-nya makes adverbs: sepenuhnya, sebenarnya, sewajarnya (semuanya, sendirinya: roots listed)
                if tail == "nya" and w.startswith("se") and root_like(w[2:]):
                    w = w[2:]
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
            # meN-/peN- become menge-/penge- before a one-syllable root (a short, listed class):
            # mengesahkan, pengehadan; mengekori is meng- + ekor
            rest = w[5:]
            for suffix in ("kan", "an", "i", ""):
                root = rest[: len(rest) - len(suffix)]
                if rest.endswith(suffix) and root in self.known and vowels(root) == 1:
                    seen.append(root)
                    break
        for prefix, roots in self._prefixes(w):
            if prefix == "ke-i":
                seen.extend(roots)
                continue
            # nouns (pe-, per-, ke-) take -an, verbs (me-, di-) -kan: try the likelier first
            for suffix in ("an", "kan", "i") if prefix[:2] in ("pe", "ke") else SUFFIXES:
                kind = "me" if prefix.startswith("me") else "pe" if prefix.startswith("pe") else prefix
                if (kind, suffix) in NEVER:
                    continue
                for root in roots:
                    if root.endswith(suffix) and self._cuts(root, suffix, True):
                        seen.extend(self._spellings(root[: -len(suffix)], suffix))
            seen.extend(r for r in roots if self._rootlike(r))
        for suffix in SUFFIXES:
            if w.endswith(suffix) and self._cuts(w, suffix, False):
                seen.extend(self._spellings(w[: -len(suffix)], suffix))
        seen.append(w)
        return list(dict.fromkeys(r for r in seen if any(v in r for v in VOWEL)))

    def _rootlike(self, r: str) -> bool:
        return root_like(r) or r in self.known or r in self.keep

    def _cuts(self, w: str, suffix: str, prefixed: bool) -> bool:
        """Whether `suffix` may be cut from `w`: what is left must look like a root, and a word without
        a prefix does not end in -a plus -i (sampai, ramai, pakai are roots; menyertai is serta + -i)."""
        root = w[: -len(suffix)]
        return self._rootlike(root) and (prefixed or not (suffix == "i" and root.endswith("a")))

    def _spellings(self, root: str, suffix: str) -> list[str]:
        """A root as cut, then as spelt before the suffix: b is written p before -an (jawapan, kewajipan)."""
        if suffix == "an" and root.endswith("p") and root[:-1] + "b" in self.known:
            return [root[:-1] + "b", root]
        return [root]

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
                # the p drops (memadam), and the f of a loanword too (memikirkan: fikir)
                out.append((head, ["p" + rest, rest, "f" + rest] if rest[:1] in VOWEL else [rest]))
        for head in ("ber", "ter", "per"):
            if w.startswith(head):
                rest = w[3:]
                # ber-/per- before a root starting with r lose their r: berehat (rehat), perasaan (rasa)
                out.append((head, [rest, "r" + rest] if rest[:1] in VOWEL and head != "ter" else [rest]))
        for head in ("me", "pe"):
            if w.startswith(head) and w[2:3] in "lrwymn":
                out.append((head, [w[2:]]))
        for head in ("be", "pe"):
            # be-, pe- stand for ber-, per- before a first syllable ending in -er (bekerja, pekerja); a
            # root starting with r is read by ber-/per- above; telefon, pegawai, belum are roots
            rest = w[2:]
            if w.startswith(head) and not w.startswith(head + "r") and rest[1:3] == "er":
                out.append((head, [rest]))
        for head in ("di", "ke"):
            if w.startswith(head):
                out.append((head, [w[2:]]))
        for head in ("bel", "pel"):
            # bel-, pel-: ber-, per- before ajar only (belajar, pelajar), a root the lists name
            if w.startswith(head) and any(w[3:].startswith(r) for r in self.known if r[0] in VOWEL):
                out.append((head, [w[3:]]))
        # meng-/di- + ke-...-i: mengetahui, diketahui (tahu), dikehendaki (hendak): whole roots, first
        inner = [r[2:-1] for head, roots in out if head in ("meng", "di") for r in roots
                 if r.startswith("ke") and r.endswith("i") and root_like(r[2:-1])]
        if inner:
            out.insert(0, ("ke-i", inner))
        return [(p, [r for r in roots if len(r) >= MIN_ROOT]) for p, roots in out]
