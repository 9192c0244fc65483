"""Writes the short links partners put on posters and in chats: /go/<slug>/ for every guide, law page
and the help page, opening the reader's language (go.js; without script the page shows both links),
each with a QR code at /go/<slug>/qr.svg. The QR codes are made in worker processes while the pages
render, and kept in .cache/qr/ for the next build."""
from pathlib import Path

from selamat.background import key
from selamat.languages import DEFAULT, LANGUAGES
from selamat.mkdocs_glue import all_languages_built, context, language, project_root
from selamat.partner_links import QR_STYLE, go_page, qr_code, short_links
from selamat.security import finish_page
from selamat.urls import absolute


def on_files(files, config, state):
    if language(config) != DEFAULT:  # mkdocs-static-i18n builds each language; the links are for all
        return files
    for link in short_links(context(config, "").site):
        address = absolute(config.site_url or "/", link.url)
        cached = project_root(config) / ".cache" / "qr" / f"{key(QR_STYLE, address, link.url)}.svg"
        state.qr_codes.add(Path(config.site_dir) / link.url / "qr.svg", cached, qr_code, address, link.url)
    state.qr_codes.hand_over()  # every QR code is known now: they are made before the pages' images
    return files


def on_post_build(config, state):
    if not all_languages_built(config):
        return
    ctx = context(config, "")
    title = lambda name: " · ".join(dict.fromkeys(ctx.data.t(name, lang) for lang in reversed(LANGUAGES)))
    for link in short_links(ctx.site):
        folder = Path(config.site_dir) / link.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(finish_page(go_page(link, title, config.use_directory_urls), config.site_url or '/'), encoding="utf-8")
    state.qr_codes.finish()
