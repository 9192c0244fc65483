"""Survivor safety in a real Chromium, on every page type in both languages: the quick exit (button,
tap, Shift x3, skip link, no JavaScript, back button), no requests to other hosts, nothing stored on
the device, no Content-Security-Policy violation; and the built HTML's policies."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from selamat.languages import LANGUAGES
from selamat import own_scripts
from selamat.security import script_hash
from selamat.urls import page_url
from support.search_box import SEARCH_BUTTON, search

from conftest import PHONE
from test_browser import page_types

pytestmark = pytest.mark.browser

DESTINATION = "https://www.met.gov.my/"
CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def tab(browser, data):
    """A phone-sized tab that records every request, with the exit destination answered locally."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.route(DESTINATION + "**", lambda route: route.fulfill(body="<title>Weather</title><p>Cuaca</p>", content_type="text/html"))
    context.add_init_script(CSP_PROBE)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def storage(page) -> dict:
    return page.evaluate("() => ({cookie: document.cookie, local: localStorage.length, session: sessionStorage.length})")


def foreign_requests(page, base_url) -> list[str]:
    own = urlsplit(base_url).netloc
    return [u for u in page.requests if not u.startswith("data:") and urlsplit(u).netloc != own and not u.startswith(DESTINATION)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_third_party_requests_no_storage_no_csp_violation(tab, base_url, site, lang):
    for name, norm in page_types(site).items():
        tab.goto(base_url + page_url(norm, lang))
        tab.wait_for_load_state("networkidle")
        assert storage(tab) == {"cookie": "", "local": 0, "session": 0}, name
        assert tab.evaluate("window.__cspViolations") == [], name
    search(tab, "polis" if lang == "ms" else "police")
    tab.locator(".md-search-result__list li a").first.click()
    tab.wait_for_load_state("networkidle")
    # every other control: the menu, the language list, a heading's link, one Shift press
    tab.locator('label.md-header__button[for="__drawer"]').click()
    tab.keyboard.press("Escape")
    tab.goto(base_url + page_url("guides/reporting.md", lang))
    tab.locator(".md-header .md-select button").click()
    tab.locator("a.headerlink").first.click(force=True)
    tab.keyboard.press("Shift")
    assert storage(tab) == {"cookie": "", "local": 0, "session": 0}
    assert tab.context.cookies() == []
    assert tab.evaluate("window.__cspViolations") == []
    assert foreign_requests(tab, base_url) == []


def open_after_home(tab, base_url, lang, norm="guides/sextortion.md"):
    home = base_url + page_url("index.md", lang)
    tab.goto(home)
    tab.goto(base_url + page_url(norm, lang))
    return home


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shift_three_times_exits_and_back_skips_the_page(tab, base_url, data, lang):
    home = open_after_home(tab, base_url, lang)
    tab.keyboard.press("Shift")
    assert tab.locator(".selamat-exit__indicators > .is-on").count() == 1
    assert tab.locator(".selamat-exit__status").inner_text() == data.t("exit.presses.2", lang)
    tab.keyboard.press("Shift")
    assert tab.locator(".selamat-exit__status").inner_text() == data.t("exit.presses.1", lang)
    with tab.expect_navigation(url=DESTINATION):
        tab.keyboard.press("Shift")
    tab.go_back()
    assert tab.url == home
    assert foreign_requests(tab, base_url) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_tap_exits_in_the_same_tab_and_back_skips_the_page(tab, base_url, lang):
    home = open_after_home(tab, base_url, lang)
    with tab.expect_navigation(url=DESTINATION):
        tab.locator("#selamat-exit").tap()
    assert len(tab.context.pages) == 1
    tab.go_back()
    assert tab.url == home


@pytest.mark.parametrize("lang", LANGUAGES)
def test_both_ways_out_work_on_every_page_type(tab, base_url, site, lang):
    for name, norm in page_types(site).items():
        if norm == "index.md":
            continue
        for how in ("tap", "shift"):
            home = open_after_home(tab, base_url, lang, norm)
            with tab.expect_navigation(url=DESTINATION):
                if how == "tap":
                    tab.locator("#selamat-exit").tap()
                else:
                    for _ in range(3):
                        tab.keyboard.press("Shift")
            tab.go_back()
            assert tab.url == home, (name, how)


def test_the_cover_shows_at_once_and_is_announced(tab, base_url, data):
    tab.goto(base_url + page_url("guides/sextortion.md", "ms"))
    # read the page in the same task as the click, before the navigation it starts takes over
    with tab.expect_navigation(url=DESTINATION):
        covered, said = tab.evaluate("""() => {
            document.querySelector('#selamat-exit').click();
            const cover = document.querySelector('.selamat-exit__cover');
            return [!cover.hidden && getComputedStyle(cover).display !== 'none',
                    document.querySelector('.selamat-exit__status').textContent];
        }""")
    assert covered
    assert said == data.t("exit.announce", "ms")


def test_shift_as_a_modifier_or_another_key_does_not_count(tab, base_url):
    tab.goto(base_url + page_url("guides/sextortion.md", "en"))
    for _ in range(3):
        tab.keyboard.press("Shift+A")
    assert tab.locator(".selamat-exit__indicators > .is-on").count() == 0
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.keyboard.press("a")
    tab.keyboard.press("Shift")
    assert tab.locator(".selamat-exit__indicators > .is-on").count() == 1
    tab.keyboard.press("Escape")  # Escape is not an exit key
    assert tab.url.startswith(base_url)


# --- only Shift pressed on a physical keyboard counts (GOV.UK Frontend issue #4095) -------------------

FIELD = "input.md-search__input"
DOTS = ".selamat-exit__indicators > .is-on"


@pytest.fixture
def desk(browser):
    """A tab with a mouse and no touch screen (a fine pointer): a laptop, at a phone's width."""
    context = browser.new_context(viewport=PHONE)
    context.route(DESTINATION + "**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page = context.new_page()
    yield page
    context.close()


def in_a_field(tab, base_url, lang):
    """A guide, with the reader typing in the search field."""
    tab.goto(base_url + page_url("guides/sextortion.md", lang))
    tab.locator(SEARCH_BUTTON).click()
    tab.locator(FIELD).focus()
    assert tab.evaluate("document.activeElement.matches('input.md-search__input')")


def shift_events(tab, key_code=16, presses=1):
    """Shift pressed as the browser reports it from a key event it is given (trusted, like a real key),
    with the key code the platform reports: 229 is what input methods and soft keyboards give."""
    cdp = tab.context.new_cdp_session(tab)
    for _ in range(presses):
        for kind in ("rawKeyDown", "keyUp"):
            cdp.send("Input.dispatchKeyEvent", {"type": kind, "key": "Shift", "code": "ShiftLeft",
                                                "windowsVirtualKeyCode": key_code, "location": 1})
    cdp.detach()


def stays(tab, base_url, count):
    """The page is still there (no exit), with `count` Shift presses counted."""
    tab.wait_for_timeout(150)  # the exit starts at once; give it a moment to show
    assert tab.url.startswith(base_url)
    assert tab.locator(DOTS).count() == count


@pytest.mark.parametrize("lang", LANGUAGES)
def test_three_presses_on_a_physical_keyboard_exit_even_from_a_field(desk, base_url, lang):
    in_a_field(desk, base_url, lang)
    desk.keyboard.type("polis")
    with desk.expect_navigation(url=DESTINATION):
        for _ in range(3):
            desk.keyboard.press("Shift")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_events_given_like_a_keyboards_count(desk, base_url, lang):
    """The control for the tests below: the same trusted events, with a keyboard's key code, exit."""
    desk.goto(base_url + page_url("guides/sextortion.md", lang))
    shift_events(desk, presses=2)
    assert desk.locator(DOTS).count() == 2
    with desk.expect_navigation(url=DESTINATION):
        shift_events(desk)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typing_between_shift_presses_starts_the_count_again(desk, base_url, lang):
    """Predictive text and soft keyboards send Shift with their text, as input events: none exits."""
    in_a_field(desk, base_url, lang)
    for _ in range(2):
        desk.keyboard.press("Shift")
        assert desk.locator(DOTS).count() == 1
        desk.keyboard.insert_text("Polis")  # beforeinput and input, and no key events
        assert desk.locator(DOTS).count() == 0
    desk.keyboard.press("Shift")
    stays(desk, base_url, 1)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("event", ["input", "beforeinput", "compositionstart"])
def test_each_typing_event_starts_the_count_again(desk, base_url, lang, event):
    desk.goto(base_url + page_url("guides/sextortion.md", lang))
    desk.keyboard.press("Shift")
    desk.keyboard.press("Shift")
    assert desk.locator(DOTS).count() == 2
    desk.evaluate("""type => document.body.dispatchEvent(type === 'compositionstart'
        ? new CompositionEvent(type, {bubbles: true}) : new InputEvent(type, {bubbles: true}))""", event)
    assert desk.locator(DOTS).count() == 0
    desk.keyboard.press("Shift")
    stays(desk, base_url, 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_composition_starting_between_presses_starts_the_count_again(desk, base_url, lang):
    in_a_field(desk, base_url, lang)
    cdp = desk.context.new_cdp_session(desk)
    for _ in range(2):
        desk.keyboard.press("Shift")
        assert desk.locator(DOTS).count() == 1
        cdp.send("Input.imeSetComposition", {"text": "a", "selectionStart": 1, "selectionEnd": 1})
        assert desk.locator(DOTS).count() == 0
        cdp.send("Input.insertText", {"text": "a"})  # the input method commits the text
    desk.keyboard.press("Shift")
    stays(desk, base_url, 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shift_from_an_input_method_does_not_count(desk, base_url, lang):
    """keyCode 229: a key an input method or a soft keyboard handles (iOS caps lock, predictive text)."""
    desk.goto(base_url + page_url("guides/sextortion.md", lang))
    shift_events(desk, key_code=229, presses=3)
    stays(desk, base_url, 0)
    assert desk.evaluate("document.documentElement.classList.contains('selamat-exiting')") is False


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shift_during_a_composition_does_not_count(desk, base_url, lang):
    """isComposing: Shift pressed while an input method is composing a word."""
    in_a_field(desk, base_url, lang)
    desk.evaluate("""() => { window.__composing = [];
        document.addEventListener('keyup', e => window.__composing.push(e.isComposing), true); }""")
    cdp = desk.context.new_cdp_session(desk)
    cdp.send("Input.imeSetComposition", {"text": "ka", "selectionStart": 2, "selectionEnd": 2})
    shift_events(desk, presses=3)
    assert desk.evaluate("window.__composing") == [True, True, True]  # the events were composing ones
    stays(desk, base_url, 0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shift_held_until_it_repeats_does_not_count(desk, base_url, lang):
    desk.goto(base_url + page_url("guides/sextortion.md", lang))
    desk.evaluate("""() => { window.__repeats = 0;
        document.addEventListener('keydown', e => { if (e.repeat) window.__repeats += 1; }, true); }""")
    for _ in range(3):
        for _ in range(4):  # the first keydown, then three that repeat while the key is held
            desk.keyboard.down("Shift")
        desk.keyboard.up("Shift")
    assert desk.evaluate("window.__repeats") == 9
    stays(desk, base_url, 0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_touch_screen_shift_in_a_field_does_not_count_but_elsewhere_does(tab, base_url, lang):
    """A phone or tablet without a mouse: while a field has focus its keyboard is on the screen."""
    assert tab.evaluate("matchMedia('(pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches")
    in_a_field(tab, base_url, lang)
    for _ in range(3):
        tab.keyboard.press("Shift")
    stays(tab, base_url, 0)
    tab.keyboard.press("Escape")  # closes search, and the field loses focus
    assert tab.evaluate("document.activeElement === document.body")
    with tab.expect_navigation(url=DESTINATION):  # a keyboard attached to the tablet still gets out
        for _ in range(3):
            tab.keyboard.press("Shift")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shift_a_script_makes_up_does_not_count(desk, base_url, lang):
    desk.goto(base_url + page_url("guides/sextortion.md", lang))
    desk.evaluate("""() => { for (let i = 0; i < 3; i++) for (const type of ['keydown', 'keyup'])
        document.dispatchEvent(new KeyboardEvent(type, {key: 'Shift', code: 'ShiftLeft', bubbles: true})); }""")
    stays(desk, base_url, 0)


def test_count_expires_after_five_seconds(tab, base_url, data):
    tab.goto(base_url + page_url("guides/sextortion.md", "en"))
    tab.clock.install()
    tab.reload()
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.clock.run_for(5100)
    assert tab.locator(".selamat-exit__indicators > .is-on").count() == 0
    assert tab.locator(".selamat-exit__status").inner_text() == data.t("exit.expired", "en")


def test_the_cover_goes_when_the_page_comes_back_from_the_cache(tab, base_url):
    tab.goto(base_url + page_url("guides/sextortion.md", "en"))
    tab.evaluate("document.querySelector('.selamat-exit__cover').hidden = false")
    tab.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert not tab.locator(".selamat-exit__cover").is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_skip_link_is_the_first_stop_and_leads_to_the_exit(tab, base_url, data, lang):
    tab.goto(base_url + page_url("guides/reporting.md", lang))
    tab.keyboard.press("Tab")
    first = tab.evaluate("document.activeElement.textContent.trim()")
    assert first == data.t("exit.skip", lang)
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "selamat-exit"
    label = tab.locator("#selamat-exit").inner_text()
    assert data.t("exit.label", lang) in label


def test_the_exit_works_without_javascript(browser, base_url, site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    context.route(DESTINATION + "**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page = context.new_page()
    for lang in LANGUAGES:
        for norm in page_types(site).values():
            page.goto(base_url + page_url(norm, lang))
            with page.expect_navigation(url=DESTINATION):
                page.locator("#selamat-exit").click()
    context.close()


@pytest.mark.parametrize("width", [320, 360])
def test_the_exit_stays_in_view_without_covering_title_or_search(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(base_url + page_url("guides/sextortion.md", "ms"))
    exit_box = page.locator("#selamat-exit").bounding_box()
    for other in ("article h1", SEARCH_BUTTON, ".md-header__title"):
        box = page.locator(other).first.bounding_box()
        overlaps = not (exit_box["y"] + exit_box["height"] <= box["y"] or box["y"] + box["height"] <= exit_box["y"]
                        or exit_box["x"] + exit_box["width"] <= box["x"] or box["x"] + box["width"] <= exit_box["x"])
        assert not overlaps, other
    assert exit_box["x"] >= 0 and exit_box["x"] + exit_box["width"] <= width
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    scrolled = page.locator("#selamat-exit").bounding_box()
    assert 0 <= scrolled["y"] < 60
    page.emulate_media(media="print")
    assert not page.locator("#selamat-exit").is_visible()
    context.close()


def test_every_page_carries_the_policies(built):
    # /admin/ (the web editor, not a survivor page) has its own policy: tests/test_editor_config.py
    pages = [p for p in built.rglob("*.html") if "assets" not in p.parts and p.relative_to(built).parts[0] != "admin"]
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
        assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
        for body in own_scripts.read(html).scripts:  # every inline script on the page, ours or not
            assert script_hash(body) in script_src, path
        assert soup.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"
        for a in soup.find_all("a", href=True):
            host = urlsplit(a["href"]).hostname
            if a["href"].startswith("http") and host != "selamat.example.org":
                assert {"noopener", "noreferrer"} <= set(a.get("rel", [])), (path, a["href"])
            assert a.get("target") != "_blank", (path, a["href"])
    headers = (built / "_headers").read_text()
    assert "Content-Security-Policy: default-src 'self'" in headers and "Referrer-Policy: no-referrer" in headers


# --- links that leave the site, however they are written -----------------------------------------------

SITE_HOST = "selamat.example.org"
LEAVING = ['<a href="https://evil.example/">', '<a href="//evil.example/path">', "<a href='//evil.example'>",
           '<a href=//evil.example/x/>', '<a href="HTTP://evil.example">', '<a href="///evil.example">',
           '<a href="\\\\evil.example">', '<a href="/\\evil.example">', '<a href="&#47;&#47;evil.example">',
           '<a href=" //evil.example">', '<a href="/\t/evil.example">', '<a href="//selamat.example.org@evil.example/">',
           '<a title="a>b" href="//evil.example">', '<a class="x" href="//evil.example:8080/" />']
STAYING = ['<a href="../guides/reporting/">', '<a href="/help/">', '<a href="#steps">', '<a href="mailto:a@example.org">',
           '<a href="tel:999">', '<a href="sms:15999">', '<a href="//selamat.example.org/ms/">',
           '<a href="https://selamat.example.org/">', "<a title='href=\"//evil.example\"' href=\"/ok/\">", "<a>"]


@pytest.mark.parametrize("tag", LEAVING)
def test_a_link_that_leaves_gets_noopener_noreferrer(tag):
    from selamat.security import protect_external_links

    out = protect_external_links(tag + "text</a>", SITE_HOST)
    anchor = BeautifulSoup(out, "html.parser").a
    assert set(anchor["rel"]) == {"noopener", "noreferrer"}, out
    assert anchor["href"] == BeautifulSoup(tag, "html.parser").a["href"]  # the address is left as it was
    assert out.endswith(">text</a>") and out.count("rel=") == 1


@pytest.mark.parametrize("tag", STAYING)
def test_a_link_within_the_site_or_to_an_app_is_left_alone(tag):
    from selamat.security import protect_external_links

    assert protect_external_links(tag, SITE_HOST) == tag


def test_a_rel_already_there_is_kept_and_completed_once():
    from selamat.security import is_external, protect_external_links

    out = protect_external_links("<a rel='me' href=\"//evil.example\" rel=\"x\">", SITE_HOST)
    assert out == '<a rel="me noopener noreferrer" href="//evil.example" rel="x">'
    assert protect_external_links(out, SITE_HOST) == out
    assert is_external("//evil.example/x", SITE_HOST) and not is_external("//SELAMAT.example.org/x", SITE_HOST)


def test_the_quick_reading_of_relative_links_takes_only_links_that_stay():
    """is_external reads most links (plain relative paths) by one pattern; every link that pattern takes
    must resolve to this site, and anything with a scheme, an entity or a backslash gets the full reading."""
    from urllib.parse import urljoin, urlsplit

    from selamat.security import PLAINLY_RELATIVE, is_external

    page = f"https://{SITE_HOST}/guides/keeping-evidence/"
    taken = ["../sextortion/", "guides/x/#a", "#top", "?q=1", ".//evil.example", "guides//evil.example/", "x.y",
             "café/", "1/2"]
    for href in taken:
        assert PLAINLY_RELATIVE.match(href), href
        assert urlsplit(urljoin(page, href)).hostname == SITE_HOST.lower(), href
        assert not is_external(href, SITE_HOST)
    for href in ["//evil.example", "https:evil.example", "ht&#116;p://evil.example", "a\\..\\\\evil.example",
                 " http://evil.example", "\thttp://evil.example", "javascript:x", "/x", "x:y"]:
        assert not PLAINLY_RELATIVE.match(href), href
    assert is_external("ht&#116;p://evil.example", SITE_HOST) and is_external("\t//evil.example", SITE_HOST)
