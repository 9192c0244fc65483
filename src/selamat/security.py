"""What a page may load and tell other sites: a strict Content-Security-Policy (inline scripts allowed
only by their hashes, nothing from other hosts), no Referer sent anywhere, and `rel="noopener
noreferrer"` on every link that leaves the site."""
from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from .languages import LANGUAGES, prefix

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPES = ("application/json", "application/ld+json")
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


def script_hashes(html: str) -> list[str]:
    """'sha256-…' of each executable inline script, in page order."""
    out = []
    for m in INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs") or ""
        if re.search(r"\ssrc=", attrs, re.I):
            continue
        kind = re.search(r'\stype="([^"]*)"', attrs, re.I)
        if kind and kind.group(1).lower() in DATA_TYPES:
            continue
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        out.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return out


def policy(hashes: list[str], from_files: bool = False) -> str:
    """The policy for a page with these inline-script hashes. `from_files`: the plain-file build (the
    offline edition, opened from file://), where search runs in the iframe-worker shim, whose frame
    holds an inline script naming the worker's file:// address — unknowable at build time, so no hash
    can allow it. There, inline scripts are allowed ('unsafe-inline' is void next to hashes, so none
    are listed); the edition is static text from us and takes no input, so there is nothing to inject."""
    parts = []
    for name, values in DIRECTIVES.items():
        if name == "script-src":
            values = values + (["'unsafe-inline'"] if from_files else sorted(set(hashes)))
        parts.append(" ".join([name, *values]))
    return "; ".join(parts)


def add_meta(html: str, from_files: bool = False) -> str:
    """Put the policy and the referrer policy first in <head>, before anything they must govern."""
    metas = (f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html), from_files)}">\n'
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
    return out + "".join(f"{path}\n  X-Frame-Options: DENY\n" for path in unframed)


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
