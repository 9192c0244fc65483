"""The "What is happening?" start flow as a graph: each page in docs/start/ is a step, a question whose
`options` lead to other steps (or straight to a page), or an end that names guides, platform pages and help
services. `problems` is what `selamat check` says about it: a dead end, a loop, a step missing in a language,
options that differ between languages, a link to a page that does not exist, a path longer than four steps."""
from __future__ import annotations

from typing import Iterable, Optional

from .content import Page, Site
from .data import Data, DataError
from .languages import DEFAULT, LANGUAGES
from .problems import Problem, closest

START = "start/index.md"
MAX_QUESTIONS = 4  # a reader answers at most this many questions before reaching help


def target(to: str) -> str:
    """An option's page, without its #anchor."""
    return to.partition("#")[0]


def steps(site: Site) -> dict[str, dict[str, Page]]:
    return {norm: versions for norm, versions in site.by_norm.items() if next(iter(versions.values())).kind == "step"}


def _main(versions: dict[str, Page]) -> Optional[Page]:
    page = versions.get(DEFAULT) or next(iter(versions.values()))
    return page if page.meta is not None else None


def next_steps(page: Page, flow: dict[str, dict[str, Page]]) -> list[str]:
    return [target(o.to) for o in page.meta.options if target(o.to) in flow]  # type: ignore[union-attr]


def problems(site: Site, data: Data) -> Iterable[Problem]:
    flow = steps(site)
    if not flow:
        return
    if START not in flow:
        yield Problem(f"docs/{START[:-3]}.{DEFAULT}.md", "flow_no_start")
    try:
        services = data.help_service
    except DataError:
        services = {}
    # A flow is translated whole or not at all: in a language its first question is written in, every
    # step is; in the others, readers get the original flow with the untranslated notice.
    translated = [lang for lang in LANGUAGES if lang in flow.get(START, {})]
    for norm, versions in sorted(flow.items()):
        for lang in translated:
            if lang not in versions:
                first = next(iter(versions.values()))
                yield Problem(f"docs/{first.rel}", "flow_missing_language",
                              params={"expected": f"docs/{norm[:-3]}.{lang}.md"})
        for page in versions.values():
            if page.meta is not None:
                yield from _page_problems(page, site, services)
        main = _main(versions)
        for page in versions.values():
            if main is not None and page.meta is not None and page is not main:
                mine = [o.to for o in page.meta.options]  # type: ignore[union-attr]
                theirs = [o.to for o in main.meta.options]  # type: ignore[union-attr]
                if mine != theirs:
                    yield Problem(f"docs/{page.rel}", "flow_options_differ", page.field_lines.get("options"),
                                  "options", {"other": f"docs/{main.rel}", "here": ", ".join(mine) or "-",
                                              "there": ", ".join(theirs) or "-"})
    yield from _graph_problems(flow)


def _page_problems(page: Page, site: Site, services: dict) -> Iterable[Problem]:
    file, meta = f"docs/{page.rel}", page.meta
    if not meta.options and not (meta.guides or meta.services):  # type: ignore[union-attr]
        yield Problem(file, "flow_dead_end", 1)
    if meta.options and (meta.guides or meta.platforms or meta.services):  # type: ignore[union-attr]
        yield Problem(file, "flow_question_and_end", page.field_lines.get("options"), "options")
    for i, option in enumerate(meta.options):  # type: ignore[union-attr]
        if target(option.to) not in site.by_norm:
            yield Problem(file, "flow_no_page", page.line_of("options", i, "to"), f"options[{i + 1}].to",
                          {"to": option.to, "suggestion": closest(target(option.to), site.by_norm)})
    for name, kind in (("guides", "guide"), ("platforms", "platform")):
        for i, norm in enumerate(getattr(meta, name)):
            versions = site.by_norm.get(target(norm))
            if not versions or next(iter(versions.values())).kind != kind:
                known = [n for n, v in site.by_norm.items() if next(iter(v.values())).kind == kind]
                yield Problem(file, "flow_no_page", page.line_of(name, i), f"{name}[{i + 1}]",
                              {"to": norm, "suggestion": closest(norm, known)})
    for i, ident in enumerate(meta.services):  # type: ignore[union-attr]
        if services and ident not in services:
            yield Problem(file, "help_ref_unknown", page.line_of("services", i), f"services[{i + 1}]",
                          {"form": "help", "id": ident, "suggestion": closest(ident, services), "allowed": ", ".join(services)})


def _graph_problems(flow: dict[str, dict[str, Page]]) -> Iterable[Problem]:
    pages = {norm: _main(versions) for norm, versions in flow.items()}
    pages = {norm: page for norm, page in pages.items() if page is not None}
    told: set[frozenset] = set()

    def walk(norm: str, path: list[str]) -> Iterable[Problem]:
        page = pages.get(norm)
        if page is None:
            return
        if norm in path:
            loop = path[path.index(norm):] + [norm]
            if frozenset(loop) not in told:
                told.add(frozenset(loop))
                yield Problem(f"docs/{page.rel}", "flow_loop", None, "options", {"path": " → ".join(loop)})
            return
        questions = path + [norm]
        following = next_steps(page, pages)
        if page.meta.options and len(questions) > MAX_QUESTIONS and not told & {frozenset(["long", norm])}:  # type: ignore[union-attr]
            told.add(frozenset(["long", norm]))
            yield Problem(f"docs/{page.rel}", "flow_too_long", None, "options",
                          {"path": " → ".join(questions), "count": len(questions), "limit": MAX_QUESTIONS})
            return
        for nxt in following:
            yield from walk(nxt, questions)

    if START in pages:
        yield from walk(START, [])
    reached = reachable(pages)
    for norm, page in sorted(pages.items()):
        if norm not in reached and START in pages:
            yield Problem(f"docs/{page.rel}", "flow_unreachable", params={"start": f"docs/{START[:-3]}.{DEFAULT}.md"},
                          warning=True)


def reachable(pages: dict[str, Page]) -> set[str]:
    seen, todo = set(), [START]
    while todo:
        norm = todo.pop()
        if norm in seen or norm not in pages:
            continue
        seen.add(norm)
        todo += next_steps(pages[norm], pages)
    return seen
