"""Material's main.css carries styles for every feature and extension (138 KB, 23 KB gzipped), render-
blocking on every page. `trim_css` keeps only the rules whose classes and elements the built site or a
script can use, and the custom properties still referred to; `trim_site_css` then puts the site's own
stylesheet after them in one file, so a first paint waits for one stylesheet (about 17 KB gzipped), not
three, and points every page at it."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .hashed_names import hashed_name

# Class names Material's scripts add to the page or to search results at run time, by prefix, kept
# whether or not the built pages have them (as well as every name or name prefix found in a script).
RUNTIME_PREFIXES = ("md-search", "md-tooltip", "md-dialog", "md-typeset", "md-source", "md-annotation",
                    "md-clipboard", "md-code", "md-top", "md-status", "md-nav", "md-header", "md-sidebar",
                    "md-tabs", "md-select", "md-banner", "focus-visible", "js", "no-js")
# class="" and dir="" as MkDocs and Markdown write them: a plain search for these is five times faster
# than one ignoring case, over every page of the site. (They also match data-class="" and the like, which
# only keeps more CSS.) A page that spells either attribute in capitals is searched again, ignoring case.
CLASS_ATTR = re.compile(r'class="([^"]*)"')
DIR_ATTR = re.compile(r'dir="([^"]*)"')
CLASS_ATTR_ANY_CASE = re.compile(r'\sclass="([^"]*)"', re.I)
DIR_ATTR_ANY_CASE = re.compile(r'\sdir="([^"]*)"', re.I)
CAPITALS = ("CLASS=", "Class=", "DIR=", "Dir=")
TOKEN = re.compile(r"[A-Za-z_][\w-]*")
CUSTOM_PROPERTY = re.compile(r"--[\w-]+")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


@dataclass
class Names:
    """What the built site and its scripts can put on a page."""
    classes: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = RUNTIME_PREFIXES
    properties: set[str] = field(default_factory=set)  # custom properties named outside main.css
    elements: set[str] | None = None  # None: every element is possible
    directions: set[str] = field(default_factory=lambda: {"ltr", "rtl"})  # values of dir=""

    def known(self, name: str) -> bool:
        return name in self.classes or name.startswith(self.prefixes)

    def known_element(self, name: str) -> bool:
        return self.elements is None or name.lower() in self.elements


def _page_names(text: str, names: Names) -> None:
    """Add the classes, custom properties, elements and text directions of one page."""
    capitals = any(spelling in text for spelling in CAPITALS)
    for attr in set((CLASS_ATTR_ANY_CASE if capitals else CLASS_ATTR).findall(text)):
        names.classes.update(attr.split())
    names.properties.update(CUSTOM_PROPERTY.findall(text))
    names.elements.update(tag.lower() for tag in set(TAG.findall(text)))
    names.directions.update(value.lower() for value in set((DIR_ATTR_ANY_CASE if capitals else DIR_ATTR).findall(text)))


class SeenPages:
    """The names in the pages MkDocs renders, read from each page as it is written (in the process
    building its language), so the trim does not search those files again; `paths` says which."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.names = Names(elements=set(), directions=set())
        self.paths: set[str] = set()

    def add(self, path: str, html: str) -> None:
        _page_names(html, self.names)
        self.paths.add(path)

    def merge(self, other: "SeenPages") -> None:
        _add_names(self.names, other.names)
        self.paths |= other.paths


def _add_names(names: Names, other: Names) -> None:
    for attribute in ("classes", "properties", "elements", "directions"):
        getattr(names, attribute).update(getattr(other, attribute))


def site_names(html: Iterable[str], scripts: Iterable[str], other_css: Iterable[str] = (),
               seen: SeenPages | None = None) -> Names:
    """Every class in the pages, every word and word prefix in the scripts (a class name a script sets
    is a string in it; one it builds, `md-nav__link--` + state, leaves its prefix), and every custom
    property named in the pages, the scripts or the other stylesheets; with the names `seen` in the
    pages read as they were written."""
    names = Names(elements={"html", "body"}, directions=set())
    prefixes = set()
    if seen is not None:
        _add_names(names, seen.names)
    for text in html:
        _page_names(text, names)
    for text in scripts:
        for word in TOKEN.findall(text):
            names.classes.add(word)
            names.elements.add(word.lower())
            if word.endswith(("-", "_")) and len(word) > 3:
                prefixes.add(word)
        names.properties.update(CUSTOM_PROPERTY.findall(text))
    for text in other_css:
        names.properties.update(CUSTOM_PROPERTY.findall(text))
    names.prefixes = RUNTIME_PREFIXES + tuple(sorted(prefixes))
    return names


def _selectors(prelude: list) -> list[list]:
    """A selector list split at its top-level commas."""
    out, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append(current)
            current = []
        else:
            current.append(token)
    out.append(current)
    return out


def _classes(selector: list) -> list[str]:
    """The class names a selector requires (those inside :not(), :is(), :has()... are not required)."""
    out = []
    for before, token in zip(selector, selector[1:]):
        if before.type == "literal" and before.value == "." and token.type == "ident":
            out.append(token.value)
    return out


def _elements(selector: list) -> list[str]:
    """The element names a selector requires: an identifier that starts a compound selector."""
    out = []
    for i, token in enumerate(selector):
        before = selector[i - 1] if i else None
        starts = before is None or before.type == "whitespace" or (
            before.type == "literal" and before.value in (">", "+", "~"))
        if token.type == "ident" and starts:
            out.append(token.value)
    return out


def _directions(selector: list) -> list[str]:
    """The text directions a selector requires: [dir=rtl] and the like."""
    import tinycss2

    out = []
    for token in selector:
        if token.type == "[] block":
            m = re.fullmatch(r'dir=["\']?(\w+)["\']?', tinycss2.serialize(token.content).strip(), re.I)
            if m:
                out.append(m.group(1).lower())
    return out


def _possible(selector: list, names: Names) -> bool:
    return (all(names.known(c) for c in _classes(selector))
            and all(names.known_element(e) for e in _elements(selector))
            and all(d in names.directions for d in _directions(selector)))


def _trim_rules(rules: list, names: Names) -> list[str]:
    import tinycss2

    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _selectors(rule.prelude) if _possible(s, names)]
            if kept:
                selector = ",".join(tinycss2.serialize(s).strip() for s in kept)
                out.append(f"{selector}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _trim_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), names)
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        elif rule.type in ("at-rule", "qualified-rule"):
            out.append(rule.serialize())
    return out


def _drop_unused_properties(css: str, names: Names) -> str:
    """Custom properties (--name: value) no rule, page or script refers to, e.g. the icons of
    admonition types the site does not use, taken out of the rules that declare them."""
    import tinycss2

    while True:
        used = set(re.findall(r"var\(\s*(--[\w-]+)", css)) | names.properties
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        dropped = False

        def rewrite(rules):
            nonlocal dropped
            out = []
            for rule in rules:
                if rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
                    inner = rewrite(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                    out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
                    continue
                if rule.type != "qualified-rule" or "--" not in tinycss2.serialize(rule.content):
                    out.append(rule.serialize())
                    continue
                declarations = []
                for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                    if item.type == "declaration" and item.name.startswith("--") and item.name not in used:
                        dropped = True
                        continue
                    if item.type == "declaration":
                        important = "!important" if item.important else ""
                        declarations.append(f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}")
                    else:
                        declarations.append(item.serialize())
                if declarations:
                    out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{';'.join(declarations)}}}")
            return out

        css = "".join(rewrite(rules))
        if not dropped:
            return css


def trim_css(css: str, names: Names) -> str:
    """Material's stylesheet without the rules no page or script can match and without the custom
    properties nothing refers to. Conservative: a selector stays when every class and element it
    requires is in a page or a script, and its text direction ([dir=rtl]) in a page; ids, other
    attributes and states are always kept, and so is every @-rule but @media and @supports."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _drop_unused_properties("".join(_trim_rules(rules, names)), names)


def trim_css_cached(css: str, names: Names, cache: Path | None) -> str:
    """`trim_css`, kept in `cache` (a folder) under a name made of everything the result depends on:
    the stylesheet, the names, this file's code and tinycss2's version. A rebuild that adds no new
    name to the site then skips parsing Material's stylesheet (about half a second)."""
    if cache is None:
        return trim_css(css, names)
    import tinycss2

    from .background import key, store

    name = key(css, Path(__file__).read_text(encoding="utf-8"), tinycss2.__version__, sorted(names.prefixes),
               *(sorted(getattr(names, a) or ()) for a in ("classes", "properties", "elements", "directions")))
    kept = cache / f"{name}.css"
    if kept.is_file():
        return kept.read_text(encoding="utf-8")
    trimmed = trim_css(css, names)
    store(kept, trimmed.encode("utf-8"))
    return trimmed


MATERIAL_CSS = re.compile(r"^main\.[0-9a-f]{8}\.min\.css$")
MARKER = "/* Material's main.css trimmed to what this site can use, then the site's own (selamat/trim_css.py) */\n"
LINKED_CSS = re.compile(r'href="[^"]*assets/stylesheets/(main\.[0-9a-f]{8}\.min\.css)"')


def _without_line(text: str, pattern: re.Pattern) -> str:
    """`text` without the first match of `pattern` and the indentation and line break around it."""
    found = pattern.search(text)  # the pattern starts with plain text: a fast search
    if found is None:
        return text
    start, end = found.span()
    while start and text[start - 1] in " \t":
        start -= 1
    if text.startswith("\n", end):
        end += 1
    return text[:start] + text[end:]


def trim_site_css(site_dir: Path, extra_css: Iterable[str] = (), seen: SeenPages | None = None,
                  cache: Path | None = None) -> Path | None:
    """Trim Material's main.css in a built site and append the site's own stylesheets (`extra_css`, those
    in the same folder), so a page waits for one stylesheet, not two, before its first paint. The result
    is written under a name with its own hash (a cache can never hold an old copy under the new name);
    every page links it in place of Material's and no longer links the ones appended. Material's file and
    its source map are removed, like palette.css when no page links it (so the offline copy does not
    store them); the site's own files stay. `seen`: the names of pages read as they were written; only
    the other pages are searched here. `cache`: a folder to keep trimmed stylesheets in. Returns the new
    file."""
    folder = site_dir / "assets" / "stylesheets"
    texts = {p: p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}
    linked = {name for text in texts.values() for name in LINKED_CSS.findall(text)}
    # Material's: under `mkdocs serve --dirty` the pages not rebuilt still link the last build's copy
    originals = [folder / name for name in linked
                 if (folder / name).is_file() and not (folder / name).read_text(encoding="utf-8").startswith(MARKER)]
    if len(originals) != 1:
        return None
    original = originals[0]
    ours = [name for name in (Path(path).name for path in extra_css if Path(path).parent.as_posix() == "assets/stylesheets")
            if (folder / name).is_file()]
    scripts = [p.read_text(encoding="utf-8") for p in (site_dir / "assets" / "javascripts").glob("*.js")]
    other_css = [p.read_text(encoding="utf-8") for p in folder.glob("*.css") if p != original]
    unseen = [text for path, text in texts.items() if seen is None or str(path) not in seen.paths]
    names = site_names(unseen, scripts, other_css, seen)
    css = "\n".join([MARKER + trim_css_cached(original.read_text(encoding="utf-8"), names, cache),
                     *(f"/* {name} */\n" + (folder / name).read_text(encoding="utf-8") for name in ours)])
    target = folder / hashed_name("main", css)
    target.write_text(css, encoding="utf-8")
    appended = [re.compile(rf'<link rel="stylesheet" href="[^"]*assets/stylesheets/{re.escape(name)}">') for name in ours]
    for path, text in texts.items():
        new = text
        for name in linked:  # Material's, and under `mkdocs serve --dirty` the last build's copy
            new = new.replace(f'assets/stylesheets/{name}"', f'assets/stylesheets/{target.name}"')
        for link in appended:
            new = _without_line(new, link)
        if new != text:
            path.write_text(new, encoding="utf-8")
    for old in folder.glob("main.*.min.css*"):  # Material's, and copies left by earlier builds (mkdocs serve)
        if old != target and MATERIAL_CSS.match(old.name.removesuffix(".map")):
            old.unlink()
    if not any("assets/stylesheets/palette." in text for text in texts.values()):
        for unused in folder.glob("palette.*.min.css*"):  # copied by Material even when no page links it
            unused.unlink()
    return target
