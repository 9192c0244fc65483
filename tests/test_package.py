"""Unit tests of the package's plain functions: no MkDocs, no browser."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from selamat import markdown_scan as md
from selamat import yamlio
from selamat.alternates import alternates, links, without_material_alternates
from selamat.content import load_site
from selamat.data import Data
from selamat.languages import DEFAULT, LANGUAGES
from selamat.listings import MARKERS, expand
from selamat.parts import frame
from selamat.render_context import Context
from selamat.sitemap import sitemap
from selamat.urls import dest_uri, page_url, relative

from conftest import ROOT


@pytest.mark.parametrize("norm,lang,dirs,url", [
    ("index.md", "en", True, ""),
    ("index.md", "ms", True, "ms/"),
    ("guides/index.md", "ms", True, "ms/guides/"),
    ("guides/x.md", "en", True, "guides/x/"),
    ("guides/x.md", "ms", False, "ms/guides/x.html"),
    ("index.md", "en", False, "index.html"),
])
def test_page_url(norm, lang, dirs, url):
    assert page_url(norm, lang, dirs) == url


@pytest.mark.parametrize("src,dst,rel", [
    ("ms/guides/", "guides/x/", "../../guides/x/"),
    ("", "ms/", "ms/"),
    ("ms/", "", "../"),
    ("guides/x/", "guides/x/", "./"),
    ("ms/guides/x.html", "guides/x.html", "../../guides/x.html"),
])
def test_relative(src, dst, rel):
    assert relative(src, dst) == rel


def test_dest_uri():
    assert dest_uri("statements/x.md", "en") == "statements/x/index.html"
    assert dest_uri("statements/x.md", "ms", False) == "ms/statements/x.html"


def test_headings_ids_explicit_generated_and_unique():
    body = "## Hello world\n\n## Step one {#step-1}\n\n```\n## not a heading\n```\n\n## Hello world\n# Title\n"
    hs = md.headings(body, first_line=10)
    assert [(h.level, h.id, h.explicit, h.line) for h in hs] == [
        (2, "hello-world", False, 10), (2, "step-1", True, 12), (2, "hello-world_1", False, 18), (1, "title", False, 19)]


def test_links_outside_code_with_lines():
    body = "See [a](a.md#x) and `[b](b.md)`.\n\n![pic](img.png \"t\")\n\n[ref]: https://example.org\n"
    assert [(l.target, l.image, l.line) for l in md.links(body)] == [
        ("a.md#x", False, 1), ("img.png", True, 3), ("https://example.org", False, 5)]


def test_yaml_lines_and_no_implicit_dates():
    parsed = yamlio.parse("title: x\nupdated: 2026-11-24\nsources:\n  - title: a\n    url: b\n", first_line=2)
    assert parsed.data["updated"] == "2026-11-24"  # left to the schema
    assert parsed.lines == {"title": 2, "updated": 3, "sources": 4}
    assert parsed.line_of(("sources", 0, "url")) == 6


def test_yaml_problem_points_at_the_opening_quote():
    with pytest.raises(yamlio.YamlProblem) as err:
        yamlio.parse('title: "open\nsummary: x\n', first_line=2)
    assert err.value.line == 2


def write(folder: Path, rel: str, text: str) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tiny(tmp_path):
    """A small site: two statements in both languages, one only in Malay, one only in English."""
    docs = tmp_path / "docs"
    for slug, date, langs in (("a", "2024-12-17", "en ms"), ("b", "2025-02-11", "ms"), ("c", "2025-08-22", "en"), ("d", "2026-01-02", "en ms")):
        for lang in langs.split():
            write(docs, f"statements/{slug}.{lang}.md",
                  f"---\ntitle: {slug.upper()} {lang}\nsummary: S.\ntopics: [law-and-policy]\ndate: {date}\norganisations: [selamat]\n---\n\nText.\n")
    return load_site(docs), Data(ROOT / "data")


def test_statements_newest_first_grouped_by_year_with_language_labels(tiny):
    site, data = tiny
    html = MARKERS["statements-by-year"](Context(site, data, "en", "statements/"))
    assert html.index("year-2026") < html.index("year-2025") < html.index("year-2024")
    assert html.index("D en") < html.index("C en") < html.index("B ms") < html.index("A en")
    assert '<a href="../ms/statements/b/" hreflang="ms" lang="ms">B ms</a>' in html
    assert "In Malay" in html and "In English" not in html
    html_ms = MARKERS["statements-by-year"](Context(site, data, "ms", "ms/statements/"))
    assert "Dalam Bahasa Inggeris" in html_ms and "../../statements/c/" in html_ms


def test_unknown_marker_is_left_for_the_check_to_report(tiny):
    site, data = tiny
    assert expand("<!-- selamat:nope -->", Context(site, data, "en", "")) == "<!-- selamat:nope -->"


def test_frame_of_an_untranslated_page(tiny):
    site, data = tiny
    page = site.by_rel["statements/b.ms.md"]
    html = frame(page, "<p>Teks.</p>", Context(site, data, "en", "statements/b/"))
    assert html.startswith('<div class="admonition info selamat-untranslated" data-search-exclude role="note">')
    assert "not been translated into English" in html and "original in Malay" in html
    assert '<div lang="ms" class="selamat-original"><h1>B ms</h1></div>' in html
    assert "Statement, " in html  # the statement line is in the reader's language


def test_alternates_and_sitemap(tiny):
    site, _ = tiny
    assert alternates(site, "statements/b.md", "https://x.org/") == [
        ("en", "https://x.org/statements/b/"), ("ms", "https://x.org/ms/statements/b/"), ("x-default", "https://x.org/statements/b/")]
    xml = sitemap(site, "https://x.org/")
    assert xml.count("<url>") == 8 and xml.count('hreflang="x-default"') == 8


def test_materials_relative_alternates_are_dropped_and_ours_written():
    head = '  <link rel="alternate" href="../ms/" hreflang="ms">\n<link rel="canonical" href="x">'
    assert without_material_alternates(head) == '<link rel="canonical" href="x">'
    assert links([("en", "https://x.org/")]) == '<link rel="alternate" hreflang="en" href="https://x.org/">\n'


def test_dates_read_naturally_in_both_languages():
    data = Data(ROOT / "data")
    assert data.date(dt.date(2025, 8, 11), "en") == "11 August 2025"
    assert data.date(dt.date(2025, 8, 11), "ms") == "11 Ogos 2025"


def test_every_ui_string_and_message_exists_in_both_languages():
    data = Data(ROOT / "data")
    for table in (data.ui.strings, data.messages):
        for key, value in table.items():
            assert all(value.has(lang) and value(lang).strip() for lang in LANGUAGES), key  # the shipped project lacks none
            assert all(sorted(_placeholders(value(lang))) == sorted(_placeholders(value(DEFAULT))) for lang in LANGUAGES), key


def _placeholders(text: str) -> list[str]:
    import string
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_old_reviews_show_a_notice_but_old_service_checks_cast_no_doubt(tiny):
    from selamat.help_services import service_card
    site, data = tiny
    law_dir = site.docs / "laws"
    law_dir.mkdir()
    (law_dir / "old.en.md").write_text("---\ntitle: Old law\nsummary: S.\ntopics: [law-and-policy]\nreviewed: 2020-01-01\n"
                                       "sources: [{title: T, url: 'https://example.org/'}]\n---\n\nText.\n")
    site = load_site(site.docs)
    ctx = Context(site, data, "ms", "laws/old/", today=dt.date(2026, 11, 24))
    assert data.t("legal.stale", "ms") in frame(site.by_rel["laws/old.en.md"], "", ctx)
    service = next(s for s in data.help_services if (ctx.today - s.verified).days > 365)
    old_card = service_card(service, ctx)
    fresh = service.model_copy(update={"verified": dt.date(2026, 11, 1)})
    # the only difference an old date makes on the page is the date itself
    assert old_card.replace(service.verified.isoformat(), "D").replace(ctx.date(service.verified), "D") == \
        service_card(fresh, ctx).replace("2026-11-01", "D").replace(ctx.date(dt.date(2026, 11, 1)), "D")
