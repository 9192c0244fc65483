"""The finished-page check (src/selamat/own_scripts.py): anything on a built page that could run and is not
the site's own stops the build; the site's own inline scripts pass and are the ones hashed for the
page's Content-Security-Policy. The page is read as a browser reads it (an HTML5 parser), so these cases
include markup a looser reader would misread."""
from __future__ import annotations

from pathlib import Path

import pytest

from selamat import own_scripts

ROOT = Path(__file__).resolve().parents[1]
OWN = sorted(own_scripts.allowed(ROOT)[0])[0]  # one of the site's head scripts, as written into pages


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head><script>{OWN}</script>{head}</head><body>{body}</body></html>"


RUNS = {
    "an inline script": ("<script>alert(1)</script>", "an inline script"),
    "a script in SVG": ("<svg><script>alert(1)</script></svg>", "an inline script"),
    "a script with odd spacing in its tag": ("<script\n>alert(1)</script\t>", "an inline script"),
    "a script of an executable type": ('<script type="module">alert(1)</script>', "an inline script"),
    "an event handler": ('<img src="x.png" onerror="alert(1)">', "an event handler"),
    "an event handler in capitals": ('<p ONMOUSEOVER="alert(1)">x</p>', "an event handler"),
    "an event handler on <body>": ('</body><body onpageshow="alert(1)">', "an event handler"),
    "a javascript: link": ('<a href="javascript:alert(1)">x</a>', "a script address"),
    "a javascript: link hidden by a tab": ('<a href="jav&#x09;ascript:alert(1)">x</a>', "a script address"),
    "a javascript: link in capitals, with spaces": ('<a href="  JaVaScRiPt :alert(1)">x</a>', "a script address"),
    "a javascript: form action": ('<form><button formaction="javascript:alert(1)">x</button></form>', "a script address"),
    "an SVG link": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "a script address"),
    "a script inside a template": ("<template><script>alert(1)</script></template>", "an inline script"),
    "a handler in a nested template": ('<template><template><b onclick="alert(1)">x</b></template></template>', "an event handler"),
    "a script in a frame's srcdoc": ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "an inline script"),
}


@pytest.mark.parametrize("case", sorted(RUNS))
def test_what_could_run_is_found(case):
    markup, said = RUNS[case]
    found = own_scripts.problems(page(markup), ROOT)
    assert any(said in p for p in found), found


INERT = {
    "a script's text in an attribute": '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">x</p>',
    "a script in a comment": "<!-- <script>alert(1)</script> -->",
    "a script's text in a textarea": "<textarea><script>alert(1)</script></textarea>",
    "a script's text in code": "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    "data, not a script": '<script type="application/json">{"a": 1}</script>',
    "a script file": '<script src="assets/site.js"></script>',
    "words that look like a handler": "<p>Turn onerror=off in the settings. javascript:void</p>",
    "an ordinary link": '<a href="https://example.org/on?javascript=1">x</a>',
}


@pytest.mark.parametrize("case", sorted(INERT))
def test_what_cannot_run_passes(case):
    assert own_scripts.problems(page(INERT[case]), ROOT) == []


def test_only_the_sites_own_scripts_are_hashed():
    html = page('<p>x</p><script type="application/json">{}</script>')
    assert own_scripts.inline_bodies(html, ROOT) == [OWN]
    assert own_scripts.inline_bodies(page("<script>alert(1)</script>"), ROOT) == [OWN]
