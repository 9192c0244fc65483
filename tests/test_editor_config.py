"""The web editor's configuration is generated from the content model, so it cannot drift from what
`selamat check` enforces; and /admin/ stays apart from the survivor site (no link, no sitemap, search,
catalogue or offline entry; its own policy; the survivor pages' policy unchanged)."""
from __future__ import annotations

import json
import typing
from pathlib import Path

import yaml

from selamat import editor_config, editor_site, schema, security
from selamat.data import Data
from selamat.languages import DEFAULT, LANGUAGES

from conftest import ROOT

CONFIG = editor_config.config(ROOT)
DATA = Data(ROOT / "data")


def collection(name: str) -> dict:
    return next(c for c in CONFIG["collections"] if c["name"] == name)


def fields(name: str) -> dict:
    return {f["name"]: f for f in collection(name)["fields"]}


def test_every_content_folder_has_a_collection_with_every_language_and_one_per_language():
    for folder in editor_config.FOLDERS:
        i18n = collection(folder)["i18n"]
        assert i18n["structure"] == "multiple_files" and set(i18n["locales"]) == set(LANGUAGES)
        assert i18n["default_locale"] == i18n["locales"][0] == DEFAULT
        assert collection(folder)["folder"] == f"docs/{folder}"
        for lang in LANGUAGES:
            assert collection(f"{folder}_{lang}")["i18n"]["locales"] == [lang]


def test_fields_and_required_marks_are_the_schemas():
    for folder in editor_config.FOLDERS:
        model = schema.TYPES[folder][1]
        got = fields(folder)
        assert list(got) == [*model.model_fields, "body"]
        for name, info in model.model_fields.items():
            multiple_select = got[name].get("widget") == "select" and got[name].get("multiple")
            if multiple_select and info.is_required():  # Decap's limitation: marked by `min`, see editor_config
                assert got[name]["min"] >= 1
            elif name not in editor_config.HIDDEN_FIELDS:
                assert got[name]["required"] == info.is_required(), (folder, name)


def test_choices_are_the_data_files_keys():
    topics = [o["value"] for o in fields("guides")["topics"]["options"]]
    assert topics == list(DATA.topics)
    signatories = [o["value"] for o in fields("statements")["organisations"]["options"]]
    assert signatories == [k for k, o in DATA.organisations.items() if not o.publisher]
    publishers = [o["value"] for o in fields("resources")["organisation"]["options"]]
    assert publishers == [k for k, o in DATA.organisations.items() if o.publisher]
    services = [o["value"] for o in fields("start")["services"]["options"]]
    assert services == [s.id for s in DATA.help_services]
    assert fields("resources")["type"]["options"] == list(typing.get_args(schema.ResourceMeta.model_fields["type"].annotation))


def test_summary_length_comes_from_the_schema():
    limit = next(m.max_length for m in typing.get_args(schema.Summary)[1:] if getattr(m, "max_length", None))
    pattern = fields("guides")["summary"]["pattern"][0]
    assert "{1,%d}" % limit in pattern
    import re
    assert re.match(pattern, "x" * limit) and not re.match(pattern, "x" * (limit + 1))
    assert not re.match(pattern, "<b>bold</b>")


def test_translated_from_is_kept_hidden_and_the_workflow_opens_pull_requests():
    assert fields("guides")["translated_from"]["widget"] == "hidden"
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["backend"] == {"name": "github", "repo": "selamat-example/selamat", "branch": "main", "squash_merges": True}


def test_every_label_exists_in_every_language():
    labels = editor_config.labels(ROOT / "data")
    names = {n for folder in editor_config.FOLDERS for n in schema.TYPES[folder][1].model_fields}
    names |= {"body", "note", "date", "label", "to", "home", "title", "url", *LANGUAGES}
    for name in names:
        assert set(labels["fields"][name]) >= set(LANGUAGES), name


def test_the_built_editor_is_the_generated_one_and_apart_from_the_survivor_site(built):
    admin = built / "admin"
    assert yaml.safe_load((admin / "config.yml").read_text()) == CONFIG
    page = (admin / "index.html").read_text()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert f'content="{editor_site.policy()}"'.replace("'", "&#x27;") in page
    assert (admin / "decap-cms.js").is_file() and (admin / "preview.js").is_file()
    for name in ("sitemap.xml", "search/search_index.json", "offline-worker.js"):
        assert "/admin/" not in (built / name).read_text(), name
    catalogue = [p for p in built.rglob("*.json") if "admin" not in p.parts and "catalogue" in p.name]
    for path in catalogue:
        assert "/admin" not in path.read_text()
    headers = (built / "_headers").read_text()
    survivor = headers.split("\n/admin/*\n")[0]
    assert f"  Content-Security-Policy: {security.policy([])}".split("script-src")[0] in survivor
    assert "unsafe" not in survivor
    assert headers.endswith(editor_site.headers_block())


def test_no_survivor_page_links_to_or_loads_the_editor(built):
    pages = [p for p in built.rglob("*") if p.is_file() and p.suffix in (".html", ".js", ".css", ".json", ".xml")
             and "admin" not in p.relative_to(built).parts]
    assert len(pages) > 40
    for path in pages:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "/admin/" not in text and "admin/config.yml" not in text and "decap" not in text.lower(), path


def test_the_plain_file_build_carries_no_editor(built_files):
    assert not (built_files / "admin").exists()
