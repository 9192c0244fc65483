"""The service worker for offline reading, offline-worker.js at the site's root: written at build time
from the template offline_worker.js with, for each language, the files it precaches (offline_files.py)
and a version (a hash of their contents). Nothing registers it until the reader chooses to save
(assets/javascripts/offline.js)."""
from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

from .content import Site
from .languages import LANGUAGES
from .offline_files import asset_files, page_norms, search_files
from .urls import dest_uri, page_url

WORKER = "offline-worker.js"
CACHE_PREFIX = "selamat-offline-"


def precache(site_dir: Path, site: Site, lang: str, directory_urls: bool = True) -> list[str]:
    """The URLs (relative to the site's root) the service worker saves for a language."""
    pages = [page_url(norm, lang, directory_urls) for norm in page_norms(site)
             if (site_dir / dest_uri(norm, lang, directory_urls)).is_file()]
    return pages + search_files(site_dir, lang) + asset_files(site_dir, lang)


def version(site_dir: Path, urls: list[str]) -> str:
    """A hash of the URLs and the contents of the files behind them: it changes when any of them does."""
    digest = hashlib.sha256()
    for url in urls:
        path = url + "index.html" if url.endswith("/") or url == "" else url
        digest.update(url.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256((site_dir / path).read_bytes()).digest())
    return digest.hexdigest()[:16]


def manifest(site_dir: Path, site: Site, directory_urls: bool = True) -> dict:
    languages = {}
    for lang in LANGUAGES:
        urls = precache(site_dir, site, lang, directory_urls)
        languages[lang] = {"version": version(site_dir, urls), "files": urls}
    return {"prefix": CACHE_PREFIX, "languages": languages}


def worker(site_dir: Path, site: Site, directory_urls: bool = True) -> str:
    """The service worker's script, with the precache lists and versions written in."""
    template = resources.files("selamat").joinpath("offline_worker.js").read_text(encoding="utf-8")
    data = json.dumps(manifest(site_dir, site, directory_urls), separators=(",", ":"), sort_keys=True)
    return template.replace("/*MANIFEST*/{}", data)


def write_worker(site_dir: Path, site: Site, directory_urls: bool = True) -> Path:
    out = site_dir / WORKER
    out.write_text(worker(site_dir, site, directory_urls), encoding="utf-8")
    return out
