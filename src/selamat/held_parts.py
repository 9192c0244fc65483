"""The site's own HTML (listings, help citations) is held out of the editor's Markdown while the page is
rendered and sanitised, and put back afterwards: the sanitiser judges only what the editor wrote, and the
site's parts keep their classes and attributes. In the Markdown each part is a token no editor can guess
(a random key per build) that Markdown and the sanitiser leave alone."""
from __future__ import annotations

import re
import secrets

KEY = secrets.token_hex(8)
TOKEN = re.compile(rf"(<p>)?SELAMATPART{KEY}N(\d+)X(</p>)?")


class Held:
    """The parts held for one page."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def hold(self, html: str) -> str:
        self.parts.append(html)
        return f"SELAMATPART{KEY}N{len(self.parts) - 1}X"

    def restore(self, html: str) -> str:
        """Each token back as its HTML (a block part written alone on its line comes back without the <p>
        Markdown wrapped it in)."""
        if not self.parts:
            return html

        def one(m: re.Match) -> str:
            part = self.parts[int(m.group(2))]
            if m.group(1) and m.group(3):
                return part
            return (m.group(1) or "") + part + (m.group(3) or "")
        return TOKEN.sub(one, html)


def of(page) -> Held:
    """The parts held for an MkDocs page (kept on the page object between its Markdown and HTML events)."""
    held = getattr(page, "selamat_held", None)
    if held is None:
        held = Held()
        page.selamat_held = held
    return held
