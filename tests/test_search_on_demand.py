"""A first visit costs nothing for search: the index is fetched, and the search worker started, only
when the reader opens search."""
from __future__ import annotations

import pytest

from selamat.urls import page_url
from support.search_box import search

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
