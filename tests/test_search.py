"""Search: each language's prebuilt index sharded by term, Malay-aware matching (stems, typos, aliases),
the quality bar on the blind query set (tests/search/queries.yml), the browser's own engine (run under
Node) and `selamat search` ranking alike, and search from file:// in the offline build."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys

import pytest
import yaml

from selamat import search_assets
from selamat.data import Data, DataError
from selamat.languages import LANGUAGES
from selamat.search_index import EXTRACT, MAX_POSTINGS, MORE, extract, SearchIndex, folder, index_path, read_script
from selamat.search_query import language, plan, shard_file, shard_key, within_one_edit, words
from selamat.urls import page_url
from support import search_eval, search_node
from support.node import node
from support.search_box import type_search, wait_for_in_top_three

from conftest import ROOT

QUERIES = search_eval.load()
RECALL_AT_3 = 0.95  # the bar the issue sets, in each language


@pytest.fixture(scope="module")
def indexes(built, data):
    return {lang: SearchIndex.from_site(built, lang, data) for lang in LANGUAGES}


def test_each_language_has_its_own_small_manifest_and_shards(built):
    for lang in LANGUAGES:
        index = json.loads((built / index_path(lang)).read_text(encoding="utf-8"))
        manifest = index["config"]["selamat"]
        assert index["docs"] == [] and manifest["folder"] == folder(lang)
        assert len(gzip.compress((built / index_path(lang)).read_bytes())) < 12_000
        shards = list((built / folder(lang) / "t").glob("*.js"))
        assert len(shards) == len(manifest["keys"]) > 50
        locations = [read_script(p)["l"] for p in (built / folder(lang) / "d").glob("*.js")]
        assert len(locations) > 50
        if lang == "en":
            assert not [loc for loc in locations if loc.startswith("ms/")]
        else:
            assert all(loc.startswith(f"{lang}/") for loc in locations)
    # Material's worker and lunr files are gone; every page names ours
    assert not (built / "assets/javascripts/lunr").exists()
    workers = list((built / "assets/javascripts/workers").glob("search.*"))
    assert [w.name for w in workers] == [search_assets.worker_path().rsplit("/", 1)[1]]
    assert search_assets.worker_path() in (built / "guides/reporting/index.html").read_text(encoding="utf-8")


def test_the_index_holds_extracts_not_the_pages_text(built):
    """Result details hold a short extract of each section; postings per term are bounded."""
    for lang in LANGUAGES:
        for path in (built / folder(lang) / "d").glob("*.js"):
            assert all(len(section[2]) <= EXTRACT + len(MORE) for section in read_script(path)["d"])
        for path in (built / folder(lang) / "t").glob("*.js"):
            assert all(len(entry[1]) <= MAX_POSTINGS for entry in read_script(path)["t"].values())


def test_an_extract_is_cut_at_a_word_as_its_result_shows_it():
    """The index holds what a result shows, no more: cut at the last space, with MORE after it."""
    short = "Simpan bukti dahulu."
    assert extract(short) == short
    text = ("Ambil tangkapan layar setiap mesej " * 10).strip()
    cut = extract(text)
    assert cut.endswith(MORE) and len(cut) <= EXTRACT + len(MORE)
    assert text.startswith(cut[:-len(MORE)]) and text[len(cut) - len(MORE)] == " "
    assert extract("x" * 400) == "x" * EXTRACT + MORE  # no space to cut at


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
    assert words("«polis», (laporan)!") == ["polis", "laporan"]


def test_words_of_any_script_are_kept_whole():
    """A third language (Tamil, say) is read word by word: no letter or vowel sign trimmed."""
    assert words("காவல்துறை, புகார்!") == ["காவல்துறை", "புகார்"]


def test_a_language_without_settings_gets_no_stemmer_and_no_stop_words(data):
    ta = language("ta", data)
    assert ta.stem("melaporkan") == "melaporkan" and not ta.is_stop_word("dan")
    assert ta.data["stemmer"] is None


def _plan(query, lang, data, terms):
    """A plan over a made-up index holding `terms` (one shard)."""
    shard = {t: [1.0, [1], [100]] for t in terms}
    return plan(query, language(lang, data), lambda t: shard.get(t), lambda t: shard)


def test_malay_expansion_uses_stem_alias_and_stop_words(data):
    p = _plan("yang melaporkan gmbr", "ms", data, ["melaporkan", "lapor", "laporan", "gambar"])
    kinds = {(c.kind, tuple(c.terms)): c.boost for c in p.clauses}
    assert "yang" not in p.typed                                     # a function word is ignored
    assert kinds[("word", ("melaporkan",))] > kinds[("stem", ("lapor",))]  # the word, then its stem
    assert ("alias", ("gambar",)) in kinds                           # the alias gmbr -> gambar


def test_short_words_match_whole_words_only(data, indexes):
    """"ex" does not expand to every word it begins (exam, example, exit...)."""
    p = _plan("ex", "en", data, ["ex", "exit", "example", "explain"])
    assert [c.terms for c in p.clauses] == [["ex"]]
    assert indexes["en"].search("ex threatening to leak my photos")[0].page == "guides/sextortion/"


def test_a_word_in_the_index_is_not_the_start_of_another(data, indexes):
    """"bawa" (bring) is not "bawah" (under): the sections about "bawah 18 tahun" stay out."""
    p = _plan("bawa", "ms", data, ["bawa", "bawah", "bawaan"])
    assert [t for c in p.clauses for t in c.terms] == ["bawa"]
    assert {t for c in indexes["ms"].plan("bawa").clauses for t in c.terms} == {"bawa"}
    # while the reader is still typing, a word no page holds is the start of longer ones
    assert {t for c in indexes["ms"].plan("lapo").clauses for t in c.terms} >= {"laporan", "lapor"}


@pytest.mark.parametrize("lang, unfinished, finished, means, vague", [
    ("ms", "ugut sebar gamb", "ugut sebar gambar", "sekstorsi", "gam"),
    ("en", "my addr", "my address", "home", "nud"),
])
def test_an_alias_being_typed_has_its_shards_fetched_ahead(built, lang, unfinished, finished, means, vague):
    """While the reader types the last word of an alias, the shards of what it means are fetched, so that
    finishing it does not wait a round trip for them; a start that could become many aliases ("gam":
    gambar bogel, gambar lucah, gambar palsu...) fetches only its own shard."""
    manifest = json.loads((built / index_path(lang)).read_text(encoding="utf-8"))["config"]["selamat"]
    split = {k[:2] for k in manifest["keys"] if len(k) == 3}
    shard = "t/" + shard_file(shard_key(means, split))
    own, ahead, started = search_node.fetched(built, lang, [finished, unfinished, vague])
    assert shard in own                     # the finished alias needs it ...
    assert shard in ahead                   # ... and typing towards it fetched it already
    assert started == ["t/" + shard_file(shard_key(vague, split))]


def test_typos_never_outrank_the_word_itself(data):
    """One-edit variants only for a word no page holds, and below every exact clause."""
    p = _plan("gangguan", "ms", data, ["gangguan", "ganguan"])
    assert [c.kind for c in p.clauses] == ["word", "stem"] or [c.kind for c in p.clauses] == ["word"]
    p = _plan("ganguan", "ms", data, ["gangguan"])
    typo = [c for c in p.clauses if c.kind == "typo"]
    assert typo and typo[0].terms == ["gangguan"]
    assert all(c.boost > typo[0].boost for c in p.clauses if c.kind in ("word", "stem", "alias"))


@pytest.mark.parametrize("lang,query,expected", [
    ("ms", "kawan", "ms/guides/supporting-a-friend/"),          # the page says "rakan"
    ("ms", "kawan saya kena ugut", "ms/guides/supporting-a-friend/"),
    ("ms", "sahabat", "ms/guides/supporting-a-friend/"),
    ("en", "my mate is being abused", "guides/supporting-a-friend/"),  # the page says "friend"
    ("en", "helping a bestie", "guides/supporting-a-friend/"),
])
def test_everyday_words_find_the_pages_words(indexes, lang, query, expected):
    assert expected in [hit.page for hit in indexes[lang].search(query)[:3]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_at_3_on_the_query_set(indexes, lang):
    queries = [q for q in QUERIES if q.lang == lang]
    assert len(queries) >= 60
    rankings = [[hit.page for hit in indexes[lang].search(q.q)] for q in queries]
    result = search_eval.scores(queries, rankings)
    misses = [(q.kind, q.q, q.expect, r[:3]) for q, r in zip(queries, rankings)
              if not (search_eval.rank(q, r) or 99) <= 3]
    assert result["recall@3"] >= RECALL_AT_3, f"recall@3 {result['recall@3']:.2f}; missed: {misses}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browsers_engine_ranks_pages_as_selamat_search_does(built, indexes, lang):
    """The worker script the site ships, run under Node on the built index, against the Python twin:
    the same top five, in the same order, for every query of the query file."""
    queries = [q.q for q in QUERIES if q.lang == lang]
    browser = search_node.rankings(built, lang, queries, top=5)
    differ = [(q, js, [hit.page for hit in indexes[lang].search(q)][:5]) for q, js in zip(queries, browser)
              if js != [hit.page for hit in indexes[lang].search(q)][:5]]
    assert len(browser) == len(queries) and not differ


def test_the_browsers_english_stemmer_is_lunrs(site):
    """The Porter stemmer in the worker (read from MkDocs' lunr.js) stems every English word of the site
    as the Python twin does (Python's lunr with lunr.js's step 1c: search_query.english_stem)."""
    from selamat.search_query import english_stem

    english = sorted({w for p in site.pages if p.lang == "en" for w in words(p.body) if re.fullmatch(r"[a-z]+", w)})
    assert len(english) > 2000
    script = search_assets.porter_stemmer() + "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(0, 'utf8')).map(SelamatPorterStemmer)));"
    result = subprocess.run([node(), "-e", script], input=json.dumps(english), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    differ = [(w, js) for w, js in zip(english, json.loads(result.stdout)) if js != english_stem(w)]
    assert differ == []


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
    page.on("request", lambda r: fetched.append(r.url) if "/search/" in r.url else None)
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
    own_folder = base_url + folder(lang)
    assert fetched[0] == base_url + index_path(lang)
    assert all(u.startswith(own_folder) for u in fetched) and len(fetched) < 40
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


def test_the_file_build_holds_every_language_manifest(built_files):
    loader = (built_files / "search/search_index.js").read_text(encoding="utf-8")
    assert loader.startswith("//") and "var __index" in loader
    for lang in LANGUAGES:
        assert (built_files / index_path(lang)).exists()
        assert f'"folder":"{folder(lang)}"' in loader
    assert len(loader) < 30_000 * len(LANGUAGES)  # manifests only: the shards load one by one


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