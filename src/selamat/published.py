"""The URL contract with partners: every address ever published keeps working. The manifest
(data/published-urls.txt, one site address per line) lists them; a page that moves needs a redirect
in data/redirects.yml (old page -> new page), which the build turns into small redirect pages."""
from __future__ import annotations

import difflib
from pathlib import Path

from . import standalone_page
from .content import Site
from .html import tag, text
from .languages import DEFAULT, LANGUAGES, prefix
from .schema import TYPES
from .urls import page_url

MANIFEST = "published-urls.txt"


def read_manifest(data_dir: Path) -> list[tuple[int, str]]:
    """(line number, site-relative address) for each address in the manifest, which writes them from
    the site's root ("/", "/ms/guides/x/"); comments and blank lines skipped."""
    path = data_dir / MANIFEST
    if not path.exists():
        return []
    return [(n, line.strip()[1:]) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if line.strip().startswith("/")]


def current_urls(site: Site) -> list[str]:
    return sorted(page_url(norm, lang) for norm in site.by_norm for lang in LANGUAGES)


def split(url: str) -> tuple[str, str]:
    """'ms/guides/x/' -> ('guides/x', 'ms'): the language-free path of a directory-style address."""
    lang = next((code for code in LANGUAGES if prefix(code) and url.startswith(prefix(code))), DEFAULT)
    return url[len(prefix(lang)):].strip("/"), lang


def resolve(site: Site, url: str) -> str | None:
    """The page (language-free source path) an address leads to today, or None."""
    path, _ = split(url)
    candidates = ["index.md"] if not path else [f"{path}.md", f"{path}/index.md"]
    return next((c for c in candidates if c in site.by_norm), None)


def norm_of(url: str) -> str:
    """The source path a published address had, for messages: 'guides/x/' -> 'guides/x.md'."""
    path, _ = split(url)
    if not path:
        return "index.md"
    return f"{path}/index.md" if path in TYPES else f"{path}.md"


def guess_new_home(site: Site, old_norm: str, published: set[str]) -> str:
    """The likeliest new place of a moved page: a page in the same folder that is not yet published."""
    fresh = [n for n in site.by_norm if n not in published]
    same_folder = [n for n in fresh if n.rsplit("/", 1)[0] == old_norm.rsplit("/", 1)[0]] or fresh
    found = difflib.get_close_matches(old_norm, same_folder, n=1, cutoff=0.0)
    return found[0] if found else old_norm.rsplit("/", 1)[0] + "/NEW-NAME.md"


def update_manifest(data_dir: Path, site: Site) -> list[str]:
    """Add today's addresses to the manifest (never removing one); returns those added."""
    path = data_dir / MANIFEST
    known = {url for _, url in read_manifest(data_dir)}
    added = [url for url in current_urls(site) if url not in known]
    if added:
        head = "" if path.exists() else (
            "# Every address this site has published, in both languages. Never delete a line: partners\n"
            "# link to these. Added by `selamat urls --update`. A page that moves needs a line in\n"
            "# data/redirects.yml; `selamat check` says which.\n")
        with path.open("a", encoding="utf-8") as out:
            out.write(head + "".join(f"/{url}\n" for url in added))
    return added


def redirect_page(to: str, canonical: str, title: str, message: str, lang: str) -> str:
    """A tiny page at an old address that sends the reader to the new one, with or without script."""
    link = tag("a", text(title), href=to)
    return standalone_page.page(lang, title, tag("p", f"{text(message)} {link}"), refresh=to, canonical=canonical)
