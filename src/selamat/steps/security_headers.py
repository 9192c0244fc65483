"""Puts a strict Content-Security-Policy (inline scripts allowed only by their hashes, and only the site's
own: own_scripts.py; nothing from other hosts) and `Referrer-Policy: no-referrer` in a <meta> at the top of
every page, and writes the same policies, with every page's script hashes, to site/_headers for hosts that
read that file; there, every page but the embeddable help card also refuses to be framed by other sites.
A page that would run anything else (an inline script that is not ours, an event handler, a `javascript:`
address) stops the build, naming the page."""
from pathlib import Path

from mkdocs.exceptions import PluginError

from selamat import own_scripts
from selamat.mkdocs_glue import all_languages_built, context, project_root
from selamat.security import add_meta, headers_file, script_hash, unframed_paths


def _secure(html, config, where: str, hashes_seen: set[str]):
    root, from_files = project_root(config), not config.use_directory_urls
    page = own_scripts.read(html)  # read once for both questions
    found = own_scripts.problems(html, root, from_files, page)
    if found:
        raise PluginError(f"\n{where}: " + context(config, "").data.messages["page_runs_foreign"]("en").format(what="; ".join(found)))
    hashes = [script_hash(body) for body in own_scripts.inline_bodies(html, root, from_files, page)]
    if not from_files:
        hashes_seen.update(hashes)  # from every language's pages
    return add_meta(html, hashes)


def on_post_page(output, page, config, state):
    return _secure(output, config, f"docs/{page.file.src_uri}", state.script_hashes)


def on_post_template(output_content, template_name, config, state):
    return _secure(output_content, config, template_name, state.script_hashes) if template_name == "404.html" else output_content


def on_post_build(config, state):
    if all_languages_built(config):
        unframed = unframed_paths(context(config, "").site.by_norm)
        (Path(config.site_dir) / "_headers").write_text(headers_file(sorted(state.script_hashes), unframed), encoding="utf-8")
        state.script_hashes.clear()
