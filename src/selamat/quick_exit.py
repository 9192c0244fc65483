"""The quick exit, after GOV.UK's "Exit this page": a real link to a neutral page, a skip link that
reaches it first, a status region and a cover. Its behaviour is in assets/javascripts/quick-exit.js."""
from __future__ import annotations

from .html import tag, text

DEFAULT_DESTINATION = "https://www.met.gov.my/"


def destination(extra) -> str:
    """Where the exit goes: mkdocs.yml's extra.quick_exit.url, else a neutral default."""
    return (extra.get("quick_exit") or {}).get("url") or DEFAULT_DESTINATION


def skip_link(t) -> str:
    """The skip link that makes the exit the first thing to focus. `t(key)` gives interface strings in
    the page's language."""
    return tag("a", text(t("exit.skip")), href="#selamat-exit", class_="selamat-exit__skip")


def bar(t, destination: str) -> str:
    """The bar with the button (a real link to `destination`), its status region and the cover, written
    before Material's header (overrides/main.html, block `header`)."""
    label = tag("span", text(t("exit.hidden_prefix")) + " ", class_="selamat-visually-hidden") + text(t("exit.label"))
    button = tag("a", label, href=destination, id="selamat-exit", class_="selamat-exit__button", rel="nofollow noopener noreferrer")
    dots = tag("span", tag("span", "") * 3, class_="selamat-exit__indicators", aria_hidden="true")
    region = tag("div", tag("div", button + dots, class_="selamat-exit__inner md-grid"), class_="selamat-exit",
                 role="region", aria_label=t("exit.label"),
                 data_selamat_exit="", data_announce=t("exit.announce"), data_presses_2=t("exit.presses.2"),
                 data_presses_1=t("exit.presses.1"), data_expired=t("exit.expired"))
    status = tag("div", "", class_="selamat-exit__status selamat-visually-hidden", role="status", aria_live="polite")
    cover = tag("div", "", class_="selamat-exit__cover", hidden=True)
    return region + status + cover


def insert_skip_link(html: str, skip: str) -> str:
    """Our skip link first in <body>, before Material's "Skip to content", so it is the first thing to
    focus. Material's base.html opens <body> outside any template block, so no block can put it there."""
    start = html.index("<body", html.index("</head>"))  # not a "<body" inside a script in <head> (the file:// shim)
    body = html.index(">", start) + 1
    return html[:body] + "\n" + skip + html[body:]
