"""The built HTML, parsed: languages, hreflang alternates, sitemap, 404 pages, untranslated notices,
listings generated from front matter, Material's Malay strings corrected."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from selamat.languages import DEFAULT, LANGUAGES, prefix
from selamat.urls import page_url

SITE_URL = "https://selamat.example.org/"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_of(built: Path, url: str) -> BeautifulSoup:
    return soup(built / url / "index.html" if url.endswith("/") or url == "" else built / url)


def content_pages(built: Path) -> list[Path]:
    return [p for p in built.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts
            and p.relative_to(built).parts[0] != "admin"]  # the web editor: tests/test_editor_config.py


def test_every_page_of_both_languages_is_built(built, site):
    for norm in site.by_norm:
        for lang in LANGUAGES:
            assert (built / page_url(norm, lang) / "index.html").exists(), (norm, lang)


def test_html_lang_is_the_language_of_the_site_section(built):
    pages = content_pages(built)
    assert len(pages) > 40
    for path in pages:
        rel = path.relative_to(built).as_posix()
        expected = "ms" if rel.startswith("ms/") else "en"
        assert soup(path).html["lang"] == expected, rel


def test_absolute_hreflang_alternates_with_x_default(built, site):
    for norm in site.by_norm:
        for lang in LANGUAGES:
            page = html_of(built, page_url(norm, lang))
            links = {l["hreflang"]: l["href"] for l in page.find_all("link", rel="alternate") if l.get("hreflang")}
            assert links == {
                "en": SITE_URL + page_url(norm, "en"),
                "ms": SITE_URL + page_url(norm, "ms"),
                "x-default": SITE_URL + page_url(norm, DEFAULT),
            }, (norm, lang)


def test_sitemap_lists_both_languages_with_alternates(built, site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built / "sitemap.xml").getroot()
    urls = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    assert len(urls) == 2 * len(site.by_norm)
    for norm in site.by_norm:
        for lang in LANGUAGES:
            entry = urls[SITE_URL + page_url(norm, lang)]
            alts = {l.get("hreflang"): l.get("href") for l in entry.findall("x:link", ns)}
            assert set(alts) == {"en", "ms", "x-default"}
            assert alts["x-default"] == SITE_URL + page_url(norm, "en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quick_exit_leads_every_page_the_404_included(built, data, lang):
    """The skip link is the first element of <body> (before Material's "Skip to content"), and the bar
    with its status region and cover comes before Material's header, in the page's language."""
    for path in (built / page_url("guides/reporting.md", lang) / "index.html", built / prefix(lang) / "404.html"):
        body = soup(path).body
        first = body.find(True)
        assert first["href"] == "#selamat-exit" and first.get_text() == data.t("exit.skip", lang), path
        children = body.find_all(True, recursive=False)
        at = lambda name: next(i for i, el in enumerate(children) if name in el.get("class", []))  # noqa: E731
        assert at("selamat-exit") < at("md-header") and at("selamat-exit__status") < at("md-header"), path
        assert at("selamat-exit__cover") < at("md-header"), path
        assert data.t("exit.label", lang) in body.select_one("#selamat-exit").get_text()


@pytest.mark.parametrize("path,lang,title", [("404.html", "en", "We can't find that page"),
                                             ("ms/404.html", "ms", "Halaman itu tidak dijumpai")])
def test_each_language_has_its_own_404(built, path, lang, title):
    page = soup(built / path)
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == title
    assert not page.find_all("link", rel="alternate", hreflang=True)
    # its links are absolute paths: a 404 is served at any address
    for a in page.select("article a[href]"):
        assert a["href"].startswith("/"), a


def one_language(site):
    """(norm, the language it is written in) for each page that exists in one language only."""
    return [(norm, next(iter(v))) for norm, v in site.by_norm.items() if len(v) == 1]


def test_there_are_untranslated_pages_to_check(site):
    langs = {lang for _, lang in one_language(site)}
    assert langs == {"en", "ms"}, "the content should have pages written in only one language of each"


def test_untranslated_page_has_a_notice_in_the_readers_language(built, site, data):
    for norm, written in one_language(site):
        reader = "ms" if written == "en" else "en"
        page = html_of(built, page_url(norm, reader))
        assert page.html["lang"] == reader
        notice = page.select_one(".selamat-untranslated")
        assert notice is not None, norm
        assert not notice.find_parent(attrs={"lang": written})
        assert data.t("untranslated.title", reader) in notice.get_text()
        link = notice.find("a")
        assert link["hreflang"] == written
        assert (built / page_url(norm, reader) / link["href"] / "index.html").resolve() == \
            (built / page_url(norm, written) / "index.html").resolve()
        originals = page.select(f'.selamat-original[lang="{written}"]')
        assert originals and originals[0].h1, norm
        # the original itself has no notice
        assert html_of(built, page_url(norm, written)).select_one(".selamat-untranslated") is None


def test_translated_pages_have_no_notice(built, site):
    for norm, versions in site.by_norm.items():
        if len(versions) == 2:
            for lang in LANGUAGES:
                assert html_of(built, page_url(norm, lang)).select_one(".selamat-untranslated") is None, norm


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statements_listing_has_every_statement_labelled_when_in_one_language(built, site, lang):
    listing = html_of(built, page_url("statements/index.md", lang))
    items = listing.select("li.selamat-item")
    statements = list(site.of_kind("statement"))
    assert len(items) == len(statements)
    for versions in statements:
        page = versions.get(lang) or next(iter(versions.values()))
        item = next(i for i in items if i.a.get_text() == page.title)
        label = item.select_one(".selamat-label")
        if lang in versions:
            assert label is None
        else:
            assert label is not None and item.a["hreflang"] == page.lang
            target = (built / page_url("statements/index.md", lang) / item.a["href"] / "index.html").resolve()
            assert target == (built / page_url(page.norm, page.lang) / "index.html").resolve()
    # newest first, grouped by year
    years = [int(h.get_text()) for h in listing.select("article h2[id^=year-]")]
    assert years == sorted(years, reverse=True) and len(years) >= 2
    dates = [t["datetime"] for t in listing.select("li.selamat-item time")]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guides_listing_groups_every_guide_by_topic(built, site, data, lang):
    listing = html_of(built, page_url("guides/index.md", lang))
    headings = [h.get_text() for h in listing.select("article h2[id^=topic-]")]
    assert headings and all(h in {t(lang) for t in data.topics.values()} for h in headings)
    linked = {a.get_text() for a in listing.select("li.selamat-item > a")}
    for versions in site.of_kind("guide"):
        assert (versions.get(lang) or versions["en"]).title in linked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_laws_listing_is_a_to_z(built, lang):
    titles = [a.get_text() for a in html_of(built, page_url("laws/index.md", lang)).select("li.selamat-item > a")]
    assert len(titles) >= 2 and titles == sorted(titles, key=str.casefold)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_leads_with_help_and_lists_newest(built, data, lang):
    home = html_of(built, page_url("index.md", lang))
    article = home.select_one("article")
    box = article.select_one(".selamat-help-box")
    assert box is not None and data.t("help_box.title", lang) in box.get_text()
    first_heading = article.find("h2")
    assert box.sourceline < first_heading.sourceline
    assert len(home.select("li.selamat-item")) >= 3


def test_every_guide_has_the_help_box_and_law_pages_their_notice_and_sources(built, site, data):
    for kind, selector in (("guide", ".selamat-help-box"), ("law", ".selamat-legal")):
        for versions in site.of_kind(kind):
            for lang in LANGUAGES:
                page = html_of(built, page_url(next(iter(versions.values())).norm, lang))
                assert page.select_one(selector) is not None
                if kind == "law":
                    assert len(page.select(".selamat-sources li a[href^=http]")) >= 1
                    assert data.t("legal.title", lang) in page.select_one(".selamat-legal").get_text()


def test_help_page_lists_every_service_with_its_checked_date(built, data):
    for lang in LANGUAGES:
        page = html_of(built, page_url("help/index.md", lang))
        cards = page.select(".selamat-service")
        assert len(cards) == len(data.help_services)
        for service in data.help_services:
            card = page.select_one(f"#service-{service.id}").parent
            label = data.t(f"help.ages.{service.ages}", lang) if service.ages else ""
            assert card.h3.get_text() == (f"{service.name(lang)} {label}" if label else service.name(lang))
            assert data.date(service.verified, lang) in card.get_text()


WRONG_MALAY = ["Langkau tajuk talian", "tajuk talian asal", "Siap carian", " fil ", "Kategori masuk", "Edit halaman"]


def test_material_malay_strings_are_corrected(built):
    for path in (built / "ms").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for wrong in WRONG_MALAY:
            assert wrong not in text, (path, wrong)
    guide = html_of(built, "ms/guides/keeping-evidence/")
    assert guide.select_one("a.md-skip").get_text(strip=True) == "Langkau ke kandungan"
    assert {a["title"] for a in guide.select("a.headerlink")} == {"Pautan ke bahagian ini"}
    assert "Made with" not in guide.get_text() and "Dibina dengan" in guide.select_one(".md-copyright").get_text()
    assert guide.select_one("input.md-search__input")["placeholder"] == "Cari"
    assert "Carian sedang dimuatkan" in guide.get_text() or guide.select_one(".md-search-result__meta").get_text(strip=True) == "Carian sedang dimuatkan"


def test_the_search_count_says_these_are_the_best_not_all(built):
    """Search lists only the 20 best pages: Material's "20 matching documents" would read as all there is.
    English changes only that string; the rest stays Material's English."""
    import json
    for lang, count, other in (("en", "# best matches", {"search.result.none": "No matching documents",
                                                         "clipboard.copy": "Copy to clipboard"}),
                               ("ms", "# hasil terbaik", {"search.result.none": "Tiada halaman yang sepadan"})):
        page = html_of(built, "guides/keeping-evidence/" if lang == "en" else "ms/guides/keeping-evidence/")
        translations = json.loads(page.select_one("script#__config").string)["translations"]
        assert translations["search.result.other"] == count
        assert all(translations[key] == value for key, value in other.items()), translations
        assert all(value and value != key for key, value in translations.items()), translations


def test_every_published_address_still_leads_somewhere(built):
    from selamat.published import read_manifest
    from conftest import ROOT
    manifest = read_manifest(ROOT / "data")
    assert len(manifest) >= 2 * 30
    for _, url in manifest:
        assert (built / url / "index.html").exists(), url
