"""The malicious-content corpus (tests/malicious/cases.yml), in both languages: each case is refused by
`selamat check` (and so by the strict build) with a plain message naming the file, or is built as inert text.
In Chromium, no injected script runs and nothing navigates: on the built pages, and on what the sanitiser
leaves of every refused page."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from selamat import render, sanitise
from selamat.languages import LANGUAGES
from selamat.urls import page_url

from conftest import ROOT
from support.static_server import serve

CASES = yaml.safe_load((ROOT / "tests/malicious/cases.yml").read_text(encoding="utf-8"))
REFUSED = [c for c in CASES if c["expect"] == "refused"]
INERT = [c for c in CASES if c["expect"] == "inert"]
FRONT = {"title": "A page", "summary": "One sentence.", "topics": ["harassment"], "updated": "2026-12-01"}
EVIL = "evil.example"


def page_text(case: dict, lang: str) -> str:
    front = {**FRONT, "title": f"{FRONT['title']} {lang}", **case.get("front", {})}
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()] + ["---", ""]
    return "\n".join(lines) + "\n" + case["body"]


def rel_path(case: dict, lang: str) -> str:
    if "file" in case:
        return case["file"]["path"]
    return f"guides/attack-{case['id']}.{lang}.md"


def project(tmp: Path, cases: list[dict]) -> Path:
    """A clone of the project (git history for translation tracking) with the working tree's files and
    these cases added, each as an English and a Malay page (or as its file)."""
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), "repo"], cwd=tmp, check=True)
    clone = tmp / "repo"
    for name in ("docs", "data", "overrides"):
        shutil.rmtree(clone / name, ignore_errors=True)
        shutil.copytree(ROOT / name, clone / name)
    shutil.copy(ROOT / "mkdocs.yml", clone / "mkdocs.yml")
    for case in cases:
        for lang in LANGUAGES:
            path = clone / "docs" / rel_path(case, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(case["file"]["text"] if "file" in case else page_text(case, lang), encoding="utf-8")
    return clone


def selamat_check(root: Path, lang: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selamat", "check", "--lang", lang], cwd=root,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def refused_project(tmp_path_factory) -> Path:
    return project(tmp_path_factory.mktemp("refused"), REFUSED)


@pytest.fixture(scope="module")
def refused_reports(refused_project) -> dict[str, subprocess.CompletedProcess]:
    return {lang: selamat_check(refused_project, lang) for lang in LANGUAGES}


@pytest.mark.parametrize("ui", LANGUAGES)
@pytest.mark.parametrize("case", REFUSED, ids=[c["id"] for c in REFUSED])
def test_check_refuses_each_case_with_a_plain_line(refused_reports, case, ui):
    done = refused_reports[ui]
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    for lang in LANGUAGES:
        shown = "docs/" + rel_path(case, lang).encode("unicode_escape").decode("ascii")
        lines = [l for l in done.stdout.splitlines() if l.startswith(shown + ":") and "(warning)" not in l and "(amaran)" not in l]
        assert lines, f"nothing said about {shown}"
        if case.get("line"):
            assert any(l.startswith(f"{shown}:{case['line']}:") for l in lines), lines
        if ui == "en":
            assert any(case["says"].lower() in l.lower() for l in lines), lines
        else:  # said in Malay: the English message is not what is shown
            assert not any("Write it in Markdown instead" in l or "cannot be published" in l for l in lines), lines
        if "file" in case:
            break  # one file, not one per language


def test_the_strict_build_refuses_them_too(refused_project, tmp_path):
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=refused_project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert "docs/guides/attack-script-in-the-title.en.md:2:" in done.stdout + done.stderr
    assert not (tmp_path / "site" / "guides" / "attack-script-in-the-title").exists()


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("inert")
    root = project(tmp, INERT)
    for lang in LANGUAGES:
        done = selamat_check(root, lang)
        assert done.returncode == 0, done.stdout
    out = tmp / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    return root, out


def watch(page) -> list[str]:
    """Requests to the attacker's host and dialogs, recorded while the page is open."""
    seen: list[str] = []
    page.route(f"**/*{EVIL}*", lambda route: (seen.append(route.request.url), route.abort()))
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    return seen


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", INERT, ids=[c["id"] for c in INERT])
def test_inert_cases_show_as_text_and_run_nothing(browser, inert_site, case, lang):
    _, out = inert_site
    server, url = serve(out)
    try:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        seen = watch(page)
        address = url + page_url(f"guides/attack-{case['id']}.md", lang)
        page.goto(address)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.url == address and not seen
        assert case["shows"] in page.inner_text("article")
        page.close()
    finally:
        server.shutdown()


@pytest.mark.browser
def test_what_the_sanitiser_leaves_of_refused_pages_runs_nothing(browser, tmp_path):
    """Defence in depth: were the check skipped, the sanitised HTML of every refused page (in a page with no
    Content-Security-Policy at all) still runs nothing and goes nowhere."""
    convert = render.converter(ROOT)
    pages = [c for c in REFUSED if "body" in c]
    for case in pages:
        html = sanitise.clean(convert(case["body"]))
        assert not sanitise.findings(html), case["id"]
        (tmp_path / f"{case['id']}.html").write_text(f"<!doctype html><html><body><article>{html}</article></body></html>",
                                                     encoding="utf-8")
    server, url = serve(tmp_path)
    try:
        page = browser.new_page()
        seen = watch(page)
        for case in pages:
            address = f"{url}{case['id']}.html"
            page.goto(address)
            page.wait_for_timeout(100)
            for element in page.query_selector_all("article *"):  # click what is there: no handler may run
                if element.is_visible():
                    element.click(no_wait_after=True, timeout=500, trial=False) if element.evaluate("e => e.tagName") != "A" else None
            assert page.evaluate("window.__pwned") is None, case["id"]
            assert page.url == address and not seen, (case["id"], seen)
        page.close()
    finally:
        server.shutdown()


@pytest.mark.parametrize("case", [c for c in REFUSED if "body" in c], ids=lambda c: c["id"])
def test_the_sanitiser_removes_what_the_check_reports(case):
    html = render.converter(ROOT)(case["body"])
    if sanitise.findings(html):
        assert not sanitise.findings(sanitise.clean(html))
