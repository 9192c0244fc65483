"""The Malay stemmer, on the shared test vectors (tests/fixtures/malay-stems.tsv, from
shared/reference/malay-stems.tsv: word, expected root, certain, alternative roots) and on its rules."""
from __future__ import annotations

import csv

import pytest

from selamat.stemmer import Stemmer

from conftest import ROOT

VECTORS = list(csv.DictReader((ROOT / "tests/fixtures/malay-stems.tsv").open(encoding="utf-8"), delimiter="\t"))


@pytest.fixture(scope="module")
def stemmer():
    return Stemmer.from_data(ROOT / "data")


def test_accuracy_on_the_shared_vectors(stemmer):
    right = [v for v in VECTORS if stemmer.stem(v["word"]) in {v["root"], *filter(None, (v["alt_roots"] or "").split(","))}]
    assert len(VECTORS) >= 150
    assert len(right) / len(VECTORS) >= 0.95, [v["word"] for v in VECTORS if v not in right]


@pytest.mark.parametrize("word,root", [
    ("menipu", "tipu"), ("penyebaran", "sebar"), ("memadam", "padam"), ("mengadu", "adu"), ("mengawal", "kawal"),
    ("mengganggu", "ganggu"), ("menghina", "hina"), ("pendedahan", "dedah"), ("membuli", "buli"),
    ("berkongsi", "kongsi"), ("bekerja", "kerja"), ("terganggu", "ganggu"), ("diugut", "ugut"),
    ("keselamatan", "selamat"), ("perlindungan", "lindung"), ("persetujuan", "setuju"), ("mempercayai", "percaya"),
    ("laporkan", "lapor"), ("laporan", "lapor"), ("gambarnya", "gambar"), ("bacalah", "baca"), ("dituliskan", "tulis"),
])
def test_affixes_and_sound_changes(stemmer, word, root):
    assert stemmer.stem(word) == root


@pytest.mark.parametrize("word", ["percaya", "peribadi", "keluarga", "belajar", "pertama", "diri", "jalan", "tanya", "polis"])
def test_roots_that_only_look_affixed_are_kept(stemmer, word):
    assert stemmer.stem(word) == word


def test_case_and_non_words(stemmer):
    assert stemmer.stem("MENIPU") == "tipu"
    assert stemmer.stem("whatsapp2") == "whatsapp2"
    assert stemmer.stem("di") == "di"
