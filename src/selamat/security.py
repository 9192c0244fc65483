"""What a page may load and tell other sites: a strict Content-Security-Policy (inline scripts allowed
only by their hashes, nothing from other hosts), no Referer sent anywhere, and `rel="noopener
noreferrer"` on every link that leaves the site."""
from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from .languages import LANGUAGES, prefix

ANCHOR = re.compile(r"<a\s[^>]*>", re.I)
HREF = re.compile(r'\shref="(?P<href>[^"]*)"', re.I)
REL = re.compile(r'\srel="(?P<rel>[^"]*)"', re.I)
# An address with no scheme, no entity, no backslash and nothing a browser strips, that does not start
# with "/": a path on this site, whatever the browser does with it (most links on a page; the full
# reading below is for the rest).
PLAINLY_RELATIVE = re.compile(r"[\w.#?][^:&\\\x00-\x20]*\Z")

DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # plus the hashes of the page's inline scripts
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material draws its icons with data: SVG in CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-src": ["'none'"],
}
REFERRER_POLICY = "no-referrer"


def script_hash(body: str) -> str:
    """'sha256-…' of an inline script, as a Content-Security-Policy allows it."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


def policy(hashes: list[str]) -> str:
    """The policy for a page whose own inline scripts have these hashes (own_scripts.py says which are the
    site's own; nothing else is ever hashed). The plain-file build (the offline edition) is no different:
    the script the iframe-worker shim writes into its frame is hashed for the worker address each page names."""
    parts = []
    for name, values in DIRECTIVES.items():
        if name == "script-src":
            values = values + sorted(set(hashes))
        parts.append(" ".join([name, *values]))
    return "; ".join(parts)


def add_meta(html: str, hashes: list[str] = (), own_policy: str | None = None) -> str:
    """Put the policy and the referrer policy first in <head>, before anything they must govern.
    `own_policy`: a page's own policy in place of the site's (the editor's, editor_site.py)."""
    metas = (f'<meta http-equiv="Content-Security-Policy" content="{own_policy or policy(list(hashes))}">\n'
             f'<meta name="referrer" content="{REFERRER_POLICY}">\n')
    start = html.index("<head")
    end = html.index(">", start) + 1
    return html[:end] + "\n" + metas + html[end:]


def headers_file(hashes: list[str], unframed: list[str]) -> str:
    """A _headers file (Netlify, Cloudflare Pages and others read it): the same policies for every path,
    and no framing by other sites for the `unframed` paths, which are all but the help card partners
    embed. (Hosts merge every rule that matches a path, so a stricter second CSP for the card could not
    be undone; framing is refused with X-Frame-Options, path by path, instead.)"""
    out = ("/*\n"
           f"  Content-Security-Policy: {policy(hashes)}\n"
           f"  Referrer-Policy: {REFERRER_POLICY}\n"
           "  X-Content-Type-Options: nosniff\n"
           "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n")
    for path in unframed:
        if re.search(r"\s", path):
            raise ValueError(f"{path!r}: a path with a space or line break cannot go into _headers")
        # frame-ancestors in a second policy: a browser enforces every policy it is sent, so this only adds
        # "no framing" to the one above; X-Frame-Options for browsers that predate it.
        out += f"{path}\n  X-Frame-Options: DENY\n  Content-Security-Policy: frame-ancestors 'none'\n"
    return out


def is_external(href: str, site_host: str) -> bool:
    """Whether a link leaves the site, read as a browser reads it: http:, https: or protocol-relative
    (//host/path) to another host, whatever the case, entities (&#47;), backslashes (\\\\host), tabs and
    newlines (dropped), extra slashes (///host) or leading spaces and control characters. When in doubt
    (http: or https: with no host we can read) it counts as leaving: protecting a link costs nothing."""
    from html import unescape

    if PLAINLY_RELATIVE.match(href):
        return False
    url = re.sub(r"[\t\n\r]", "", unescape(href)).strip("".join(map(chr, range(0x21))))  # C0 controls, space
    url = url.replace("\\", "/")
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    if scheme:
        if scheme.group(1).lower() not in ("http", "https"):
            return False  # mailto:, tel:, sms: and the like open an app, not a page
        rest = url[scheme.end():]
    elif url.startswith("//"):
        rest = url
    else:
        return False  # a relative address on this site
    try:
        host = urlsplit("//" + rest.lstrip("/")).hostname
    except ValueError:
        return True
    return host != site_host.lower() if host else True


def protect_external_links(html: str, site_host: str) -> str:
    """Every <a> that leaves the site (`is_external`) gets rel="noopener noreferrer" (kept with any rel it
    had). Attributes are read in order, quoted either way or not at all, and the first href and rel count,
    as in a browser."""
    anchor = re.compile(r"""<a(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
    attribute = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")

    def one(m: re.Match) -> str:
        tag = m.group(0)
        body = tag[2:-1]
        href = rel = None
        end = 0  # where the last attribute ends: only spaces and a "/" may follow
        for a in attribute.finditer(body):
            end = a.end()
            name = a.group(1).lower()
            if name == "href" and href is None:
                href = next((v for v in a.group(2, 3, 4) if v is not None), "")
            elif name == "rel" and rel is None:
                rel = a
        if href is None or not is_external(href, site_host):
            return tag
        words = next((v for v in rel.group(2, 3, 4) if v is not None), "").split() if rel else []
        words += [w for w in ("noopener", "noreferrer") if w not in words]
        value = f'rel="{" ".join(words)}"'
        if rel:
            return "<a" + body[: rel.start()] + value + body[rel.end():] + ">"
        return "<a" + body[:end] + " " + value + ">"
    return anchor.sub(one, html)


def finish_page(html: str, site_url: str) -> str:
    """For pages the build's steps write themselves (help card, short links, redirects): the same protections
    as every other page."""
    return add_meta(protect_external_links(html, urlsplit(site_url).hostname or ""))


def unframed_paths(norms) -> list[str]:
    """Every path of the site in _headers syntax, but the help card's (/embed/): each section folder
    and top-level page in both languages, the home and 404 pages, and the short links."""
    sections = sorted({norm.split("/")[0] if "/" in norm else norm[:-3] for norm in norms} - {"index"})
    paths = ["", "index.html", "404.html", *(f"{section}/*" for section in sections)]
    return [f"/{prefix(lang)}{path}" for lang in LANGUAGES for path in paths] + ["/go/*"]
