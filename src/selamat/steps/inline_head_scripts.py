"""Writes the scripts of every page's <head> (overrides/main.html: the two that must run before
Material's) into the page, 404 pages included, so that the first paint does not wait for two round
trips to fetch them. Their hashes then go into the Content-Security-Policy like every inline script's
(security_headers.py runs after this step)."""
import os
from pathlib import Path
from urllib.parse import urlsplit

from selamat.languages import prefix
from selamat.mkdocs_glue import language
from selamat.speed import inline_head_scripts


def on_pre_build(config, state):
    state.head_scripts.clear()  # each script is read once per build, not once per page


def _read_once(texts: dict[str, str | None], path: str) -> str | None:
    if path not in texts:
        texts[path] = Path(path).read_text(encoding="utf-8") if os.path.isfile(path) else None
    return texts[path]


def _reader(texts: dict[str, str | None], folder: Path):
    def read(src):
        return None if "://" in src else _read_once(texts, os.path.normpath(os.path.join(folder, src.lstrip("/"))))
    return read


def on_post_page(output, page, config, state):
    return inline_head_scripts(output, _reader(state.head_scripts, Path(page.file.abs_dest_path).parent))


def on_post_template(output_content, template_name, config, state):
    if template_name != "404.html":
        return output_content
    # The 404 page links its scripts from the site's root path, which is the folder above a language's.
    root = Path(config.site_dir)
    lang_prefix = prefix(language(config)).strip("/")
    if lang_prefix and root.name == lang_prefix:
        root = root.parent
    base = urlsplit(config.site_url or "/").path
    return inline_head_scripts(output_content, lambda src: _reader(state.head_scripts, root)(src[len(base):] if src.startswith(base) else src))
