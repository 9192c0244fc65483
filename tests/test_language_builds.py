"""The languages built side by side (selamat.language_builds, steps/parallel_languages.py): the site is
the same, file for file, as when mkdocs-static-i18n builds them one after the other, and whatever goes
wrong in the forked build of a language reaches the build's own output and stops it, never lost."""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from selamat import language_builds
from selamat.background import Files

from conftest import build

BUILD_DATE = re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>")  # feeds say when they were written


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): BUILD_DATE.sub(b"", p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_building_the_languages_side_by_side_writes_the_same_site(built, tmp_path):
    one_after_the_other = tmp_path / "site"
    result = build(one_after_the_other, SELAMAT_PARALLEL_LANGUAGES="0")
    assert result.returncode == 0, result.stdout + result.stderr
    side_by_side, alone = _files(built), _files(one_after_the_other)
    assert sorted(side_by_side) == sorted(alone)
    assert [name for name in alone if side_by_side[name] != alone[name]] == []
    assert any(name.startswith("ms/guides/") for name in alone)  # the Malay pages are there


@pytest.fixture
def handover():
    """A kept set and dict, as the build state keeps them, and no copies left behind."""
    seen, pages = language_builds.kept("test seen", set), language_builds.kept("test pages", dict)
    seen.add("en")
    yield seen, pages
    language_builds.stop_all()
    for name in ("test seen", "test pages", "test images"):
        language_builds._kept.pop(name, None)


def test_what_the_copy_keeps_and_finds_is_taken_over(handover):
    seen, pages = handover

    def build_ms(lang):
        seen.add(lang)
        pages[lang] = "<html lang=ms>"
        return [{"location": "ms/", "title": "Laman utama"}]

    language_builds.start(["ms"], build_ms)
    assert language_builds.building("ms")
    assert language_builds.join("ms") == [{"location": "ms/", "title": "Laman utama"}]
    assert seen == {"en", "ms"} and pages == {"ms": "<html lang=ms>"}
    assert not language_builds.building("ms")


def test_the_copys_error_stops_the_build_with_its_own_message(handover):
    def build_ms(lang):
        raise PluginError("docs/guides/x.ms.md: tarikh 'updated' tidak sah")

    language_builds.start(["ms"], build_ms)
    with pytest.raises(PluginError, match="tarikh 'updated' tidak sah"):
        language_builds.join("ms")


class _Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@pytest.mark.parametrize("propagates", [False, True])  # as `mkdocs build` sets it up, and as a library
def test_the_copys_warnings_are_shown_once_by_the_build(handover, propagates):
    mkdocs_logger, shown = logging.getLogger("mkdocs"), _Lines()
    was = mkdocs_logger.propagate
    mkdocs_logger.propagate = propagates
    mkdocs_logger.addHandler(shown)

    def build_ms(lang):
        logging.getLogger("mkdocs.plugins.test").warning("Pautan rosak dalam %s", "guides/x.ms.md")
        return []

    try:
        language_builds.start(["ms"], build_ms)
        assert shown.lines == []  # held by the copy until the parent takes its work over
        language_builds.join("ms")
    finally:
        mkdocs_logger.removeHandler(shown)
        mkdocs_logger.propagate = was
    assert shown.lines == ["Pautan rosak dalam guides/x.ms.md"]


def test_under_properdocs_the_copys_warnings_are_held_too(handover, monkeypatch):
    """ProperDocs logs on "properdocs" (not propagating) and makes "mkdocs" its child, as its CLI sets
    them up; a warning of the engine's own in the copy is held and shown once by the parent too."""
    engine_logger, legacy, shown = logging.getLogger("properdocs"), logging.getLogger("mkdocs"), _Lines()
    was = engine_logger.propagate, legacy.parent
    engine_logger.propagate, legacy.parent = False, engine_logger
    engine_logger.addHandler(shown)
    monkeypatch.setattr(language_builds, "_engine", lambda: "properdocs")

    def build_ms(lang):
        logging.getLogger("properdocs.structure.pages").warning("Pautan rosak dalam %s", "guides/x.ms.md")
        logging.getLogger("mkdocs.plugins.test").warning("Amaran pemalam")
        return []

    try:
        language_builds.start(["ms"], build_ms)
        language_builds.join("ms")
    finally:
        engine_logger.removeHandler(shown)
        engine_logger.propagate, legacy.parent = was
    assert shown.lines == ["Pautan rosak dalam guides/x.ms.md", "Amaran pemalam"]


def test_a_copy_that_dies_stops_the_build(handover):
    language_builds.start(["ms"], lambda lang: os._exit(3))
    with pytest.raises(PluginError, match="'ms' pages stopped without finishing"):
        language_builds.join("ms")


def test_the_copy_finishes_its_own_worker_files(handover, tmp_path):
    images = language_builds.kept("test images", Files)
    target, cached = tmp_path / "site" / "a.svg", tmp_path / "cache" / "a.svg"

    def build_ms(lang):
        images.add(target, cached, _svg, "ms")
        return []

    language_builds.start(["ms"], build_ms)
    language_builds.join("ms")
    assert target.read_bytes() == b"<svg>ms</svg>"


def _svg(text: str) -> bytes:
    return f"<svg>{text}</svg>".encode()


def test_only_mkdocs_build_forks(monkeypatch):
    monkeypatch.delenv("SELAMAT_PARALLEL_LANGUAGES", raising=False)
    language_builds.allow("serve", dirty=True)
    assert not language_builds.allowed()
    language_builds.allow("build", dirty=False)
    monkeypatch.setenv("SELAMAT_PARALLEL_LANGUAGES", "0")
    assert not language_builds.allowed()
    language_builds.allow("serve", dirty=False)
