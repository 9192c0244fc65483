"""Gives every link in a page's text its full address (data-print), so the printed page shows where
each link goes (see the print rules in selamat.css)."""
from selamat.print_links import add_print_addresses
from selamat.urls import absolute


def on_page_content(html, page, config, files):
    return add_print_addresses(html, absolute(config.site_url or "/", page.url))
