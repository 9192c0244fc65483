"""sitemap.xml: every page in every language it can be read in, each with its hreflang alternates."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .alternates import alternates
from .content import Site


def sitemap(site: Site, site_url: str, directory_urls: bool = True) -> str:
    rows = []
    for norm, versions in sorted(site.by_norm.items()):
        links = alternates(site, norm, site_url, directory_urls)
        alt = "".join(
            f'\n    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(url)}/>' for lang, url in links)
        dates = [p.date for p in versions.values() if p.date]
        lastmod = f"\n    <lastmod>{max(dates).isoformat()}</lastmod>" if dates else ""
        for lang, url in links:
            if lang != "x-default":
                rows.append(f"  <url>\n    <loc>{escape(url)}</loc>{lastmod}{alt}\n  </url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "\n".join(rows) + "\n</urlset>\n"
    )
