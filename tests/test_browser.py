"""In a real Chromium at 360 x 800: the language switcher keeps the reader on the same page (over HTTP
and from file://), untranslated pages show their notice, each language's 404 is served, and axe-core
finds no accessibility violation on any page type in either language."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from selamat.urls import page_url

pytestmark = pytest.mark.browser

GUIDE = "guides/keeping-evidence.md"


def switch_language(page, lang: str) -> None:
    page.locator(".md-header .md-select button").click()
    page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state()


@pytest.mark.parametrize("start,target", [("en", "ms"), ("ms", "en")])
def test_switching_language_from_a_guide_lands_on_the_same_guide(page, base_url, start, target):
    page.goto(base_url + page_url(GUIDE, start))
    switch_language(page, target)
    assert page.url == base_url + page_url(GUIDE, target)
    assert page.locator("html").get_attribute("lang") == target


@pytest.mark.parametrize("start,target", [("en", "ms"), ("ms", "en")])
def test_switching_language_from_file_urls(page, built_files, start, target):
    page.goto((built_files / page_url(GUIDE, start, directory_urls=False)).as_uri())
    switch_language(page, target)
    assert page.url == (built_files / page_url(GUIDE, target, directory_urls=False)).as_uri()
    assert page.locator("html").get_attribute("lang") == target


def test_untranslated_notice_shows_in_the_readers_language(page, base_url, site, data):
    for norm, versions in site.by_norm.items():
        if len(versions) != 1:
            continue
        written = next(iter(versions))
        reader = "en" if written == "ms" else "ms"
        page.goto(base_url + page_url(norm, reader))
        notice = page.locator(".selamat-untranslated")
        assert notice.is_visible()
        assert data.t("untranslated.title", reader) in notice.inner_text()
        notice.locator("a").click()
        page.wait_for_load_state()
        assert page.url == base_url + page_url(norm, written)
        assert page.locator(".selamat-untranslated").count() == 0


@pytest.mark.parametrize("lang,title", [("en", "We can't find that page"), ("ms", "Halaman itu tidak dijumpai")])
def test_missing_address_gets_the_404_of_its_language(page, base_url, lang, title):
    response = page.goto(base_url + page_url("guides/no-such-page.md", lang))
    assert response.status == 404
    assert page.locator("h1").inner_text() == title
    assert page.locator("html").get_attribute("lang") == lang
    page.locator("article a").first.click()  # home, whatever the depth of the missing address
    page.wait_for_load_state()
    assert page.url == base_url + page_url("index.md", lang)


def page_types(site):
    """One page of each type: home, listings, a guide, a law page, a statement, help, an untranslated page."""
    pick = {"home": "index.md", "guides": "guides/index.md", "laws": "laws/index.md",
            "statements": "statements/index.md", "help": "help/index.md", "guide": GUIDE}
    pick["law"] = next(iter(site.of_kind("law")))["en"].norm
    pick["statement"] = next(v for v in site.of_kind("statement") if len(v) == 2)["en"].norm
    pick["untranslated"] = next(norm for norm, v in site.by_norm.items() if len(v) == 1)
    return pick


AXE = Axe()


@pytest.mark.parametrize("lang", ["en", "ms"])
def test_axe_finds_no_violations_on_any_page_type(page, base_url, site, lang):
    failures = {}
    for name, norm in page_types(site).items():
        page.goto(base_url + page_url(norm, lang))
        results = AXE.run(page)
        if results.violations_count:
            failures[name] = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    page.goto(base_url + page_url("nothing-here.md", lang))
    results = AXE.run(page)
    if results.violations_count:
        failures["404"] = [v["id"] for v in results.response["violations"]]
    assert not failures, failures
