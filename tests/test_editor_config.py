"""The web editor's configuration is generated from the content model, so it cannot drift from what
`selamat check` enforces; and /admin/ stays apart from the survivor site (no link, no sitemap, search,
catalogue or offline entry; its own policy; the survivor pages' policy unchanged)."""
from __future__ import annotations

import typing

import yaml
from bs4 import BeautifulSoup

from selamat import editor_config, editor_site, schema, security
from selamat.data import Data, HelpService, Texts
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


def service_fields() -> dict:
    (file,) = collection("help_services")["files"]
    assert file["file"] == "data/help-services.yml" and file["format"] == "yaml"
    (services,) = file["fields"]
    assert services["name"] == "services" and services["widget"] == "list"
    return {f["name"]: f for f in services["fields"]}


def test_help_services_are_edited_with_the_models_fields_required_marks_and_choices():
    got = service_fields()
    assert list(got) == list(HelpService.model_fields)
    for name, info in HelpService.model_fields.items():
        assert got[name]["required"] == info.is_required(), name
        bare = typing.get_args(info.annotation)[0] if typing.get_origin(info.annotation) in (typing.Union, getattr(__import__("types"), "UnionType")) else info.annotation
        if isinstance(bare, type) and issubclass(bare, Texts):  # one text per language, the default one required
            assert got[name]["widget"] == "object"
            assert [f["name"] for f in got[name]["fields"]] == list(LANGUAGES)
            assert [f["required"] for f in got[name]["fields"]] == [info.is_required() and lang == DEFAULT for lang in LANGUAGES]
    category = typing.get_args(HelpService.model_fields["category"].annotation)
    assert got["category"]["widget"] == "select" and got["category"]["options"] == list(category)
    ages = typing.get_args(typing.get_args(HelpService.model_fields["ages"].annotation)[0])
    assert got["ages"]["widget"] == "select" and got["ages"]["options"] == list(ages)
    assert got["verified"]["widget"] == "datetime" and got["verified"]["format"] == "YYYY-MM-DD"
    assert got["help_box"]["widget"] == got["stable"]["widget"] == "boolean"
    assert [f["name"] for f in got["source"]["fields"]] == ["title", "url"]
    assert got["facts"]["widget"] == "list"
    import re
    id_pattern = got["id"]["pattern"][0]
    assert re.match(id_pattern, "talian-kasih") and not re.match(id_pattern, "Talian Kasih")
    assert not re.match(got["url"]["pattern"][0], "example.org")
    fact = got["facts"]["field"]["pattern"][0]
    assert re.match(fact, "HELP-WAO") and not re.match(fact, "help wao")
    assert "i18n" not in str(collection("help_services"))  # one file, every language inside it


def test_every_help_service_names_the_facts_it_comes_from():
    """In the data, where the web editor keeps them (a comment would be lost when it saves the file)."""
    lines = (ROOT / "tests/fixtures/fact-ids.txt").read_text(encoding="utf-8").splitlines()
    known = {line for line in lines if line and not line.startswith("#")}
    assert "HELP-WAO" in known
    for service in DATA.help_services:
        assert service.facts and set(service.facts) <= known, service.id


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
    names |= set(HelpService.model_fields)
    for name in names:
        assert set(labels["fields"][name]) >= set(LANGUAGES), name


def test_every_collection_has_a_label_in_every_language():
    labels = editor_config.labels(ROOT / "data")
    for c in CONFIG["collections"]:
        name = c["name"].rsplit("_", 1)[0] if c["name"].rsplit("_", 1)[-1] in LANGUAGES else c["name"]
        assert set(labels["collections"][name]) >= set(LANGUAGES), name


def test_the_built_editor_is_the_generated_one_and_apart_from_the_survivor_site(built):
    admin = built / "admin"
    assert yaml.safe_load((admin / "config.yml").read_text()) == CONFIG
    page = (admin / "index.html").read_text()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    csp = BeautifulSoup(page, "html.parser").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert csp["content"] == editor_site.policy() and "'unsafe-eval'" in csp["content"]
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
