"""Facts that change in one place: help services cited by id, phone numbers typed in pages, the dated record
of legal changes (law pages, home page, feeds, catalogue), corrections on statements and `selamat review`."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from selamat import help_refs, review
from selamat.check import check_page
from selamat.content import load_site
from selamat.data import Data
from selamat.languages import LANGUAGES, prefix
from selamat.parts import frame
from selamat.render_context import Context
from selamat.urls import page_url

from conftest import ROOT

REF = re.compile(r"\[\[(help|tel):([a-z0-9-]+)\]\]")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def built_page(built: Path, norm: str, lang: str) -> Path:
    return built / page_url(norm, lang) / "index.html"


def write(docs: Path, rel: str, text: str) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---- citing help services ----

@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_citation_shows_name_tap_to_call_number_and_hours_in_the_pages_language(site, data, lang):
    ctx = Context(site, data, lang, "guides/x/")
    kasih = data.help_service["talian-kasih"]
    html = help_refs.expand("Call [[help:talian-kasih]] now, or [[tel:emergency-999]].", ctx)
    cite = BeautifulSoup(html, "html.parser")
    assert cite.find("strong").get_text() == kasih.name(lang)
    assert cite.find("a", href="tel:15999").get_text() == "15999"
    assert cite.find("a", href=re.compile(r"^https://wa.me/60192615999\?text="))
    assert kasih.hours(lang) in cite.get_text()
    assert cite.find("a", href="tel:999").get_text() == "999"
    assert "[[" not in html


def test_a_service_without_a_phone_links_its_name_and_markdown_marks_stay_text(site, data):
    ctx = Context(site, data, "ms", "ms/guides/x/")
    html = help_refs.cite(data.help_service["iwf-childline-my"], ctx)
    assert 'href="https://report.iwf.org.uk/my"' in html and data.help_service["iwf-childline-my"].name("ms") in html
    name = data.help_service["wao"].name
    odd = data.help_service["wao"].model_copy(update={"name": type(name)({**name.root, "ms": "A *b* _c_ <i>"})})
    html = help_refs.cite(odd, ctx)
    assert "<i>" not in html and "&lt;i&gt;" in html and "*" not in html and "_" not in html


def test_every_page_cites_services_that_exist_and_types_no_number(site, data):
    """The site's own pages: every [[...]] is known, and no phone number is typed in prose."""
    cited = 0
    for page in site.pages:
        problems = [p for p in check_page(page, site, data) if p.code.startswith(("help_ref", "phone_"))]
        assert not problems, [p.render(data) for p in problems]
        cited += len(help_refs.refs(page.body))
    assert cited >= 40


@pytest.mark.parametrize("ui", LANGUAGES)
def test_check_reports_unknown_ids_and_typed_numbers_with_file_and_line(tmp_path, data, ui):
    docs = tmp_path / "docs"
    write(docs, "guides/x.en.md", "---\ntitle: X\nsummary: S.\ntopics: [harassment]\nupdated: 2026-12-01\n---\n\n"
          "Call [[help:talian-kasi]] today.\n\n"            # line 8: a typo in the id
          "Or [[tel:stopncii]].\n\n"                          # line 10: no phone number
          "Call Talian Kasih on 15990 if you can.\n\n"        # line 12: one digit off
          "Ring 03-1234 5678 for advice.\n\n"                 # line 14: not ours
          "In an emergency, call 999.\n\n"                    # line 16: ours, typed
          "See section 233 of the Act, and the 2025 report, and [a link](https://example.org/15999).\n")
    site = load_site(docs)
    problems = check_page(site.pages[0], site, data)
    said = {(p.line, p.code, p.warning): p.render(data, ui) for p in problems}
    assert set(said) == {(8, "help_ref_unknown", False), (10, "help_ref_no_phone", False), (12, "phone_differs", False),
                         (14, "phone_unknown", False), (16, "phone_typed", True)}
    assert "docs/guides/x.en.md:8:" in said[(8, "help_ref_unknown", False)] and "`talian-kasih`" in said[(8, "help_ref_unknown", False)]
    assert "15999" in said[(12, "phone_differs", False)] and "[[help:talian-kasih]]" in said[(12, "phone_differs", False)]
    assert "[[tel:emergency-999]]" in said[(16, "phone_typed", True)]
    if ui == "ms":
        assert "bukan" in said[(14, "phone_unknown", False)] or "tiada" in said[(14, "phone_unknown", False)]


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The project in a temporary folder (a git clone, so translation tracking works), with the working
    tree's content on top."""
    out = tmp_path_factory.mktemp("copy")
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), "repo"], cwd=out, check=True)
    clone = out / "repo"
    for name in ("docs", "data", "overrides", "src"):
        shutil.rmtree(clone / name, ignore_errors=True)
        shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "mkdocs.yml", clone / "mkdocs.yml")
    return clone


def test_changing_a_services_hours_in_the_data_changes_every_page_that_cites_it(copy, tmp_path):
    services = copy / "data/help-services.yml"
    text = services.read_text(encoding="utf-8")
    block = text.index("  - id: talian-heal")
    hours = text.index("    hours:\n", block)
    end = text.index("    languages:", hours)
    services.write_text(text[:hours] + '    hours:\n      en: "9 am to 5 pm (test)"\n      ms: "9 pagi hingga 5 petang (ujian)"\n'
                        + text[end:], encoding="utf-8")
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=copy,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    site = load_site(copy / "docs")
    citing = [p for p in site.pages if "[[help:talian-heal]]" in p.body]
    assert citing, "no page cites Talian HEAL with its hours"
    for page in citing:
        html = built_page(out, page.norm, page.lang).read_text(encoding="utf-8")
        assert {"en": "9 am to 5 pm (test)", "ms": "9 pagi hingga 5 petang (ujian)"}[page.lang] in html, page.rel
        assert "8 am to midnight" not in html and "8 pagi hingga 12 tengah malam" not in html, page.rel
    help_page = built_page(out, "help/index.md", "ms").read_text(encoding="utf-8")
    assert "9 pagi hingga 5 petang (ujian)" in help_page


# ---- the help page and the help box ----

@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_page_casts_no_doubt_and_shows_a_quiet_last_checked_date(built, data, lang):
    page = soup(built_page(built, "help/index.md", lang))
    old = [s for s in data.help_services if (dt.date.today() - s.verified).days > 365]
    assert old, "the test needs a service checked over a year ago"
    for service in data.help_services:
        card = page.find(id=f"service-{service.id}").find_parent("section")
        checked = card.find(class_="selamat-service__checked")
        assert checked.find("time")["datetime"] == service.verified.isoformat()
        assert not card.find("strong", string=re.compile("year|tahun"))
    assert "more than a year ago" not in page.get_text() and "lebih setahun" not in page.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_box_offers_take_it_down_beside_stopncii_with_ages(built, data, lang):
    box = soup(built_page(built, "guides/intimate-images.md", lang)).find(class_="selamat-help-box")
    items = {li.find("strong").get_text(): li for li in box.find_all("li")}
    stop, down = items["StopNCII.org"], items["Take It Down (NCMEC)"]
    assert data.t("help.ages.adults", lang) in stop.get_text()
    assert data.t("help.ages.under-18", lang) in down.get_text()


# ---- legal changes ----

@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_law_page_lists_its_changes_newest_first(built, site, data, lang):
    by_law: dict[str, list] = {}
    for change in data.legal_changes:
        by_law.setdefault(change.law, []).append(change)
    assert len(by_law) >= 4
    for law, changes in by_law.items():
        page = soup(built_page(built, law, lang))
        listed = page.find(id="legal-changes").find_next_sibling("ul")
        dates = [li.find("time")["datetime"] for li in listed.find_all("li")]
        assert dates == [c.date.isoformat() for c in changes] == sorted(dates, reverse=True), law
        assert changes[0].what(lang) in listed.get_text()
    home = soup(built_page(built, "index.md", lang)).find(id="changes-to-the-law").find_next("ul")
    first = home.find("a")
    newest = data.legal_changes[0]
    assert first["href"].endswith(f"#change-{newest.date.isoformat()}") and newest.what(lang) in home.get_text()


def test_seed_changes_cover_the_real_changes_in_the_facts(data):
    seen = {(c.date.isoformat(), c.law) for c in data.legal_changes}
    for day, law in (("2025-02-11", "laws/cma-section-233.md"), ("2026-02-06", "laws/cma-section-233.md"),
                     ("2025-07-11", "laws/penal-code-stalking-bullying-doxxing.md"),
                     ("2026-01-01", "laws/online-safety-act-2025.md"),
                     ("2026-06-30", "laws/sexual-offences-against-children-act-2017.md"),
                     ("2023-01-01", "laws/sexual-offences-against-children-act-2017.md")):
        assert (day, law) in seen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_legal_changes_feed_and_catalogue(built, data, lang):
    base = built / prefix(lang) / "feeds"
    parsed = feedparser.parse((base / "legal-changes.xml").read_bytes())
    assert not parsed.bozo and parsed.feed.language == lang
    assert [e.summary for e in parsed.entries] == [c.what(lang) for c in data.legal_changes]
    feed = json.loads((base / "legal-changes.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["url"].endswith(f"#change-{data.legal_changes[0].date.isoformat()}")
    catalogue = json.loads((built / "api/v1/resources.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, json.loads((built / "api/v1/resources.schema.json").read_text(encoding="utf-8")))
    assert [c["date"] for c in catalogue["legal_changes"]] == [c.date.isoformat() for c in data.legal_changes]
    assert catalogue["legal_changes"][0]["what"][lang] == data.legal_changes[0].what(lang)


def test_a_new_court_decision_is_one_entry_and_shows_on_its_law_page(copy, tmp_path):
    changes = copy / "data/legal-changes.yml"
    changes.write_text(changes.read_text(encoding="utf-8") + """
- date: 2026-11-30
  law: laws/penal-code-509.md
  what:
    en: A test ruling on section 509.
    ms: Keputusan ujian tentang seksyen 509.
  source:
    title: Test source
    url: https://example.org/ruling
""", encoding="utf-8")
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=copy,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    for lang, words in (("en", "A test ruling on section 509."), ("ms", "Keputusan ujian tentang seksyen 509.")):
        law = soup(built_page(out, "laws/penal-code-509.md", lang))
        assert words in law.find(id="change-2026-11-30").get_text()
        assert words in (out / prefix(lang) / "feeds/legal-changes.xml").read_text(encoding="utf-8")
    changes.write_text(changes.read_text(encoding="utf-8").replace("laws/penal-code-509.md", "laws/penal-code-590.md")
                       .replace("2026-11-30", "2099-01-01"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "selamat", "check", "--lang", "ms"], cwd=copy, capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = [l for l in done.stdout.splitlines() if l.startswith("data/legal-changes.yml:")]
    assert any("`laws/penal-code-590.md` bukan halaman undang-undang" in l and "laws/penal-code-509.md" in l for l in lines), lines
    assert any("2099-01-01 belum tiba" in l for l in lines), lines


def test_a_legal_change_without_a_source_is_refused_plainly(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    path = folder / "legal-changes.yml"
    path.write_text(re.sub(r"(?s)  source:\n    title: The Star, 30 Jun 2026\n    url: https://www.thestar.com.my/\n", "",
                           path.read_text(encoding="utf-8")), encoding="utf-8")
    from selamat.check import check_data
    problems = [p for p in check_data(Data(folder)) if p.file == "data/legal-changes.yml"]
    assert problems and problems[0].line and "source" in problems[0].field
    assert "This field is missing" in problems[0].render(Data(folder))


# ---- corrections ----

def corrected(tmp_path, note_date: str = "2026-03-01") -> tuple:
    docs = tmp_path / "docs"
    for lang, note in (("en", "The regulations have since been made."), ("ms", "Peraturan itu telah pun dibuat.")):
        write(docs, f"statements/s.{lang}.md", f"---\ntitle: S {lang}\nsummary: The summary.\ntopics: [law-and-policy]\n"
              f"date: 2026-01-02\norganisations: [selamat]\ncorrections:\n  - date: {note_date}\n    note: {note}\n---\n\nText.\n")
    return load_site(docs), Data(ROOT / "data")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_correction_is_shown_at_the_top_in_the_readers_language(tmp_path, lang):
    site, data = corrected(tmp_path)
    page = site.by_rel[f"statements/s.{lang}.md"]
    html = BeautifulSoup(frame(page, "<p>Text.</p>", Context(site, data, lang, page_url(page.norm, lang))), "html.parser")
    box = html.find(id="correction")
    assert box.find(class_="admonition-title").get_text() == data.t("correction.title", lang)
    assert page.meta.corrections[0].note in box.get_text()
    assert box.find("time")["datetime"] == "2026-03-01"
    assert html.find(string="Text.").find_parent().sourcepos > box.sourcepos  # above the text


def test_a_corrected_statement_comes_back_in_its_feeds(tmp_path):
    from selamat import feeds
    site, data = corrected(tmp_path)
    pages = feeds.entries(site, "ms", ("statement",))
    item = feeds.page_items(pages, data, "https://x.org/", "ms")[0]
    assert item.summary.startswith("Pembetulan (1 Mac 2026): Peraturan itu telah pun dibuat.")
    assert item.modified == dt.date(2026, 3, 1)
    rss = feedparser.parse(feeds.rss([item], "T", "D", "https://x.org/", "https://x.org/f.xml", "ms"))
    assert "01 Mar 2026" in rss.entries[0].published
    assert '"date_modified": "2026-03-01T00:00:00+08:00"' in feeds.json_feed([item], "T", "D", "h", "f", "ms")


def test_check_refuses_a_correction_dated_before_its_statement(tmp_path):
    site, data = corrected(tmp_path, note_date="2025-12-01")
    problems = check_page(site.by_rel["statements/s.en.md"], site, data)
    assert [p.code for p in problems] == ["correction_before"]
    assert "before the statement itself (2026-01-02)" in problems[0].render(data)
    assert "sebelum kenyataan itu sendiri" in problems[0].render(data, "ms")


def test_the_onsa_statements_carry_a_dated_correction(site):
    found = [p for p in site.pages if p.kind == "statement" and re.search(r"online-safety", p.slug)]
    assert found and all(getattr(p.meta, "corrections", None) for p in found), [p.rel for p in found]


# ---- selamat review ----

def test_review_lists_oldest_first_and_pages_behind_the_law(site, data, tmp_path):
    found = review.collect(site, data)
    for section in ("laws", "services"):
        dates = [i.date for i in found[section]]
        assert dates == sorted(dates) and dates
    assert all(i.links for i in found["laws"])
    # a change newer than every review puts that law page (both languages) and the guides linking to it behind
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    with (folder / "legal-changes.yml").open("a", encoding="utf-8") as f:
        f.write("\n- date: 2099-12-02\n  law: laws/cma-section-233.md\n  what: {en: A test change., ms: Perubahan ujian.}\n"
                "  source: {title: T, url: 'https://example.org/'}\n")
    behind = review.collect(site, Data(folder))["behind"]
    files = {i.file for i in behind}
    assert {"docs/laws/cma-section-233.en.md", "docs/laws/cma-section-233.ms.md"} <= files
    assert any(f.startswith("docs/guides/") for f in files)
    ms = next(i for i in behind if i.file.endswith(".ms.md"))
    assert ms.change["what"] == "Perubahan ujian."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_review_command_prints_text_and_json_and_changes_nothing(lang):
    before = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    text = subprocess.run([sys.executable, "-m", "selamat", "review", "--lang", lang], cwd=ROOT, capture_output=True, text=True)
    assert text.returncode == 0 and {"en": "Content review", "ms": "Semakan kandungan"}[lang] in text.stdout
    out = subprocess.run([sys.executable, "-m", "selamat", "review", "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    found = json.loads(out.stdout)
    assert set(found) == {"laws", "platforms", "services", "behind"} and found["services"][0]["links"]
    after = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    assert before == after


def test_review_workflow_is_monthly_and_never_blocks_publishing():
    flow = yaml.safe_load((ROOT / ".github/workflows/content-review.yml").read_text())
    assert set(flow.get(True) or flow["on"]) == {"schedule", "workflow_dispatch"}
    assert (flow.get(True) or flow["on"])["schedule"][0]["cron"].split()[2:4] == ["1", "*"]
    runs = " ".join(s.get("run", "") for s in flow["jobs"]["review"]["steps"])
    assert "make review" in runs and "gh issue edit" in runs and "gh issue create" in runs
    assert flow["permissions"] == {"contents": "read", "issues": "write"}
