"""Shared fixtures: the project, a strict build of the site (web and file:// flavours) by the engine
SELAMAT_ENGINE names (MkDocs unless told: src/selamat/engine.py), a server for it, and Chromium
(support/browser.py says which) driven by Playwright at a 360 x 800 phone viewport."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from selamat import engine
from selamat.content import load_site
from selamat.data import Data

from support import browser as browsers
from support.static_server import serve

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
]
PHONE = {"width": 360, "height": 800}


def build(out: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(engine.command("build", "--strict", "--site-dir", str(out), environ=environment),
                          cwd=ROOT, env=environment, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site():
    return load_site(ROOT / "docs")


@pytest.fixture(scope="session")
def data():
    return Data(ROOT / "data")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build(out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def built_files(tmp_path_factory) -> Path:
    """The site built with plain-file URLs (guides/x.html), as opened from a folder or a USB stick."""
    out = tmp_path_factory.mktemp("site-files")
    result = build(out, SELAMAT_DIRECTORY_URLS="false")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def base_url(built):
    server, url = serve(built)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = browsers.chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    tab = context.new_page()
    yield tab
    context.close()


def pytest_collection_modifyitems(items):
    """`-m built_site`: the tests that read the strict build made here (the `built` or `built_files`
    fixture, directly or through another), which `make test-properdocs` runs on ProperDocs' build."""
    for item in items:
        if {"built", "built_files"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.built_site)
