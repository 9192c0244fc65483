"""The `selamat` command for editors (also `python -m selamat`)."""
from __future__ import annotations

import argparse
import json
import re
import sys
import time

from . import check, gitinfo, published, scaffold, translations
from .content import load_site
from .data import Data
from . import languages
from .languages import LANGUAGES
from .project import Project
from .stemmer import Stemmer


def cmd_check(args: argparse.Namespace) -> int:
    from .data import DataError

    started = time.perf_counter()
    project = Project.find()
    data = Data(project.data)
    try:
        data.messages
    except DataError as err:
        print(check.unreadable_messages(err, args.lang))
        return 1
    problems, pages = check.run(project, data=data)
    print(check.report(problems, pages, data, args.lang))
    if args.timing:
        print(f"({time.perf_counter() - started:.2f} s)", file=sys.stderr)
    return 1 if check.errors(problems) else 0


def say(data: Data, lang: str, key: str, **params: object) -> str:
    return data.messages[key](lang).format(**params)


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def cmd_new(args: argparse.Namespace) -> int:
    project = Project.find()
    data = Data(project.data)
    if not SLUG.match(args.slug):
        print(say(data, args.ui, "bad_slug", slug=args.slug), file=sys.stderr)
        return 1
    try:
        path = scaffold.new_page(project, args.kind, args.slug, args.lang)
    except scaffold.ScaffoldError as err:
        print(say(data, args.ui, err.code, **err.params), file=sys.stderr)
        return 1
    rel = path.relative_to(project.root).as_posix()
    page = load_site(project.docs).by_rel[path.relative_to(project.docs).as_posix()]
    made = translations.source_of(page)
    if made:
        original = rel.replace(f".{args.lang}.md", f".{made[0]}.md")
        print(say(data, args.ui, "new_translation", path=rel, original=original, commit=made[1][:10]))
    else:
        print(say(data, args.ui, "new_created", path=rel))
    return 0


def _norm(name: str) -> str:
    """`guides/reporting`, `guides/reporting.md` or `reporting` -> guides/reporting.md (when unique)."""
    name = name.removesuffix(".md")
    for lang in LANGUAGES:
        name = name.removesuffix(f".{lang}")
    return name + ".md"


def _language_in(name: str) -> str | None:
    """`guides/reporting.ms.md` or `guides/reporting.ms` -> ms; None when the name has no language."""
    parts = name.removesuffix(".md").rsplit(".", 1)
    return parts[1] if len(parts) == 2 and parts[1] in LANGUAGES else None


def _find(site, name: str):
    norm = _norm(name)
    if norm in site.by_norm:
        return norm
    matches = [n for n in site.by_norm if n.endswith("/" + norm)]
    return matches[0] if len(matches) == 1 else None


def cmd_status(args: argparse.Namespace) -> int:
    project = Project.find()
    data = Data(project.data)
    site = load_site(project.docs)
    if args.mark_current or args.diff:
        name = args.mark_current or args.diff
        norm = _find(site, name)
        versions = site.versions(norm) if norm else {}
        lang = _language_in(name)
        pages = [p for p in versions.values() if translations.made_from(p, versions) and lang in (None, p.lang)]
        if not pages:
            print(say(data, args.lang, "status.no_page", slug=name), file=sys.stderr)
            return 1
        if len(pages) > 1:  # several translations: say which one
            print(say(data, args.lang, "status.which", slug=norm[:-3], files=", ".join(f"docs/{p.rel}" for p in pages)), file=sys.stderr)
            return 1
        page = pages[0]
        original = translations.made_from(page, versions)
        if args.diff:
            made = translations.source_of(page)
            print(gitinfo.diff(project.root, made[1], original.path) if made else say(
                data, args.lang, "status.untracked", slug=norm[:-3]))
            return 0
        commit = gitinfo.last_commit(project.root, original.path)
        if not commit:
            print(say(data, args.lang, "status.no_git", original=f"docs/{original.rel}"), file=sys.stderr)
            return 1
        text = translations.set_translated_from(page.path.read_text(encoding="utf-8"), original.lang, commit)
        page.path.write_text(text, encoding="utf-8")
        print(say(data, args.lang, "status.marked", path=f"docs/{page.rel}", commit=commit[:10], original=f"docs/{original.rel}"))
        return 0
    rows = translations.status(site, project.root)
    if args.format == "json":
        print(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False))
        return 0
    pending = [r for r in rows if r.state != translations.CURRENT]
    for lang in LANGUAGES:
        mine = [r for r in pending if r.lang == lang]
        if not mine:
            continue
        print(say(data, args.lang, "status_heading", language=data.language_name(lang, args.lang)))
        for r in mine:
            detail = say(data, args.lang, f"status.{r.state}", commit=(r.translated_from or "")[:10], slug=r.slug[:-3])
            print(f"  docs/{r.translation or r.original}: {detail}")
    if not pending:
        print(say(data, args.lang, "status.all_current"))
    return 0


def cmd_urls(args: argparse.Namespace) -> int:
    project = Project.find()
    data = Data(project.data)
    added = published.update_manifest(project.data, load_site(project.docs))
    print(say(data, args.lang, "urls_added", count=len(added)))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    import tempfile
    from pathlib import Path

    from . import build
    from .search_index import SearchIndex

    project = Project.find()
    data = Data(project.data)
    with tempfile.TemporaryDirectory(prefix="selamat-search-") as temp:
        site_dir = Path(args.site_dir).resolve() if args.site_dir else Path(temp)
        if not args.site_dir:
            print(say(data, args.ui, "search_building"), file=sys.stderr)
            if not build.site(project.root, site_dir):
                print(say(data, args.ui, "search_build_failed"), file=sys.stderr)
                return 1
        index = SearchIndex.from_site(site_dir, args.lang, data)
        hits = index.search(args.query)  # read while the built site is there: shards load as needed
        read = index.readings(args.query)
    site_name = data.language_name(args.lang, args.ui)
    print(say(data, args.ui, "search_results", query=args.query, site=site_name, count=len(hits)))
    for number, hit in enumerate(hits[:args.top], 1):
        print(f"{number:3}. /{hit.page}  {hit.title}  ({hit.score:.1f})")
    readings = []
    for entry in read:
        if entry.stop:
            readings.append(say(data, args.ui, "search_ignored", word=entry.word))
        elif entry.terms:
            readings.append(f"{entry.word} → {', '.join(sorted(entry.terms))}")
    if readings:
        print(say(data, args.ui, "search_reading", readings="; ".join(readings)))
    return 0


def cmd_stem(args: argparse.Namespace) -> int:
    stemmer = Stemmer.from_data(Project.find().data)
    for word in args.words:
        print(f"{word}\t{stemmer.stem(word)}")
    return 0


def cmd_offline_zip(args: argparse.Namespace) -> int:
    import tempfile
    from pathlib import Path

    from . import offline_downloads, offline_edition

    project = Project.find()
    data = Data(project.data)
    out = Path(args.out).resolve()
    with tempfile.TemporaryDirectory(prefix="selamat-plain-") as temp:
        site_dir = Path(args.site_dir).resolve() if args.site_dir else Path(temp)
        if not args.site_dir:
            print(say(data, args.ui, "offline_zip_building", folder=site_dir), file=sys.stderr)
            if not offline_edition.build_plain(project.root, site_dir):
                print(say(data, args.ui, "offline_zip_failed"), file=sys.stderr)
                return 1
        for path in offline_edition.write_editions(site_dir, load_site(project.docs), data, out, args.lang or LANGUAGES):
            lang = path.stem.rsplit("-", 1)[1]
            print(say(data, args.ui, "offline_zip_written", path=path, size=offline_downloads.human_size(path.stat().st_size),
                      start=offline_edition.start_file(data, lang)))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from . import review
    from .data import DataError

    project = Project.find()
    data = Data(project.data)
    try:
        found = review.collect(load_site(project.docs), data)
    except DataError:
        print(say(data, args.lang, "review_fix_first"), file=sys.stderr)
        return 1
    if args.format == "json":
        print(review.as_json(found), end="")
    else:
        print(review.as_text(found, data, args.lang, markdown=args.format == "markdown"), end="")
    return 0


def _message_language(code: str) -> str:
    """Any language code: a message not written in it is shown in the default language."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise argparse.ArgumentTypeError(f"{code!r}: give a language code such as en or ms")
    return code


def cmd_editor_config(args: argparse.Namespace) -> int:
    from . import editor_config
    project = Project.find()
    print(editor_config.as_yaml(editor_config.config(project.root)), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="selamat", description="Tools for Selamat's editors and translators.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="check every page and data file; exit 1 when there are problems")
    p.add_argument("--lang", type=_message_language, default=languages.DEFAULT, help="language of the messages (a language code; English when a message is not translated)")
    p.add_argument("--timing", action="store_true", help="print how long the check took")
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("new", help="create a page (or the translation of one) with its front matter filled in")
    p.add_argument("kind", choices=list(scaffold.FOLDERS))
    p.add_argument("slug", help="the page's name: lowercase English words joined by dashes")
    p.add_argument("--lang", choices=LANGUAGES, default=languages.DEFAULT, help="the language of the new page (any of the site's)")
    p.add_argument("--ui", type=_message_language, default=languages.DEFAULT, help="language of the messages (a language code; English when a message is not translated)")
    p.set_defaults(run=cmd_new)
    p = sub.add_parser("status", help="list untranslated pages and out-of-date translations")
    p.add_argument("--lang", type=_message_language, default=languages.DEFAULT, help="language of the messages (a language code; English when a message is not translated)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--mark-current", metavar="PAGE", help="record that PAGE's translation matches its original now")
    p.add_argument("--diff", metavar="PAGE", help="show how PAGE's original changed since it was translated")
    p.set_defaults(run=cmd_status)
    p = sub.add_parser("review", help="list what needs a person to look at it, oldest first (changes nothing)")
    p.add_argument("--lang", type=_message_language, default=languages.DEFAULT, help="language of the messages (a language code; English when a message is not translated)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.set_defaults(run=cmd_review)
    p = sub.add_parser("search", help="search the site as readers do, and show the ranked pages (builds the site first)")
    p.add_argument("query")
    p.add_argument("--lang", choices=LANGUAGES, default=languages.DEFAULT, help="which language's site to search")
    p.add_argument("--top", type=int, default=10, help="how many pages to show")
    p.add_argument("--site-dir", help="search this already built site instead of building one")
    p.add_argument("--ui", type=_message_language, default=languages.DEFAULT, help="language of the messages (a language code; English when a message is not translated)")
    p.set_defaults(run=cmd_search)
    p = sub.add_parser("stem", help="print the root the Malay stemmer finds for each word (for review)")
    p.add_argument("words", nargs="+")
    p.set_defaults(run=cmd_stem)
    p = sub.add_parser("urls", help="add every page's address to the manifest of published addresses")
    p.add_argument("--update", action="store_true", required=True)
    p.add_argument("--lang", type=_message_language, default=languages.DEFAULT, help="language of the messages (a language code; English when a message is not translated)")
    p.set_defaults(run=cmd_urls)
    p = sub.add_parser("offline-zip", help="write the offline edition of each language (a zip that works from file://)")
    p.add_argument("--out", default="downloads", help="folder for selamat-en.zip and selamat-ms.zip (default: downloads)")
    p.add_argument("--site-dir", help="use this plain-file build (SELAMAT_DIRECTORY_URLS=false) instead of building one")
    p.add_argument("--lang", choices=LANGUAGES, action="append", help="only this language (repeatable)")
    p.add_argument("--ui", type=_message_language, default=languages.DEFAULT, help="language of the messages (a language code; English when a message is not translated)")
    p.set_defaults(run=cmd_offline_zip)
    p = sub.add_parser("editor-config", help="print the web editor's configuration (/admin/config.yml), made from the content model")
    p.set_defaults(run=cmd_editor_config)
    args = parser.parse_args(argv)
    from .project import OUTSIDE, NotAProject
    try:
        return args.run(args)
    except NotAProject as err:
        lang = getattr(args, "ui", None) or getattr(args, "lang", None)
        print(OUTSIDE.get(lang if isinstance(lang, str) else "en", OUTSIDE["en"]).format(folder=err.folder), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
