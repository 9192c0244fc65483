"""The only scripts a built page may run inline: a fixed list, never "whatever the page holds".

- the site's own head scripts (overrides/main.html), which the templates write into each page (head_scripts.py);
- the two one-line scripts of Material's templates (partials/javascripts/base.html and content.html), read
  from the installed Material, with the site's base path as the one part that varies;
- in the plain-file build only: the vendored iframe-worker shim, and the script it writes into its frame to
  run search from file://, which holds the worker's address as the page names it (known when the page is
  built).

`problems(html)` reads a finished page with an HTML5 parser and names anything else that could run: another
inline script, an event-handler attribute, a `javascript:` address. The build stops on any of them."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import material

from .head_scripts import LEADING_COMMENT
from .html_reading import elements

DATA_TYPES = ("application/json", "application/ld+json")
TEMPLATES = Path(material.__file__).parent / "templates"
MATERIAL_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/content.html")
HEAD_SCRIPT = re.compile(r"""\{\{\s*selamat_script\('([^']+)'\)\s*\}\}""")
SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
JINJA = re.compile(r"\{\{.*?\}\}")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript)\s*:", re.I)
CONTROL = re.compile(r"[\x00-\x1f]")
SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"


def _as_pattern(template: str) -> re.Pattern:
    """A template's script as a pattern: each {{ ... }} (a path Material fills in) matches a path."""
    parts = JINJA.split(template)
    return re.compile("".join(re.escape(p) + (r'[^"<>\\]*' if i < len(parts) - 1 else "") for i, p in enumerate(parts)) + r"\Z")


@lru_cache(maxsize=4)
def allowed(root: Path) -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """(exact script texts, patterns) that may run inline, for the project at `root`."""
    exact = set()
    main = (root / "overrides/main.html").read_text(encoding="utf-8")
    for src in HEAD_SCRIPT.findall(main):
        exact.add(LEADING_COMMENT.sub("", (root / "docs" / src).read_text(encoding="utf-8")).strip())
    patterns = tuple(_as_pattern(body) for name in MATERIAL_SCRIPTS
                     for body in SCRIPT.findall((TEMPLATES / name).read_text(encoding="utf-8")))
    return frozenset(exact), patterns


def _function(source: str, name: str) -> str:
    """The source text of `function NAME(...){...}` in minified code, as Function.prototype.toString gives it."""
    start = source.index(f"function {name}(")
    depth, i = 0, source.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(source[i], 0)
        if depth == 0:
            return source[start:i + 1]
        i += 1


@lru_cache(maxsize=4)
def _shim(root: Path) -> Optional[tuple[str, dict[str, str]]]:
    path = root / "overrides" / SHIM
    if not path.exists():
        return None
    source = path.read_text(encoding="utf-8")
    frame = re.search(r"<script>(.*?)<\\/script>", source).group(1)  # the frame's inline script, as a template
    return frame, {name: _function(source, name) for name in re.findall(r"\$\{(\w)\}", frame) if f"function {name}(" in source}


def shim_script(root: Path, worker_url: str) -> Optional[str]:
    """The inline script the iframe-worker shim writes into its frame for this worker address."""
    shim = _shim(root)
    if shim is None:
        return None
    frame, functions = shim
    return re.sub(r"\$\{(\w)\}", lambda m: functions.get(m.group(1), worker_url), frame)


def worker_url(html: str) -> Optional[str]:
    """The search worker's address as the page's Material configuration names it."""
    m = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(m.group(1)).get("search") if m else None


def is_own(body: str, root: Path, extra: frozenset[str] = frozenset()) -> bool:
    exact, patterns = allowed(root)
    return body in exact or body in extra or any(p.match(body) for p in patterns)


@dataclass
class Found:
    """What a finished page holds that can run."""

    scripts: list[str] = field(default_factory=list)  # inline, executable
    handlers: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


def read(html: str) -> Found:
    """The page as a browser reads it (html_reading.py), so a tag hidden from a looser reader is found."""
    found = Found()
    for node in elements(html):
        tag, attrs = node.tag, node.attributes
        for name, value in attrs.items():
            if name.startswith("on"):
                found.handlers.append(f"{name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value and SCRIPT_URL.match(CONTROL.sub("", value)):
                found.urls.append(f"{name}=\"{value[:40]}\" on <{tag}>")
            if name == "srcdoc" and value:  # a document of its own, run in a frame
                inner = read(value)
                found.scripts += inner.scripts
                found.handlers += inner.handlers
                found.urls += inner.urls
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() not in DATA_TYPES:
            found.scripts.append(node.text(deep=True))
    return found


def _file_build_scripts(root: Path, html: str) -> frozenset[str]:
    """In the plain-file build: the shim itself (written into <head> like the site's head scripts) and the
    script it writes into its frame for this page's worker address."""
    path = root / "overrides" / SHIM
    if not path.exists():
        return frozenset()
    own = LEADING_COMMENT.sub("", path.read_text(encoding="utf-8")).strip()
    return frozenset(filter(None, [own, shim_script(root, worker_url(html) or "")]))


def problems(html: str, root: Path, from_files: bool = False, reader: Optional[Found] = None) -> list[str]:
    """What could run on this page that is not the site's own, each said in a few words. (`reader`: the
    page as `read` read it, when the caller has it already: reading is most of the cost.)"""
    reader = reader or read(html)
    extra = _file_build_scripts(root, html) if from_files else frozenset()
    out = [f"an inline script that is not the site's own: `{body.strip()[:60]}`" for body in reader.scripts
           if not is_own(body, root, extra)]
    out += [f"an event handler: {h}" for h in reader.handlers]
    out += [f"a script address: {u}" for u in reader.urls]
    return out


def inline_bodies(html: str, root: Path, from_files: bool = False, reader: Optional[Found] = None) -> list[str]:
    """The page's own inline scripts (to hash for its Content-Security-Policy), including the shim's frame
    script in the plain-file build."""
    extra = _file_build_scripts(root, html) if from_files else frozenset()
    bodies = [body for body in (reader or read(html)).scripts if is_own(body, root, extra)]
    if from_files:
        shim = shim_script(root, worker_url(html) or "")
        if shim and worker_url(html):
            bodies.append(shim)
    return bodies
