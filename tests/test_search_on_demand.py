"""A first visit costs nothing for search: the index is fetched, and the search worker started, only
when the reader opens search."""
from __future__ import annotations

import pytest

from selamat.urls import page_url
from support.search_box import SEARCH_BUTTON, search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang,words", [("en", "police"), ("ms", "polis")])
def test_the_index_and_worker_load_only_when_search_is_opened(page, base_url, data, lang, words):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + page_url("guides/reporting.md", lang))
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "search_index" in u]
    assert not [u for u in requests if "/workers/" in u]
    search(page, words)
    assert [u for u in requests if u.endswith("search/search_index.json")]
    assert [u for u in requests if "/workers/search" in u]


@pytest.mark.parametrize("lang,words,found", [("en", "police report", "guides/reporting/"),
                                               ("ms", "laporan polis", "ms/guides/reporting/")])
def test_a_query_pasted_without_a_key_press_is_searched(page, base_url, lang, words, found):
    """Material searches when a key is released; text pasted with a long press (or dictated) comes with no
    key at all, and is searched too (accessible-material.js)."""
    page.goto(base_url + page_url("index.md", lang))
    page.locator(SEARCH_BUTTON).click()
    page.locator("input.md-search__input").focus()
    page.keyboard.insert_text(words)  # an input event and no key events, as a paste
    page.wait_for_selector(".md-search-result__list li", timeout=10000)
    links = page.eval_on_selector_all(".md-search-result__list li a", "links => links.map(a => a.href)")
    assert any(l.startswith(base_url + found) for l in links[:3]), links
