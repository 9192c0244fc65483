"""What partners rely on: short links in the reader's language, QR codes, feeds, the catalogue and its
schema, the help card for frames, link previews, and anchors that are the same in both languages."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import feedparser
import jsonschema
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT
from selamat.data import Data
from selamat.languages import LANGUAGES
from selamat.translations import original_of
from selamat.partner_links import SCALE, qr_code, short_links
from selamat.urls import page_url

SITE_URL = "https://selamat.example.org/"


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_guide_law_and_the_help_page_has_a_short_link_and_qr_code(built, site):
    links = short_links(site)
    kinds = {(l.kind, l.slug) for l in links}
    assert ("help", "help") in kinds
    assert len([l for l in links if l.kind == "guide"]) == len(list(site.of_kind("guide")))
    assert len([l for l in links if l.kind == "law"]) == len(list(site.of_kind("law")))
    for link in links:
        page = soup(built / link.url / "index.html")
        anchors = {a["hreflang"]: a["href"] for a in page.select("a[hreflang]")}
        assert set(anchors) == set(LANGUAGES)
        for lang, href in anchors.items():
            assert (built / link.url / href / "index.html").resolve() == (built / page_url(link.norm, lang) / "index.html").resolve()
        svg = ET.parse(built / link.url / "qr.svg").getroot()
        assert svg.tag.endswith("svg")


def test_a_qr_code_keeps_its_quiet_zone_scales_and_escapes_its_title():
    svg = ET.fromstring(qr_code(SITE_URL + "go/x/", 'go/x/"><script>alert(1)</script>'))
    ns = "{http://www.w3.org/2000/svg}"
    size = int(svg.get("width"))
    assert svg.get("viewBox") == f"0 0 {size} {size}"  # prints at any size
    assert svg.find(f"{ns}title").text == 'go/x/"><script>alert(1)</script>'  # text, not markup
    assert not svg.findall(f".//{ns}script")
    corners = [tuple(map(int, re.match(r"(\d+) (\d+)", move).groups())) for move in svg.find(f"{ns}path").get("d").split("M")[1:]]
    quiet = 4 * SCALE  # the standard's 4 modules of white around the symbol
    assert min(x for x, _ in corners) == quiet and min(y for _, y in corners) == quiet
    assert max(x for x, _ in corners) < size - quiet and max(y for _, y in corners) < size - quiet


@pytest.mark.browser
@pytest.mark.parametrize("locale,lang", [("ms-MY", "ms"), ("ms", "ms"), ("en-GB", "en"), ("fr-FR", "en")])
def test_short_link_opens_the_readers_language(browser, base_url, locale, lang):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(base_url + "go/reporting/")
    page.wait_for_url(base_url + page_url("guides/reporting.md", lang))
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_per_language(built, site, lang):
    prefix = "ms/" if lang == "ms" else ""
    rss = ET.parse(built / prefix / "feeds/statements.xml").getroot()
    channel = rss.find("channel")
    assert channel.findtext("language") == lang
    items = channel.findall("item")
    # every statement; one not in this language in its original, its title labelled with that language
    statements = [v.get(lang) or original_of(v) for v in site.of_kind("statement")]
    assert len(items) == len(statements) and any(p.lang != lang for p in statements)
    data = Data(ROOT / "data")
    label = lambda p: f" ({data.t('label.language', lang, language=data.language_name(p.lang, lang))})" if p.lang != lang else ""
    by_title = {p.title + label(p): p for p in statements}
    for item in items:
        page = by_title[item.findtext("title")]
        assert item.findtext("description").endswith(page.meta.summary)  # after any correction
        assert item.findtext("link") == SITE_URL + page_url(page.norm, lang)
    feed = json.loads((built / prefix / "feeds/updates.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["language"] == lang
    dates = [i.get("date_modified") or i["date_published"] for i in feed["items"]]  # a corrected statement comes back
    assert dates == sorted(dates, reverse=True) and len(dates) >= 20
    assert all(i["summary"] and i["url"].startswith(SITE_URL) for i in feed["items"])


def test_catalogue_matches_its_schema_and_lists_every_page(built, site):
    catalogue = json.loads((built / "api/v1/resources.json").read_text())
    schema = json.loads((built / "api/v1/resources.schema.json").read_text())
    jsonschema.validate(catalogue, schema)
    slugs = {r["slug"] for r in catalogue["resources"]}
    # every page but listings and the start flow's steps (they send readers to pages the catalogue lists)
    expected = {norm[:-3] for norm, v in site.by_norm.items() if next(iter(v.values())).kind not in ("section", "step")}
    assert slugs == expected
    resources = [r for r in catalogue["resources"] if r["type"] == "resource"]
    assert resources and all(r["external"]["url"].startswith("https://") and r["external"]["publisher_name"]["ms"] for r in resources)
    one_language = [r for r in catalogue["resources"] if len(r["languages"]) == 1]
    assert one_language and all(set(r["urls"]) == set(LANGUAGES) for r in catalogue["resources"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**catalogue, "resources": [{"type": "poster"}]}, schema)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_card_is_self_contained(built, data, lang):
    prefix = "ms/" if lang == "ms" else ""
    card = soup(built / prefix / "embed/help/index.html")
    assert card.html["lang"] == lang
    assert not card.find_all("script")
    sheets = [l["href"] for l in card.find_all("link", rel="stylesheet")]
    assert len(sheets) == 1 and (built / prefix / "embed/help" / sheets[0]).resolve() == (built / "embed/help.css").resolve()
    links = card.find_all("a")
    assert links and all(a.get("target") == "_top" for a in links)
    assert len(card.select("li")) == sum(s.help_box for s in data.help_services)


@pytest.mark.browser
def test_help_card_fits_300_pixels(browser, base_url):
    page = browser.new_page(viewport={"width": 300, "height": 500})
    for path in ("embed/help/", "ms/embed/help/"):
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 300
    page.close()


def test_partner_page_gives_embed_code_in_both_languages(built):
    for lang in LANGUAGES:
        page = soup(built / page_url("partners.md", lang) / "index.html")
        code = " ".join(c.get_text() for c in page.select("pre code"))
        assert '<iframe src="' + SITE_URL + ("ms/" if lang == "ms" else "") + 'embed/help/"' in code
        assert "<ul>" in code  # the plain-HTML alternative
        assert len(page.select('a[href$="qr.svg"][download]')) >= 10


def test_link_previews_are_neutral_images_with_open_graph_tags(built, site):
    for norm, versions in site.by_norm.items():
        for lang in LANGUAGES:
            page = soup(built / page_url(norm, lang) / "index.html")
            og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
            shown = versions.get(lang) or next(iter(versions.values()))
            assert og["og:title"] == shown.title and og["og:description"] == shown.meta.summary
            assert og["og:url"] == SITE_URL + page_url(norm, lang)
            image = built / og["og:image"].removeprefix(SITE_URL)
            assert Image.open(image).size == (1200, 630)
            assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_headings_have_the_same_anchors_in_both_languages(built, site):
    for norm, versions in site.by_norm.items():
        if len(versions) == 2:
            ids = [[h["id"] for h in soup(built / page_url(norm, lang) / "index.html").select("article h2[id], article h3[id]")]
                   for lang in LANGUAGES]
            assert ids[0] == ids[1], norm


def test_only_the_help_card_may_be_framed(built):
    headers = (built / "_headers").read_text()
    for path in ("/guides/*", "/ms/laws/*", "/index.html"):
        assert f"{path}\n  X-Frame-Options: DENY\n  Content-Security-Policy: frame-ancestors 'none'\n" in headers
    assert "embed" not in headers
    assert "frame-ancestors" not in headers.split("\n/", 1)[0]  # not in the policy every path (the card too) gets


JSON_FEED_1_1 = {  # the required parts of https://jsonfeed.org/version/1.1
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"}, "home_page_url": {"type": "string"}, "feed_url": {"type": "string"},
        "language": {"type": "string"},
        "items": {"type": "array", "items": {
            "type": "object", "required": ["id"],
            "properties": {"id": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"},
                           "summary": {"type": "string"}, "content_text": {"type": "string"},
                           "date_published": {"type": "string", "format": "date-time"}},
            "anyOf": [{"required": ["content_text"]}, {"required": ["content_html"]}]}},
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["statements", "updates", "legal-changes"])
def test_feeds_validate(built, lang, name):
    prefix = "ms/" if lang == "ms" else ""
    parsed = feedparser.parse((built / prefix / f"feeds/{name}.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20" and parsed.feed.language == lang and parsed.entries
    assert all(e.summary and e.link.startswith(SITE_URL) and e.published_parsed for e in parsed.entries)
    feed = json.loads((built / prefix / f"feeds/{name}.json").read_text())
    jsonschema.validate(feed, JSON_FEED_1_1, format_checker=jsonschema.FormatChecker())
    assert [i["title"] for i in feed["items"]] == [e.title for e in parsed.entries]


@pytest.mark.browser
def test_every_qr_code_decodes_to_its_short_link(browser, built, site, tmp_path):
    page = browser.new_page(viewport={"width": 400, "height": 400})
    for link in short_links(site):
        page.goto((built / link.url / "qr.svg").as_uri())
        shot = tmp_path / "qr.png"
        page.screenshot(path=shot)
        found = [r.text for r in zxingcpp.read_barcodes(Image.open(shot))]
        assert found == [SITE_URL + link.url], link.slug
    page.close()


@pytest.mark.browser
def test_short_link_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="ms-MY")
    page = context.new_page()
    page.goto(base_url + "go/reporting/")
    assert page.url == base_url + "go/reporting/"
    page.locator('a[hreflang="ms"]').click()
    page.wait_for_url(base_url + "ms/guides/reporting/")
    context.close()


PARTNER_PAGE = """<!doctype html><html lang="en"><head><title>A partner</title><link rel="icon" href="data:,"></head>
<body><h1>Our partner page</h1><iframe src="{card}" title="Help" width="320" height="360"></iframe></body></html>"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_card_in_a_frame_on_another_origin(browser, base_url, tmp_path, lang):
    from support.static_server import serve
    (tmp_path / "index.html").write_text(PARTNER_PAGE.format(card=base_url + ("ms/" if lang == "ms" else "") + "embed/help/"))
    partner, partner_url = serve(tmp_path)
    try:
        context = browser.new_context(viewport={"width": 360, "height": 640})
        page = context.new_page()
        errors, requests = [], []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
        page.goto(partner_url)
        frame = page.frame_locator("iframe")
        frame.locator("h1").wait_for()
        assert frame.locator("li").count() >= 3
        assert frame.locator("h1").evaluate("h => getComputedStyle(h).fontSize") != "32px"  # its own CSS applied
        allowed = (base_url, partner_url)
        assert [u for u in requests if not u.startswith(allowed)] == []
        assert errors == []
        context.close()
    finally:
        partner.shutdown()
