"""Reading HTML as a browser does: Lexbor (through selectolax), a C parser that follows the HTML5
standard's parsing rules, so markup a looser reader would misread is read here as the browser will read
it. For what could run on a finished page (own_scripts.py) and what the sanitiser would remove from an
editor's HTML (sanitise.py)."""
from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

IMPLIED = frozenset({"html", "head", "body"})  # added by the parser when the HTML has none


def elements(html: str) -> Iterator[LexborNode]:
    """Every element of `html`, read as a document, in document order: <html>, <head> and <body> too (the
    parser adds them, and puts what may lead a document, such as <script> or <meta>, in <head>), and the
    contents of each <template>."""
    yield from _elements(LexborHTMLParser(html).root)


def _elements(root: LexborNode) -> Iterator[LexborNode]:
    for node in root.traverse():
        if node.tag.startswith("-"):  # -text, -comment...
            continue
        yield node
        if node.tag == "template":  # its contents are a fragment of their own, which traverse() does not enter
            outer = node.html or ""
            holder = LexborHTMLParser("<div" + outer[len("<template"):-len("</template>")] + "</div>").body.child
            for child in holder.iter():
                yield from _elements(child)
