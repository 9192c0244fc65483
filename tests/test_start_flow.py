"""The "What is happening?" start flow, the home page around the next action, and one-tap contact: the
flow's checks (one failing fixture per mistake), and in Chromium at 360 px, in both languages and with
JavaScript off, the right guide in three taps or fewer, large tap targets and the exit on every step."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from selamat import flow
from selamat.content import load_site
from selamat.data import Data
from selamat.languages import LANGUAGES
from selamat.urls import page_url

from conftest import ROOT

DATA = Data(ROOT / "data")
STEP = "---\ntitle: {title}\nsummary: S.\n{extra}---\n\nText.\n"


def write_flow(docs: Path, pages: dict[str, str], langs=LANGUAGES) -> None:
    """pages: slug -> front matter lines for `options:` or an end; every page in every language."""
    for slug, extra in pages.items():
        for lang in langs:
            path = docs / "start" / f"{slug}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(STEP.format(title=f"{slug} {lang}", extra=extra), encoding="utf-8")
    guide = docs / "guides"
    guide.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        (guide / f"g.{lang}.md").write_text("---\ntitle: G\nsummary: S.\ntopics: [harassment]\nupdated: 2026-12-01\n---\n\nText.\n")


def options(*targets: str) -> str:
    return "options:\n" + "".join(f"  - label: Go to {t}\n    to: start/{t}.md\n" for t in targets)


END = "guides: [guides/g.md]\nservices: [talian-kasih]\n"


def codes(tmp_path, pages, langs=LANGUAGES) -> list[tuple[str, str, bool]]:
    write_flow(tmp_path / "docs", pages, langs)
    site = load_site(tmp_path / "docs")
    found = list(flow.problems(site, DATA))
    for p in found:
        assert "{" not in p.render(DATA, "ms") and p.render(DATA).startswith(p.file)
    return [(p.code, p.file, p.warning) for p in found]


def test_a_good_flow_passes(tmp_path):
    assert codes(tmp_path, {"index": options("a", "b"), "a": options("c"), "b": END, "c": END}) == []


def test_a_dead_end_is_refused(tmp_path):
    found = codes(tmp_path, {"index": options("a"), "a": ""})
    assert ("flow_dead_end", "docs/start/a.en.md", False) in found


def test_a_loop_is_refused(tmp_path):
    found = codes(tmp_path, {"index": options("a"), "a": options("b"), "b": options("a")})
    assert [c for c, _, _ in found].count("flow_loop") == 1


def test_a_step_missing_in_one_language_is_refused(tmp_path):
    write_flow(tmp_path / "docs", {"index": options("a"), "a": END})
    (tmp_path / "docs/start/a.ms.md").unlink()
    found = [(p.code, p.params.get("expected")) for p in flow.problems(load_site(tmp_path / "docs"), DATA)]
    assert ("flow_missing_language", "docs/start/a.ms.md") in found


def test_options_that_differ_between_languages_are_refused(tmp_path):
    write_flow(tmp_path / "docs", {"index": options("a", "b"), "a": END, "b": END})
    (tmp_path / "docs/start/index.ms.md").write_text(STEP.format(title="i", extra=options("b", "a")))
    found = [p for p in flow.problems(load_site(tmp_path / "docs"), DATA) if p.code == "flow_options_differ"]
    assert found and found[0].file == "docs/start/index.ms.md" and found[0].line == 4


def test_a_link_to_a_missing_page_names_the_line(tmp_path):
    write_flow(tmp_path / "docs", {"index": options("a", "nowhere"), "a": END})
    site = load_site(tmp_path / "docs")
    found = [p for p in flow.problems(site, DATA) if p.code == "flow_no_page"]
    assert {(p.file, p.line) for p in found} == {("docs/start/index.en.md", 8), ("docs/start/index.ms.md", 8)}
    assert "`start/nowhere.md` is not a page" in found[0].render(DATA)


def test_a_path_longer_than_four_questions_is_refused(tmp_path):
    found = codes(tmp_path, {"index": options("a"), "a": options("b"), "b": options("c"), "c": options("d"),
                             "d": options("e"), "e": END})
    assert [c for c, _, _ in found] == ["flow_too_long"]
    assert codes(tmp_path / "ok", {"index": options("a"), "a": options("b"), "b": options("c"), "c": END}) == []


def test_an_unreachable_step_is_a_warning(tmp_path):
    assert ("flow_unreachable", "docs/start/lost.en.md", True) in codes(tmp_path, {"index": options("a"), "a": END, "lost": END})


def test_unknown_services_and_guides_are_refused(tmp_path):
    found = codes(tmp_path, {"index": options("a"), "a": "guides: [guides/nope.md]\nservices: [talian-kasi]\n"})
    assert {c for c, _, _ in found} == {"flow_no_page", "help_ref_unknown"}


def test_the_sites_flow_passes_and_starts_with_danger_and_not_sure(site):
    assert [p.render(DATA) for p in flow.problems(site, DATA)] == []
    for lang in LANGUAGES:
        first = site.by_norm[flow.START][lang]
        targets = [o.to for o in first.meta.options]
        assert targets[0] == "start/danger.md" and "start/not-sure.md" in targets
        assert "start/someone-else.md" in targets and "start/under-18.md" in targets
        assert 4 <= sum(o.home for o in first.meta.options) <= 6
    under_18 = site.by_norm["start/under-18.md"]["en"].meta
    assert {"talian-kasih", "take-it-down", "iwf-childline-my"} <= set(under_18.services)


def test_every_whatsapp_link_carries_a_neutral_message(data):
    from selamat.help_services import whatsapp_link
    with_whatsapp = [s for s in data.help_services if s.whatsapp]
    assert with_whatsapp
    for service in with_whatsapp:
        for lang in LANGUAGES:
            query = parse_qs(urlsplit(whatsapp_link(service, lang)).query)
            message = query["text"][0]
            assert message == service.whatsapp_message(lang)
            assert not re.search(r"abuse|violence|penderaan|keganasan|help me|tolong|report|lapor", message, re.I)


# ---- in the browser, JavaScript off ----

SITUATIONS = {  # the guide each situation must reach, and the answer that leads there
    "sextortion": ("guides/sextortion.md", "start/threats.md"),
    "intimate images shared": ("guides/intimate-images.md", "start/images-shared.md"),
    "deepfake": ("guides/deepfakes.md", "start/fake-images.md"),
    "stalking or tracking": ("guides/cyberstalking.md", "start/stalking.md"),
    "doxxing": ("guides/doxxing.md", "start/personal-details.md"),
    "harassment campaign": ("guides/harassment.md", "start/harassment.md"),
    "helping a friend": ("guides/supporting-a-friend.md", "start/someone-else.md"),
    "under 18": ("guides/sextortion.md", "start/under-18.md"),
}


def tap(page, selector: str, path: str) -> None:
    """Tap the first link matching `selector` that leads to `path` (however the page writes the href)."""
    from urllib.parse import urljoin
    page.wait_for_load_state("load")  # the page a previous tap opened, whole
    links = page.locator(selector)
    hrefs = [urljoin(page.url, links.nth(i).get_attribute("href")) for i in range(links.count())]
    found = [i for i, href in enumerate(hrefs) if urlsplit(href).path.rstrip("/").endswith(path.rstrip("/"))]
    assert found, f"no link to {path} on {page.url}: {hrefs}"
    links.nth(found[0]).click()


def links_to(page, selector: str, path: str) -> bool:
    from urllib.parse import urljoin
    page.wait_for_load_state("load")
    links = page.locator(selector)
    return any(urlsplit(urljoin(page.url, links.nth(i).get_attribute("href"))).path.rstrip("/").endswith(path.rstrip("/"))
               for i in range(links.count()))


@pytest.fixture
def no_script(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("situation", list(SITUATIONS))
def test_the_right_guide_in_three_taps_without_javascript(no_script, base_url, situation, lang):
    guide, answer = SITUATIONS[situation]
    page = no_script
    page.goto(base_url + page_url("index.md", lang))
    taps = 0
    if not links_to(page, "article a.selamat-option", answer[:-3]):
        page.locator("article a.selamat-start").click()  # into the flow
        taps += 1
    tap(page, "article a.selamat-option", answer[:-3])
    taps += 1
    tap(page, "article a.selamat-option", guide[:-3])
    taps += 1
    page.wait_for_load_state("load")
    assert taps <= 3 and page.url.split("#")[0] == base_url + page_url(guide, lang)
    assert page.locator("#selamat-exit").is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_first_screen_shows_exit_emergency_start_and_situations(no_script, base_url, lang):
    page = no_script
    page.goto(base_url + page_url("index.md", lang))
    for selector in ("#selamat-exit", ".selamat-emergency__call", "a.selamat-start", "article a.selamat-option"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["y"] + box["height"] <= 740, selector
    assert page.locator(".selamat-emergency__call").get_attribute("href") == "tel:999"
    assert page.locator("article h1").inner_text().strip() != "Selamat"  # the site name is in the header already


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_call_and_whatsapp_links_are_large_enough_to_tap(no_script, base_url, site, lang):
    page = no_script
    norms = ["index.md", "help/index.md", "guides/sextortion.md", "start/danger.md", "start/under-18.md"]
    seen = 0
    for norm in norms:
        page.goto(base_url + page_url(norm, lang))
        for link in page.locator('article a[href^="tel:"], article a[href^="https://wa.me/"], article a[href^="sms:"]').all():
            if not link.is_visible():
                continue
            box = link.bounding_box()
            seen += 1
            assert box["width"] >= 44 and box["height"] >= 44, (norm, link.inner_text(), box)
            assert link.evaluate("e => e.getClientRects().length") == 1, (norm, link.inner_text())  # never broken over lines
    assert seen >= 10


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_shows_its_first_step_on_the_first_screen(no_script, base_url, site, lang):
    """At 360 x 740, the first item of a guide's first section (what you can do now) ends on the first screen."""
    page = no_script
    late = {}
    for versions in site.of_kind("guide"):
        guide = versions.get(lang) or versions["en"]
        page.goto(base_url + page_url(guide.norm, lang))
        first = page.locator("article h2").first
        step = first.locator("xpath=following-sibling::*[self::ol or self::ul or self::p][1]")
        item = step.locator("li").first if step.locator("li").count() else step
        box = item.bounding_box()
        if not box or box["y"] + box["height"] > 740:
            late[guide.norm] = box
    assert not late, late


AXE = Axe()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_flow_page_has_the_exit_and_passes_axe(page, base_url, site, lang):
    failures = {}
    for norm in sorted(flow.steps(site)):
        page.goto(base_url + page_url(norm, lang))
        assert page.locator("#selamat-exit").is_visible(), norm
        results = AXE.run(page)
        if results.violations_count:
            failures[norm] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert not failures, failures


def test_questions_stay_out_of_search_and_ends_are_in(built):
    from selamat.search_index import read_script
    for lang, prefix in (("en", ""), ("ms", "ms/")):
        locations = {read_script(p)["l"] for p in (built / prefix / "search/d").glob("*.js")}
        assert not any(loc.startswith(f"{prefix}start/") and loc.rstrip("/").endswith("start") for loc in locations)
        assert any(loc.startswith(f"{prefix}start/danger") for loc in locations), sorted(locations)[:5]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_wide_screens_keep_the_menu_and_contents_in_the_side_bars(browser, base_url, lang):
    """The layout work for phones (content-visibility on the drawer) leaves the desktop side bars drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url + page_url("guides/reporting.md", lang))
    for selector in (".md-sidebar--primary .md-nav__link", ".md-sidebar--secondary .md-nav__link"):
        # a link is drawn where it is laid out: a tap there reaches it (content skipped by the browser would not)
        reached = page.evaluate("""sel => [...document.querySelectorAll(sel)].slice(0, 5).map(a => {
            const r = a.getBoundingClientRect(); const hit = document.elementFromPoint(r.x + 4, r.y + r.height / 2);
            return r.height > 0 && !!hit && hit.closest(".md-nav__link") === a; })""", selector)
        assert len(reached) == 5 and all(reached), (selector, reached)
    context.close()
