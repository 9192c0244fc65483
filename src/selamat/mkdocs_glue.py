"""What the build's steps (selamat/steps/) read from MkDocs' config, in one place, so each step stays a few lines."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .languages import DEFAULT
from .render_context import Context
from .state import load


def project_root(config) -> Path:
    return _folder_of(config.config_file_path)


@lru_cache(maxsize=16)
def _folder_of(file: str) -> Path:
    return Path(file).resolve().parent


def languages_differ(config) -> str | None:
    """What to do when the languages this process read (from the project it runs in) are not the ones
    of the mkdocs.yml being built: MkDocs was started from another folder."""
    from . import languages

    i18n = config.plugins.get("i18n")
    built = tuple(lang.locale for lang in sorted(i18n.config.languages, key=lambda l: not l.default)) if i18n else ()
    if not built or built == languages.LANGUAGES:
        return None
    return (f"This build's mkdocs.yml lists the languages {', '.join(built)}, but Selamat read {', '.join(languages.LANGUAGES)} "
            f"from {languages.project_root() or 'no project'}. Run mkdocs from the project's folder (cd {project_root(config)}), "
            "or set SELAMAT_PROJECT to that folder.")


def language(config) -> str:
    """The language being built: mkdocs-static-i18n sets the theme language for each build."""
    return config.theme.get("language") or DEFAULT


def context(config, page_url: str) -> Context:
    root = project_root(config)
    site, data = load(Path(config.docs_dir), root / "data")
    repository = (config.extra.get("selamat") or {}).get("repository")
    return Context(site, data, language(config), page_url, config.use_directory_urls, repository=repository,
                   root=root, site_url=config.site_url or "/")


def page_of(ctx: Context, page):
    """Our record of an MkDocs page (None for pages we do not know, e.g. generated ones)."""
    return ctx.site.by_rel.get(page.file.src_uri)


def all_languages_built(config) -> bool:
    """True once, at the end of the outer build, after mkdocs-static-i18n has built every language
    (it builds the others from inside the first build's on_post_build, setting `building`)."""
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)
