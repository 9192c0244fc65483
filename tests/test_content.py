"""The starter content: how much there is, what every page must carry, and that both languages say
the same things in the same structure."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from selamat import markdown_scan as md
from selamat.check import parity_problems
from selamat.data import Data
from selamat.languages import LANGUAGES

GUIDES = ["intimate-images", "sextortion", "harassment", "doxxing", "cyberstalking", "deepfakes",
          "keeping-evidence", "reporting", "securing-accounts", "supporting-a-friend", "covering-your-tracks"]
LAWS = ["cma-section-233", "penal-code-stalking-bullying-doxxing", "penal-code-509", "online-safety-act-2025",
        "anti-sexual-harassment-act-2022", "sexual-offences-against-children-act-2017", "domestic-violence-act-1994"]
LAW_OPENING = ["what-this-law-covers", "what-it-means-for-you", "what-you-can-do"]
NOT_MALAYSIAN_MALAY = [r"\bkamu\b", r"\bgratis\b", r"\bsitus\b", r"kata sandi", r"\bponsel\b", r"\bkepolisian\b", r"\bmengunduh\b"]


def words(body: str) -> int:
    text = re.sub(r"\]\([^)]*\)", "]", body)  # link targets are not words
    text = re.sub(r"\{#[^}]*\}", "", text)
    text = re.sub(r"^\s*(!!!|\?\?\?)\s*\w+", "", text, flags=re.M)
    return len(re.findall(r"[\w’'-]+", text))


def pages(site, kind):
    return {next(iter(v.values())).slug: v for v in site.of_kind(kind)}


def test_all_guides_exist_in_both_languages_with_enough_words(site):
    guides = pages(site, "guide")
    assert set(GUIDES) <= set(guides)
    for slug in GUIDES:
        for lang in LANGUAGES:
            page = guides[slug][lang]
            assert page.meta is not None, page.rel
            assert words(page.body) >= 600, (page.rel, words(page.body))
            first = md.headings(page.body)[0]
            assert first.id == "what-you-can-do-now", (page.rel, first.id)


def test_guides_link_to_law_pages_and_warn_before_risky_steps(site):
    for slug in GUIDES:
        for lang in LANGUAGES:
            page = pages(site, "guide")[slug][lang]
            targets = [l.target for l in md.links(page.body)]
            assert any("../laws/" in t or "../help/" in t for t in targets), page.rel
            assert "warning" in [kind for kind, _ in md.admonitions(page.body)], page.rel


def test_law_pages_have_review_date_two_sources_and_the_plain_opening(site):
    laws = pages(site, "law")
    assert set(LAWS) <= set(laws)
    for slug in LAWS:
        for lang in LANGUAGES:
            page = laws[slug][lang]
            assert page.meta.reviewed
            assert len(page.meta.sources) >= 2, page.rel
            assert [h.id for h in md.headings(page.body)][:3] == LAW_OPENING, page.rel


def test_statements_mix_of_languages(site):
    statements = list(site.of_kind("statement"))
    assert len(statements) >= 8
    only_ms = [v for v in statements if set(v) == {"ms"}]
    only_en = [v for v in statements if set(v) == {"en"}]
    assert len(only_ms) >= 2 and len(only_en) >= 1
    for versions in statements:
        for page in versions.values():
            assert set(page.meta.organisations) <= {"selamat", "coalition"}
            paragraphs = [p for p in page.body.split("\n\n") if p.strip() and not p.lstrip().startswith("#")]
            assert 4 <= len(paragraphs) <= 8, (page.rel, len(paragraphs))


def test_every_help_service_is_dated_and_sourced(data):
    services = data.help_services
    assert {s.phone for s in services} >= {"999", "15999"}
    for s in services:
        assert s.verified and s.source.url.startswith("http"), s.id
    assert 1 <= sum(s.help_box for s in services) <= 5
    boxed = {s.id: s for s in services if s.help_box}
    # StopNCII is for adults: where it is offered, Take It Down is offered beside it, each labelled
    assert "stopncii" not in boxed or (boxed["stopncii"].ages == "adults" and boxed["take-it-down"].ages == "under-18")


def test_both_languages_share_headings_links_and_admonitions(site):
    pairs = [(v["en"], v["ms"]) for v in site.by_norm.values() if len(v) == 2]
    assert len(pairs) >= 25  # guides, laws, bilingual statements, help, listings, home, partners
    assert [p.render(Data(ROOT / "data")) for en, ms in pairs for p in parity_problems(en, ms)] == []


def test_malay_pages_use_the_glossary_and_not_indonesian(site):
    ms_text = {p.rel: p.body.lower() for p in site.pages if p.lang == "ms"}
    assert "imej intim tanpa kebenaran" in ms_text["guides/intimate-images.ms.md"]
    assert "tangkap layar" in ms_text["guides/keeping-evidence.ms.md"]
    assert "bukti" in ms_text["guides/keeping-evidence.ms.md"]
    for rel, text in ms_text.items():
        for pattern in NOT_MALAYSIAN_MALAY:
            assert not re.search(pattern, text), (rel, pattern)
