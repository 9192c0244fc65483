"""`make serve` rebuilds only the pages that changed (`mkdocs serve --dirty`): the page an editor saves,
in English or Malay, is shown as saved, and the search index keeps every page once."""
from __future__ import annotations

import shutil
import sys
import time

import pytest

from conftest import ROOT
from selamat.serve import merge_search_docs

sys.path.insert(0, str(ROOT / "benchmarks"))
from serve_rebuild import Serve, makefile_serve_options, search_pages  # noqa: E402


def entry(location: str, title: str = "t") -> dict:
    return {"location": location, "title": title, "text": ""}


def test_the_first_build_gives_the_whole_index():
    docs = [entry("guides/a/"), entry("ms/guides/a/")]
    assert merge_search_docs(None, docs) == docs


def test_a_rebuilt_page_replaces_all_its_entries_and_others_stay():
    previous = [entry("guides/a/"), entry("guides/a/#old-step"), entry("guides/b/"), entry("ms/guides/a/")]
    rebuilt = [entry("guides/a/", "new"), entry("guides/a/#new-step", "new")]
    merged = merge_search_docs(previous, rebuilt)
    assert sorted(d["location"] for d in merged) == ["guides/a/", "guides/a/#new-step", "guides/b/", "ms/guides/a/"]
    assert [d["title"] for d in merged if d["location"].startswith("guides/a/")] == ["new", "new"]


def test_a_malay_page_rebuilt_leaves_its_english_original_alone():
    previous = [entry("guides/a/", "English"), entry("ms/guides/a/", "lama")]
    merged = merge_search_docs(previous, [entry("ms/guides/a/", "baharu")])
    assert {d["location"]: d["title"] for d in merged} == {"guides/a/": "English", "ms/guides/a/": "baharu"}


def test_make_serve_rebuilds_only_what_changed():
    assert {"--dirty", "--no-strict"} <= set(makefile_serve_options())


@pytest.fixture()
def project(tmp_path):
    for name in ("docs", "overrides", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("lang,source,url", [
    ("en", "guides/keeping-evidence.en.md", "guides/keeping-evidence/"),
    ("ms", "guides/keeping-evidence.ms.md", "ms/guides/keeping-evidence/"),
])
def test_a_saved_page_is_served_as_saved_and_search_keeps_every_page(project, lang, source, url):
    serve = Serve(project, makefile_serve_options())
    try:
        serve.wait_for(r"Serving on")
        time.sleep(1)  # let the file watcher start
        indexed = search_pages(serve)
        assert indexed, "no search index served"
        for n in range(2):  # a second save: the index must not grow with each rebuild
            mark = {"en": "A sentence the editor just wrote", "ms": "Ayat yang baru ditulis oleh editor"}[lang] + f" {n}."
            path = project / "docs" / source
            started = time.perf_counter()
            path.write_text(path.read_text(encoding="utf-8") + f"\n{mark}\n", encoding="utf-8")
            serve.wait_for(r"Reloading browsers", after=started)
            assert mark in serve.page(url)
            assert search_pages(serve) == indexed
    finally:
        serve.stop()
