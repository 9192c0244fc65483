"""Guides and law pages on paper: no navigation or exit button, link addresses after link text, the
help box kept, a law page's review date and sources kept; and the "Print or save as PDF" button."""
from __future__ import annotations

import pytest

from selamat.urls import page_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "ms"])
def test_a_printed_guide_keeps_the_text_and_help_and_drops_the_rest(page, base_url, data, lang):
    page.goto(base_url + page_url("guides/reporting.md", lang))
    page.emulate_media(media="print")
    for hidden in (".md-header", "#selamat-exit", ".md-sidebar--primary", ".selamat-print", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".selamat-help-box").is_visible()
    link = page.locator('article a[data-print^="https://selamat.example.org/"]').first  # a link to another page
    assert link.get_attribute("data-print").startswith("https://selamat.example.org/")
    assert link.get_attribute("data-print") in link.evaluate("a => getComputedStyle(a, '::after').content")


def test_a_printed_law_page_keeps_its_review_date_and_sources(page, base_url, data):
    page.goto(base_url + page_url("laws/cma-section-233.md", "ms"))
    page.emulate_media(media="print")
    assert page.locator(".selamat-legal").is_visible()
    assert page.locator(".selamat-sources li").first.is_visible()
    source = page.locator(".selamat-sources a").first
    address = source.get_attribute("data-print")
    assert address.startswith("http") and address in source.evaluate("a => getComputedStyle(a, '::after').content")


def test_the_print_button_prints_and_needs_script(page, browser, base_url, data):
    page.goto(base_url + page_url("guides/reporting.md", "ms"))
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button = page.get_by_role("button", name=data.t("print", "ms"))
    button.click()
    assert page.evaluate("window.__printed") == 1
    context = browser.new_context(java_script_enabled=False)
    bare = context.new_page()
    bare.goto(base_url + page_url("guides/reporting.md", "ms"))
    assert not bare.locator(".selamat-print").is_visible()
    context.close()
