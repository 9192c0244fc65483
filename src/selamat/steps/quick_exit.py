"""Puts the quick exit's skip link first in <body> of every page, the 404 pages included, so that it is the
first thing to focus; it leads to the bar (overrides/main.html, block `header`): the button, a real link to
the neutral page set in mkdocs.yml (extra.quick_exit.url), a status region and a cover. Its behaviour is in
quick-exit.js."""
from selamat.mkdocs_glue import context
from selamat.quick_exit import insert_skip_link, skip_link


def on_post_page(output, page, config):
    return insert_skip_link(output, skip_link(context(config, "").t))


def on_post_template(output_content, template_name, config):
    return on_post_page(output_content, None, config) if template_name == "404.html" else output_content
