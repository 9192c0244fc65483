"""Mistakes a new user makes, in both languages, answered with a plain message, never a traceback: a page
that is not UTF-8 text, a command run outside the project, and a wheel that lacks the files the build reads."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from selamat.languages import LANGUAGES

from conftest import ROOT


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selamat", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("content", [b"---\ntitle: Caf\xe9\n---\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"],
                         ids=["latin-1", "binary"])
def test_a_page_that_is_not_utf8_gets_a_plain_line(tmp_path, lang, content):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the site's languages
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    (tmp_path / "docs" / "guides" / "cafe.en.md").write_bytes(content)
    done = run(tmp_path, "check", "--lang", lang)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    line = next(l for l in done.stdout.splitlines() if l.startswith("docs/guides/cafe.en.md:"))
    assert {"en": "UTF-8", "ms": "UTF-8"}[lang] in line and {"en": "save it", "ms": "simpan"}[lang] in line


@pytest.mark.parametrize("args,lang", [(("stem", "melaporkan"), "en"), (("check",), "en"), (("check", "--lang", "ms"), "ms"),
                                       (("status", "--lang", "ms"), "ms"), (("review",), "en")])
def test_a_command_outside_the_project_says_where_to_run_it(tmp_path, args, lang):
    done = run(tmp_path, *args)
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr
    assert {"en": "is not inside a Selamat project", "ms": "bukan dalam projek Selamat"}[lang] in done.stderr
    assert str(tmp_path.resolve()) in done.stderr


def test_the_wheel_carries_every_file_the_package_reads(tmp_path):
    """The build reads the search scripts and the service worker template from the package, so a wheel
    (not only an editable install) must carry them."""
    source = tmp_path / "source"  # a copy: building writes build/ and *.egg-info beside the sources
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(source)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    names = set(zipfile.ZipFile(next(tmp_path.glob("selamat-*.whl"))).namelist())
    needed = {f"selamat/{p.relative_to(ROOT / 'src/selamat').as_posix()}" for p in (ROOT / "src/selamat").rglob("*.js")}
    assert needed and needed <= names, needed - names
