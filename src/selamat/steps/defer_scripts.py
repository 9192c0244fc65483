"""Adds `defer` to the scripts at the end of every page's <body> (Material's bundle and the site's own),
so that they no longer hold up the first paint on a slow phone; they still run in the same order, before
DOMContentLoaded. The scripts in <head> (overrides/main.html) stay as they are: they must run first."""
from selamat.speed import defer_body_scripts


def on_post_page(output, page, config):
    return defer_body_scripts(output)


def on_post_template(output_content, template_name, config):
    return defer_body_scripts(output_content) if template_name == "404.html" else output_content
