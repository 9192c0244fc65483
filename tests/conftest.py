"""Shared fixtures: the project, a strict build of the site (web and file:// flavours), a server for it,
and Debian's Chromium driven by Playwright at a 360 x 800 phone viewport."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from selamat.content import load_site
from selamat.data import Data

from support.static_server import serve

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
]
PHONE = {"width": 360, "height": 800}


def build(out: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
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

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(executable).exists(), "Chromium is missing: `make test` installs it with apt-get"
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
