"""The "Save for offline reading" control (the `offline-reading` marker) and its short line in every
page's footer (overrides/partials/copyright.html). Both show the state of the offline copy, which
assets/javascripts/offline.js reads from the service worker and the caches themselves (the site writes
nothing else on the device)."""
from __future__ import annotations

from .content import Site
from .html import tag, text
from .offline_downloads import DOWNLOADS, Download, find_downloads, human_size
from .offline_edition import start_file
from .render_context import Context
from .urls import page_url

MARKER = "offline-reading"  # the marker line that places the control, and the id of its section


def explainer(site: Site) -> str | None:
    """The page the footer links to: the first guide (else any page) whose Markdown places the control,
    next to the explanation of what it keeps (Covering your tracks)."""
    placed = [p for p in site.pages if f"selamat:{MARKER}" in p.body]
    placed.sort(key=lambda p: (p.kind != "guide", p.norm))
    return placed[0].norm if placed else None


def _more_link(ctx: Context, norm: str | None, label: str) -> str:
    return tag("a", text(label), href=ctx.href(norm, ctx.lang) + f"#{MARKER}") if norm else ""


def _when(states: str, content: str, name: str = "p", **extra: object) -> str:
    """An element shown only in the listed states; only the `nojs` one is visible before the script runs."""
    return tag(name, content, data_offline_when=states, hidden="nojs" not in states.split(), **extra)


def _button(label: str, action: str) -> str:
    return tag("button", text(label), type="button", class_=f"md-button selamat-offline__{action}",
               data_offline_action=action)


def downloads_list(ctx: Context, downloads: list[Download]) -> str:
    if not downloads:
        return ""
    items = "".join(
        tag("li", tag("a", text(ctx.t("offline.download", language=ctx.language_name(d.lang), size=human_size(d.size))),
                      href=ctx.href_file(f"{DOWNLOADS}/{d.name}"), hreflang=d.lang, download=True)
            + ": " + text(ctx.t("offline.download.open", start=start_file(ctx.data, d.lang))))
        for d in downloads)
    intro = tag("p", text(ctx.t("offline.download.intro")))
    return intro + tag("ul", items, class_="selamat-offline__downloads")


def control(ctx: Context, downloads: list[Download] = (), explained_in: str | None = None) -> str:
    """The full control, where its consequences are explained: what is saved, that the copy is a
    trace, the button, and every state offline.js can show."""
    statuses = [(state, text(ctx.t(f"offline.{state}"))) for state in ("nojs", "unsupported", "file", "saving")]
    statuses += [("saved", tag("strong", text(ctx.t("offline.saved")))),
                 ("other", text(ctx.t("offline.other"))),
                 ("failed", text(ctx.t("offline.failed"))), ("removed", text(ctx.t("offline.removed")))]
    here = explained_in is None or ctx.url == page_url(explained_in, ctx.lang, ctx.directory_urls)
    body = (
        tag("p", tag("strong", text(ctx.t("offline.title"))), class_="selamat-offline__title")
        + tag("p", text(ctx.t("offline.intro")))
        + tag("p", text(ctx.t("offline.trace")))
        + tag("div", "".join(_when(state, message) for state, message in statuses), class_="selamat-offline__status",
              role="status")
        + _when("off other failed removed", _button(ctx.t("offline.save"), "save"))
        + _when("saved other", _button(ctx.t("offline.remove"), "remove"))
        + ("" if here else tag("p", _more_link(ctx, explained_in, ctx.t("offline.more"))))
        + (downloads_list(ctx, list(downloads)) if ctx.directory_urls else "")
    )
    return tag("div", body, class_="selamat-offline", data_selamat_offline="", data_lang=ctx.lang,
               data_search_exclude=True, role="region", aria_label=ctx.t("offline.title"))


def footer(ctx: Context, explained_in: str | None) -> str:
    """The line at the foot of every page: a link to the control where it is explained, or, when this
    language's copy is saved, the state and the button that removes it. None where no page places it."""
    if explained_in is None:
        return ""
    link = _more_link(ctx, explained_in, ctx.t("offline.footer.link"))
    body = (_when("nojs off unsupported file other failed removed saving", link)
            + _when("saved", text(ctx.t("offline.footer.saved")) + " " + _button(ctx.t("offline.remove"), "remove")))
    return tag("div", body, class_="selamat-offline-footer", data_selamat_offline="", data_lang=ctx.lang)


def marker(ctx: Context) -> str:
    """The `offline-reading` marker: the control, with the offline editions built so far."""
    return control(ctx, find_downloads(ctx.root / DOWNLOADS) if ctx.root else [], explainer(ctx.site))
