"""The Malay stemmer, on the shared test vectors (tests/fixtures/malay-stems.tsv, from
shared/reference/malay-stems.tsv: word, expected root, certain, alternative roots) and on its rules."""
from __future__ import annotations

import csv

import pytest

from selamat.stemmer import Stemmer

from conftest import ROOT

VECTORS = list(csv.DictReader((ROOT / "tests/fixtures/malay-stems.tsv").open(encoding="utf-8"), delimiter="\t"))
# Written blind to the stemmer (by a colleague who did not read it): the honest accuracy figure.
HELD_OUT = list(csv.DictReader((ROOT / "tests/fixtures/malay-stems-heldout.tsv").open(encoding="utf-8"), delimiter="\t"))


@pytest.fixture(scope="module")
def stemmer():
    return Stemmer.from_data(ROOT / "data")


def test_accuracy_on_the_shared_vectors(stemmer):
    right = [v for v in VECTORS if stemmer.stem(v["word"]) in {v["root"], *filter(None, (v["alt_roots"] or "").split(","))}]
    assert len(VECTORS) >= 150
    assert len(right) / len(VECTORS) >= 0.95, [v["word"] for v in VECTORS if v not in right]


def test_accuracy_on_the_held_out_words(stemmer):
    """74% when first run blind; 76% after one rule (menge-/penge- before a one-syllable root); at least
    92% of the words marked certain since issue 17, by rules a Malay grammar states (a root left has two
    syllables; -i does not follow -a on a bare word; se-...-nya; ke-...-i inside meng-/di-; the f and r
    that meN-/ber-/per- drop; bel-/pel- before ajar) and by roots taken from the site's own pages, never
    from this list. The words it gets wrong are listed for a native speaker (benchmarks/search.py)."""
    certain = [v for v in HELD_OUT if v["certain"] == "Y"]
    right = [v for v in certain if stemmer.stem(v["word"]) in {v["root"], *filter(None, (v["alt_roots"] or "").split(","))}]
    assert len(certain) >= 150
    assert len(right) / len(certain) >= 0.92, [v["word"] for v in certain if v not in right]


@pytest.mark.parametrize("word,root", [
    ("menipu", "tipu"), ("penyebaran", "sebar"), ("memadam", "padam"), ("mengadu", "adu"), ("mengawal", "kawal"),
    ("mengganggu", "ganggu"), ("menghina", "hina"), ("pendedahan", "dedah"), ("membuli", "buli"),
    ("berkongsi", "kongsi"), ("bekerja", "kerja"), ("terganggu", "ganggu"), ("diugut", "ugut"),
    ("keselamatan", "selamat"), ("perlindungan", "lindung"), ("persetujuan", "setuju"), ("mempercayai", "percaya"),
    ("laporkan", "lapor"), ("laporan", "lapor"), ("gambarnya", "gambar"), ("bacalah", "baca"), ("dituliskan", "tulis"),
    ("sepenuhnya", "penuh"), ("berdepan", "depan"), ("janganlah", "jangan"), ("tersembunyi", "sembunyi"),
    ("memahami", "faham"), ("mengeluarkan", "keluar"), ("perasaan", "rasa"), ("belajar", "ajar"),
])
def test_affixes_and_sound_changes(stemmer, word, root):
    assert stemmer.stem(word) == root


@pytest.mark.parametrize("word", ["percaya", "peribadi", "keluarga", "halaman", "sekolah", "pegawai", "telefon", "sampai", "pertama", "diri", "jalan", "tanya", "polis"])
def test_roots_that_only_look_affixed_are_kept(stemmer, word):
    assert stemmer.stem(word) == word


def test_case_and_non_words(stemmer):
    assert stemmer.stem("MENIPU") == "tipu"
    assert stemmer.stem("whatsapp2") == "whatsapp2"
    assert stemmer.stem("di") == "di"


@pytest.mark.browser
def test_the_javascript_stemmer_agrees_on_every_word_of_the_site(page, stemmer, site):
    """The same rules in the browser: identical output on the vectors and on every word of the pages."""
    import re
    from selamat.data import Data
    lists = Data(ROOT / "data").stemmer
    words = sorted({w.lower() for p in site.pages for w in re.findall(r"[A-Za-z]+", p.body)} | {v["word"] for v in VECTORS})
    assert len(words) > 3000
    page.set_content("<!doctype html><title>stemmer</title>")
    page.add_script_tag(path=str(ROOT / "src/selamat/js/malay-stemmer.js"))
    got = page.evaluate("""([keep, known, words]) => {
        const stem = SelamatMalayStemmer(keep, known);
        return words.map(stem);
    }""", [lists.roots_that_look_affixed, lists.known_roots, words])
    differ = [(w, py, js) for w, py, js in zip(words, [stemmer.stem(w) for w in words], got) if py != js]
    assert differ == []
