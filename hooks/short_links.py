"""Writes the short links partners put on posters and in chats: /go/<slug>/ for every guide, law page
and the help page, opening the reader's language (go.js; without script the page shows both links),
each with a QR code at /go/<slug>/qr.svg."""
from pathlib import Path

from mkdocs.plugins import event_priority

from selamat.mkdocs_glue import all_languages_built, context
from selamat.partner_links import go_page, qr_svg, short_links
from selamat.security import finish_page


@event_priority(-200)  # once every language is built
def on_post_build(config):
    if not all_languages_built(config):
        return
    ctx = context(config, "")
    title = lambda key: f"{ctx.data.t(key, 'ms')} · {ctx.data.t(key, 'en')}"
    for link in short_links(ctx.site):
        folder = Path(config.site_dir) / link.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(finish_page(go_page(link, title, config.use_directory_urls), config.site_url or '/'), encoding="utf-8")
        (folder / "qr.svg").write_text(qr_svg(config.site_url or "/", link), encoding="utf-8")
