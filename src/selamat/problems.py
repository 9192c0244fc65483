"""A problem found in the content, and how it is told to an editor: one line, file, field, what to do."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field as dc_field
from typing import Optional

from .data import Data, DataError


@dataclass(frozen=True)
class Problem:
    file: str  # project-relative path, e.g. docs/guides/x.en.md
    code: str  # key in data/messages.yml
    line: Optional[int] = None
    field: str = ""
    params: dict = dc_field(default_factory=dict, hash=False, compare=False)
    warning: bool = False  # told, but does not fail the check or the build

    def render(self, data: Data, lang: str = "en") -> str:
        messages = data.messages
        params = dict(self.params)
        if "kind" in params:  # a content type, said in the reader's language
            try:
                params["kind"] = data.t(f"type.{params['kind']}", lang).lower()
            except (DataError, KeyError):
                pass  # the interface strings are broken (reported on their file): the English key will do
        for name in ("in_language", "fallback_language"):  # a language code, named in the reader's language
            if name in params:
                try:
                    params[name] = data.language_name(params[name], lang)
                except DataError:
                    pass
        if "suggestion" in params:
            word = params["suggestion"]
            params["suggestion"] = messages["did_you_mean"](lang).format(word=word) if word else ""
        text = messages[self.code](lang).format_map(_Lenient(params)) if self.code in messages else self.code
        where = self.file + (f":{self.line}" if self.line else "")
        label = messages["warning_label"](lang) + " " if self.warning else ""
        return f"{where}: {label}{self.field + ': ' if self.field else ''}{text}"


class _Lenient(dict):
    """Fills a message's {placeholders}; one a translator mistyped stays visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def closest(word: object, choices) -> str:
    """The likeliest intended word, or '' when nothing is close."""
    found = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return found[0] if found else ""
