"""The lunr language files Material's search worker loads for our indexes
(assets/javascripts/lunr/min/lunr.<code>.min.js): the Malay stemmer, the search language
(src/selamat/js/search-language.js) and that language's data from data/, in one file, because the
worker loads it with importScripts, which cannot wait for a second file in the file:// shim."""
from __future__ import annotations

import json
from pathlib import Path

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


def write(site_dir: Path, data: Data) -> list[Path]:
    out = []
    for lang in CODES:
        target = site_dir / path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(language_file(lang, data), encoding="utf-8")
        out.append(target)
    return out
