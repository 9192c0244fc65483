"""The search worker the site ships instead of Material's: one script, written at build time, that holds
the Porter stemmer (read from the lunr.js that MkDocs ships, the algorithm Python's `lunr` runs), the Malay
stemmer, the engine (src/selamat/js/search-engine.js) and the worker's messages (search-worker.js).
Its name carries a hash of its contents (assets/javascripts/workers/search.<hash>.min.js), as Material's
does, so a host's cache never serves an old one; every page's Material configuration names it.
Material's own worker and its lunr language files are no longer used and are removed from the build."""
from __future__ import annotations

import hashlib
import re
import shutil
from functools import lru_cache
from pathlib import Path

import mkdocs

JS = Path(__file__).parent / "js"
LUNR_JS = Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js"
WORKERS = "assets/javascripts/workers/"
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js")
PARTS = ("malay-stemmer.js", "search-engine.js", "search-worker.js")


def porter_stemmer() -> str:
    """lunr's English stemmer as a plain function SelamatPorterStemmer(word) -> stem."""
    source = LUNR_JS.read_text(encoding="utf-8")
    start = source.index("lunr.stemmer = (function(){")
    end = source.index("lunr.Pipeline.registerFunction(lunr.stemmer, 'stemmer')")
    licence = source[:source.index("*/") + 2]
    return (f"{licence}\n/* lunr's Porter stemmer (from the lunr.js MkDocs ships), as a function of a word. */\n"
            "var SelamatPorterStemmer = (function () {\n  var lunr = {};\n"
            f"{source[start:end].rstrip()}\n"
            "  return function (word) {\n"
            "    var token = { str: word, update: function (fn) { this.str = fn(this.str); return this; } };\n"
            "    return lunr.stemmer(token).str;\n  };\n})();\n")


@lru_cache(maxsize=1)
def worker_source() -> str:
    parts = [porter_stemmer()] + [(JS / name).read_text(encoding="utf-8") for name in PARTS]
    return "\n".join(parts)


def worker_path() -> str:
    digest = hashlib.sha256(worker_source().encode("utf-8")).hexdigest()[:8]
    return f"{WORKERS}search.{digest}.min.js"


def use_ours(html: str) -> str:
    """A page's Material configuration naming our worker instead of Material's."""
    return MATERIAL_WORKER.sub(worker_path(), html)


def write(site_dir: Path) -> Path:
    """Our worker into the built site; Material's worker and lunr files out."""
    target = site_dir / worker_path()
    for old in (site_dir / WORKERS).glob("search.*"):
        if old != target:
            old.unlink()
    shutil.rmtree(site_dir / "assets/javascripts/lunr", ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(worker_source(), encoding="utf-8")
    return target
