"""`selamat check`: every mistake an editor can make in content or data, one line each, never a traceback."""
from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from typing import Iterable

from . import flow, help_refs
from . import markdown_scan as md
from . import published, translations, yamlio
from .content import Page, Site, load_site
from .data import Data, DataError, DataFault, FILES
from .languages import DEFAULT, NAMES
from .listings import MARKERS
from .problems import Problem, closest
from .project import Project
from .schema import TYPES

TODAY = dt.date.today().isoformat()
EXAMPLES = {
    "title": "A short, plain title",
    "summary": "One sentence about this page.",
    "topics": "[harassment]",
    "organisations": "[selamat]",
    "sources": "[{title: Name of the source, url: https://...}]",
    "updated": TODAY,
    "reviewed": TODAY,
    "date": TODAY,
    "verified": TODAY,
}
ALLOWED_HTML = ("abbr", "br", "kbd", "mark", "small", "sub", "sup")
EMBEDS = ("script", "iframe", "object", "embed", "frame", "frameset", "applet", "form", "input", "button",
          "style", "link", "meta", "base", "svg", "math", "template")
UNSAFE_SCHEMES = ("javascript", "data", "vbscript", "file")
EXTERNAL = ("http://", "https://", "mailto:", "tel:", "sms:", "//")


def run(project: Project, site: Site | None = None, data: Data | None = None, render: bool = True) -> tuple[list[Problem], int]:
    """All problems in the project's data files and pages, and how many pages were read (`site` and
    `data`, when given, are the project's, already read). `render`: also render each page's Markdown and
    report what the sanitiser would remove (the build does that itself, page by page, as it renders)."""
    data = data or Data(project.data)
    problems = list(check_data(data))
    site = site or load_site(project.docs)
    problems += check_site(site, data)
    problems += list(file_problems(site, project))
    if render:
        problems += list(rendered_problems(site, project))
    problems += list(legal_change_problems(site, data))
    problems += list(flow.problems(site, data))
    problems += list(url_problems(site, data, project))
    return problems, len(site.pages)


def url_problems(site: Site, data: Data, project: Project) -> Iterable[Problem]:
    """Every address in the manifest still leads somewhere: to its page, or through a redirect."""
    try:
        redirects = data.redirects
    except DataError:
        return  # reported on the data file
    for old, new in redirects.items():
        if new not in site.by_norm:
            yield Problem("data/redirects.yml", "redirect_target_missing", None, old, {"old": old, "new": new})
    manifest = published.read_manifest(project.data)
    known = {published.resolve(site, url) or published.norm_of(url) for _, url in manifest}
    told = set()
    for line, url in manifest:
        old = published.norm_of(url)
        if published.resolve(site, url) or old in redirects or old in told:
            continue
        told.add(old)
        yield Problem(f"data/{published.MANIFEST}", "url_gone", line, params={
            "url": url, "old": old, "new": published.guess_new_home(site, old, known)})


IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def file_problems(site: Site, project: Project) -> Iterable[Problem]:
    """Only known files are published: pages with plain names, images, and the short reviewed list in
    mkdocs.yml (extra.selamat.published_files). Anything else in docs/ would be served from the site's own
    address: a script there runs with the site's permissions, a page or an SVG can carry one, and files
    such as _redirects or CNAME change how the whole site is served."""
    from . import mkdocs_config

    listed = set(mkdocs_config.selamat(project.root).get("published_files") or [])
    for path in sorted(site.docs.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(site.docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue  # MkDocs publishes no dotfile
        shown = rel.encode("unicode_escape").decode("ascii")  # a line break in a name is shown as \n
        folders, name = rel.split("/")[:-1], rel.rsplit("/", 1)[-1]
        if name.endswith(".md"):
            slug = name.split(".")[0]
            if not SLUG.match(slug) or not all(SLUG.match(f) for f in folders):
                yield Problem(f"docs/{shown}", "bad_file_name", params={"name": shown})
        elif rel in listed:
            continue
        elif name.lower().endswith(IMAGE_TYPES) and all(SLUG.match(f) for f in folders) \
                and re.match(r"^[a-z0-9][a-z0-9._-]*$", name):
            continue
        else:
            yield Problem(f"docs/{shown}", "file_not_published", params={"name": shown, "types": ", ".join(IMAGE_TYPES)})


def legal_change_problems(site: Site, data: Data, today: dt.date | None = None) -> Iterable[Problem]:
    """Each change names a law page that exists, and has happened."""
    try:
        changes = data.legal_changes
    except DataError:
        return  # reported on the data file
    today = today or dt.date.today()
    laws = sorted(n for n, v in site.by_norm.items() if next(iter(v.values())).kind == "law")
    file = f"data/{FILES['legal_changes']}"
    for change in changes:
        where = f"{change.date.isoformat()} > law"
        if change.law not in laws:
            yield Problem(file, "change_law_missing", _entry_line(data, change), where, {
                "law": change.law, "suggestion": closest(change.law, laws), "allowed": ", ".join(laws)})
        if change.date > today:
            yield Problem(file, "change_in_future", _entry_line(data, change), f"{change.date.isoformat()} > date",
                          {"date": change.date.isoformat()})


def _entry_line(data: Data, change) -> int | None:
    """The line of a change's `law:` in the data file, for the message (read with the same YAML reader as
    every data file; the loaded changes are sorted, so the entry is found by its date and law)."""
    parsed = yamlio.parse((data.folder / FILES["legal_changes"]).read_text(encoding="utf-8"))
    for i, entry in enumerate(parsed.data or []):
        if isinstance(entry, dict) and str(entry.get("date")) == change.date.isoformat() and entry.get("law") == change.law:
            return parsed.line_of((i, "law"))
    return None


def check_data(data: Data) -> Iterable[Problem]:
    for name in FILES:
        try:
            value = getattr(data, name)
        except DataError as err:
            for line, where, problem in err.problems:
                if isinstance(problem, dict):  # a pydantic error: say it as for front matter
                    code, params = friendly(problem, str(problem["loc"][-1]) if problem["loc"] else "", [])
                    yield Problem(err.file, code, line, where, params)
                elif isinstance(problem, DataFault):  # a fault with its own message
                    yield Problem(err.file, problem.code, line, where, dict(problem.params))
                else:
                    yield Problem(err.file, "data_invalid", line, where, {"problem": problem})
        else:
            yield from translation_warnings(f"data/{FILES[name]}", value)


def translation_warnings(file: str, value: object) -> Iterable[Problem]:
    """One warning per language for the texts in a data file that are not written in it yet (readers see
    them in the default language), naming the first few."""
    from .data import untranslated

    for lang, places in untranslated(value).items():
        shown = ", ".join(places[:8]) + (f" +{len(places) - 8}" if len(places) > 8 else "")
        yield Problem(file, "translations_missing", None, lang, {
            "count": len(places), "in_language": lang, "code": lang, "fallback_language": DEFAULT,
            "keys": shown}, warning=True)


def friendly(err: dict, name: str, fields: list[str], kind: str = "") -> tuple[str, dict]:
    """A pydantic error as a message code and its parameters, in words an editor understands."""
    top = name.split("[")[0].split(".")[0]
    kind_, value = err["type"], err.get("input")
    example = EXAMPLES.get(top, "...")
    if kind_ == "missing":
        return "missing", {"field": name.rsplit(".", 1)[-1], "example": example}
    if kind_ == "extra_forbidden":
        return "unknown_field", {"field": name, "kind": kind, "suggestion": closest(name, fields), "allowed": ", ".join(fields)}
    if kind_ == "string_too_long":
        return "too_long", {"length": len(str(value).strip()), "limit": err["ctx"]["max_length"]}
    if kind_ == "string_too_short":
        return "empty_text", {}
    if kind_ == "no_markup":
        return "no_markup", {}
    if kind_.startswith("date"):
        return "bad_date", {"value": value, "example": TODAY}
    if kind_ == "too_short":
        return "needs_items", {"field": top, "example": EXAMPLES.get(top, "[...]")}
    if kind_ == "list_type":
        return "not_list", {"field": top, "example": EXAMPLES.get(top, "[...]")}
    if kind_ == "string_type":
        return "not_text", {}
    if kind_ == "literal_error":
        return "bad_choice", {"value": value, "allowed": err["ctx"]["expected"].replace("'", "")}
    if kind_ == "string_pattern_mismatch" and name.endswith("url"):
        return "bad_url", {"value": value}
    return "bad_value", {"detail": err["msg"]}


def check_site(site: Site, data: Data, today: dt.date | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for path in site.strays:
        rel = path.relative_to(site.docs).as_posix()
        example = rel[:-3] + f".{DEFAULT}.md"
        endings = ", ".join(f".{code}.md ({name})" for code, name in NAMES.items())
        problems.append(Problem(f"docs/{rel}", "stray_file", params={"example": example, "endings": endings}))
    for page in site.pages:
        problems += check_page(page, site, data)
    for versions in site.by_norm.values():
        for page in versions.values():
            source = translations.made_from(page, versions)
            if source is not None:
                problems += parity_problems(source, page)
    problems += list(staleness_warnings(site, data, today or dt.date.today()))
    problems += list(alias_warnings(site, data))
    return problems


def alias_warnings(site: Site, data: Data) -> Iterable[Problem]:
    """An alias leads search to words its site's pages must use: warn about one that leads nowhere."""
    from .search_query import words

    try:
        aliases = data.search_aliases
    except DataError:
        return  # reported on the data file
    def vocabulary_of(text: str) -> set[str]:
        # alias words are plain words; a word never spans a space, so the distinct space-separated
        # tokens hold the same words as the text, and are far fewer to search (twice as fast)
        return set(re.findall(r"\w+", " ".join(set(text.lower().split()))))

    shared = vocabulary_of(" ".join((data.folder / name).read_text(encoding="utf-8")
                                    for name in ("help-services.yml", "glossary.yml")))
    for lang, table in aliases.items():
        vocabulary = shared | vocabulary_of(" ".join(f"{p.title} {p.body}" for p in site.pages if p.lang == lang))
        unused: dict[str, str] = {}  # word -> the first alias leading to it
        for typed, means in table.items():
            for word in (w for m in means for w in words(m)):
                if word not in vocabulary:
                    unused.setdefault(word, typed)
        if unused:  # one line per language, however many: a small site must not drown in them
            shown = [f"`{word}` ({typed})" for word, typed in list(unused.items())[:8]]
            more = f" +{len(unused) - 8}" if len(unused) > 8 else ""
            yield Problem("data/search-aliases.yml", "alias_word_unused", None, lang,
                          {"words": ", ".join(shown) + more, "count": len(unused)}, warning=True)


def parity_problems(en: Page, ms: Page) -> Iterable[Problem]:
    """A translation (`ms`, in whatever language) carries the same headings (ids, order), links to other
    pages and boxes as the version it was made from (`en`, in whatever language)."""
    file, other = f"docs/{ms.rel}", f"docs/{en.rel}"
    ids = lambda p: [h.id for h in md.headings(p.body, p.body_line) if h.level > 1]  # body_line: the scan body_problems cached
    here, there = ids(ms), ids(en)
    if here != there:
        missing = [i for i in there if i not in here]
        extra = [i for i in here if i not in there]
        detail = "; ".join(filter(None, [
            f"missing #{', #'.join(missing)}" if missing else "",
            f"not in the original #{', #'.join(extra)}" if extra else "",
            "same ids in another order" if not missing and not extra else ""]))
        yield Problem(file, "headings_differ", params={"other": other, "detail": detail})
    internal = lambda p: sorted({link_key(p, l.target) for l in md.links(p.body, p.body_line)
                                 if not l.image and not l.target.lower().startswith(EXTERNAL)})
    here_links, there_links = internal(ms), internal(en)
    if here_links != there_links:
        detail = "; ".join(filter(None, [
            "missing " + ", ".join(t for t in there_links if t not in here_links) if set(there_links) - set(here_links) else "",
            "extra " + ", ".join(t for t in here_links if t not in there_links) if set(here_links) - set(there_links) else ""]))
        yield Problem(file, "links_differ", params={"other": other, "detail": detail})
    boxes = lambda p: [kind for kind, _ in md.admonitions(p.body)]
    if boxes(ms) != boxes(en):
        yield Problem(file, "admonitions_differ", params={"other": other, "here": ", ".join(boxes(ms)) or "-", "there": ", ".join(boxes(en)) or "-"})


def link_key(page: Page, target: str) -> str:
    """A link as the page it leads to, whatever way it is written: `#a`, `x.md#a` and `x.en.md#a` on
    page x are all `guides/x.md#a`."""
    path, _, anchor = target.partition("#")
    norm = page.norm if not path else _norm(posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path)))
    return norm + (f"#{anchor}" if anchor else "")


def staleness_warnings(site: Site, data: Data, today: dt.date) -> Iterable[Problem]:
    """Law pages not reviewed, and help services not checked, for more than 12 months."""
    for page in site.pages:
        reviewed = getattr(page.meta, "reviewed", None)
        if reviewed and is_stale(reviewed, today):
            code = "platform_review_old" if page.kind == "platform" else "review_old"
            yield Problem(f"docs/{page.rel}", code, page.field_lines.get("reviewed"), "reviewed",
                          {"date": reviewed.isoformat()}, warning=True)
    try:
        services = data.help_services
    except DataError:
        return
    for n, service in enumerate(services, start=1):
        if is_stale(service.verified, today) and not service.stable:
            yield Problem("data/help-services.yml", "verified_old", None, f"services > entry {n} ({service.id}) > verified",
                          {"date": service.verified.isoformat()}, warning=True)


def is_stale(when: dt.date, today: dt.date) -> bool:
    return (today - when).days > 365


def check_page(page: Page, site: Site, data: Data) -> list[Problem]:
    file = f"docs/{page.rel}"
    out: list[Problem] = []
    if page.folder and page.folder not in TYPES:
        out.append(Problem(file, "unknown_folder"))
    if page.not_text:
        return out + [Problem(file, "not_utf8")]
    if not page.has_front_matter:
        out.append(Problem(file, "no_front_matter", 1))
    elif page.yaml_problem:
        out.append(Problem(file, "yaml_invalid", page.yaml_problem.line, params={"problem": page.yaml_problem.problem}))
    else:
        out += schema_problems(page, file)
        out += key_problems(page, file, data)
    out += body_problems(page, file, site)
    out += help_ref_problems(page, file, data)
    out += correction_problems(page, file)
    return out


@functools.lru_cache(maxsize=4)
def _numbers_of(data: Data) -> dict:
    """The help services' numbers as digits, once per reading of the data rather than once per page."""
    return help_refs.known_numbers(data.help_service.values())


def help_ref_problems(page: Page, file: str, data: Data) -> Iterable[Problem]:
    """`[[help:ID]]` names a service; a phone number typed in the prose is one of ours, and cited from the data."""
    try:
        services = data.help_service
    except DataError:
        return  # reported on the data file
    for ref in help_refs.refs(page.body, page.body_line):
        service = services.get(ref.id)
        if service is None:
            yield Problem(file, "help_ref_unknown", ref.line, params={
                "form": ref.form, "id": ref.id, "suggestion": closest(ref.id, services), "allowed": ", ".join(services)})
        elif ref.form == "tel" and not service.phone:
            yield Problem(file, "help_ref_no_phone", ref.line, params={"id": ref.id})
    for typed in help_refs.typed_numbers(page.body, _numbers_of(data), page.body_line):
        if typed.service is not None:
            form = "tel" if typed.service.phone and help_refs.digits(typed.service.phone) == help_refs.digits(typed.number) else "help"
            yield Problem(file, "phone_typed", typed.line, params={
                "number": typed.number, "name": typed.service.name("en"), "ref": f"[[{form}:{typed.service.id}]]",
                "id": typed.service.id}, warning=True)
        elif typed.near is not None:
            yield Problem(file, "phone_differs", typed.line, params={
                "number": typed.number, "name": typed.near.name("en"), "known": typed.near.phone or typed.near.whatsapp,
                "id": typed.near.id})
        else:
            yield Problem(file, "phone_unknown", typed.line, params={"number": typed.number})


def correction_problems(page: Page, file: str) -> Iterable[Problem]:
    """A correction comes after the statement it corrects, and has happened."""
    published = getattr(page.meta, "date", None)
    for n, note in enumerate(getattr(page.meta, "corrections", None) or [], start=1):
        line = page.field_lines.get("corrections")
        if published and note.date < published:
            yield Problem(file, "correction_before", line, f"corrections[{n}].date",
                          {"date": note.date.isoformat(), "published": published.isoformat()})
        elif note.date > dt.date.today():
            yield Problem(file, "correction_future", line, f"corrections[{n}].date", {"date": note.date.isoformat()})


def schema_problems(page: Page, file: str) -> Iterable[Problem]:
    fields = list(page.model.model_fields)
    for err in page.errors:
        loc = err["loc"]
        top = str(loc[0]) if loc else ""
        name = top + "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc[1:])
        line = page.field_lines.get(top) if not (err["type"] == "missing" and len(loc) == 1) else None
        code, params = friendly(err, name, fields, page.kind)
        yield Problem(file, code, line, name, params)


def _keys(raw: dict, name: str) -> list[str]:
    value = raw.get(name)
    return [str(v) for v in value] if isinstance(value, list) else []


def key_problems(page: Page, file: str, data: Data) -> Iterable[Problem]:
    raw = page.raw if isinstance(page.raw, dict) else {}
    if "organisation" in page.model.model_fields and isinstance(raw.get("organisation"), str):
        try:
            publishers = [k for k, o in data.organisations.items() if o.publisher]
        except DataError:
            publishers = None
        value = raw["organisation"]
        if publishers is not None and value not in publishers:
            yield Problem(file, "unknown_publisher", page.field_lines.get("organisation"), "organisation", {
                "value": value, "suggestion": closest(value, publishers), "allowed": ", ".join(publishers) or "-"})
    for name, code in (("topics", "unknown_topic"), ("organisations", "unknown_organisation")):
        if name not in page.model.model_fields:
            continue
        try:
            keys = list(getattr(data, name))  # read here: a bad data file raises DataError
        except DataError:
            continue  # reported once, on the data file
        for value in _keys(raw, name):
            if value not in keys:
                yield Problem(file, code, page.field_lines.get(name), name, {
                    "value": value, "suggestion": closest(value, keys), "allowed": ", ".join(keys)})


def body_problems(page: Page, file: str, site: Site) -> Iterable[Problem]:
    first = page.body_line
    own_ids = [h.id for h in md.headings(page.body, first)]
    for h in md.headings(page.body, first):
        if h.level == 1:
            yield Problem(file, "h1_in_body", h.line)
        elif not h.explicit:
            yield Problem(file, "heading_no_id", h.line, params={"heading": h.text, "id": h.id})
    for name, line in md.markers(page.body, first):
        if name not in MARKERS:
            yield Problem(file, "unknown_marker", line, params={"name": name, "allowed": ", ".join(MARKERS)})
    for link in md.links(page.body, first):
        if link.image and not link.text.strip():
            yield Problem(file, "image_no_alt", link.line, params={"target": link.target})
        scheme = link.target.split(":", 1)[0].strip().lower() if ":" in link.target else ""
        if scheme in UNSAFE_SCHEMES:
            yield Problem(file, "unsafe_link", link.line, params={"scheme": scheme})
            continue
        yield from link_problems(page, file, site, link, own_ids)
    yield from html_problems(page, file)


def html_problems(page: Page, file: str) -> Iterable[Problem]:
    """Raw HTML is limited to a few harmless inline tags; scripts, embeds and handlers never pass."""
    allowed = ", ".join(f"<{t}>" for t in ALLOWED_HTML)
    for tag in md.html_tags(page.body, page.body_line):
        handler = md.EVENT_HANDLER.search(tag.attrs)
        if tag.name in EMBEDS:
            yield Problem(file, "html_embed", tag.line, params={"tag": tag.name})
        elif tag.name not in ALLOWED_HTML:
            yield Problem(file, "html_not_allowed", tag.line, params={"tag": tag.name, "allowed": allowed})
        elif handler:
            yield Problem(file, "event_handler", tag.line, params={"attribute": handler.group(1)})
        elif scheme := re.search(r"(javascript|vbscript|data):", tag.attrs, re.I):
            yield Problem(file, "unsafe_link", tag.line, params={"scheme": scheme.group(1).lower()})


def rendered_problems(site: Site, project: Project) -> Iterable[Problem]:
    """What the sanitiser would remove from each page's HTML, as MkDocs renders it: the HTML judged as a
    browser parses it, so no Markdown trick hides a tag. Not told twice when the line check found it."""
    from . import render, sanitise

    convert = render.converter(project.root)
    allowed = ", ".join(f"<{t}>" for t in ALLOWED_HTML)
    for page in site.pages:
        told = {p.params.get("tag") or p.params.get("attribute") or p.params.get("scheme")
                for p in html_problems(page, f"docs/{page.rel}")}
        for finding in sanitise.findings(convert(page.body)):
            if finding.name in told:
                continue
            code = {"id": "html_removed_id", "class": "html_removed_class"}.get(finding.kind, "html_removed")
            yield Problem(f"docs/{page.rel}", code, md.line_of(page.body, finding.hint, page.body_line),
                          params={"what": str(finding), "allowed": allowed, "name": finding.name})


def link_problems(page: Page, file: str, site: Site, link: md.Link, own_ids: list[str]) -> Iterable[Problem]:
    target = link.target
    if not target or target.lower().startswith(EXTERNAL) or ":" in target.split("/")[0]:
        return
    path, _, anchor = target.partition("#")
    if not path:
        if anchor and anchor not in own_ids:
            yield Problem(file, "broken_anchor", link.line, params={"target": target, "anchor": anchor, "ids": ", ".join(own_ids) or "-"})
        return
    here = posixpath.dirname(page.rel)
    resolved = posixpath.normpath(posixpath.join(here, path))
    if path.endswith(".md"):
        norm = _norm(resolved)
        versions = site.versions(norm)
        if not versions:
            yield Problem(file, "broken_link", link.line, params={"target": target, "expected": f"docs/{norm[:-3]}.{page.lang}.md"})
            return
        if anchor:
            dest = versions.get(page.lang) or versions.get(DEFAULT) or next(iter(versions.values()))
            ids = [h.id for h in md.headings(dest.body, dest.body_line)]
            if anchor not in ids:
                yield Problem(file, "broken_anchor", link.line, params={"target": target, "anchor": anchor, "ids": ", ".join(ids) or "-"})
        return
    last = posixpath.basename(path.rstrip("/"))
    if "." in last:  # a file: image, PDF...
        if not (site.docs / resolved).exists():
            yield Problem(file, "missing_image" if link.image else "broken_link", link.line,
                          params={"target": target, "expected": f"docs/{resolved}"})
        return
    # a site URL such as ../guides/x/ : ask for the Markdown file instead
    candidate = _norm(resolved.rstrip("/") + ".md") if resolved not in (".", "") else "index.md"
    if not site.versions(candidate):
        candidate = _norm(posixpath.join(resolved, "index.md"))
    suggestion = posixpath.relpath(candidate, here or ".") + (f"#{anchor}" if anchor else "")
    yield Problem(file, "link_not_md", link.line, params={"markdown": suggestion})


def _norm(resolved: str) -> str:
    """docs-relative path without a language part: laws/x.en.md -> laws/x.md."""
    stem, ext = posixpath.splitext(resolved)
    if posixpath.splitext(stem)[1][1:] in NAMES:
        stem = posixpath.splitext(stem)[0]
    return stem + ext


# When data/messages.yml itself cannot be read there are no messages to tell anything with: this one
# line per fault, in both languages, is all `selamat check` can say.
NO_MESSAGES = {
    "en": "The messages of `selamat check` are in this file, and it cannot be read, so nothing else can be "
          "checked. Fix this line{detail}, then run `selamat check` again.",
    "ms": "Mesej `selamat check` ada dalam fail ini, dan fail ini tidak dapat dibaca, jadi perkara lain tidak "
          "dapat disemak. Betulkan baris ini{detail}, kemudian jalankan `selamat check` sekali lagi.",
}


def unreadable_messages(err, lang: str) -> str:
    """What `selamat check` and the build say when data/messages.yml itself cannot be read."""
    lines = []
    for line, where, problem in err.problems:
        # what the YAML parser or the validator said, as for front matter; nothing for our own faults
        said = problem.get("msg") if isinstance(problem, dict) else getattr(problem, "params", {}).get("problem")
        detail = f" ({said})" if said else ""
        lines.append(f"{err.file}:{line or 1}: {where + ': ' if where else ''}{NO_MESSAGES[lang].format(detail=detail)}")
    return "\n".join(lines)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def report(problems: list[Problem], pages: int, data: Data, lang: str) -> str:
    ordered = sorted(problems, key=lambda p: (p.warning, p.file, p.line or 0))
    lines = [p.render(data, lang) for p in ordered]
    failing, warnings = errors(problems), len(problems) - len(errors(problems))
    if warnings:
        lines.append(data.messages["summary_warnings"](lang).format(count=warnings))
    key = "summary_problems" if failing else "summary_ok"
    lines.append(data.messages[key](lang).format(count=len(failing), pages=pages))
    return "\n".join(lines)
