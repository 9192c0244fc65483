"""Material's search box, driven as a reader does, for the browser tests and benchmarks/search.py."""
from __future__ import annotations

SEARCH_BUTTON = 'label.md-header__button[for="__search"]'
TOP_THREE = ("end => [...document.querySelectorAll('.md-search-result__item > a:first-child')].slice(0, 3)"
             ".some(a => a.href.endsWith(end))")


def type_search(page, words: str, delay: int = 30) -> None:
    """Tap the search button, then type `words` key by key."""
    page.locator(SEARCH_BUTTON).click()
    page.locator("input.md-search__input").press_sequentially(words, delay=delay)


def search(page, words: str, timeout: int = 10000) -> list[str]:
    """Search and wait for results; the addresses of every result link."""
    type_search(page, words)
    page.wait_for_selector(".md-search-result__list li", timeout=timeout)
    return page.eval_on_selector_all(".md-search-result__list li a", "links => links.map(a => a.href)")


def wait_for_in_top_three(page, address_end: str, timeout: int = 10000) -> None:
    """Wait until one of the first three pages listed has an address ending in `address_end`."""
    page.wait_for_function(TOP_THREE, arg=address_end, timeout=timeout)
