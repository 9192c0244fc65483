"""Puts a strict Content-Security-Policy (inline scripts allowed only by their hashes, nothing from
other hosts) and `Referrer-Policy: no-referrer` in a <meta> at the top of every page, and writes the
same policies, with every page's script hashes, to site/_headers for hosts that read that file; there,
every page but the embeddable help card also refuses to be framed by other sites. In the plain-file
build (the offline edition) inline scripts are allowed instead of hashed: see security.policy."""
from pathlib import Path

from mkdocs.plugins import event_priority

from selamat.language_builds import kept
from selamat.mkdocs_glue import all_languages_built, context
from selamat.security import add_meta, headers_file, script_hashes, unframed_paths

_hashes: set[str] = kept("script hashes", set)  # from every language's pages


def _secure(html, config):
    _hashes.update(script_hashes(html))
    return add_meta(html, from_files=not config.use_directory_urls)


@event_priority(-90)  # after the hooks that change the page, before the 404 is kept (-100)
def on_post_page(output, page, config):
    return _secure(output, config)


@event_priority(-90)
def on_post_template(output_content, template_name, config):
    return _secure(output_content, config) if template_name == "404.html" else output_content


@event_priority(-200)  # once every language is built
def on_post_build(config):
    if all_languages_built(config):
        unframed = unframed_paths(context(config, "").site.by_norm)
        (Path(config.site_dir) / "_headers").write_text(headers_file(sorted(_hashes), unframed), encoding="utf-8")
        _hashes.clear()
