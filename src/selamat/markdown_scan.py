"""What the checks need from a page's Markdown: headings and their ids, links, markers, with line numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from markdown.extensions.toc import slugify, unique

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
ATTR_ID = re.compile(r"\s*\{:?\s*[^}]*?#([\w-]+)[^}]*\}\s*$")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?$")
MARKER = re.compile(r"<!--\s*selamat:\s*([\w-]+)\s*-->")
INLINE_CODE = re.compile(r"`+[^`]*`+")
HTML_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^<>]*)?)/?>")
HTML_COMMENT = re.compile(r"<!--.*?-->")
EVENT_HANDLER = re.compile(r"\s(on[a-z]+)\s*=", re.I)
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str
    explicit: bool
    line: int


@dataclass(frozen=True)
class Link:
    target: str
    text: str
    image: bool
    line: int


def lines_outside_code(body: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(file line number, line) for each line not inside a fenced code block."""
    fenced = None
    for n, line in enumerate(body.splitlines(), start=first_line):
        m = FENCE.match(line)
        if m:
            fenced = None if fenced == m.group(1) else (fenced or m.group(1))
            continue
        if fenced is None:
            yield n, line


def plain(text: str) -> str:
    """A heading's text without Markdown marks."""
    return _plain(text)


def _plain(text: str) -> str:
    text = re.sub(r"[*_`]", "", text)
    return LINK.sub(lambda m: m.group(2), text)


def headings(body: str, first_line: int = 1) -> list[Heading]:
    return list(_headings(body, first_line))


@lru_cache(maxsize=16384)  # the checks ask for the same page's headings many times (links to its anchors)
def _headings(body: str, first_line: int) -> tuple[Heading, ...]:
    out: list[Heading] = []
    seen: set[str] = set()
    for n, line in lines_outside_code(body, first_line):
        if not line.startswith("#"):
            continue
        m = HEADING.match(line)
        if not m:
            continue
        text = m.group(2)
        attr = ATTR_ID.search(text)
        if attr:
            hid, explicit = attr.group(1), True
            text = text[: attr.start()].rstrip()
        else:
            hid, explicit = slugify(_plain(text), "-"), False
        hid = unique(hid, seen)
        out.append(Heading(len(m.group(1)), text, hid, explicit, n))
    return tuple(out)


def links(body: str, first_line: int = 1) -> list[Link]:
    return list(_links(body, first_line))


@lru_cache(maxsize=16384)
def _links(body: str, first_line: int) -> tuple[Link, ...]:
    out: list[Link] = []
    for n, line in lines_outside_code(body, first_line):
        if "[" not in line:
            continue  # most lines: no link or reference to find
        clean = INLINE_CODE.sub("", line)
        for m in LINK.finditer(clean):
            out.append(Link(m.group(3), m.group(2), m.group(1) == "!", n))
        d = REF_DEF.match(clean)
        if d:
            out.append(Link(d.group(1), "", False, n))
    return tuple(out)


def markers(body: str, first_line: int = 1) -> list[tuple[str, int]]:
    return [(m.group(1), n) for n, line in lines_outside_code(body, first_line) if "<!--" in line
            for m in MARKER.finditer(line)]


def admonitions(body: str, first_line: int = 1) -> list[tuple[str, int]]:
    return [(m.group(1), n) for n, line in lines_outside_code(body, first_line) if (m := ADMONITION.match(line))]


@dataclass(frozen=True)
class HtmlTag:
    name: str
    attrs: str
    line: int


def html_tags(body: str, first_line: int = 1) -> list[HtmlTag]:
    """Raw HTML opening tags written in the Markdown (not in code, not comments)."""
    out = []
    for n, line in lines_outside_code(body, first_line):
        if "<" not in line:
            continue  # most lines: no tag to find
        clean = HTML_COMMENT.sub("", INLINE_CODE.sub("", line))
        clean = re.sub(r"<(https?|mailto):[^>]*>", "", clean)  # autolinks are Markdown, not HTML
        for m in HTML_TAG.finditer(clean):
            if not m.group("close"):
                out.append(HtmlTag(m.group("name").lower(), m.group("attrs") or "", n))
    return out


def line_of(body: str, hint: str, first_line: int = 1) -> int | None:
    """The first line of the body that holds `hint` (any case), for pointing an editor at what the
    rendered HTML showed: a tag, an attribute, a class."""
    import html

    needle = hint.lower()
    for n, line in enumerate(body.splitlines(), start=first_line):
        if needle in line.lower() or needle in html.unescape(line).lower():
            return n
    return None
