"""Adds rel="noopener noreferrer" to every link that leaves the site (pages and 404s), so a hotline,
platform or news site never learns which of our pages sent the reader."""
from urllib.parse import urlsplit

from selamat.security import protect_external_links


def _host(config):
    return urlsplit(config.site_url or "").hostname or ""


def on_post_page(output, page, config):
    return protect_external_links(output, _host(config))


def on_post_template(output_content, template_name, config):
    return protect_external_links(output_content, _host(config)) if template_name == "404.html" else output_content
