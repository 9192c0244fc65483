"""The lunr language files Material's search worker loads for our indexes
(assets/javascripts/lunr/min/lunr.<code>.min.js): the Malay stemmer, the search language
(src/selamat/js/search-language.js) and that language's data from data/, in one file, because the
worker loads it with importScripts, which cannot wait for a second file in the file:// shim."""
from __future__ import annotations

import json
from pathlib import Path

from . import languages
from .data import Data
from .search_query import CODES

JS = Path(__file__).parent / "js"


def language_data(lang: str, data: Data) -> dict:
    return {
        "code": CODES[lang],
        "stopWords": data.search_stop_words.get(lang, []),
        "stemmer": {"roots_that_look_affixed": list(data.stemmer.roots_that_look_affixed),
                    "known_roots": list(data.stemmer.known_roots)},
        "aliases": data.search_aliases.get(lang, {}),
    }


def language_file(lang: str, data: Data) -> str:
    parts = [(JS / "malay-stemmer.js").read_text(encoding="utf-8")] if lang == "ms" else []
    parts.append((JS / "search-language.js").read_text(encoding="utf-8"))
    payload = json.dumps(language_data(lang, data), ensure_ascii=False, separators=(",", ":"))
    parts.append(f"SelamatSearchLanguage.install(self.lunr, {payload});\n")
    return "\n".join(parts)


def path(lang: str) -> str:
    return f"assets/javascripts/lunr/min/lunr.{CODES[lang]}.min.js"


# Material 9.8.1's search worker loads lunr's word splitter (wordcut.js) before the language file only
# for Hindi and Thai, but lunr's Tamil (and others) need it too, and fail without it ("Cannot read
# properties of undefined (reading 'init')"). For such a language of the site, its language file
# carries the splitter in front. Re-check when Material changes.
WORDCUT_LOADED_BY_MATERIAL = ("hi", "th")


def material_lunr() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr"


def with_word_splitter(lang: str) -> str | None:
    """The language file of a language whose lunr support needs wordcut.js and does not get it."""
    own = material_lunr() / "min" / f"lunr.{lang}.min.js"
    if lang in CODES or lang in WORDCUT_LOADED_BY_MATERIAL or not own.exists():
        return None
    text = own.read_text(encoding="utf-8")
    if "wordcut" not in text:
        return None
    return (material_lunr() / "wordcut.js").read_text(encoding="utf-8") + "\n" + text


def write(site_dir: Path, data: Data) -> list[Path]:
    out = []
    for lang in CODES:
        target = site_dir / path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(language_file(lang, data), encoding="utf-8")
        out.append(target)
    for lang in languages.LANGUAGES:
        fixed = with_word_splitter(lang)
        if fixed is not None:
            target = site_dir / f"assets/javascripts/lunr/min/lunr.{lang}.min.js"
            target.write_text(fixed, encoding="utf-8")
            out.append(target)
    return out
