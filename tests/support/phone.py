"""A browser tab set up as the benchmarks' phone: 360 px, touch, no cache, 4x CPU slowdown, and no
request leaving the site under test (others fail at once, as offline, instead of waiting for a time-out)."""
from __future__ import annotations

from conftest import PHONE


def throttled_phone(browser, base: str, cpu_slowdown: int = 4):
    """A new context and page; the caller closes the context."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    return context, page
