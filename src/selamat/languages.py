"""The site's languages and where each one lives in the built site.

They are listed once, in mkdocs.yml: the i18n plugin's `languages` (locale, name, default). Everything
else reads them from here: `LANGUAGES` (the codes, the default first), `DEFAULT` and `NAMES` (each
language's name for itself). They are read from the project the command runs in: the folder given by
the SELAMAT_PROJECT environment variable, or the nearest one upwards from the current folder that holds
mkdocs.yml. Outside a project (a command that will only say where to run it) there is one language,
English."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Language:
    code: str  # as in file names and URLs: guides/x.ms.md, /ms/guides/x/
    name: str  # the language's name for itself, as the language switcher shows it
    default: bool


FALLBACK = (Language("en", "English", True),)


def read(root: Path) -> tuple[Language, ...]:
    """The languages listed in a project's mkdocs.yml, the default first."""
    from . import mkdocs_config

    for plugin in mkdocs_config.load(root).get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            listed = [Language(str(entry["locale"]), str(entry.get("name") or entry["locale"]), bool(entry.get("default")))
                      for entry in plugin["i18n"].get("languages") or [] if isinstance(entry, dict) and entry.get("locale")]
            if listed:
                if not any(lang.default for lang in listed):
                    listed[0] = Language(listed[0].code, listed[0].name, True)
                return tuple(sorted(listed, key=lambda lang: not lang.default))
    return FALLBACK


def project_root() -> Path | None:
    """The project whose languages this process uses (see the module's description)."""
    given = os.environ.get("SELAMAT_PROJECT")
    if given:
        return Path(given).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "docs").is_dir():
            return folder
    return None


@lru_cache(maxsize=1)
def configured() -> tuple[Language, ...]:
    root = project_root()
    return read(root) if root else FALLBACK


def __getattr__(name: str):
    """LANGUAGES, DEFAULT and NAMES, read from mkdocs.yml the first time one is asked for."""
    if name == "LANGUAGES":
        return tuple(lang.code for lang in configured())
    if name == "DEFAULT":
        return configured()[0].code
    if name == "NAMES":
        return {lang.code: lang.name for lang in configured()}
    raise AttributeError(name)


def others(lang: str) -> tuple[str, ...]:
    """Every language but this one, the default first."""
    return tuple(other.code for other in configured() if other.code != lang)


def prefix(lang: str) -> str:
    """URL prefix of a language: the default language at the root, the others under <code>/."""
    return "" if lang == configured()[0].code else f"{lang}/"
