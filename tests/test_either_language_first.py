"""Either language can be the original: a guide written only in Malay builds, is served on the English
address with the "not yet translated" notice (its text keeping lang="ms"), and is in both languages'
guide listings, search indexes, feeds, the catalogue and the sitemap, labelled with its language. Run
on a copy of the project with one Malay-only guide added."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PHONE, ROOT
from selamat.data import Data
from selamat.search_index import SearchIndex
from selamat.languages import LANGUAGES, prefix
from support.search_box import search
from support.static_server import serve

SLUG = "guides/ditulis-dahulu"
WORD = "kalimahujian"  # a made-up word, only in this guide
GUIDE = f"""---
title: Panduan yang ditulis dalam Bahasa Melayu dahulu
summary: Panduan ujian yang hanya wujud dalam Bahasa Melayu.
topics: [harassment]
updated: 2026-12-01
---

Halaman ini ditulis dalam Bahasa Melayu dahulu. Perkataan {WORD} hanya ada di sini.

## Langkah pertama {{#first-step}}

Simpan bukti dahulu.
"""


@pytest.fixture(scope="module")
def malay_only(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("malay-first")
    for name in ("docs", "data", "overrides", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    (root / "docs" / f"{SLUG}.ms.md").write_text(GUIDE, encoding="utf-8")
    out = root / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SELAMAT_PROJECT", None)
    check = subprocess.run([sys.executable, "-m", "selamat", "check"], cwd=root, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def html(site: Path, lang: str, path: str = SLUG) -> BeautifulSoup:
    return BeautifulSoup((site / prefix(lang) / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", [l for l in LANGUAGES if l != "ms"])
def test_the_other_addresses_show_the_malay_original_with_the_notice(malay_only, data, lang):
    page = html(malay_only, lang)
    notice = page.select_one(".selamat-untranslated")
    assert notice is not None and data.t("untranslated.title", lang) in notice.text
    assert data.language_name("ms", lang) in notice.text
    link = notice.select_one("a")
    assert link["hreflang"] == "ms" and link["href"].rstrip("/").endswith(SLUG)
    original = page.select_one(f'[lang="ms"]:-soup-contains("{WORD}")')
    assert original is not None  # the Malay text keeps its language
    assert page.html["lang"] == lang


def test_the_malay_address_shows_the_guide_without_a_notice(malay_only):
    page = html(malay_only, "ms")
    assert page.select_one(".selamat-untranslated") is None and WORD in page.text
    switcher = {a.get("hreflang") for a in page.select(".md-select__list a")}
    assert switcher >= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_both_guide_listings_list_it_labelled_with_its_language(malay_only, data, lang):
    listing = html(malay_only, lang, "guides")
    item = next(li for li in listing.select("li.selamat-item") if "ditulis dalam Bahasa Melayu dahulu" in li.text)
    label = item.select_one(".selamat-label")
    if lang == "ms":
        assert label is None
    else:
        assert label is not None and label.text == data.t("label.language", lang, language=data.language_name("ms", lang))
        assert item.select_one("a")["hreflang"] == "ms"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_both_languages_search_finds_it(malay_only, browser, lang):
    hits = SearchIndex.from_site(malay_only, lang, Data(ROOT / "data")).search(WORD)
    assert hits and hits[0].page.startswith(prefix(lang) + SLUG + "/"), hits
    server, url = serve(malay_only)
    try:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        tab = context.new_page()
        tab.goto(url + prefix(lang))
        found = search(tab, WORD)
        assert found and found[0].startswith(url + prefix(lang) + SLUG + "/"), found
        context.close()
    finally:
        server.shutdown()


def test_feeds_catalogue_and_sitemap_include_it_with_its_language(malay_only):
    for lang in LANGUAGES:
        feed = json.loads((malay_only / prefix(lang) / "feeds/updates.json").read_text(encoding="utf-8"))
        item = next(i for i in feed["items"] if i["url"].rstrip("/").endswith(SLUG))
        assert item.get("language", "ms") == "ms"
    catalogue = json.loads((malay_only / "api/v1/resources.json").read_text(encoding="utf-8"))
    entry = next(r for r in catalogue["resources"] if r["slug"] == SLUG)
    assert entry["languages"] == ["ms"] and set(entry["urls"]) == set(LANGUAGES) and set(entry["titles"]) == {"ms"}
    sitemap = (malay_only / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f"/{prefix(lang)}{SLUG}/" in sitemap


@pytest.fixture(scope="module")
def data():
    return Data(ROOT / "data")
