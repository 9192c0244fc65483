"""What an editor's Markdown may become in HTML: an allow-list, applied to every page's rendered body by a
maintained sanitiser (nh3, the Python binding of Rust's ammonia), and read by `selamat check` to tell the
editor, with file and line, what it would remove.

Whatever the Markdown trick (a tag split over lines, HTML in a table cell or heading, fake code fences,
comment tricks, attribute lists), it is judged here on the HTML it produced, as a browser would parse it.
The site's own parts (listings, help citations, notices) are added after this step, never through it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import nh3

from .html_reading import IMPLIED, elements

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TAGS = HEADINGS | {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"lang"},
    "a": {"href", "title", "hreflang", "class"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"style", "colspan", "rowspan"},
    "td": {"style", "colspan", "rowspan"},
    "div": {"class"},
    "span": {"class"},
    "p": {"class"},
    "details": {"class", "open"},
    "pre": {"class"},
    "code": {"class"},
    **{h: {"id"} for h in HEADINGS},
}
STYLE_PROPERTIES = {"text-align"}  # the tables extension aligns columns with it
SCHEMES = {"http", "https", "mailto", "tel", "sms"}
# Material's admonition types: `!!! warning "Title"` renders <div class="admonition warning">
ADMONITION_TYPES = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
                    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
                    "missing", "danger", "error", "bug", "example", "quote", "cite"}
CLASSES: dict[str, set[str]] = {
    "a": {"headerlink"},  # the heading's permalink (toc extension)
    "div": {"admonition", "highlight"} | ADMONITION_TYPES,
    "details": ADMONITION_TYPES,
    "p": {"admonition-title"},
    "pre": {"highlight"},
}
CODE_LANGUAGE = re.compile(r"^language-[a-z0-9+#-]{1,20}$")
CODE_TOKEN = re.compile(r"^[a-z]{1,3}[0-9]?$")  # Pygments' token classes in a highlighted code block: n, o, mi, s2...
ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")
# Ids the site's own parts use: a heading may not take one (an anchor hijacked, a part hidden or doubled).
RESERVED_IDS = re.compile(r"^(?:__|md-|selamat|quick-exit|service-|change-\d{4}-|topic-|year-\d)|^(?:sources|legal-changes|correction)$")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
# For telling editors what was removed: every element HTML, SVG and MathML know (a custom element such as
# <scr> from a tag split over two lines is harmless text and is dropped quietly), and the URL schemes worth
# naming. The HTML is first read by the same HTML5 parser as `clean`, so comment and nesting tricks are seen
# as a browser sees them.
ALL_TAGS = TAGS | set("""
    address applet area article aside audio base basefont bdi bdo bgsound big blink body button canvas center cite col
    colgroup data datalist dfn dialog dir embed fieldset figcaption figure font footer form frame frameset head header
    hgroup html iframe image input isindex keygen label legend link listing main map marquee math menu meta meter nav
    nobr noembed noframes noscript object optgroup option output param picture plaintext portal progress q rb rp rt
    rtc ruby samp script search section select slot source style svg template textarea time title track tt u var
    video wbr xmp animate animatemotion animatetransform circle clippath defs desc ellipse feimage filter
    foreignobject g line lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient rect
    set stop switch symbol text textpath tspan use view annotation-xml maction math mglyph mi mn mo ms mtext semantics
""".split())
ANY_SCHEME = {"http", "https", "mailto", "tel", "sms", "javascript", "vbscript", "data", "file", "blob", "filesystem",
              "about", "intent", "ftp", "ws", "wss", "chrome", "view-source", "jar"}


def _keep_class(tag: str, value: str) -> Optional[str]:
    kept = [c for c in value.split() if c in CLASSES.get(tag, ()) or (tag == "code" and CODE_LANGUAGE.match(c))
            or (tag == "span" and CODE_TOKEN.match(c))]
    return " ".join(kept) or None


def _keep_id(value: str) -> Optional[str]:
    return value if ID.match(value) and not RESERVED_IDS.search(value) else None


def _filter(tag: str, attr: str, value: str) -> Optional[str]:
    if attr == "class":
        return _keep_class(tag, value)
    if attr == "id":
        return _keep_id(value)
    return value


def clean(html: str) -> str:
    """The editor's rendered HTML with everything outside the allow-list removed (scripts and styles with
    their content; any other tag keeps its text)."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_filter, url_schemes=SCHEMES,
                     filter_style_properties=STYLE_PROPERTIES, link_rel=None, strip_comments=True)


@dataclass(frozen=True)
class Finding:
    kind: str  # tag | attribute | class | id | link
    name: str  # the tag, attribute, class, id or link scheme removed
    tag: str  # the element it was on
    hint: str  # a string to look for in the Markdown, to find its line

    def __str__(self) -> str:
        return {"tag": f"<{self.name}>", "attribute": f"{self.name}= on <{self.tag}>", "class": f"class `{self.name}`",
                "id": f"id `{self.name}`", "link": f"a `{self.name}:` link"}[self.kind]


def _element_findings(tag: str, attrs: dict[str, Optional[str]]) -> list[Finding]:
    if tag not in TAGS:
        return [Finding("tag", tag, tag, f"<{tag}")]
    found = []
    allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"]
    for name, value in attrs.items():
        name, value = name.lower(), value or ""
        if name not in allowed:
            found.append(Finding("attribute", name, tag, name))
        elif name == "class":
            kept = set((_keep_class(tag, value) or "").split())
            found += [Finding("class", c, tag, c) for c in value.split() if c not in kept]
        elif name == "id" and _keep_id(value) is None:
            found.append(Finding("id", value, tag, value))
        elif name in URL_ATTRIBUTES and _scheme(value) and _scheme(value) not in SCHEMES:
            found.append(Finding("link", _scheme(value), tag, value.split(":", 1)[0]))
    return found


def _scheme(url: str) -> str:
    """A URL's scheme as a browser reads it (control characters and spaces inside are ignored)."""
    plain = re.sub(r"[\x00-\x20]", "", url)
    m = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
    return m.group(1).lower() if m else ""


@lru_cache(maxsize=4096)
def findings(html: str) -> tuple[Finding, ...]:
    """What `clean` would remove from this HTML (comments aside), each once."""
    as_parsed = nh3.clean(html, tags=ALL_TAGS, clean_content_tags=set(), attributes={},
                          generic_attribute_prefixes=set("abcdefghijklmnopqrstuvwxyz"), url_schemes=ANY_SCHEME,
                          strip_comments=True, link_rel=None)
    found = [finding for node in elements(as_parsed) if node.tag not in IMPLIED  # nh3 writes none of those
             for finding in _element_findings(node.tag.lower(), node.attributes)]
    return tuple(dict.fromkeys(found))
