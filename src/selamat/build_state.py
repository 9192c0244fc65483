"""What the build's steps (selamat/steps/) hand to one another, in one place. The `selamat` plugin
(plugin.py) owns one `BuildState` and passes it to the steps that ask for it (a `state` parameter);
no step keeps anything in a module-level variable.

A build here is one `mkdocs build` (or one `mkdocs serve` rebuild) with all its languages:
mkdocs-static-i18n builds the other languages inside the first one, and those builds add to the same
state. `new_build()` starts it afresh (steps/new_build.py, the first step of every build).

The fields a language built in a forked copy (language_builds.py) must hand back to the parent are
made through `language_builds.kept()`, which merges the copy's into the parent's when it joins.
`Session` is what lasts for the whole MkDocs command, across `mkdocs serve` rebuilds."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .background import Files
from .language_builds import kept
from .site_script import SiteScript
from .trim_css import SeenPages


@dataclass
class Session:
    """For the whole `mkdocs build` or `mkdocs serve` command."""

    serve_dirty: bool = False  # `mkdocs serve --dirty`: each rebuild renders only the changed pages
    search_docs: Optional[list] = None  # the whole site's search entries after the last build (serve_dirty.py)


@dataclass
class BuildState:
    """For one build, all languages included."""

    session: Session = field(default_factory=Session)
    # site_script.py: this build's combined script (each language's build sees the same)
    site_script: Optional[SiteScript] = None
    # short_links.py: the QR codes drawn in worker processes while the pages render
    qr_codes: Files = field(default_factory=Files)
    # Handed back by the languages built in a forked copy:
    # link_previews.py: the preview images drawn in worker processes while the pages render
    preview_images: Files = field(default_factory=lambda: kept("preview images", Files))
    # per_language_404.py: language -> its 404 page, written once every language is built
    pages_404: dict[str, str] = field(default_factory=lambda: kept("404 pages", dict))
    # security_headers.py: the hashes of every language's inline scripts, for _headers
    script_hashes: set[str] = field(default_factory=lambda: kept("script hashes", set))
    # language_search_index.py: language -> the manifest of the search index its build wrote
    search_manifests: dict[str, dict] = field(default_factory=lambda: kept("search manifests", dict))
    # language_search_index.py: language -> the worker's job writing its index (the outer build's language)
    search_jobs: dict = field(default_factory=dict)
    # trim_css.py: the names every page uses, for trimming Material's CSS
    css_names: SeenPages = field(default_factory=lambda: kept("css names", SeenPages))

    def new_build(self) -> None:
        """Forget the last build (the session stays)."""
        fresh = BuildState(self.session)
        self.__dict__.update(fresh.__dict__)
