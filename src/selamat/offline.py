"""Offline reading, only by the reader's choice, and the offline edition to pass on.

- The "Save for offline reading" control (the `offline-reading` marker) and its short line in every
  page's footer. Both show the state of the offline copy, which assets/javascripts/offline.js reads
  from the service worker and the caches themselves (the site writes nothing else on the device).
- The service worker, offline-worker.js at the site's root: written at build time from the template
  offline_worker.js with, for each language, the files it precaches and a version (a hash of their
  contents). Nothing registers it until the reader chooses to save.
- The offline edition: one zip per language of the plain-file build (guides/x.html), which works from
  file://, with a start file (Open-me.html, Buka-saya.html). Built by `selamat offline-zip`, outside
  `mkdocs build`; the web build links to the zips and copies them to downloads/ when they exist.

Which files a language's copy holds is decided by rule, never by a list kept by hand: the pages of
the kinds in OFFLINE_KINDS, the language's search index, and the site's scripts, styles and images
(assets/), without link previews, source maps and the search languages the index does not use."""
from __future__ import annotations

import hashlib
import re
import json
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import build, search_index
from .content import Site
from .html import tag, text
from .languages import LANGUAGES, prefix
from .render_context import Context
from .urls import dest_uri, page_url

OFFLINE_KINDS = ("guide", "platform", "law", "help", "section")  # guides, platforms, help, laws, listings, home (not statements)
WORKER = "offline-worker.js"
CACHE_PREFIX = "selamat-offline-"
ASSET_TYPES = (".js", ".css", ".svg", ".png", ".ico", ".woff2")
SKIP_ASSETS = ("assets/previews/",)  # link preview images are for chat apps, not for reading


def start_file(data, lang: str) -> str:
    """The offline edition's first file, named in its language (`offline.start.file` in data/ui-strings.yml):
    Open-me.html, Buka-saya.html. Only letters, digits and dashes, so every system can open it."""
    name = re.sub(r"[^\w-]+", "-", data.t("offline.start.file", lang)).strip("-") or "index"
    return f"{name}.html"

DOWNLOADS = "downloads"  # in the project folder (built by `selamat offline-zip`) and in the site
MARKER = "offline-reading"  # the marker line that places the control, and the id of its section


# --- what a language's copy holds --------------------------------------------------------------


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


# --- the control and the footer line -------------------------------------------------------------


def explainer(site: Site) -> str | None:
    """The page the footer links to: the first guide (else any page) whose Markdown places the control,
    next to the explanation of what it keeps (Covering your tracks)."""
    placed = [p for p in site.pages if f"selamat:{MARKER}" in p.body]
    placed.sort(key=lambda p: (p.kind != "guide", p.norm))
    return placed[0].norm if placed else None


def _more_link(ctx: Context, norm: str | None, label: str) -> str:
    return tag("a", text(label), href=ctx.href(norm, ctx.lang) + f"#{MARKER}") if norm else ""


@dataclass
class Download:
    lang: str
    name: str  # e.g. selamat-ms.zip
    size: int  # bytes


def human_size(size: int) -> str:
    """1.2 MB, 350 KB (Malaysian Malay writes the decimal point as English does)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def find_downloads(folder: Path) -> list[Download]:
    out = []
    for lang in LANGUAGES:
        path = folder / zip_name(lang)
        if path.is_file():
            out.append(Download(lang, path.name, path.stat().st_size))
    return out


def _when(states: str, content: str, name: str = "p", **extra: object) -> str:
    """An element shown only in the listed states; only the `nojs` one is visible before the script runs."""
    return tag(name, content, data_offline_when=states, hidden="nojs" not in states.split(), **extra)


def _button(label: str, action: str) -> str:
    return tag("button", text(label), type="button", class_=f"md-button selamat-offline__{action}",
               data_offline_action=action)


def downloads_list(ctx: Context, downloads: list[Download]) -> str:
    if not downloads:
        return ""
    items = "".join(
        tag("li", tag("a", text(ctx.t("offline.download", language=ctx.language_name(d.lang), size=human_size(d.size))),
                      href=ctx.href_file(f"{DOWNLOADS}/{d.name}"), hreflang=d.lang, download=True)
            + ": " + text(ctx.t("offline.download.open", start=start_file(ctx.data, d.lang))))
        for d in downloads)
    intro = tag("p", text(ctx.t("offline.download.intro")))
    return intro + tag("ul", items, class_="selamat-offline__downloads")


def control(ctx: Context, downloads: list[Download] = (), explained_in: str | None = None) -> str:
    """The full control, where its consequences are explained: what is saved, that the copy is a
    trace, the button, and every state offline.js can show."""
    statuses = [(state, text(ctx.t(f"offline.{state}"))) for state in ("nojs", "unsupported", "file", "saving")]
    statuses += [("saved", tag("strong", text(ctx.t("offline.saved")))),
                 ("other", text(ctx.t("offline.other"))),
                 ("failed", text(ctx.t("offline.failed"))), ("removed", text(ctx.t("offline.removed")))]
    here = explained_in is None or ctx.url == page_url(explained_in, ctx.lang, ctx.directory_urls)
    body = (
        tag("p", tag("strong", text(ctx.t("offline.title"))), class_="selamat-offline__title")
        + tag("p", text(ctx.t("offline.intro")))
        + tag("p", text(ctx.t("offline.trace")))
        + tag("div", "".join(_when(state, message) for state, message in statuses), class_="selamat-offline__status",
              role="status")
        + _when("off other failed removed", _button(ctx.t("offline.save"), "save"))
        + _when("saved other", _button(ctx.t("offline.remove"), "remove"))
        + ("" if here else tag("p", _more_link(ctx, explained_in, ctx.t("offline.more"))))
        + (downloads_list(ctx, list(downloads)) if ctx.directory_urls else "")
    )
    return tag("div", body, class_="selamat-offline", data_selamat_offline="", data_lang=ctx.lang,
               data_search_exclude=True, role="region", aria_label=ctx.t("offline.title"))


def footer(ctx: Context, explained_in: str | None) -> str:
    """The line at the foot of every page: a link to the control where it is explained, or, when this
    language's copy is saved, the state and the button that removes it. None where no page places it."""
    if explained_in is None:
        return ""
    link = _more_link(ctx, explained_in, ctx.t("offline.footer.link"))
    body = (_when("nojs off unsupported file other failed removed saving", link)
            + _when("saved", text(ctx.t("offline.footer.saved")) + " " + _button(ctx.t("offline.remove"), "remove")))
    return tag("div", body, class_="selamat-offline-footer", data_selamat_offline="", data_lang=ctx.lang)


def marker(ctx: Context) -> str:
    """The `offline-reading` marker: the control, with the offline editions built so far."""
    return control(ctx, find_downloads(ctx.root / DOWNLOADS) if ctx.root else [], explainer(ctx.site))


FOOTER_AT = '<div class="md-copyright">'


def insert_footer(html: str, line: str) -> str:
    """Before Material's copyright line, inside the footer; pages without one are left alone."""
    at = html.find(FOOTER_AT)
    return html if at == -1 or not line else html[:at] + line + "\n" + html[at:]


# --- the offline edition -------------------------------------------------------------------------


def zip_name(lang: str) -> str:
    return f"selamat-{lang}.zip"


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
    title = text(ctx.t("offline.start.title"))
    link = tag("a", text(ctx.t("offline.start.link")), href=home)
    return (f'<!doctype html>\n<html lang="{ctx.lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="refresh" content="0; url={home}">\n<title>{title}</title>\n</head>\n'
            f'<body>\n<p>{link}</p>\n</body>\n</html>\n')


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
