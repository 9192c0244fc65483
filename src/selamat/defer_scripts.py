"""Material writes its bundle and the site's scripts as plain <script src> at the end of <body> (its
`scripts` block), where the browser still treats them as render-blocking. They only work on the page once
it is parsed, so they can be `defer`red: they then run after parsing, in the order written, before
DOMContentLoaded (which Material's bundle waits for), and no longer hold up the first paint on a slow
phone. The scripts in <head> (overrides/main.html) are not in that block: they must run first."""
from __future__ import annotations

import re

EXTERNAL_SCRIPT = re.compile(r"<script(?P<attrs>\s[^>]*?\bsrc=[^>]*?)>\s*</script>", re.I)
DEFERRED = re.compile(r"\s(?:defer|async)\b|\stype=\"module\"", re.I)


def defer_scripts(html: str) -> str:
    """`defer` on every external script in `html` that is neither deferred nor async already."""
    def one(m: re.Match) -> str:
        if DEFERRED.search(m.group("attrs")):
            return m.group(0)
        return f"<script{m.group('attrs')} defer></script>"

    return EXTERNAL_SCRIPT.sub(one, html)
