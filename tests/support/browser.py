"""Which Chromium the browser tests, Lighthouse and the benchmarks drive, decided here and nowhere else:

1. SELAMAT_CHROMIUM, when set (a path to the program). The GitHub workflows set it to Playwright's own
   Chromium, so the runner's preinstalled browsers, whatever they are, are not used by accident.
2. Debian's /usr/bin/chromium, when present: local runs and .ci/run on Debian (`make chromium` installs
   it with apt-get there).
3. Playwright's own Chromium, the build that goes with the pinned Playwright (`make chromium` runs
   `playwright install --with-deps chromium` on Ubuntu, where apt's `chromium` is a snap shim that does
   not run headless in CI).

`python tests/support/browser.py` prints the choice; `... --playwright` prints where Playwright's own is."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

DEBIAN = Path("/usr/bin/chromium")
INSTALL = ("`make chromium` installs one (Debian: apt-get install chromium; "
           "Ubuntu: python -m playwright install --with-deps chromium)")


class NoChromium(RuntimeError):
    pass


def playwright_chromium() -> str:
    """Where the pinned Playwright keeps (or would keep) its own Chromium, downloaded or not."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return playwright.chromium.executable_path


def chromium(environ: Mapping[str, str] = os.environ, debian: Path = DEBIAN,
             bundled: Callable[[], str] = playwright_chromium) -> str:
    """The Chromium program to drive, by the order above."""
    chosen = environ.get("SELAMAT_CHROMIUM")
    if chosen:
        if not Path(chosen).is_file():
            raise NoChromium(f"SELAMAT_CHROMIUM={chosen}: there is no such program")
        return chosen
    if debian.is_file():
        return str(debian)
    own = bundled()
    if not Path(own).is_file():
        raise NoChromium(f"No Chromium: neither {debian} nor Playwright's own ({own}). {INSTALL}")
    return own


if __name__ == "__main__":
    print(playwright_chromium() if sys.argv[1:] == ["--playwright"] else chromium())
