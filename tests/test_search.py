"""Search: one index per language, Malay-aware matching (stems, typos, aliases), the quality bar on the
blind query set (tests/search/queries.yml), the browser and `selamat search` ranking alike, and
search from file:// in the offline build."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from selamat.data import Data, DataError
from selamat.languages import LANGUAGES
from selamat.search_index import SearchIndex, index_path
from selamat.search_query import expand, language, within_one_edit, words
from selamat.urls import page_url
from support import search_eval
from support.search_box import type_search, wait_for_in_top_three

from conftest import ROOT

QUERIES = search_eval.load()
RECALL_AT_3 = 0.95  # the bar the issue sets, in each language

@pytest.fixture(scope="module")
def indexes(built, data):
    return {lang: SearchIndex.from_site(built, lang, data) for lang in LANGUAGES}


def test_each_language_has_its_own_index(built):
    for lang in LANGUAGES:
        index = json.loads((built / index_path(lang)).read_text(encoding="utf-8"))
        locations = [d["location"] for d in index["docs"]]
        assert len(locations) > 100
        if lang == "en":
            assert not [loc for loc in locations if loc.startswith("ms/")]
        else:
            assert all(loc.startswith(f"{lang}/") for loc in locations)
        assert index["config"]["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
        code = index["config"]["lang"][0]
        assert code == {"en": "en-my", "ms": "ms"}[lang]
        # Material's worker loads the language file the index names
        assert (built / f"assets/javascripts/lunr/min/lunr.{code}.min.js").exists()


def test_guides_outrank_statements_on_equal_words(built):
    index = json.loads((built / index_path("ms")).read_text(encoding="utf-8"))
    boost = {d["location"]: d.get("boost", 1) for d in index["docs"]}
    assert boost["ms/guides/reporting/"] > boost["ms/statements/"]


@pytest.mark.parametrize("word,expected", [
    ("laporan", "laporan"), ("polsi", "polis"), ("gambr", "gambar"), ("ugtan", "ugutan"),
    ("lapran", "laporan"), ("ganguan", "gangguan"), ("blackmial", "blackmail")])
def test_one_edit_variants(word, expected):
    assert within_one_edit(word, expected) and within_one_edit(expected, word)


@pytest.mark.parametrize("a,b", [("polis", "pollis2"), ("laporan", "lapuran2"), ("gambar", "gmbr"), ("ab", "ba c")])
def test_two_edits_are_not_one(a, b):
    assert not within_one_edit(a, b)


def test_query_words_are_read_as_material_sends_them():
    assert words("Kena* +ugut~1 e-mel^2 title:gambar") == ["kena", "ugut", "e", "mel", "title", "gambar"]


def test_malay_expansion_uses_stem_alias_and_stop_words(data):
    ms = language("ms", data)
    plan = {(c.term, c.wildcard, c.edit_distance): c.boost for c in expand("yang melaporkan gmbr", ms).clauses}
    assert not [key for key in plan if key[0] == "yang"]           # a function word is ignored
    typed = plan[("melaporkan", "trailing", 0)]                     # the word as typed, as a prefix
    assert plan[("lapor", "none", 0)] < typed                       # its stem, a little lower
    assert plan[("melaporkan", "none", 1)] < plan[("lapor", "none", 0)]  # one-edit variants, lower still
    assert ("gambar", "none", 0) in plan                            # the alias gmbr -> gambar


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_at_3_on_the_query_set(indexes, lang):
    queries = [q for q in QUERIES if q.lang == lang]
    assert len(queries) >= 60
    rankings = [[hit.page for hit in indexes[lang].search(q.q)] for q in queries]
    result = search_eval.scores(queries, rankings)
    misses = [(q.kind, q.q, q.expect, r[:3]) for q, r in zip(queries, rankings)
              if not (search_eval.rank(q, r) or 99) <= 3]
    assert result["recall@3"] >= RECALL_AT_3, f"recall@3 {result['recall@3']:.2f}; missed: {misses}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_ranks_pages_as_selamat_search_does(page, base_url, built, indexes, lang):
    """Material's worker with our language file, in Chromium, against the Python twin, on every query."""
    queries = [q.q for q in QUERIES if q.lang == lang]
    worker = next((built / "assets/javascripts/workers").glob("search.*.min.js")).relative_to(built).as_posix()
    page.goto(base_url)
    browser_rankings = search_eval.worker_rankings(page, base_url + worker, base_url + index_path(lang), queries)
    differ = []
    for q, js in zip(queries, browser_rankings):
        py = [hit.page for hit in indexes[lang].search(q)]
        if js[:3] != py[:3]:
            differ.append((q, js[:3], py[:3]))
    assert not differ


@pytest.mark.browser
@pytest.mark.parametrize("lang,query,expected", [
    ("ms", "gmbr bogel", "guides/intimate-images.md"),
    ("ms", "revenge porn", "guides/intimate-images.md"),
    ("en", "sextortion", "guides/sextortion.md"),
])
def test_searching_in_the_page(page, base_url, lang, query, expected):
    """The real search box: each site fetches only its own index and lists only its own pages, and
    nothing about the query reaches the address bar or the history."""
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if "search_index" in r.url else None)
    start = base_url + page_url("guides/reporting.md", lang)
    page.goto(start)
    history = page.evaluate("history.length")
    type_search(page, query, delay=40)
    wait_for_in_top_three(page, page_url(expected, lang))
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    own = base_url + ("ms/" if lang == "ms" else "")
    assert all(h.startswith(own) for h in hrefs)
    if lang == "en":
        assert not [h for h in hrefs if h.startswith(base_url + "ms/")]
    assert fetched == [base_url + index_path(lang)]
    assert page.url == start and page.evaluate("history.length") == history
    assert "h=" not in " ".join(hrefs)


@pytest.mark.browser
@pytest.mark.parametrize("lang,query,expected", [
    ("ms", "sekstorsi", "guides/sextortion.md"),
    ("ms", "kena ugut", "guides/sextortion.md"),
    ("en", "doxxing", "guides/doxxing.md"),
])
def test_search_works_from_files(page, built_files, lang, query, expected):
    """The offline edition, opened from a folder: no server, the worker runs in the local shim."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((built_files / page_url("guides/reporting.md", lang, directory_urls=False)).as_uri())
    type_search(page, query, delay=40)
    wait_for_in_top_three(page, (built_files / page_url(expected, lang, directory_urls=False)).as_uri())
    assert not errors


def test_the_file_build_holds_every_language_index(built_files):
    loader = (built_files / "search/search_index.js").read_text(encoding="utf-8")
    assert loader.startswith("//") and "var __index" in loader
    for lang in LANGUAGES:
        assert (built_files / index_path(lang)).exists()


def test_an_alias_typed_twice_is_named(tmp_path):
    for name in ("malay-stemmer.yml", "search-stop-words.yml"):
        (tmp_path / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "search-aliases.yml").write_text(yaml.safe_dump({
        "ms": [{"typed": ["gmbr"], "means": "gambar"}, {"typed": ["GMBR"], "means": "imej"}]}), encoding="utf-8")
    with pytest.raises(DataError) as err:
        Data(tmp_path).search_aliases
    assert "gmbr" in str(err.value).lower() and "search-aliases.yml" in str(err.value)


@pytest.mark.parametrize("ui,expect", [("en", "on the Malay site"), ("ms", "di laman Bahasa Melayu")])
def test_selamat_search_command(built, ui, expect):
    result = subprocess.run([sys.executable, "-m", "selamat", "search", "--lang", "ms", "--ui", ui,
                             "--site-dir", str(built), "melaporkan gmbr"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert expect in result.stdout
    assert "/ms/guides/" in result.stdout
    assert "melaporkan → lapor" in result.stdout and "gambar" in result.stdout


def test_an_alias_to_a_word_no_page_uses_is_a_warning(tmp_path, site):
    from selamat.check import alias_warnings

    for name in ("malay-stemmer.yml", "search-stop-words.yml", "help-services.yml", "glossary.yml"):
        (tmp_path / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "search-aliases.yml").write_text(yaml.safe_dump({
        "ms": [{"typed": ["gmbr"], "means": "gambar"}, {"typed": ["zzz"], "means": "perkataanrekaan"}]}), encoding="utf-8")
    warnings = list(alias_warnings(site, Data(tmp_path)))
    assert [(w.params["count"], w.field, w.warning) for w in warnings] == [(1, "ms", True)]
    line = warnings[0].render(Data(ROOT / "data"), "ms")
    assert "data/search-aliases.yml" in line and "`perkataanrekaan` (zzz)" in line and "tiada" in line


def test_no_build_allows_inline_scripts_by_default(built, built_files):
    """Neither build allows inline scripts wholesale: the file:// search shim's frame script is allowed by
    its hash, computed for the worker address each page names (own_scripts.shim_script)."""
    from selamat.own_scripts import shim_script, worker_url
    from selamat.security import script_hash

    def policy(html: str) -> str:
        return html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    web = policy((built / "guides/reporting/index.html").read_text(encoding="utf-8"))
    page = (built_files / "guides/reporting.html").read_text(encoding="utf-8")
    files = policy(page)
    assert "'unsafe-inline'" not in web and "'sha256-" in web
    assert "'unsafe-inline'" not in files and script_hash(shim_script(ROOT, worker_url(page))) in files
    assert "IFrameWorker" in page  # the shim
    assert "IFrameWorker" not in (built / "guides/reporting/index.html").read_text(encoding="utf-8")