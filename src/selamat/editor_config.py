"""The web editor's configuration (Decap CMS, /admin/config.yml), generated from the content model: for each
content folder, one collection with every language side by side and one per language alone, with the fields, choices and required marks
`selamat check` enforces, read from the pydantic models in schema.py and the keys in data/topics.yml,
organisations.yml and help-services.yml; and the help services themselves (data/help-services.yml, one file
edited as a list of services, their fields read from the model in data.py). Nothing here lists a field or a
choice by hand, so the editor cannot drift from the checks. Labels come from data/editor-labels.yml."""
from __future__ import annotations

import datetime as dt
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from annotated_types import MaxLen, MinLen
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from . import schema, yamlio
from .data import FILES, Data, HelpServices, Texts
from . import mkdocs_config
from .languages import DEFAULT, LANGUAGES, NAMES

# The content folders the editor offers, in the order it lists them (schema.TYPES says what each holds).
# help/ is one page (its index), edited like any page in git.
FOLDERS = ("guides", "laws", "statements", "platforms", "start", "resources")
LABELS_FILE = "editor-labels.yml"
# Fields whose values are keys of a data file, as `selamat check` reads them (check.key_problems).
KEY_FIELDS = {"topics": "topics", "organisations": "signatories", "organisation": "publishers", "services": "services",
              "languages": "languages"}
TEXT_FIELDS = {"summary", "content_note", "note", "description", "whatsapp_message", "facts_note"}  # several lines in the form
HIDDEN_FIELDS = {"translated_from"}  # kept as written; `selamat status --mark-current` sets it
MEDIA_FOLDER = "docs/assets/images"


def labels(data_folder: Path) -> dict:
    return yamlio.load_file(data_folder / LABELS_FILE)


def _in(entry: dict, lang: str) -> str:
    """A label in `lang`, or in the default language when it has none yet."""
    return entry.get(lang) or entry[DEFAULT]


def _label(labels: dict, name: str) -> str:
    if name not in labels["fields"] and name in NAMES:  # a language not yet named in the labels
        return NAMES[name]
    entry = labels["fields"][name]
    return " · ".join(dict.fromkeys(_in(entry, lang) for lang in LANGUAGES))


def _message(labels: dict, key: str, **params: object) -> str:
    return " · ".join(dict.fromkeys(_in(labels["messages"][key], lang).format(**params) for lang in LANGUAGES))


def choices(data: Data) -> dict[str, list[dict[str, str]]]:
    """The keys each key field may hold, with the labels readers see, as `selamat check` allows them."""
    def both(bilingual) -> str:
        return " · ".join(dict.fromkeys(bilingual(lang) for lang in LANGUAGES))

    organisations = data.organisations
    return {
        "topics": [{"value": key, "label": f"{both(topic)} ({key})"} for key, topic in data.topics.items()],
        "signatories": [{"value": key, "label": f"{both(o.name)} ({key})"} for key, o in organisations.items() if not o.publisher],
        "publishers": [{"value": key, "label": f"{both(o.name)} ({key})"} for key, o in organisations.items() if o.publisher],
        "services": [{"value": s.id, "label": f"{both(s.name)} ({s.id})"} for s in data.help_services],
        "languages": [{"value": code, "label": f"{name} ({code})"} for code, name in NAMES.items()],
    }


def _unwrap(annotation) -> tuple[Any, list]:
    """(the bare type, its constraints) of an annotation: Annotated[...] and Optional[...] taken off."""
    metadata: list = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            metadata += list(annotation.__metadata__)
            annotation = annotation.__origin__
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation, metadata


def _constraints(metadata: list) -> dict:
    out: dict = {"plain": False}
    for item in metadata:
        if isinstance(item, StringConstraints):
            out.update({k: v for k, v in (("min", item.min_length), ("max", item.max_length),
                                         ("pattern", item.pattern)) if v is not None})
        elif isinstance(item, MinLen):
            out["min"] = item.min_length
        elif isinstance(item, MaxLen):
            out["max"] = item.max_length
        elif getattr(item, "func", None) is schema.plain:
            out["plain"] = True
        elif isinstance(item, FieldInfo):  # Annotated[str, Field(...)]
            out.update({k: v for k, v in _constraints(item.metadata).items() if k != "plain" or v})
        elif getattr(item, "pattern", None):  # Field(pattern=...)
            out["pattern"] = item.pattern
    return out


def _text_pattern(c: dict, labels: dict) -> list[str] | None:
    """A Decap `pattern` (regex and message) for what the schema allows in a text: its length, no markup,
    its own pattern."""
    if c.get("pattern"):
        return [c["pattern"], _message(labels, "pattern")]
    if c.get("max"):
        chars = r"[^<>]" if c["plain"] else r"[\s\S]"
        return [rf"^\s*{chars}{{{c.get('min', 1)},{c['max']}}}\s*$", _message(labels, "too_long", max=c["max"])]
    if c["plain"]:
        return [r"^[^<>]*$", _message(labels, "no_markup")]
    return None


def _field(name: str, annotation, metadata: list, required: bool, labels: dict, keys: dict) -> dict:
    bare, inner = _unwrap(annotation)
    c = _constraints(metadata + inner)
    out: dict = {"label": _label(labels, name), "name": name, "required": required, "i18n": True}
    if name in HIDDEN_FIELDS:
        return {**out, "widget": "hidden", "required": False}
    origin = typing.get_origin(bare)
    if origin is list:
        item, item_meta = _unwrap(typing.get_args(bare)[0])
        entries = isinstance(item, type) and issubclass(item, BaseModel)  # a list of entries, not of keys
        if not entries and (KEY_FIELDS.get(name) in keys or typing.get_origin(item) is Literal):
            options = keys[KEY_FIELDS[name]] if KEY_FIELDS.get(name) in keys else list(typing.get_args(item))
            out.update(widget="select", multiple=True, options=options)
            if c.get("min"):
                # Decap's multiple select, when required, writes `[]` into the language side left empty, and
                # so a file the site cannot read: the form marks it optional and says "at least N" in its
                # hint instead; `selamat check` refuses the pull request if none is chosen.
                out.update(required=False, min=c["min"], hint=_message(labels, "at_least", min=c["min"]))
            return out
        if entries:
            out.update(widget="list", fields=_fields(item, labels, keys))
        else:
            single = _field(name, item, item_meta, True, labels, keys)
            out.update(widget="list", field={k: v for k, v in single.items() if k not in ("i18n", "label")} | {"label": out["label"]})
        if c.get("min"):
            out["min"] = c["min"]
        return out
    if KEY_FIELDS.get(name) in keys:
        return {**out, "widget": "select", "options": keys[KEY_FIELDS[name]]}
    if origin is Literal:
        return {**out, "widget": "select", "options": list(typing.get_args(bare))}
    if bare is dt.date:
        return {**out, "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if bare is bool:
        return {**out, "widget": "boolean", "default": False}
    if isinstance(bare, type) and issubclass(bare, Texts):  # a text in each language: the default one required
        text = "text" if name in TEXT_FIELDS else "string"
        return {**out, "widget": "object", "collapsed": False, "fields": [
            # an optional text has no required part: the form would refuse to save an entry that has none
            {"label": _label(labels, lang), "name": lang, "widget": text, "required": required and lang == DEFAULT}
            for lang in LANGUAGES]}
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        return {**out, "widget": "object", "fields": _fields(bare, labels, keys)}
    out["widget"] = "text" if name in TEXT_FIELDS else "string"
    pattern = _text_pattern(c, labels)
    if pattern:
        out["pattern"] = pattern
    return out


def _fields(model: type[BaseModel], labels: dict, keys: dict) -> list[dict]:
    fields = []
    for name, info in model.model_fields.items():
        info: FieldInfo
        fields.append(_field(name, info.annotation, list(info.metadata), info.is_required(), labels, keys))
    return fields


def _collection(folder: str, only: str | None, labels: dict, keys: dict) -> dict:
    """A content folder in all languages side by side (`only` None), or in one language alone. Decap writes
    a file for every language of a collection, an empty one for a side left blank: a page in one language
    is made in that language's own collection."""
    _, model = schema.TYPES[folder]
    if only is None:
        name, locales = folder, [DEFAULT, *[lang for lang in LANGUAGES if lang != DEFAULT]]
        which = " · ".join(dict.fromkeys(_in(labels["all_languages"], lang) for lang in LANGUAGES))
    else:
        name, locales = f"{folder}_{only}", [only]
        named = labels["fields"].get(only) or {DEFAULT: NAMES[only]}
        which = " · ".join(dict.fromkeys(_in(labels["one_language"], lang).format(language=_in(named, lang)) for lang in LANGUAGES))
    title = " · ".join(dict.fromkeys(_in(labels["collections"][folder], lang) for lang in LANGUAGES))
    body = {"label": _label(labels, "body"), "name": "body", "widget": "markdown", "modes": ["raw"], "i18n": True}
    return {
        "name": name,
        "label": f"{title} ({which})",
        "folder": f"docs/{folder}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}} ({{slug}})",
        "i18n": {"structure": "multiple_files", "locales": locales, "default_locale": locales[0]},
        "fields": [*_fields(model, labels, keys), body],
    }


def _topics_collection(labels: dict, data: Data) -> dict:
    """The topics' labels (their keys are fixed: a new topic is a developer's change, reviewed as code)."""
    fields = [{"label": key, "name": key, "widget": "object", "required": True,
               "fields": [{"label": _label(labels, lang), "name": lang, "widget": "string", "required": lang == DEFAULT}
                          for lang in LANGUAGES]} for key in data.topics]
    title = " · ".join(dict.fromkeys(_in(labels["collections"]["topics"], lang) for lang in LANGUAGES))
    return {"name": "topics", "label": title, "files": [
        {"name": "topics", "label": title, "file": "data/topics.yml", "format": "yaml", "fields": fields}]}


def _without_i18n(fields: list[dict]) -> list[dict]:
    """Fields of a data file (not a page per language): one value each, any languages inside it."""
    out = []
    for f in fields:
        f = {k: v for k, v in f.items() if k != "i18n"}
        if "fields" in f:
            f["fields"] = _without_i18n(f["fields"])
        out.append(f)
    return out


def _data_file_collection(name: str, file: str, model: type[BaseModel], labels: dict, keys: dict) -> dict:
    """A data file whose top level is `model` (a mapping: Decap cannot edit a list at the top), with its
    fields read from the model like the pages'. Its lists of entries are named like the collection, and
    each entry is shown folded, by its id."""
    title = " · ".join(dict.fromkeys(_in(labels["collections"][name], lang) for lang in LANGUAGES))
    fields = _without_i18n(_fields(model, labels, keys))
    for f in fields:
        if f.get("widget") == "list" and "fields" in f:
            f.update(label=title, collapsed=True)
            if any(g["name"] == "id" for g in f["fields"]):
                f["summary"] = "{{fields.id}}"
    return {"name": name, "label": title, "files": [
        {"name": name, "label": title, "file": f"data/{file}", "format": "yaml", "fields": fields}]}


def config(root: Path, branch: str = "main", local_url: str | None = None) -> dict:
    """The editor's whole configuration for the project at `root`: its GitHub repository is the one in
    mkdocs.yml (extra.selamat.repository). `local_url`: the local-mode proxy's address (decap-server), when
    not the default http://localhost:8081/api/v1."""
    data = Data(root / "data")
    settings = mkdocs_config.selamat(root)
    repository = repository_of(settings.get("repository"))
    names = labels(root / "data")
    keys = choices(data)
    collections = [_collection(folder, only, names, keys) for folder in FOLDERS for only in (None, *LANGUAGES)]
    collections.append(_topics_collection(names, data))
    # a help service's languages are any language it is offered in, not only the site's
    service_keys = {k: v for k, v in keys.items() if k != "languages"}
    collections.append(_data_file_collection("help_services", FILES["help_services"], HelpServices, names, service_keys))
    out: dict = {
        "backend": {"name": "github", "repo": repository or "OWNER/REPOSITORY", "branch": branch,
                    "squash_merges": True},
        "local_backend": {"url": local_url} if local_url else True,
        "publish_mode": "editorial_workflow",
        "media_folder": MEDIA_FOLDER,
        "public_folder": "../assets/images",
        "i18n": {"structure": "multiple_files", "locales": list(LANGUAGES), "default_locale": DEFAULT},
        "collections": collections,
    }
    if settings.get("editor_login"):  # the login proxy's address (an external OAuth client), when not Netlify's
        out["backend"]["base_url"] = settings["editor_login"]
    return out


def repository_of(url: str | None) -> str | None:
    """owner/name from the project's https://github.com/owner/name address (extra.selamat.repository)."""
    m = re.match(r"^https://github\.com/([^/\s]+/[^/\s]+?)/?$", url or "")
    return m.group(1) if m else None


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the same choices written out in full each time, not as &id001 / *id001
        return True


def as_yaml(cfg: dict) -> str:
    head = ("# Generated by `selamat editor-config` from the content model (src/selamat/schema.py) and data/.\n"
            "# Do not edit: the build writes it again into /admin/config.yml.\n")
    return head + yaml.dump(cfg, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=120)
