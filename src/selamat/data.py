"""The project's data files (data/*.yml), validated by pydantic models. Texts are keyed by language
(`en: ...`, `ms: ...`, one line per language of mkdocs.yml); the default language's is required, and a
missing one falls back to it (`selamat check` warns, listing what is missing per language)."""
from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, ClassVar, Literal, Optional, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from . import languages, yamlio


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def by_language(value: object, extra: tuple[str, ...] = ()) -> object:
    """A mapping keyed by the site's languages: no key outside them (a typo such as `my:` would never be
    shown), and the default language's always there, as every other language falls back to it."""
    if not isinstance(value, dict):
        return value
    _known_languages(value, extra)
    if languages.DEFAULT not in value:
        raise PydanticCustomError("language_missing", "the text in {language} is missing",
                                  {"language": languages.DEFAULT})
    return value


def _site_languages(value: dict) -> dict:
    """A mapping keyed by languages of the site."""
    return _known_languages(value)


def _known_languages(value: dict, extra: tuple[str, ...] = ()) -> dict:
    """A mapping whose keys are all languages of the site (or one of `extra`, such as `note`)."""
    for key in value:
        if key not in languages.LANGUAGES and key not in extra:
            raise PydanticCustomError("language_unknown", "`{key}` is not one of the site's languages ({allowed})",
                                      {"key": str(key), "allowed": ", ".join(languages.LANGUAGES)})
    return value


class Texts(RootModel[dict[str, Annotated[str, Field(min_length=1)]]]):
    """One text in each language: `en: ...`, `ms: ...`; `t(lang)` falls back to the default language."""

    model_config = ConfigDict(frozen=True)
    EXTRA: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="before")
    @classmethod
    def _languages(cls, value):
        return by_language(value, cls.EXTRA)

    def __call__(self, lang: str) -> str:
        return self.root.get(lang) or self.root[languages.DEFAULT]

    def has(self, lang: str) -> bool:
        return lang in self.root

    @property
    def note(self) -> Optional[str]:
        return self.root.get("note")


class NotedTexts(Texts):
    """Texts with an optional `note` for translators."""

    EXTRA: ClassVar[tuple[str, ...]] = ("note",)


class Topic(Texts):
    pass


class Organisation(Strict):
    name: Texts
    url: Optional[str] = Field(default=None, pattern=r"^https?://")
    publisher: bool = False  # a real organisation whose resources the site lists (not a statement's signatory)


class Source(Strict):
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")


class HelpService(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: Texts
    category: Literal["emergency", "support", "reporting", "image-removal", "mental-health"]
    phone: Optional[str] = None
    whatsapp: Optional[str] = None
    whatsapp_message: Optional[Texts] = None  # a neutral first message, prefilled in the wa.me link
    sms: Optional[str] = None
    url: Optional[str] = Field(default=None, pattern=r"^https?://\S+$")
    hours: Optional[Texts] = None
    languages: list[str] = Field(default_factory=list)
    description: Texts
    help_box: bool = False
    ages: Optional[Literal["adults", "under-18"]] = None  # who the service is for, when it is only for some
    stable: bool = False  # a government emergency line that does not change: no staleness warning
    verified: dt.date
    source: Source
    # the facts-file entries (shared/reference/facts.yml) the details come from: in the data, not in a comment,
    # so the web editor keeps them when it saves the file
    facts: list[Annotated[str, Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)*$")]] = Field(default_factory=list)
    facts_note: Optional[str] = None  # for editors: how the facts were used; never shown to readers


class HelpServices(Strict):
    """data/help-services.yml: the services under one `services:` key (a list at the top of the file is
    something the web editor cannot edit)."""

    services: list[HelpService]


class LegalChange(Strict):
    """One dated change to a law: an Act in force, a Bill passed, a court ruling, regulations made."""

    date: dt.date
    precision: Literal["day", "year"] = "day"  # `year`: the source gives only the year
    law: Annotated[str, Field(pattern=r"^laws/[a-z0-9]+(-[a-z0-9]+)*\.md$")]  # the law page it concerns
    what: Texts
    source: Source


class UiStrings(Strict):
    strings: dict[str, NotedTexts]
    # Material's own keys, per language, overriding its bundled ones
    material: Annotated[dict[str, dict[str, str]], AfterValidator(_site_languages)] = {}


class PageTemplate(Strict):
    title: str
    summary: str
    body: str


class NewPage(RootModel[dict[str, PageTemplate]]):
    """What `selamat new` writes in a fresh page, per language (the default language's when one is missing)."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _languages(cls, value):
        return by_language(value)

    def __call__(self, lang: str) -> PageTemplate:
        return self.root.get(lang) or self.root[languages.DEFAULT]


SourcePath = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")]


class StemmerLists(Strict):
    roots_that_look_affixed: list[str]
    known_roots: list[str]


@dataclass(frozen=True)
class DataFault:
    """A fault with its own message in data/messages.yml (`code`), in English and Malay."""

    code: str
    params: dict = field(default_factory=dict)


class DataError(Exception):
    """A data file that cannot be used; `problems` holds (line, field, pydantic error, DataFault or text)
    per fault."""

    def __init__(self, file: str, problems: list[tuple[Optional[int], str, object]]):
        super().__init__("; ".join(f"{file}: {f}: {p}" for _, f, p in problems))
        self.file, self.problems = file, problems


def _where(data, loc: tuple) -> str:
    """A path an editor recognises: `entry talian-kasih > verified` rather than `3.verified`."""
    out, node = [], data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            ident = node.get("id") if isinstance(node, dict) else None
            out.append(f"entry {part + 1}" + (f" ({ident})" if ident else ""))
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out.append(str(part))
    return " > ".join(out)


class SearchAlias(Strict):
    typed: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    means: str | list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    note: Optional[str] = None

    @property
    def means_words(self) -> list[str]:
        return [self.means] if isinstance(self.means, str) else list(self.means)


def _typed_once(entries: list[SearchAlias]) -> list[SearchAlias]:
    seen: set[str] = set()
    for entry in entries:
        for typed in entry.typed:
            key = " ".join(w for w in re.split(r"[\s\-]+", typed.lower()) if w)  # as search reads it
            if key in seen:
                raise ValueError(f"`{typed}` is typed in two entries: keep it in one, with every word it means")
            seen.add(key)
    return entries


SearchAliases = Annotated[dict[str, Annotated[list[SearchAlias], AfterValidator(_typed_once)]], AfterValidator(_site_languages)]
StopWords = Annotated[dict[str, list[Annotated[str, Field(pattern=r"^[a-z]+$")]]], AfterValidator(_site_languages)]


def untranslated(value: object, where: str = "") -> dict[str, list[str]]:
    """Per language of the site, the places in loaded data (`help > name`, `entry talian-kasih > hours`)
    whose texts are not written in that language."""
    out: dict[str, list[str]] = {}

    def walk(node: object, at: str) -> None:
        if isinstance(node, (Texts, NewPage)):
            for lang in languages.LANGUAGES:
                if lang not in node.root:
                    out.setdefault(lang, []).append(at or "-")
        elif isinstance(node, BaseModel):
            for name in type(node).model_fields:
                walk(getattr(node, name), f"{at} > {name}" if at else name)
        elif isinstance(node, dict):
            for key, item in node.items():
                walk(item, f"{at} > {key}" if at else str(key))
        elif isinstance(node, (list, tuple)):
            for n, item in enumerate(node, start=1):
                ident = getattr(item, "id", None)
                walk(item, (f"{at} > " if at else "") + (f"entry {n} ({ident})" if ident else f"entry {n}"))

    walk(value, where)
    return out


# --- interface strings the code needs -----------------------------------------------------------------
# Every key the code and templates ask for (`t("...")`, `selamat_t("...")`, and the families built from
# a value: `language.{lang}`, `type.{kind}`...), with the {placeholders} the code fills in. A key missing
# from data/ui-strings.yml, or a placeholder the code does not fill, would stop the build with a
# traceback; the data check names it instead. tests/test_check.py keeps this list in step with the code.

RESOURCE_TYPES = ("guide", "report", "statement", "webinar", "video", "toolkit")  # a resource's `type` (schema.py)
KINDS = ("guide", "law", "platform", "statement", "resource", "help", "step", "section")  # content types (schema.py), as `type.{kind}`
FEEDS = ("statements", "updates", "legal-changes")  # steps/feeds.py
OFFLINE_STATES = ("nojs", "unsupported", "file", "saving", "saved", "other", "failed", "removed")  # offline_control.py


def _literals(annotation) -> list[str]:
    """The values a Literal (or an Optional Literal) field allows."""
    out = []
    for arg in get_args(annotation):
        out += [arg] if isinstance(arg, str) else _literals(arg)
    return out


def _ui_keys() -> dict[str, frozenset[str]]:
    plain = """
        untranslated.title untranslated.link content_note.title legal.title legal.help legal.stale
        outdated.title outdated.body outdated.link edit.page edit.translate sources.title listing.empty
        help_box.title help_box.more help_box.danger help.call help.whatsapp help.sms help.website help.hours
        help.languages help.source print.note jump.title emergency.lead flow.start flow.guides flow.platforms flow.services flow.again changes.title changes.source correction.title moved.title moved.body
        print permalink and go.title footer.note footer.generator partners.catalogue partners.short
        partners.qr partners.plain partners.iframe feed.updates feed.statements feed.legal-changes
        offline.title offline.intro offline.trace offline.save offline.remove offline.more
        offline.footer.link offline.footer.saved offline.download.intro offline.start.title offline.start.link offline.start.file
        exit.skip exit.label exit.hidden_prefix exit.announce exit.presses.1 exit.presses.2 exit.expired
        404.title 404.body 404.home 404.help 404.other""".split()
    keys = {key: frozenset() for key in plain}
    keys.update({
        "untranslated.body": frozenset({"language"}),
        "legal.body": frozenset({"date"}),
        "updated": frozenset({"date"}),
        "statement.meta": frozenset({"date", "organisations"}),
        "help.verified": frozenset({"date"}),
        "platform.checked": frozenset({"date"}),
        "resource.published": frozenset({"type", "organisation", "date"}),
        "resource.leaves": frozenset({"host"}),
        "correction.date": frozenset({"date"}),
        "correction.body": frozenset({"date"}),
        "correction.feed": frozenset({"date", "note"}),
        "offline.download": frozenset({"language", "size"}),
        "offline.download.open": frozenset({"start"}),
    })
    keys["label.language"] = frozenset({"language"})
    families = [f"month.{n}" for n in range(1, 13)] + [f"type.{kind}" for kind in KINDS]
    families += [f"resource.type.{t}" for t in RESOURCE_TYPES] + [f"resource.types.{t}" for t in RESOURCE_TYPES]
    families += [f"category.{c}" for c in _literals(HelpService.model_fields["category"].annotation)]
    families += [f"help.ages.{a}" for a in _literals(HelpService.model_fields["ages"].annotation)]
    families += [f"feed.{name}.description" for name in FEEDS] + [f"offline.{state}" for state in OFFLINE_STATES]
    keys.update({key: keys.get(key, frozenset()) for key in families})
    return keys


UI_KEYS: dict[str, frozenset[str]] = _ui_keys()
PLACEHOLDER_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
MARKUP = ("<", ">")


def placeholders(text: str) -> set[str]:
    """The {names} in a text, as str.format reads it ({{ and }} are plain braces). ValueError when a
    brace is left open or alone."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _text_faults(parsed, loc: tuple, text: str) -> list[tuple]:
    """Braces that do not close, and placeholders that are not plain names, such as {0} or {date:%Y}."""
    line = parsed.line_of(loc)
    where = " > ".join(str(p) for p in loc)
    try:
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is not None and (not PLACEHOLDER_NAME.match(name) or spec or conversion):
                shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                return [(line, where, DataFault("placeholder_bad", {"placeholder": shown}))]
    except ValueError:
        return [(line, where, DataFault("placeholder_braces", {}))]
    return []


def _written(entry: Texts) -> list[str]:
    """The languages a text is written in (the others fall back to the default language's)."""
    return [lang for lang in languages.LANGUAGES if entry.has(lang)]


def _syntax_faults(parsed, section: tuple, key: str, entry) -> list[tuple]:
    out = []
    for lang in _written(entry):
        out += _text_faults(parsed, section + (key, lang), entry(lang))
    return out


def _listed(names) -> str:
    return ", ".join(f"`{{{name}}}`" for name in sorted(names)) or "-"


def _translation_faults(parsed, section: tuple, key: str, entry) -> list[tuple]:
    """A translation uses exactly the placeholders of the default language's text: none added, none left out."""
    out = _syntax_faults(parsed, section, key, entry)
    if out:
        return out
    english = placeholders(entry(languages.DEFAULT))
    for lang in _written(entry):
        own = placeholders(entry(lang))
        if lang != languages.DEFAULT and own != english:
            loc = section + (key, lang)
            out.append((parsed.line_of(loc), " > ".join(map(str, loc)), DataFault("placeholder_differs", {
                "added": _listed(own - english), "dropped": _listed(english - own)})))
    return out


def _code_faults(parsed, key: str, entry) -> list[tuple]:
    """A string the code asks for uses exactly the placeholders the code fills in, in every language."""
    out = _syntax_faults(parsed, ("strings",), key, entry)
    if out:
        return out
    allowed = UI_KEYS[key]
    for lang in _written(entry):
        used = placeholders(entry(lang))
        if used != allowed:
            loc = ("strings", key, lang)
            fault = (DataFault("ui_placeholder_none", {"unknown": _listed(used)}) if not allowed else
                     DataFault("ui_placeholder_unknown", {"unknown": _listed(used - allowed), "allowed": _listed(allowed),
                                                          "missing": _listed(allowed - used)}))
            out.append((parsed.line_of(loc), " > ".join(loc), fault))
    return out


def _markup_faults(parsed, loc: tuple, text: str) -> list[tuple]:
    found = [c for c in MARKUP if c in text]
    if not found:
        return []
    return [(parsed.line_of(loc), " > ".join(map(str, loc)), DataFault("ui_markup", {"sign": " ".join(f"`{c}`" for c in found)}))]


def ui_faults(parsed, ui: "UiStrings") -> list[tuple]:
    """Every key the code needs is there; each string's placeholders are the ones the code fills in (or,
    for a string the code does not ask for by name, the English text's), in every language; no string
    holds markup (they are printed into the page as text)."""
    out = []
    strings_line = parsed.line_of(("strings",))
    for key in sorted(set(UI_KEYS) - set(ui.strings)):
        out.append((strings_line, f"strings > {key}", DataFault("ui_key_missing", {"key": key})))
    for key, entry in ui.strings.items():
        out += _code_faults(parsed, key, entry) if key in UI_KEYS else _translation_faults(parsed, ("strings",), key, entry)
        for lang in _written(entry):
            out += _markup_faults(parsed, ("strings", key, lang), entry(lang))
    for lang, table in ui.material.items():
        for key, value in table.items():
            out += _markup_faults(parsed, ("material", lang, key), value)
    return out


CHECKS = {"ui": ui_faults}  # beyond the shape of the file


FILES = {
    "topics": "topics.yml",
    "organisations": "organisations.yml",
    "help_services": "help-services.yml",
    "legal_changes": "legal-changes.yml",
    "ui": "ui-strings.yml",
    "messages": "messages.yml",
    "glossary": "glossary.yml",
    "new_page": "new-page.yml",
    "redirects": "redirects.yml",
    "stemmer": "malay-stemmer.yml",
    "search_aliases": "search-aliases.yml",
    "search_stop_words": "search-stop-words.yml",
}


SHAPES = {"dict_type": "data_not_mapping", "model_type": "data_not_mapping", "model_attributes_type": "data_not_mapping"}


def _shape(error: dict):
    """A value of the wrong shape (a list, or plain text, where `name: value` lines belong; a whole file
    that is not a list) gets its own message; other pydantic errors are told as for front matter."""
    if error["type"] == "list_type" and not error["loc"]:
        return DataFault("data_not_list")
    if error["type"] in ("language_unknown", "language_missing"):  # keyed by language: say which
        return DataFault(f"data_{error['type']}", dict(error.get("ctx") or {}))
    return DataFault(SHAPES[error["type"]]) if error["type"] in SHAPES else error


def _first_per_place(problems: list[tuple]) -> list[tuple]:
    """One problem per place: a value pydantic tried as several types gives one error for each."""
    seen, out = set(), []
    for problem in problems:
        if (problem[0], problem[1]) not in seen:
            seen.add((problem[0], problem[1]))
            out.append(problem)
    return out


class Data:
    """All data files of a project, loaded lazily and validated on first use."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _load(self, name: str, model):
        path = self.folder / FILES[name]
        rel = f"data/{FILES[name]}"
        if not path.exists():
            raise DataError(rel, [(None, "", DataFault("data_file_missing"))])
        try:
            parsed = yamlio.parse(path.read_text(encoding="utf-8"))
        except yamlio.YamlProblem as err:
            raise DataError(rel, [(err.line or 1, "", DataFault("data_yaml_invalid", {"problem": err.problem}))]) from None
        except UnicodeDecodeError:
            raise DataError(rel, [(None, "", DataFault("data_not_utf8"))]) from None
        try:
            value = RootModel[model].model_validate(parsed.data).root
        except ValidationError as err:
            problems = []
            for e in err.errors(include_url=False):
                loc = tuple(e["loc"])
                problems.append((parsed.line_of(loc) or parsed.paths.get((), 1), _where(parsed.data, loc), _shape(e)))
            raise DataError(rel, _first_per_place(problems)) from None
        faults = CHECKS[name](parsed, value) if name in CHECKS else []
        if faults:
            raise DataError(rel, faults)
        return value

    @cached_property
    def topics(self) -> dict[str, Topic]:
        return self._load("topics", dict[str, Topic])

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return self._load("organisations", dict[str, Organisation])

    @cached_property
    def help_services(self) -> list[HelpService]:
        return self._load("help_services", HelpServices).services

    @cached_property
    def legal_changes(self) -> list[LegalChange]:
        """Newest first (the file may list them in any order)."""
        changes = self._load("legal_changes", list[LegalChange]) or []
        return sorted(changes, key=lambda c: c.date, reverse=True)

    @cached_property
    def help_service(self) -> dict[str, HelpService]:
        return {s.id: s for s in self.help_services}

    @cached_property
    def ui(self) -> UiStrings:
        return self._load("ui", UiStrings)

    @cached_property
    def messages(self) -> dict[str, NotedTexts]:
        return self._load("messages", dict[str, NotedTexts])

    @cached_property
    def glossary(self) -> list[NotedTexts]:
        return self._load("glossary", list[NotedTexts])

    @cached_property
    def new_page(self) -> dict[str, NewPage]:
        return self._load("new_page", dict[str, NewPage])

    @cached_property
    def redirects(self) -> dict[str, str]:
        """Old page -> new page (language-free source paths, like guides/old-name.md)."""
        return self._load("redirects", dict[SourcePath, SourcePath]) or {}

    @cached_property
    def stemmer(self) -> StemmerLists:
        return self._load("stemmer", StemmerLists)

    @cached_property
    def search_aliases(self) -> dict[str, dict[str, list[str]]]:
        """Per site language: what readers type -> the words the pages use."""
        aliases = self._load("search_aliases", SearchAliases) or {}
        return {lang: {typed: entry.means_words for entry in aliases.get(lang, []) for typed in entry.typed}
                for lang in languages.LANGUAGES}

    @cached_property
    def search_stop_words(self) -> dict[str, list[str]]:
        return self._load("search_stop_words", StopWords) or {}

    def t(self, key: str, lang: str, **params: object) -> str:
        """An interface string in `lang`, with {placeholders} filled in."""
        text = self.ui.strings[key](lang)
        return text.format(**params) if params else text

    def language_name(self, code: str, lang: str) -> str:
        """A language's name inside a sentence in `lang` (`language.<code>` in data/ui-strings.yml), or its
        name for itself from mkdocs.yml when the strings do not name it."""
        key = f"language.{code}"
        return self.t(key, lang) if key in self.ui.strings else languages.NAMES.get(code, code)

    def date(self, value: dt.date, lang: str, precision: str = "day") -> str:
        """A date as readers write it: 11 February 2025 / 11 Februari 2025."""
        if precision == "year":
            return str(value.year)
        return f"{value.day} {self.t(f'month.{value.month}', lang)} {value.year}"

    def all(self) -> list[str]:
        """Load every file; the names of those that loaded (raises DataError on the first bad one)."""
        for name in FILES:
            getattr(self, name)
        return list(FILES)

