"""Offline reading, only by the reader's choice (issue 6): nothing is registered or cached before the
reader presses "Save for offline reading"; after it, with the network cut, guides, the help page and
search work; "Remove" leaves no service worker and no cache; a new deploy replaces the saved copy; the
offline edition (a zip per language) works from file://, search included. Both languages."""
from __future__ import annotations

import json
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from bs4 import BeautifulSoup

from conftest import PHONE, ROOT
from selamat.data import Data
from selamat import offline_control, offline_downloads, offline_edition, offline_files, offline_worker
from selamat.languages import LANGUAGES, prefix
from selamat.render_context import Context
from selamat.urls import dest_uri, page_url
from support.search_box import search
from support.static_server import serve

SEARCH_WORDS = {"en": ("police", "reporting"), "ms": ("polis", "reporting")}  # a word, and a guide it finds
PAGE_TYPES = ["index.md", "guides/index.md", "guides/reporting.md", "laws/index.md", "laws/penal-code-509.md",
              "statements/index.md", "statements/image-based-abuse-figures.md", "help/index.md", "partners.md"]
STATE = "[data-selamat-offline].selamat-offline"
GUIDE = "guides/covering-your-tracks.md"  # explains the control, with its risks, and places it


def worker_manifest(site_dir: Path) -> dict:
    script = (site_dir / offline_worker.WORKER).read_text(encoding="utf-8")
    return json.loads(re.search(r"var OFFLINE = (\{.*?\});\n", script).group(1))


def soup(site_dir: Path, norm: str, lang: str, directory_urls: bool = True) -> BeautifulSoup:
    return BeautifulSoup((site_dir / dest_uri(norm, lang, directory_urls)).read_text(encoding="utf-8"), "html.parser")


# --- what is built ---------------------------------------------------------------------------------


def test_each_language_precaches_its_pages_search_and_assets_by_rule(built, site):
    manifest = worker_manifest(built)
    for lang in LANGUAGES:
        files = manifest["languages"][lang]["files"]
        assert re.fullmatch(r"[0-9a-f]{16}", manifest["languages"][lang]["version"])
        for kind in ("guide", "law", "help"):
            for versions in site.of_kind(kind):
                norm = next(iter(versions.values())).norm
                assert page_url(norm, lang) in files, (lang, norm)
        for listing in ("index.md", "guides/index.md", "laws/index.md", "statements/index.md"):
            assert page_url(listing, lang) in files
        assert offline_files.search_folder(built, lang) + "search_index.json" in files
        assert any(re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", f) for f in files)
        assert any(re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", f) for f in files)
        assert any(re.fullmatch(r"assets/javascripts/selamat\.[0-9a-f]+\.js", f) for f in files)  # holds offline.js
        assert "assets/stylesheets/selamat.css" in files
        # not statements (news, not guidance), link previews, source maps or unused search languages
        for versions in site.of_kind("statement"):
            assert page_url(next(iter(versions.values())).norm, lang) not in files
        assert not [f for f in files if "previews/" in f or f.endswith(".map") or f.endswith(("lunr.de.min.js", "wordcut.js"))]
        assert all((built / (f + "index.html" if f.endswith("/") or f == "" else f)).is_file() for f in files)
        other = "ms/" if lang == "en" else ""
        assert not [f for f in files if other and f.startswith(other)]
    assert manifest["languages"]["en"]["version"] != manifest["languages"]["ms"]["version"]


def test_the_version_is_a_hash_of_the_files_contents(tmp_path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "index.html").write_text("home")
    (tmp_path / "guides" / "index.html").write_text("guides")
    urls = ["", "guides/"]
    first = offline_worker.version(tmp_path, urls)
    assert offline_worker.version(tmp_path, urls) == first
    (tmp_path / "guides" / "index.html").write_text("guides, updated")
    assert offline_worker.version(tmp_path, urls) != first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_install_prompt_and_no_registration_but_by_the_button(built, lang):
    """No web app manifest (so no install prompt or home-screen icon) and no script but offline.js (in
    the site's one script file) mentions service workers; the worker itself is only a file at the root."""
    for norm in PAGE_TYPES:
        page = soup(built, norm, lang)
        assert not page.select('link[rel="manifest"]'), norm
        for script in page.select("script:not([src])"):
            assert "serviceWorker" not in script.text
    scripts = [p for p in (built / "assets").rglob("*.js") if "serviceWorker" in p.read_text(encoding="utf-8", errors="ignore")]
    assert [p.name for p in scripts] == [p.name for p in (built / "assets" / "javascripts").glob("selamat.*.js")]
    assert len(scripts) == 1 and "/* offline.js */" in scripts[0].read_text(encoding="utf-8")
    assert "worker-src 'self'" in soup(built, "index.md", lang).select_one('meta[http-equiv="Content-Security-Policy"]')["content"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_control_and_the_footer_line_in_the_page_language(built, site, data, lang):
    assert offline_control.explainer(site) == GUIDE
    guide = soup(built, GUIDE, lang)
    control = guide.select_one("#offline-reading ~ .selamat-offline")
    assert control is not None and control["data-lang"] == lang
    assert data.t("offline.trace", lang) in control.text
    assert control.select_one("[data-offline-action=save]").text == data.t("offline.save", lang)
    assert control.select_one("[data-offline-action=remove]").text == data.t("offline.remove", lang)
    visible = [p.text for p in control.select("[data-offline-when]") if not p.has_attr("hidden")]
    assert visible == [data.t("offline.nojs", lang)]  # before the script runs, or without it
    assert control.has_attr("data-search-exclude")
    help_page = soup(built, "help/index.md", lang)
    assert help_page.select_one("#offline-reading ~ .selamat-offline a")["href"].endswith("covering-your-tracks/#offline-reading")
    for norm in PAGE_TYPES:
        line = soup(built, norm, lang).select_one("footer .selamat-offline-footer")
        assert line is not None, norm
        assert line.select_one("a").text == data.t("offline.footer.link", lang)


def test_download_links_with_their_size(site, data):
    downloads = [offline_downloads.Download("en", "selamat-en.zip", 489_000), offline_downloads.Download("ms", "selamat-ms.zip", 1_234_567)]
    for lang in LANGUAGES:
        ctx = Context(site, data, lang, page_url("help/index.md", lang))
        html = BeautifulSoup(offline_control.control(ctx, downloads), "html.parser")
        links = html.select(".selamat-offline__downloads a")
        assert [a["href"] for a in links] == [("../../" if lang == "ms" else "../") + f"downloads/selamat-{x}.zip" for x in ("en", "ms")]
        assert "489 KB" in links[0].text and "1.2 MB" in links[1].text
        assert [li.text.rsplit(" ", 1)[1] for li in html.select(".selamat-offline__downloads li")] == ["Open-me.html", "Buka-saya.html"]
        plain = Context(site, data, lang, page_url("help/index.md", lang, False), directory_urls=False)
        assert not BeautifulSoup(offline_control.control(plain, downloads), "html.parser").select(".selamat-offline__downloads")


def test_no_footer_line_when_no_page_places_the_control(site, data):
    assert offline_control.footer(Context(site, data, "en", ""), None) == ""


def test_the_footer_line_comes_before_the_copyright_line_and_not_on_the_404_page(built):
    for lang in LANGUAGES:
        page = (built / dest_uri(GUIDE, lang)).read_text(encoding="utf-8")
        footer = page[page.index('<footer class="md-footer">'):]
        assert footer.index('class="selamat-offline-footer"') < footer.index('class="md-copyright"')
        not_found = BeautifulSoup((built / prefix(lang) / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert not_found.select_one(".md-copyright") and not not_found.select_one(".selamat-offline-footer")


@pytest.fixture(scope="module")
def editions(built_files, site, data, tmp_path_factory):
    out = tmp_path_factory.mktemp("downloads")
    paths = offline_edition.write_editions(built_files, site, data, out)
    unzipped = tmp_path_factory.mktemp("unzipped")
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(unzipped)
    return out, unzipped


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_offline_edition_holds_the_language_with_a_start_file(editions, site, lang):
    out, unzipped = editions
    with zipfile.ZipFile(out / offline_downloads.zip_name(lang)) as archive:
        names = archive.namelist()
    top = f"selamat-{lang}/"
    assert all(n.startswith(top) for n in names)
    assert names[0] == top + offline_edition.start_file(Data(ROOT / "data"), lang)
    for versions in site.of_kind("guide"):
        assert top + dest_uri(next(iter(versions.values())).norm, lang, False) in names
    other = "ms/" if lang == "en" else "guides/"
    assert not [n for n in names if n.startswith(top + other)]  # only this language's pages
    assert not [n for n in names if "previews/" in n or n.endswith(".map") or "/go/" in n]
    start = (unzipped / top / offline_edition.start_file(Data(ROOT / "data"), lang)).read_text(encoding="utf-8")
    assert f'url={dest_uri("index.md", lang, False)}"' in start and f'lang="{lang}"' in start


def test_the_cli_writes_both_editions(built_files, tmp_path, capsys):
    from selamat.cli import main

    assert main(["offline-zip", "--site-dir", str(built_files), "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["selamat-en.zip", "selamat-ms.zip"]
    assert "Buka-saya.html" in capsys.readouterr().out


# --- in the browser --------------------------------------------------------------------------------


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield ctx
    ctx.close()


def stored(tab) -> dict:
    return tab.evaluate("""async () => ({
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        caches: await caches.keys(),
        local: localStorage.length, session: sessionStorage.length,
        cookies: document.cookie })""")


def wait_state(tab, state: str, selector: str = STATE) -> None:
    tab.wait_for_selector(f'{selector}[data-offline-state="{state}"]', timeout=30000)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_registered_or_cached_before_the_reader_chooses(context, base_url, data, lang):
    tab = context.new_page()
    for norm in PAGE_TYPES + ["404"]:
        url = base_url + (f"{'ms/' if lang == 'ms' else ''}no-such-page/" if norm == "404" else page_url(norm, lang))
        tab.goto(url)
        tab.wait_for_load_state("networkidle")
        assert stored(tab) == {"workers": 0, "caches": [], "local": 0, "session": 0, "cookies": ""}, norm
    tab.goto(base_url + page_url(GUIDE, lang))
    wait_state(tab, "off")
    assert tab.locator(f"{STATE} [data-offline-action=save]").is_visible()
    assert not tab.locator(f"{STATE} [data-offline-action=remove]").is_visible()
    assert not tab.get_by_text(data.t("offline.nojs", lang)).first.is_visible()
    assert stored(tab)["workers"] == 0


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_saved_pages_and_search_work_with_the_network_cut_then_remove_clears_everything(context, built, data, lang):
    server, url = serve(built)  # its own server (and origin), so the network can really be cut
    try:
        tab = context.new_page()
        tab.goto(url + page_url(GUIDE, lang))
        tab.locator(f"{STATE} [data-offline-action=save]").click()
        wait_state(tab, "saved")
        assert tab.get_by_text(data.t("offline.saved", lang)).is_visible()
        state = stored(tab)
        assert state["workers"] == 1 and len(state["caches"]) == 1 and state["caches"][0].startswith(f"selamat-offline-{lang}-")
        assert (state["local"], state["session"], state["cookies"]) == (0, 0, "")
    finally:
        server.shutdown()
        server.server_close()
    context.set_offline(True)
    for norm in ("guides/sextortion.md", "help/index.md", "laws/penal-code-509.md", "index.md"):
        tab.goto(url + page_url(norm, lang))
        assert tab.locator("h1").first.is_visible(), norm
        assert tab.title().strip(), norm
    tab.goto(url + page_url("guides/reporting.md", lang))
    word, guide = SEARCH_WORDS[lang]
    assert [href for href in search(tab, word, timeout=15000) if f"/guides/{guide}/" in href]
    # every page's footer shows the state, and removes the copy in one tap
    tab.goto(url + page_url("help/index.md", lang))
    footer = "footer .selamat-offline-footer"
    wait_state(tab, "saved", footer)
    assert tab.locator(footer).get_by_text(data.t("offline.footer.saved", lang)).is_visible()
    violations = Axe().run(tab).response["violations"]  # the saved state, in the control and the footer
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    tab.locator(f"{footer} [data-offline-action=remove]").click()
    wait_state(tab, "removed")
    assert tab.get_by_text(data.t("offline.removed", lang)).is_visible()
    assert stored(tab) == {"workers": 0, "caches": [], "local": 0, "session": 0, "cookies": ""}


@pytest.mark.browser
def test_a_new_deploy_replaces_the_saved_copy_and_deletes_the_old_one(context, built, site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built, copy)
    server, url = serve(copy)
    try:
        tab = context.new_page()
        tab.goto(url + page_url(GUIDE, "ms"))
        tab.locator(f"{STATE} [data-offline-action=save]").click()
        wait_state(tab, "saved")
        old = stored(tab)["caches"]
        # the next deploy: a guide changes, and with it the worker's version
        guide = copy / dest_uri("guides/sextortion.md", "ms")
        guide.write_text(guide.read_text(encoding="utf-8").replace("</h1>", " (dikemas kini)</h1>", 1), encoding="utf-8")
        offline_worker.write_worker(copy, site)
        tab.goto(url + page_url("help/index.md", "ms"))  # an ordinary visit, online
        deadline = time.monotonic() + 30
        names = old
        while (len(names) != 1 or names == old) and time.monotonic() < deadline:
            time.sleep(0.2)
            names = tab.evaluate("caches.keys()")
        assert len(names) == 1 and names != old and names[0].startswith("selamat-offline-ms-")
    finally:
        server.shutdown()
        server.server_close()
    context.set_offline(True)
    tab.goto(url + page_url("guides/sextortion.md", "ms"))
    assert "(dikemas kini)" in tab.locator("h1").first.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_control_says_it_cannot_work(browser, base_url, data, lang):
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        tab = ctx.new_page()
        tab.goto(base_url + page_url(GUIDE, lang))
        assert tab.get_by_text(data.t("offline.nojs", lang)).is_visible()
        assert not tab.locator(f"{STATE} button").first.is_visible()
        assert tab.locator("footer .selamat-offline-footer a").is_visible()
    finally:
        ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_service_workers_the_control_says_so(context, base_url, data, lang):
    context.add_init_script("delete Navigator.prototype.serviceWorker;")
    tab = context.new_page()
    tab.goto(base_url + page_url(GUIDE, lang))
    wait_state(tab, "unsupported")
    assert tab.get_by_text(data.t("offline.unsupported", lang)).is_visible()
    assert not tab.locator(f"{STATE} button").first.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_offline_edition_opens_from_file_and_search_finds_a_guide(context, editions, data, lang):
    _, unzipped = editions
    context.set_offline(True)
    tab = context.new_page()
    tab.goto((unzipped / f"selamat-{lang}" / offline_edition.start_file(Data(ROOT / "data"), lang)).as_uri())
    tab.wait_for_url(re.compile(r"/index\.html$"))
    tab.goto((unzipped / f"selamat-{lang}" / dest_uri(GUIDE, lang, False)).as_uri())
    assert tab.locator("h1").first.is_visible()
    wait_state(tab, "file")
    assert tab.get_by_text(data.t("offline.file", lang)).is_visible()
    assert not tab.locator(f"{STATE} button").first.is_visible()
    word, guide = SEARCH_WORDS[lang]
    assert [href for href in search(tab, word, timeout=15000) if href.endswith(f"guides/{guide}.html")]


# --- the worker answers only from its own caches, and only for its own files ---------------------------

def test_the_worker_opens_its_caches_by_name(built):
    script = (built / offline_worker.WORKER).read_text(encoding="utf-8")
    assert "caches.match(" not in script  # would search every cache on the origin, not only ours
    assert "caches.open(name).then(function (cache) { return cache.match(request); })" in script


PLANTED = "<!doctype html><title>Planted</title><h1>PLANTED</h1>"
PLANT = """async ([name, urls, body]) => {
    const cache = await caches.open(name);
    for (const url of urls) await cache.put(url, new Response(body, {headers: {"Content-Type": "text/html"}}));
}"""


def save_offline(context, url: str, lang: str):
    tab = context.new_page()
    tab.goto(url + page_url(GUIDE, lang))
    tab.locator(f"{STATE} [data-offline-action=save]").click()
    wait_state(tab, "saved")
    return tab


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_planted_in_another_cache_is_never_served(context, built, lang):
    """Another script on the origin fills caches of its own, one of them named like ours: the worker
    serves neither, for a page in its list (it answers from its own copy) or outside it (the network
    answers, or nothing when it is cut)."""
    other = "ms" if lang == "en" else "en"
    listed = page_url("guides/sextortion.md", lang)
    unlisted = page_url(next(n for n in PAGE_TYPES if n.startswith("statements/") and n != "statements/index.md"), lang)
    assert unlisted not in worker_manifest(built)["languages"][lang]["files"]
    server, url = serve(built)
    try:
        tab = save_offline(context, url, lang)
        ours = stored(tab)["caches"]
        planted = [url + listed, url + unlisted, url + page_url("help/index.md", other)]
        for name in ("planted", f"selamat-offline-{other}-0000000000000000", f"selamat-offline-{lang}-planted"):
            tab.evaluate(PLANT, [name, planted, PLANTED])
        assert len(stored(tab)["caches"]) == len(ours) + 3
        tab.goto(url + unlisted)  # online: from the network
        assert "PLANTED" not in tab.content() and tab.locator("h1").first.is_visible()
    finally:
        server.shutdown()
        server.server_close()
    context.set_offline(True)
    tab.goto(url + listed)  # from our own copy
    assert "PLANTED" not in tab.content() and tab.locator("h1").first.is_visible()
    assert tab.evaluate("navigator.serviceWorker.controller !== null")
    for address in (unlisted, page_url("help/index.md", other)):  # not in our copy: nothing to show
        fetched = tab.evaluate("u => fetch(u, {cache: 'no-store'}).then(r => r.text(), () => 'no connection')", url + address)
        assert fetched == "no connection", address
    for address in (unlisted, page_url("help/index.md", other)):
        try:
            response = tab.goto(url + address)
        except PlaywrightError as err:  # no connection (or the worker's fetch of it failed)
            assert "ERR_INTERNET_DISCONNECTED" in str(err) or "ERR_FAILED" in str(err), err
        else:  # the browser's HTTP cache may still hold the page, as without a worker
            assert "PLANTED" not in response.text(), address


@pytest.mark.browser
def test_activation_deletes_stale_caches_of_ours_and_leaves_others(context, built, site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built, copy)
    server, url = serve(copy)
    try:
        tab = context.new_page()
        tab.goto(url + page_url(GUIDE, "en"))
        for name in ("selamat-offline-en-0000000000000000", "selamat-offline-ms-stale", "another-site-cache"):
            tab.evaluate(PLANT, [name, [url + page_url("guides/sextortion.md", "en")], PLANTED])
        tab.locator(f"{STATE} [data-offline-action=save]").click()  # registers the worker: it activates
        wait_state(tab, "saved")
        names = sorted(stored(tab)["caches"])
        assert names[0] == "another-site-cache" and len(names) == 2, names
        assert re.fullmatch(r"selamat-offline-en-[0-9a-f]{16}", names[1]), names
        current = names[1]
        # a stale cache of ours left behind after activation goes with the next version
        tab.evaluate(PLANT, ["selamat-offline-en-1111111111111111", [url + page_url("help/index.md", "en")], PLANTED])
        guide = copy / dest_uri("guides/sextortion.md", "en")
        guide.write_text(guide.read_text(encoding="utf-8").replace("</h1>", " (updated)</h1>", 1), encoding="utf-8")
        offline_worker.write_worker(copy, site)
        tab.goto(url + page_url("help/index.md", "en"))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            names = sorted(stored(tab)["caches"])
            if len(names) == 2 and current not in names:
                break
            time.sleep(0.2)
        assert names[0] == "another-site-cache" and len(names) == 2, names
        assert names[1].startswith("selamat-offline-en-") and names[1] != current
    finally:
        server.shutdown()
        server.server_close()
