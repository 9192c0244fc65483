"""Every place where Selamat relies on the inside of Material for MkDocs or mkdocs-static-i18n: an edit of
the HTML or JavaScript Material writes (found by searching its markup), a browser script that replaces
what Material's own script does (XMLHttpRequest, Worker, its search), or a step that reads or sets
attributes these plugins keep internally. None of it is a public interface, so an upgrade can break it
without an error. Each entry names the files that hold the patch, what it relies on, and the version it
was written and last checked against.

The build stops (steps/upstream_pins.py) when the installed version of either package differs from the
pin in pyproject.toml, naming the patches to re-check. After re-checking each one against the new
version (the tests help: most patches have one), update its `written_against` here and the pin in
pyproject.toml and requirements.lock (`make lock`); tests/test_build_order.py checks they agree."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable, Optional

MATERIAL = "mkdocs-material"
I18N = "mkdocs-static-i18n"
PACKAGES = (MATERIAL, I18N)


@dataclass(frozen=True)
class Patch:
    name: str
    package: str  # MATERIAL or I18N
    written_against: str  # the version of `package` it was written and last checked against
    files: tuple[str, ...]
    relies_on: str


PATCHES: tuple[Patch, ...] = (
    # --- edits of the HTML Material writes -------------------------------------------------------------
    Patch("quick-exit-skip-link", MATERIAL, "9.8.1", ("src/selamat/quick_exit.py", "src/selamat/steps/quick_exit.py"),
          "Material's base.html writes its own skip link right after `<body ...>`, outside any block, so ours is "
          "inserted into the finished page right after the first `<body ...>` tag that follows </head>"),
    Patch("site-meta-alternates", MATERIAL, "9.8.1", ("src/selamat/template_blocks.py", "src/selamat/alternates.py"),
          "the `site_meta` block's output holds the language switcher's alternates as `<link rel=\"alternate\" "
          "href=\"...\" hreflang=\"...\">`; they are removed from it (extrahead adds absolute ones)"),
    Patch("external-link-attributes", MATERIAL, "9.8.1", ("src/selamat/security.py", "src/selamat/steps/external_links.py"),
          "every `<a>` in the finished page (Material's header, footer and navigation included) gets "
          'rel="noopener noreferrer" when it leaves the site'),
    Patch("deferred-body-scripts", MATERIAL, "9.8.1", ("src/selamat/defer_scripts.py", "src/selamat/template_blocks.py"),
          "the `scripts` block's output is plain `<script src=...></script>` tags (Material's bundle and the "
          "site's); Material's bundle still works when deferred (it runs before DOMContentLoaded)"),
    Patch("trimmed-css", MATERIAL, "9.8.1", ("src/selamat/trim_css.py", "src/selamat/steps/trim_css.py"),
          "Material's stylesheet is assets/stylesheets/main.<8 hex>.min.css, linked as "
          '`<link rel="stylesheet" href="...assets/stylesheets/main.<hash>.min.css">` outside any block; the class '
          "prefixes its scripts add at run time are those in trim_css.RUNTIME_PREFIXES"),
    Patch("search-worker", MATERIAL, "9.8.1", ("src/selamat/search_assets.py", "src/selamat/template_blocks.py",
                                               "src/selamat/steps/search_worker.py", "src/selamat/js/search-worker.js"),
          "the `config` block's output names assets/javascripts/workers/search.<8 hex>.min.js; our worker "
          "speaks Material's worker protocol (setup, ready, query, result) and result format; Material's lunr "
          "files under assets/javascripts/lunr/ are not needed"),
    Patch("search-index", MATERIAL, "9.8.1", ("src/selamat/search_index.py", "src/selamat/steps/search_indexes.py"),
          "Material fetches search/search_index.json (search/search_index.js from file://) and hands its JSON "
          "to the worker unread, apart from its `config`"),
    Patch("file-search-shim", MATERIAL, "9.8.1", ("src/selamat/steps/search_file_build.py", "overrides/main.html"),
          "the `libs` block is only Material's loop over `extra.polyfills`; it is replaced without super(), "
          "so anything Material adds to it would be lost"),
    Patch("material-strings", MATERIAL, "9.8.1", ("src/selamat/steps/template_globals.py",
                                                  "overrides/partials/material-strings.html"),
          "Material reads its interface strings from the template partials/languages/<code>.html, with the "
          "keys data/ui-strings.yml lists under `material`"),
    Patch("template-overrides", MATERIAL, "9.8.1", ("overrides/main.html", "overrides/404.html",
                                                    "overrides/partials/copyright.html", "src/selamat/template_blocks.py"),
          "Material's block names (site_meta, libs, extrahead, header, config, scripts, content) and its partial "
          "partials/copyright.html: the head scripts, hreflang links, link previews, quick-exit bar and the "
          "offline-reading line go in through them"),
    Patch("not-found-language-switcher", MATERIAL, "9.8.1", ("src/selamat/steps/per_language_404.py",),
          "Material's language switcher lists `config.extra.alternate`"),
    Patch("serve-dirty-search", MATERIAL, "9.8.1", ("src/selamat/steps/serve_dirty.py", "src/selamat/serve.py"),
          "Material's search plugin keeps `is_dirty` and `search_index_prev` and writes search/search_index.json "
          "with a `docs` list"),
    # --- browser scripts that replace what Material's script does ---------------------------------------
    Patch("search-on-demand", MATERIAL, "9.8.1", ("docs/assets/javascripts/search-on-demand.js",),
          "Material requests search/search_index.json with XMLHttpRequest (open, send) on every page view; the "
          "request is held until the search field is used"),
    Patch("workers-on-demand", MATERIAL, "9.8.1", ("docs/assets/javascripts/workers-on-demand.js",),
          "Material creates its search worker with `new Worker(url)` at page load and sends it the first message "
          "only once the index has arrived; window.Worker is replaced by a stand-in until then"),
    Patch("accessible-search-and-tables", MATERIAL, "9.8.1", ("docs/assets/javascripts/accessible-material.js",),
          "`.md-search[role=dialog]`, `.md-search__input`, `.md-typeset__scrollwrap`; Material searches on keyup"),
    Patch("hreflang-for-crawlers", MATERIAL, "9.8.1", ("docs/assets/javascripts/hreflang-for-crawlers.js",),
          "Material's bundle reads link[rel=alternate] after DOMContentLoaded and fetches a sitemap.xml beside each"),
    # --- mkdocs-static-i18n's internals ------------------------------------------------------------------
    Patch("parallel-languages", I18N, "1.3.1", ("src/selamat/steps/parallel_languages.py", "src/selamat/language_builds.py"),
          "the plugin builds the other languages from its on_post_build by calling mkdocs_static_i18n.plugin.build "
          "(replaced here) with `building`, `current_language`, `build_languages` and `search_entries` set, and "
          "with mkdocs.utils.clean_directory replaced"),
    Patch("one-language-pages", I18N, "1.3.1", ("src/selamat/steps/one_language_pages.py",),
          "the File attributes the plugin reads: locale, localization, locale_alternate_of, norm_src_uri, alternates"),
    Patch("language-being-built", I18N, "1.3.1", ("src/selamat/mkdocs_glue.py",),
          "the plugin sets theme.language per language build and `building` while it builds the others"),
    Patch("not-found-alternates", I18N, "1.3.1", ("src/selamat/steps/per_language_404.py",),
          "the plugin sets config.extra['alternate'] and the attribute config.extra.alternate; templates read "
          "the attribute first"),
)


def pins(root: Optional[Path]) -> dict[str, str]:
    """The exact versions pinned (`name==version`) in the project's pyproject.toml; without one (an
    installed copy), in the installed selamat package's requirements."""
    file = root / "pyproject.toml" if root else None
    if file and file.is_file():
        requirements = tomllib.loads(file.read_text(encoding="utf-8"))["project"]["dependencies"]
    else:
        requirements = metadata.requires("selamat") or []
    found = {}
    for line in requirements:
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;,]+)", line)
        if m:
            found[m.group(1).lower().replace("_", "-")] = m.group(2)
    return found


def installed(package: str) -> Optional[str]:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def unpinned(root: Optional[Path], version: Optional[Callable[[str], Optional[str]]] = None) -> Optional[str]:
    """What differs from the pins, with the patches to re-check; None when every version is the pinned one.
    `version` looks up an installed version (default: `installed`)."""
    version = version or installed
    pinned = pins(root)
    lines = []
    for package in PACKAGES:
        want, have = pinned.get(package), version(package)
        if want is None or have == want:
            continue
        lines.append(f"{package} is {have or 'not installed'} here, but pyproject.toml pins {want}. "
                     f"Re-check these patches of its output against {have or 'it'} (src/selamat/material_patches.py):")
        lines += [f"  - {p.name} (written against {p.written_against}; {', '.join(p.files)}): {p.relies_on}"
                  for p in PATCHES if p.package == package]
    if not lines:
        return None
    return "\n".join(lines + ["Then set each patch's written_against and the pins (pyproject.toml, `make lock`) to the new "
                              "version. To go back instead: `pip install -c requirements.lock -e .`."])
