"""Sanitises the HTML the editor's Markdown became (sanitise.py: an allow-list; the build stops when it
would remove anything, with the file and what to run for the line), puts back the site's own parts held out
of it (listings, help citations), then adds the parts that come from front matter around the body: the
title, the untranslated notice (with the original's `lang` on its text), content note, "Get help now" box on
guides, the legal notice and dated changes on law pages, the statement line and corrections, sources and
the update date."""
from mkdocs.exceptions import PluginError

from selamat import held_parts, sanitise
from selamat.mkdocs_glue import context, page_of
from selamat.parts import frame


def on_page_content(html, page, config, files):
    found = sanitise.findings(html)
    if found:
        raise PluginError(f"\ndocs/{page.file.src_uri}: " + context(config, page.url).data.messages["html_removed_build"]("en")
                          .format(what=", ".join(map(str, found))))
    html = held_parts.of(page).restore(sanitise.clean(html))
    ctx = context(config, page.url)
    ours = page_of(ctx, page)
    return frame(ours, html, ctx) if ours else html
