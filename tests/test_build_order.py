"""The build's order is declared once (selamat/build_order.py) and is the order MkDocs runs; every step in
selamat/steps/ is in it and everything in it exists; the steps keep no state of their own (the plugin's
BuildState holds it); and the build stops, naming the patches to re-check, when Material or static-i18n is
not the pinned version (selamat/material_patches.py)."""
from __future__ import annotations

import ast
import logging
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from selamat import build_order, material_patches
from selamat.build_order import ORDER, Step, Theirs
from selamat.build_state import BuildState
from selamat.plugin import SelamatPlugin

ROOT = Path(__file__).resolve().parents[1]
STEPS = ROOT / "src" / "selamat" / "steps"


@pytest.fixture(scope="module")
def config():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(str(ROOT / "mkdocs.yml"))


def test_every_step_is_in_the_order_and_everything_in_the_order_exists():
    assert build_order.problems() == []
    listed = {step.name for steps in build_order.steps().values() for step in steps}
    assert listed == {p.stem for p in STEPS.glob("*.py") if p.stem != "__init__"}
    assert len(listed) >= 33


@pytest.fixture
def fake_steps(tmp_path, monkeypatch):
    """A steps package of two modules: `written` (in the order below) and `forgotten` (not in it)."""
    package = tmp_path / "fake_selamat_steps"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "written.py").write_text("def on_post_page(output, page, config):\n    return output\n")
    (package / "forgotten.py").write_text("def on_post_build(config):\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "fake_selamat_steps"
    for name in [m for m in sys.modules if m.startswith("fake_selamat_steps")]:
        del sys.modules[name]


def test_a_step_that_is_not_in_the_order_is_found(fake_steps):
    order = {"post_page": [Step("written", 0, "because")]}
    assert build_order.problems(order, fake_steps) == [
        "fake_selamat_steps.forgotten.on_post_build is not in the build order: it would never run"]
    # a step's second event, missing from the order, is found too
    order = {"post_page": [Step("written", 0, "because")], "post_build": [Step("forgotten", 0, "because")]}
    assert build_order.problems(order, fake_steps) == []


def test_a_step_in_the_order_that_does_not_exist_is_found(fake_steps):
    order = {"post_page": [Step("written", 0, "because"), Step("vanished", 0, "because")],
             "post_build": [Step("forgotten", 0, "because"), Step("written", -10, "because")],
             "post_pgae": [Step("written", 0, "because")]}
    assert build_order.problems(order, fake_steps) == [
        "post_page: the step vanished does not exist (no fake_selamat_steps.vanished)",
        "post_build: fake_selamat_steps.written has no on_post_build function",
        "'post_pgae' is not a MkDocs event",
        "post_pgae: fake_selamat_steps.written has no on_post_pgae function",
    ]


def test_an_order_whose_priorities_go_up_is_not_the_running_order(fake_steps):
    order = {"post_page": [Step("written", -50, "because"), Theirs("i18n", -100, "x")],
             "post_build": [Theirs("i18n", -100, "x"), Step("forgotten", 0, "because")]}
    assert build_order.problems(order, fake_steps) == [
        "post_build: the priorities go up within the list, so it is not the order MkDocs runs"]


def test_a_step_without_a_reason_is_found(fake_steps):
    order = {"post_page": [Step("written", 0, " ")], "post_build": [Step("forgotten", 0, "because")]}
    assert build_order.problems(order, fake_steps) == ["post_page: written does not say why it runs there"]


def _who(handler, config) -> str:
    owner = getattr(handler, "__self__", None)
    if isinstance(owner, SelamatPlugin):
        return "selamat:" + handler.__func__.__qualname__
    return next(name for name, plugin in config.plugins.items() if plugin is owner)


def test_mkdocs_runs_exactly_the_declared_order(config):
    """The order MkDocs holds for each event, with the other plugins' handlers where the list says."""
    assert list(config.plugins)[-1] == "selamat"  # last in plugins: equal priorities run after the others
    assert "hooks" not in config or not config["hooks"]
    for event, handlers in config.plugins.events.items():
        running = [(_who(h, config), getattr(h, "mkdocs_priority", 0)) for h in handlers]
        declared = [(f"selamat:{e.name}.on_{event}" if isinstance(e, Step) else e.plugin, e.priority)
                    for e in ORDER.get(event, [])]
        if event in ORDER:
            assert running == declared, event
        else:
            assert not [who for who, _ in running if who.startswith("selamat:")], event


def test_no_step_keeps_state_of_its_own():
    """A step's module binds only constants (UPPER_CASE) and its logger at module level, and never
    `global`: what steps hand one another lives in the plugin's BuildState."""
    for path in sorted(STEPS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Global, ast.Nonlocal))], path.name
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                assert isinstance(target, ast.Name) and (target.id.isupper() or target.id == "log"), \
                    f"{path.name}:{node.lineno} keeps module-level state; put it in BuildState (build_state.py)"


def test_a_new_build_forgets_the_last_one_and_the_session_stays():
    state = BuildState()
    state.session.serve_dirty = True
    state.session.search_docs = [{"location": "x/"}]
    state.script_hashes.add("sha256-abc")
    state.pages_404["en"] = "<html>"
    hashes = state.script_hashes
    state.new_build()
    assert state.script_hashes == set() and state.pages_404 == {}
    assert state.script_hashes is not hashes  # a fresh one, which a forked language build hands back into
    from selamat import language_builds
    assert language_builds._kept["script hashes"] is state.script_hashes
    assert state.session.serve_dirty and state.session.search_docs == [{"location": "x/"}]


# --- pins of the packages whose output is patched ---------------------------------------------------

def _pyproject_pins() -> dict[str, str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return {m.group(1): m.group(2) for m in (re.match(r"([\w.\-]+)==([^\s;]+)", d) for d in deps) if m}


def test_every_patch_was_checked_against_the_pinned_version_and_names_real_files():
    pins, lock = _pyproject_pins(), (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert material_patches.pins(ROOT) == {k.lower(): v for k, v in pins.items()}
    for package in material_patches.PACKAGES:
        assert f"{package}=={pins[package]}" in lock.splitlines()
    assert {p.package for p in material_patches.PATCHES} == set(material_patches.PACKAGES)
    names = [p.name for p in material_patches.PATCHES]
    assert len(names) == len(set(names))
    for patch in material_patches.PATCHES:
        assert patch.written_against == pins[patch.package], patch.name
        assert patch.relies_on and patch.files, patch.name
        for file in patch.files:
            assert (ROOT / file).is_file(), (patch.name, file)
    # the patches the issue names: Material's markup edits and the browser code that replaces its own
    assert {"quick-exit-skip-link", "site-meta-alternates", "external-link-attributes", "search-on-demand",
            "workers-on-demand", "search-worker", "parallel-languages"} <= set(names)


def test_the_installed_versions_are_the_pinned_ones():
    assert material_patches.unpinned(ROOT) is None


REALLY_INSTALLED = material_patches.installed


def _installed_with(**versions):
    def version(package):
        return versions.get(package.replace("-", "_"), REALLY_INSTALLED(package))
    return version


def test_another_material_names_every_material_patch_and_only_those():
    message = material_patches.unpinned(ROOT, _installed_with(mkdocs_material="9.9.0"))
    assert message.startswith("mkdocs-material is 9.9.0 here, but pyproject.toml pins 9.8.1.")
    for patch in material_patches.PATCHES:
        assert (f"  - {patch.name} (written against" in message) == (patch.package == material_patches.MATERIAL)
    assert "mkdocs-static-i18n" not in message


def test_another_static_i18n_or_none_installed_is_found_too():
    message = material_patches.unpinned(ROOT, _installed_with(mkdocs_static_i18n=None))
    assert message.startswith("mkdocs-static-i18n is not installed here, but pyproject.toml pins 1.3.1.")
    assert "  - parallel-languages (written against 1.3.1; src/selamat/steps/parallel_languages.py" in message


def test_the_build_stops_on_an_unpinned_version_unless_allowed(config, monkeypatch, caplog):
    from selamat.steps import upstream_pins

    monkeypatch.setattr(material_patches, "installed", _installed_with(mkdocs_material="9.9.0"))
    monkeypatch.delenv("SELAMAT_ALLOW_UNPINNED", raising=False)
    with pytest.raises(PluginError) as stopped:
        upstream_pins.on_config(config)
    assert "mkdocs-material is 9.9.0 here" in str(stopped.value)
    assert "quick-exit-skip-link" in str(stopped.value) and "SELAMAT_ALLOW_UNPINNED=1" in str(stopped.value)
    monkeypatch.setenv("SELAMAT_ALLOW_UNPINNED", "1")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.selamat.pins"):
        assert upstream_pins.on_config(config) is None
    assert "building anyway" in caplog.text and "quick-exit-skip-link" in caplog.text
    monkeypatch.setattr(material_patches, "installed", _installed_with())
    monkeypatch.delenv("SELAMAT_ALLOW_UNPINNED")
    assert upstream_pins.on_config(config) is None


def test_a_real_build_stops_with_the_message_and_no_traceback(tmp_path):
    """The project's pin moved on (here: back) without the installed Material: `mkdocs build` stops."""
    import subprocess

    for name in ("mkdocs.yml", "requirements.lock"):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8")
                                             .replace('"mkdocs-material==9.8.1"', '"mkdocs-material==9.7.0"'), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides").mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SELAMAT_ALLOW_UNPINNED", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert "mkdocs-material is 9.8.1 here, but pyproject.toml pins 9.7.0." in output
    assert "  - quick-exit-skip-link (written against 9.8.1; src/selamat/quick_exit.py" in output
    assert not (tmp_path / "site").exists()
