"""Which files a language's offline copy holds, decided by rule, never by a list kept by hand: the pages
of the kinds in OFFLINE_KINDS, the language's search index, and the site's scripts, styles and images
(assets/), without link previews and source maps. Read by the service worker's precache lists
(offline_worker.py) and by the offline editions (offline_edition.py)."""
from __future__ import annotations

from pathlib import Path

from .content import Site
from .languages import prefix

OFFLINE_KINDS = ("guide", "platform", "law", "help", "section")  # guides, platforms, help, laws, listings, home (not statements)
ASSET_TYPES = (".js", ".css", ".svg", ".png", ".ico", ".woff2")
SKIP_ASSETS = ("assets/previews/",)  # link preview images are for chat apps, not for reading


def search_folder(site_dir: Path, lang: str) -> str:
    """The language's own search folder (ms/search/) when the build writes one, else the shared one."""
    own = f"{prefix(lang)}search/"
    return own if (site_dir / own).is_dir() else "search/"


def asset_files(site_dir: Path, lang: str) -> list[str]:
    """Scripts, styles and images under assets/, but for link previews and source maps (the build has
    no lunr files left: search_assets.write removes them)."""
    out = []
    for path in sorted((site_dir / "assets").rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or not rel.endswith(ASSET_TYPES) or rel.startswith(SKIP_ASSETS):
            continue
        out.append(rel)
    return out


def search_files(site_dir: Path, lang: str, suffixes: tuple[str, ...] = (".json",)) -> list[str]:
    """The language's search manifest (`suffixes`: .json, and .js for the file:// loader), its shards
    and its pages' result details (search_index.py)."""
    folder = search_folder(site_dir, lang)
    top = [p for p in (site_dir / folder).glob("*") if p.is_file() and p.name.endswith(suffixes)]
    parts = [p for kind in ("t", "d") for p in (site_dir / folder / kind).glob("*.js")]
    return sorted(p.relative_to(site_dir).as_posix() for p in top + parts)


def page_norms(site: Site, kinds: tuple[str, ...] | None = OFFLINE_KINDS) -> list[str]:
    """Every page of those kinds once (each exists in both languages' builds: a missing translation
    is built from the original)."""
    return sorted(norm for norm, versions in site.by_norm.items()
                  if kinds is None or next(iter(versions.values())).kind in kinds)
