"""Puts the quick exit ("Exit this page") first in <body> of every page, the 404 pages included: a
skip link that reaches it first, the button (a real link to the neutral page set in mkdocs.yml,
extra.quick_exit.url), a status region and a cover. Its behaviour is in quick-exit.js."""
from selamat.mkdocs_glue import context
from selamat.quick_exit import DEFAULT_DESTINATION, insert, markup


def _add(html, config):
    destination = (config.extra.get("quick_exit") or {}).get("url") or DEFAULT_DESTINATION
    return insert(html, *markup(context(config, "").t, destination))


def on_post_page(output, page, config):
    return _add(output, config)


def on_post_template(output_content, template_name, config):
    return _add(output_content, config) if template_name == "404.html" else output_content
