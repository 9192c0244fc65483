"""The order of the build, in one place: for each MkDocs event, every step of Selamat's (a function
`on_<event>` in a module of selamat/steps/) and every handler of the other plugins in mkdocs.yml
(Material's search, mkdocs-static-i18n) for that event, in the order MkDocs runs them, top to bottom.

The `selamat` plugin (plugin.py) registers each step with the priority written here. MkDocs runs an
event's handlers from the highest priority to the lowest, and handlers of equal priority in the order
of `plugins:` in mkdocs.yml, where `selamat` comes last; so within a list, priorities only go down.
The other plugins' lines (`Theirs`) are what their pinned versions declare; tests/test_build_order.py
checks that MkDocs runs exactly this order, that every step in selamat/steps/ is here and that
everything here exists.

Two things to know when reading it:
- mkdocs-static-i18n builds each further language (Malay...) from inside its own `post_build` handler:
  that inner build runs every event again, all of them, before the steps below i18n in `post_build`
  run for the whole site. Steps that must run once, for the whole site, check `all_languages_built`.
- The steps hand one another state only through the plugin's BuildState (build_state.py), passed to
  each step that takes a `state` parameter."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from typing import Callable, Union

# Priorities of the other plugins' handlers (their pinned versions), which our steps are placed around.
SEARCH = 0  # Material's search plugin: every handler at the default priority
I18N = -100  # mkdocs-static-i18n's config, files, nav, post_page, post_build
I18N_EARLY = 50  # mkdocs-static-i18n's page_markdown, template_context, page_context


@dataclass(frozen=True)
class Step:
    """One of our steps: the function `on_<event>` of selamat.steps.<name>."""

    name: str
    priority: int
    why: str  # why it runs where it does


@dataclass(frozen=True)
class Theirs:
    """Another plugin's handler of the event, for reference: the plugin's name in MkDocs' collection."""

    plugin: str
    priority: int
    does: str


ORDER: dict[str, list[Union[Step, Theirs]]] = {
    "startup": [  # once per `mkdocs build` or `mkdocs serve` command
        Theirs("material/search", SEARCH, "notes the command"),
        Step("parallel_languages", 0, "learns the command: only `mkdocs build` may build languages side by side"),
        Step("serve_dirty", 0, "learns whether this is `mkdocs serve --dirty`, for serve_dirty's config and post_build"),
    ],
    "config": [  # once per language build
        Theirs("material/search", SEARCH, "checks its settings"),
        Step("new_build", 0, "first of ours: every other step may use the build state, so it is fresh before they run"),
        Step("upstream_pins", 0, "before anything relies on Material or static-i18n: are they the versions the patches were checked against?"),
        Step("check_content", 0, "stops at once if mkdocs.yml's languages are not the ones Selamat read"),
        Step("search_file_build", 0, "adds the file:// worker shim to extra.polyfills before Material's templates read them"),
        Step("serve_dirty", 0, "after search's own config: tells Material's search to index only the rebuilt pages"),
        Step("site_script", 0, "replaces extra_javascript with one combined script while it still lists the four files"),
        Theirs("i18n", I18N, "sets up the language being built"),
    ],
    "pre_build": [  # once per language build
        Step("reload_content", 100, "first: forgets the last reading of pages and data, so this build reads them afresh"),
        Step("parallel_languages", 90, "right after: reads the content, cleans the site folder and forks the other languages' builds"),
        Step("check_content", 0, "stops the build on a content or data problem before any page is rendered"),
    ],
    "files": [  # once per language build
        Step("short_links", 0, "starts drawing the QR codes in worker processes, as early as possible (default language only)"),
        Theirs("i18n", I18N, "chooses this language's files"),
        Step("site_script", -150, "after i18n chose the files: adds the combined script, drops the four it replaces"),
        Step("one_language_pages", -200, "after i18n and the script: adds the pages written only in another language"),
    ],
    "env": [
        Theirs("i18n", 0, "adds its template globals"),
        Step("template_globals", 0, "adds ours (selamat_t, selamat_url...) and Material's strings in this language"),
    ],
    "page_markdown": [  # each page's Markdown, before it becomes HTML
        Theirs("i18n", I18N_EARLY, "notes the page's language"),
        Step("page_meta", 0, "escapes title and description before anything prints them; keeps start-flow questions out of search"),
        Step("listings", 0, "expands `<!-- selamat:NAME -->` listings, held out of the Markdown until page_parts"),
        Step("help_references", 0, "expands [[help:ID]] and [[tel:ID]], held out likewise"),
    ],
    "page_content": [  # each page's HTML body
        Step("page_parts", 0, "first: sanitises the editor's HTML, then puts back the held parts and frames the body"),
        Step("permalink_labels", 0, "after the body is final: labels each heading's # link in the page's language"),
        Step("print_link_addresses", 0, "after the body is final: every link's full address for print"),
    ],
    "pre_template": [
        Step("per_language_404", 0, "points the 404 page's language switcher at the language home pages before it renders"),
    ],
    "post_page": [  # each finished page, before it is written
        Step("link_previews", 0, "queues the page's preview image (its Open Graph tags are in the template's extrahead block)"),
        Step("quick_exit", 0, "the quick exit's skip link, first in <body> (the bar is in the template's header block)"),
        Step("external_links", 0, "after every step that adds links: rel=noopener noreferrer on those that leave the site"),
        Step("security_headers", -90, "after every change to the page: hashes its inline scripts into its Content-Security-Policy"),
        Theirs("i18n", I18N, "nothing for this site (it runs the with-pdf plugin)"),
        Step("trim_css", -1000, "last: reads the class names the page as written uses"),
    ],
    "post_template": [  # the 404 page (the only static template), once per language
        Step("quick_exit", 0, "the quick exit's skip link, first in <body>"),
        Step("external_links", 0, "after every step that adds links: rel=noopener noreferrer"),
        Step("security_headers", -90, "after every change: the page's Content-Security-Policy"),
        Step("per_language_404", -100, "last: keeps the finished page for this language, written once all are built"),
    ],
    "post_build": [  # once per language build; the steps after i18n do their work once, for the whole site
        Theirs("material/search", SEARCH, "writes this language's search entries"),
        Step("language_search_index", -50, "after search collected this language's entries, in this language's own build (side by side with the others): its sharded index (the outer build's in a worker process)"),
        Theirs("i18n", I18N, "collects the search entries; in the first build, builds every other language (or joins its copy)"),
        Step("parallel_languages", -150, "once every language is built or joined: undoes its replacement of static-i18n's build"),
        Step("serve_dirty", -150, "under `mkdocs serve --dirty`: merges the rebuilt pages' search entries before the index is split"),
        Step("per_language_404", -200, "writes each language's 404 page"),
        Step("sitemap", -200, "the sitemap of every language"),
        Step("redirect_pages", -200, "pages at moved addresses"),
        Step("short_links", -200, "the /go/ pages; waits for the QR codes"),
        Step("feeds", -200, "RSS and JSON feeds"),
        Step("catalogue", -200, "the partners' catalogue"),
        Step("help_card", -200, "the embeddable help card"),
        Step("search_worker", -200, "writes our search worker, drops Material's"),
        Step("security_headers", -200, "_headers with every language's script hashes"),
        Step("offline_downloads", -200, "copies the offline editions into /downloads/"),
        Step("trim_css", -250, "after every step that writes pages: trims Material's CSS to the names they use"),
        Step("link_previews", -260, "late, so the last images are drawn while the steps above run: waits for them, before the offline worker lists the site's files"),
        Step("search_indexes", -260, "late, so the outer build's index is written in a worker while the steps above run: waits for it, then each language's manifest in place of Material's mixed index (all built here under serve --dirty)"),
        Step("offline_worker", -300, "after every file is final (the CSS too): the offline worker's precache lists and versions"),
        Step("editor_site", -400, "last: /admin/, which nothing else lists, hashes or precaches"),
    ],
    "build_error": [
        Step("parallel_languages", 0, "stops the forked language builds and undoes its replacement"),
    ],
}

PACKAGE = "selamat.steps"


def steps(order: dict = ORDER) -> dict[str, list[Step]]:
    """Our steps per event, in order."""
    return {event: [entry for entry in entries if isinstance(entry, Step)] for event, entries in order.items()}


def function(step: Step, event: str, package: str = PACKAGE) -> Callable:
    return getattr(importlib.import_module(f"{package}.{step.name}"), f"on_{event}")


def problems(order: dict = ORDER, package: str = PACKAGE) -> list[str]:
    """What does not match between `order` and the modules of `package`: a step module or `on_*`
    function that is not in the order (it would never run), a step in the order that does not exist,
    an unknown event, or priorities going up within an event (the list would not be the running order)."""
    from mkdocs.plugins import EVENTS

    found = []
    where = importlib.import_module(package)
    modules = {info.name for info in pkgutil.iter_modules(where.__path__)}
    listed = {(event, step.name) for event, entries in steps(order).items() for step in entries}
    for name in sorted(modules):
        module = importlib.import_module(f"{package}.{name}")
        handlers = [n for n, f in vars(module).items()
                    if n.startswith("on_") and inspect.isfunction(f) and f.__module__ == module.__name__]
        if not handlers:
            found.append(f"{package}.{name} has no on_<event> function: it is not a step")
        for handler in handlers:
            if (handler[3:], name) not in listed:
                found.append(f"{package}.{name}.{handler} is not in the build order: it would never run")
    for event, entries in order.items():
        if event not in EVENTS:
            found.append(f"'{event}' is not a MkDocs event")
        priorities = [entry.priority for entry in entries]
        if priorities != sorted(priorities, reverse=True):
            found.append(f"{event}: the priorities go up within the list, so it is not the order MkDocs runs")
        for step in (e for e in entries if isinstance(e, Step)):
            if not step.why.strip():
                found.append(f"{event}: {step.name} does not say why it runs there")
            if step.name not in modules:
                found.append(f"{event}: the step {step.name} does not exist (no {package}.{step.name})")
            elif not inspect.isfunction(getattr(importlib.import_module(f"{package}.{step.name}"), f"on_{event}", None)):
                found.append(f"{event}: {package}.{step.name} has no on_{event} function")
        names = [e.name for e in entries if isinstance(e, Step)]
        for name in {n for n in names if names.count(n) > 1}:
            found.append(f"{event}: the step {name} is listed twice")
    return found
