"""Writes the label of the "#" link beside each heading in the page's language. Python-Markdown's toc
extension takes one `permalink_title` for the whole build, so Malay pages would say it in English."""
from html import escape

from selamat.mkdocs_glue import context


def on_page_content(html, page, config, files):
    written = config.mdx_configs.get("toc", {}).get("permalink_title", "Permanent link")
    label = escape(context(config, page.url).t("permalink"))
    return html.replace(f'title="{written}"', f'title="{label}" aria-label="{label}"')
