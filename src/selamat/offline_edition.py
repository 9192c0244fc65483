"""The offline edition to pass on: one zip per language of the plain-file build (guides/x.html), which
works from file://, with a start file (Open-me.html, Buka-saya.html). Built by `selamat offline-zip`,
outside `mkdocs build`; the web build links to the zips and copies them to downloads/ when they exist."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from . import build, search_index, standalone_page
from .content import Site
from .html import tag, text
from .languages import LANGUAGES
from .offline_downloads import zip_name
from .offline_files import asset_files, page_norms, search_files
from .render_context import Context
from .urls import dest_uri


def start_file(data, lang: str) -> str:
    """The offline edition's first file, named in its language (`offline.start.file` in data/ui-strings.yml):
    Open-me.html, Buka-saya.html. Only letters, digits and dashes, so every system can open it."""
    name = re.sub(r"[^\w-]+", "-", data.t("offline.start.file", lang)).strip("-") or "index"
    return f"{name}.html"


def edition_files(site_dir: Path, site: Site, lang: str) -> list[str]:
    """What a language's zip holds, from a plain-file build: every page of the language (statements
    too: the zip is a copy of the whole site in that language), its search files (the .js ones let
    search start from file://), and the assets."""
    pages = [dest_uri(norm, lang, False) for norm in page_norms(site, None)]
    pages = [p for p in pages if (site_dir / p).is_file()]
    files = pages + search_files(site_dir, lang, (".json", ".js")) + asset_files(site_dir, lang)
    return [f for f in files if f != search_index.FILE_LOADER_PATH]  # written per language by write_edition


def start_page(ctx: Context, home: str) -> str:
    """The start file at the top of the zip: it opens the home page (a link too, for browsers that
    do not follow the refresh)."""
    link = tag("a", text(ctx.t("offline.start.link")), href=home)
    return standalone_page.page(ctx.lang, ctx.t("offline.start.title"), tag("p", link), robots=None, refresh=home)


def write_edition(site_dir: Path, site: Site, ctx: Context, out: Path) -> Path:
    """Zip a language's offline edition from a plain-file build into `out`/selamat-<lang>.zip.
    Entries are sorted and dated 1980-01-01, so the same build gives the same zip."""
    from .security import finish_page

    lang = ctx.lang
    top = f"selamat-{lang}/"
    out.mkdir(parents=True, exist_ok=True)
    target = out / zip_name(lang)
    home = dest_uri("index.md", lang, False)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(top + name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
        add(start_file(ctx.data, lang), finish_page(start_page(ctx, home), ctx.site_url).encode("utf-8"))
        for rel in edition_files(site_dir, site, lang):
            add(rel, (site_dir / rel).read_bytes())
        # Material looks for search/search_index.js at the root from every page: this language's only
        add(search_index.FILE_LOADER_PATH, search_index.file_loader(site_dir, [lang]).encode("utf-8"))
    return target


def build_plain(root: Path, out: Path) -> bool:
    """Build the site with plain-file URLs (guides/x.html), as the offline edition needs, into `out`."""
    return build.site(root, out, SELAMAT_DIRECTORY_URLS="false")


def write_editions(site_dir: Path, site: Site, data, out: Path, langs=LANGUAGES) -> list[Path]:
    """Every language's offline edition from a plain-file build."""
    return [write_edition(site_dir, site, Context(site, data, lang, "", directory_urls=False), out) for lang in langs]
