"""Resources other organisations published: the model and its checks (one failing fixture per mistake),
the /resources/ listing in both languages, the home page mixing own and external items by date, and in
Chromium at 360 px, with JavaScript on and off, "leaves this site" beside every external resource link."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from selamat.check import check_page
from selamat.content import load_site
from selamat.data import Data
from selamat.languages import LANGUAGES
from selamat.resources import host
from selamat.urls import page_url

from conftest import ROOT

GOOD = {"title": "A report", "summary": "What it is.", "topics": "[image-abuse]", "date": "2025-01-01",
        "organisation": "{org}", "type": "report", "languages": "[en]", "url": "https://example.org/report"}


def resource(tmp_path: Path, lang: str = "en", **change: str) -> list:
    data_dir = tmp_path / "data"
    if not data_dir.exists():
        shutil.copytree(ROOT / "data", data_dir)
        with (data_dir / "organisations.yml").open("a", encoding="utf-8") as f:
            f.write("\ntest-publisher:\n  name: {en: Test Publisher, ms: Penerbit Ujian}\n  url: https://example.org/\n  publisher: true\n")
    fields = {**GOOD, "organisation": "test-publisher", **change}
    lines = "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None)
    path = tmp_path / "docs" / "resources" / f"r.{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{lines}---\n\nText.\n", encoding="utf-8")
    site = load_site(tmp_path / "docs")
    data = Data(data_dir)
    return [(p.code, p.line, p.render(data), p.render(data, "ms")) for p in check_page(site.pages[0], site, data)]


def test_a_good_resource_passes_in_either_language(tmp_path):
    assert resource(tmp_path) == []
    assert resource(tmp_path / "ms-only", lang="ms") == []  # a Malay-only entry needs no English page


def test_an_unknown_organisation_is_refused(tmp_path):
    found = resource(tmp_path, organisation="kryss")
    assert [(c, line) for c, line, _, _ in found] == [("unknown_publisher", 6)]
    assert "test-publisher" in found[0][2] and "bukan penerbit" in found[0][3]


def test_a_signatory_is_not_a_publisher(tmp_path):
    assert [c for c, *_ in resource(tmp_path, organisation="selamat")] == ["unknown_publisher"]


def test_a_bad_type_is_refused(tmp_path):
    found = resource(tmp_path, type="podcast")
    assert [(c, line) for c, line, _, _ in found] == [("bad_choice", 7)]
    assert "report" in found[0][2] and "toolkit" in found[0][2]


def test_a_missing_url_is_refused(tmp_path):
    found = resource(tmp_path, url=None)
    assert [c for c, *_ in found] == ["missing"] and "url:" in found[0][2]


@pytest.mark.parametrize("url", ["http://example.org/report", "javascript:alert(1)", "https://", "//example.org/x"])
def test_a_url_that_is_not_https_is_refused(tmp_path, url):
    found = resource(tmp_path, url=json.dumps(url))
    assert [(c, line) for c, line, _, _ in found] == [("bad_url", 9)]


def test_hosts_are_shown_as_readers_know_them():
    assert host("https://www.youtube.com/watch?v=x") == "youtube.com"
    assert host("https://kryss.network/a") == "kryss.network"


def resource_pages(site):
    return [v for v in site.of_kind("resource")]


def test_the_site_lists_real_resources_from_publishers(site, data):
    pages = resource_pages(site)
    assert len(pages) >= 8
    for versions in pages:
        for page in versions.values():
            org = data.organisations[page.meta.organisation]
            assert org.publisher and org.url and org.url.startswith("https://")
            assert page.meta.url.startswith("https://")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_listing_shows_every_resource_by_type_and_by_topic(built, site, lang):
    html = BeautifulSoup((built / page_url("resources/index.md", lang) / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = html.find("article")
    by_type = article.find(id="by-type").find_next_siblings()
    links = [a for a in article.select("a.selamat-leave")]
    urls = {v[lang if lang in v else next(iter(v))].meta.url for v in resource_pages(site)}
    assert {a["href"] for a in links} == urls
    for a in links:
        where = a.find(class_="selamat-leave__where").get_text()
        assert where == {"en": f"{host(a['href'])}: leaves this site", "ms": f"{host(a['href'])}: keluar dari laman web ini"}[lang]
        assert "noopener" in a.get("rel", []) and "noreferrer" in a.get("rel", [])
    assert article.find(id="by-topic") and by_type


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_mixes_own_and_external_items_by_date(built, site, lang):
    html = BeautifulSoup((built / page_url("index.md", lang) / "index.html").read_text(encoding="utf-8"), "html.parser")
    newest = html.find(id="latest-resources").find_next("ul")
    dates = [t["datetime"] for t in newest.find_all("time")]
    assert dates == sorted(dates, reverse=True)
    hrefs = [a["href"] for a in newest.find_all("a")]
    assert any("resources/" in h for h in hrefs) and any("resources/" not in h for h in hrefs)


@pytest.mark.browser
@pytest.mark.parametrize("script", [True, False])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_leaves_this_site_is_visible_beside_every_link_out(browser, base_url, lang, script):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=script)
    page = context.new_page()
    page.goto(base_url + page_url("resources/index.md", lang))
    links = page.locator("article a.selamat-leave")
    assert links.count() >= 8
    for i in range(links.count()):
        link = links.nth(i)
        label = link.locator(".selamat-leave__where")
        assert label.is_visible()
        assert re.search(r": (leaves this site|keluar dari laman web ini)$", label.inner_text())
        where = label.bounding_box()
        assert where["x"] >= 0 and where["x"] + where["width"] <= 360
    if script:
        violations = Axe().run(page).response["violations"]
        assert not violations, [(v["id"], v["help"]) for v in violations]
    context.close()
