"""The quick exit, after GOV.UK's "Exit this page": a real link to a neutral page, a skip link that
reaches it first, a status region and a cover. Its behaviour is in assets/javascripts/quick-exit.js."""
from __future__ import annotations

from .html import tag, text

DEFAULT_DESTINATION = "https://www.met.gov.my/"


def markup(t, destination: str) -> tuple[str, str]:
    """The skip link, put first in <body>, and the bar with its status region and cover, put after
    the skip links. `t(key)` gives interface strings in the page's language."""
    skip = tag("a", text(t("exit.skip")), href="#selamat-exit", class_="selamat-exit__skip")
    label = tag("span", text(t("exit.hidden_prefix")) + " ", class_="selamat-visually-hidden") + text(t("exit.label"))
    button = tag("a", label, href=destination, id="selamat-exit", class_="selamat-exit__button", rel="nofollow noopener noreferrer")
    dots = tag("span", tag("span", "") * 3, class_="selamat-exit__indicators", aria_hidden="true")
    bar = tag("div", tag("div", button + dots, class_="selamat-exit__inner md-grid"), class_="selamat-exit",
              role="region", aria_label=t("exit.label"),
              data_selamat_exit="", data_announce=t("exit.announce"), data_presses_2=t("exit.presses.2"),
              data_presses_1=t("exit.presses.1"), data_expired=t("exit.expired"))
    status = tag("div", "", class_="selamat-exit__status selamat-visually-hidden", role="status", aria_live="polite")
    cover = tag("div", "", class_="selamat-exit__cover", hidden=True)
    return skip, bar + status + cover


MATERIAL_SKIP = '<div data-md-component="skip">'


def insert(html: str, skip: str, bar: str) -> str:
    """Our skip link first in <body>, so it is the first thing to focus; the bar after Material's own
    skip link ("Skip to content"), so that both skip links lead the page, before any landmark."""
    start = html.index("<body", html.index("</head>"))  # not a "<body" inside a script in <head> (the file:// shim)
    body = html.index(">", start) + 1
    at = html.find(MATERIAL_SKIP, body)
    after_skip = html.index("</div>", at) + len("</div>") if at != -1 else body
    return html[:body] + "\n" + skip + html[body:after_skip] + "\n" + bar + html[after_skip:]
