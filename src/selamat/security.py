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


def add_meta(html: str, hashes: list[str] = ()) -> str:
    """Put the policy and the referrer policy first in <head>, before anything they must govern."""
    metas = (f'<meta http-equiv="Content-Security-Policy" content="{policy(list(hashes))}">\n'
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
    parts = urlsplit(href)
    return parts.scheme in ("http", "https") and parts.hostname not in (None, site_host)


def protect_external_links(html: str, site_host: str) -> str:
    """Every <a> that leaves the site gets rel="noopener noreferrer" (kept with any rel it had)."""
    def one(m: re.Match) -> str:
        tag = m.group(0)
        if "http" not in tag.lower():
            return tag  # no http(s) address: cannot leave the site (most links)
        href = HREF.search(tag)
        if not href or not is_external(href.group("href"), site_host):
            return tag
        rel = REL.search(tag)
        words = (rel.group("rel").split() if rel else [])
        words += [w for w in ("noopener", "noreferrer") if w not in words]
        if rel:
            return tag[: rel.start()] + f' rel="{" ".join(words)}"' + tag[rel.end():]
        return tag[:-1].rstrip("/") + f' rel="{" ".join(words)}">'
    return ANCHOR.sub(one, html)


def finish_page(html: str, site_url: str) -> str:
    """For pages the hooks write themselves (help card, short links, redirects): the same protections
    as every other page."""
    return add_meta(protect_external_links(html, urlsplit(site_url).hostname or ""))


def unframed_paths(norms) -> list[str]:
    """Every path of the site in _headers syntax, but the help card's (/embed/): each section folder
    and top-level page in both languages, the home and 404 pages, and the short links."""
    sections = sorted({norm.split("/")[0] if "/" in norm else norm[:-3] for norm in norms} - {"index"})
    paths = ["", "index.html", "404.html", *(f"{section}/*" for section in sections)]
    return [f"/{prefix(lang)}{path}" for lang in LANGUAGES for path in paths] + ["/go/*"]
