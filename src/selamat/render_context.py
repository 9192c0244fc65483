"""What every generated piece of HTML needs to know: the site, the data, the language and the page."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .content import Page, Site
from .data import Data
from .translations import original_of
from .urls import page_url, relative


@dataclass
class Context:
    site: Site
    data: Data
    lang: str  # the language being built
    url: str  # site-relative URL of the page being rendered
    directory_urls: bool = True
    today: dt.date = field(default_factory=dt.date.today)
    repository: Optional[str] = None  # e.g. https://github.com/org/repo, for "edit" links
    root: Optional[Path] = None  # the project folder, for git history (outdated translations)
    site_url: str = "/"  # the public address, for links partners copy

    def t(self, key: str, **params: object) -> str:
        return self.data.t(key, self.lang, **params)

    def language_name(self, code: str) -> str:
        """A language's name inside a sentence in this page's language."""
        return self.data.language_name(code, self.lang)

    def in_language(self, code: str) -> str:
        """The label beside an item that exists only in another language: "In Malay"."""
        return self.t("label.language", language=self.language_name(code))

    def date(self, value, precision: str = "day") -> str:
        return self.data.date(value, self.lang, precision)

    def href(self, norm: str, lang: str) -> str:
        return relative(self.url, page_url(norm, lang, self.directory_urls))

    def stale(self, when: dt.date) -> bool:
        return (self.today - when).days > 365

    def href_file(self, path: str) -> str:
        """A link from this page to a file of the built site, e.g. embed/help.css."""
        return relative(self.url, path)

    def best(self, versions: dict[str, Page]) -> Page:
        """The version a reader of this language should get: their own, else the original."""
        return versions.get(self.lang) or original_of(versions)
