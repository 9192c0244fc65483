"""What overrides/main.html and overrides/partials/copyright.html write into Material's template blocks,
in place of edits of the finished page: functions of the build (MkDocs' config and files) that return
HTML we wrote and escaped ourselves, so the templates hold no logic and no interface text.
steps/template_globals.py gives them to the templates: `globals_for` as functions, `filters_for` as
filters of a block's own output (`{{ super() | selamat_... }}`), each of which changes only that block.

`page` is Material's page; on the 404 page, rendered from a template alone, it is undefined."""
from __future__ import annotations

from jinja2 import Undefined, pass_context
from markupsafe import Markup

from . import alternates, head_scripts, offline_control, previews, quick_exit, search_assets
from .defer_scripts import defer_scripts
from .mkdocs_glue import context, page_of
from .urls import absolute


def _no_page(page) -> bool:
    """The 404 page: rendered from a template, with no page of the site behind it."""
    return page is None or isinstance(page, Undefined)


def _like(block, html: str):
    """A block's changed output, marked safe as the block's own output was."""
    return Markup(html) if isinstance(block, Markup) else html


def globals_for(config, files) -> dict:
    read: dict[str, str | None] = {}  # each script once per build, not once per page

    def text_of(path: str) -> str | None:
        if path not in read:
            file = files.get_file_from_path(path)
            read[path] = file.content_string if file is not None else None
        return read[path]

    @pass_context
    def script(jinja, path: str) -> Markup:
        """A head script (block `extrahead`, and `libs` for the plain-file build's polyfills) written in."""
        linked = jinja.environment.filters["url"](jinja, path)  # the engine's own `url` filter, as in Material's
        return Markup(head_scripts.script(text_of(path), linked))

    @pass_context
    def scripts(jinja, paths) -> Markup:
        return Markup("\n".join(script(jinja, str(path)) for path in paths or ()))

    def head_links(page) -> Markup:
        """Block `extrahead`, after the scripts: absolute hreflang alternates (both languages and
        x-default) and the link-preview tags (Open Graph, Twitter card) of a page of the site."""
        if _no_page(page) or not config.site_url:
            return Markup("")
        ctx = context(config, page.url)
        ours = page_of(ctx, page)
        if ours is None:
            return Markup("")
        out = alternates.links(alternates.alternates(ctx.site, ours.norm, config.site_url, config.use_directory_urls))
        if ours.meta is not None:
            out += previews.meta_tags(ours.title, ours.meta.summary, absolute(config.site_url, page.url),
                                      absolute(config.site_url, previews.image_path(page.url)), config.site_name, ctx.lang)
        return Markup(out)

    def exit_bar() -> Markup:
        """Block `header`, before Material's header: the quick exit's bar, status region and cover."""
        return Markup(quick_exit.bar(context(config, "").t, quick_exit.destination(config.extra)))

    explained: list[str | None] = []  # the page that explains offline reading, found once per build

    def offline_footer(page) -> Markup:
        """partials/copyright.html: the offline-reading line at the foot of every page (not the 404)."""
        if _no_page(page):
            return Markup("")
        ctx = context(config, page.url)
        if not explained:
            explained.append(offline_control.explainer(ctx.site))
        return Markup(offline_control.footer(ctx, explained[0]))

    return {"selamat_script": script, "selamat_scripts": scripts, "selamat_head_links": head_links,
            "selamat_quick_exit": exit_bar, "selamat_offline_footer": offline_footer}


def filters_for(config) -> dict:
    def site_meta(block, page):
        """Block `site_meta` without Material's relative hreflang alternates: on pages where
        `selamat_head_links` writes absolute ones, and on the 404 page, which must have none."""
        if _no_page(page) or (config.site_url and page_of(context(config, page.url), page) is not None):
            return _like(block, alternates.without_material_alternates(block))
        return block

    def deferred(block):
        """Block `scripts`: Material's bundle and the site's script, deferred."""
        return _like(block, defer_scripts(block))

    def search_worker(block):
        """Block `config`: Material's configuration naming our search worker instead of Material's."""
        return _like(block, search_assets.use_ours(block))

    return {"selamat_site_meta": site_meta, "selamat_deferred": deferred, "selamat_search_worker": search_worker}
