"""The web editor (/admin/, Decap CMS) driven through its own forms in Debian's Chromium, in local mode: a
temporary clone of the project (a git repository on branch main) behind decap-server (MODE=git, which keeps
the editorial workflow: each save is a branch cms/<collection>/<slug>, the pull request of a real host).
It writes an English guide and its Malay translation, and a Malay-only statement; the branches hold the
files with the front matter `selamat check` wants; merged (as a reviewer merges the pull request) they pass
`selamat check` and the strict build shows the pages. The form itself refuses what the check would: a
summary over 200 characters, a topic that data/topics.yml does not list. A help service changed in the data file
keeps its fact IDs and passes the checks."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from selamat import editor_site
from selamat.data import Data

from conftest import ROOT
from support.node import node
from support.static_server import serve

DESKTOP = {"width": 1280, "height": 900}
PROXY = ROOT / "editor/node_modules/decap-server/dist/index.js"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    for _ in range(20):  # decap-server may still hold the index for a moment after its last commit
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
        if done.returncode == 0 or "index.lock" not in done.stderr:
            break
        time.sleep(0.5)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def clone(target: Path) -> Path:
    """The project's files as they are now (committed or not, ignored ones left out) in a new repository."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            check=True, capture_output=True, text=True).stdout.split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file() and not source.is_symlink():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    # the editor's npm packages, installed once by the Makefile (ignored by git, like in any clone)
    (target / "editor/node_modules").symlink_to(ROOT / "editor/node_modules")
    git(target, "init", "-q", "-b", "main")
    git(target, "config", "user.name", "Editor test")
    git(target, "config", "user.email", "editor-test@example.org")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "The project as it was")
    return target


@pytest.fixture(scope="module")
def editor(tmp_path_factory, browser):
    repo = clone(tmp_path_factory.mktemp("clone"))
    port = free_port()
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo)}
    log = open(tmp_path_factory.mktemp("proxy") / "decap-server.log", "w")
    proxy = subprocess.Popen([node(), str(PROXY)], env=env, stdout=log, stderr=subprocess.STDOUT)
    site = tmp_path_factory.mktemp("editor-site")
    local_url = f"http://localhost:{port}/api/v1"
    editor_site.write(site, repo, local_url=local_url)
    (site / "assets/stylesheets").mkdir(parents=True)
    shutil.copyfile(ROOT / "docs/assets/stylesheets/selamat.css", site / "assets/stylesheets/selamat.css")
    server, url = serve(site)
    for _ in range(100):  # decap-server takes a moment to listen
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield repo, url.replace("127.0.0.1", "localhost")  # Decap offers its local mode on localhost only
    server.shutdown()
    proxy.terminate()
    proxy.wait(timeout=10)
    log.close()


@pytest.fixture
def tab(browser, editor):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.violations = []
    page.on("console", lambda m: page.violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(editor[1] + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Guides · Panduan").first.wait_for()
    yield page
    assert page.violations == []
    context.close()


def field(page, name: str, pane: int):
    return page.locator(f'[id^="{name}-field-"]').nth(pane)


def fill(page, pane: int, values: dict) -> None:
    """Type into one language's side of the form (pane 0: the language written first)."""
    for name, value in values.items():
        if name == "body":  # the Markdown field, as plain text (raw mode), typed key by key
            page.locator('[aria-label="markdown field"] [role="textbox"]').nth(pane).click()
            page.keyboard.type(value.strip())
        elif isinstance(value, list):  # a choice list: type, then pick the option offered
            for choice in value:
                field(page, name, pane).click()
                field(page, name, pane).fill(choice)
                page.locator('[class*="-option"]', has_text=f"({choice})").first.click()
        else:
            field(page, name, pane).fill(value)


def open_new(page, url: str, collection: str) -> None:
    """A new entry's form, in a freshly loaded editor."""
    page.goto(f"{url}admin/#/collections/{collection}/new")
    page.reload()
    page.wait_for_load_state("networkidle")
    field(page, "title", 0).wait_for()
    page.wait_for_timeout(1000)  # the form settles (its entry is loaded after the page)


def save(page) -> None:
    page.get_by_role("button", name="Save", exact=True).click()


def branch_file(repo: Path, branch: str, path: str) -> tuple[dict, str]:
    text = git(repo, "show", f"{branch}:{path}")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def wait_for_branch(repo: Path, branch: str, timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:  # the branch made, its commit written, and main checked out again
        if (branch in git(repo, "branch", "--list", branch) and git(repo, "diff", "--name-only", "main", branch).strip()
                and git(repo, "symbolic-ref", "--short", "HEAD").strip() == "main"):
            return
        time.sleep(0.2)
    raise AssertionError(f"the editor made no branch {branch}")


GUIDE_EN = {"title": "Blocking someone on a phone", "summary": "How to block a person who harasses you, on any phone.",
            "topics": ["harassment", "digital-safety"], "updated": "2026-12-01",
            "body": "Blocking stops most messages at once. Keep evidence first: see [keeping evidence](keeping-evidence.md).\n"}
GUIDE_MS = {"title": "Menyekat seseorang di telefon", "summary": "Cara menyekat orang yang mengganggu anda, di mana-mana telefon.",
            "topics": ["harassment", "digital-safety"], "updated": "2026-12-01",
            "body": "Menyekat menghentikan kebanyakan mesej serta-merta. Simpan bukti dahulu: lihat [menyimpan bukti](keeping-evidence.md).\n"}
STATEMENT_MS = {"title": "Kenyataan ujian tentang gangguan dalam talian",
                "summary": "Kami menggesa platform bertindak lebih pantas terhadap gangguan dalam talian.",
                "topics": ["harassment"], "date": "2026-12-02", "organisations": ["selamat"],
                "body": "Gangguan dalam talian mesti ditangani dengan segera dan dengan hormat kepada mangsa.\n"}


def test_an_english_guide_and_its_malay_translation_then_a_malay_only_statement(tab, editor, tmp_path):
    repo, _ = editor
    open_new(tab, editor[1], "guides")  # every language side by side
    fill(tab, 0, GUIDE_EN)
    fill(tab, 1, GUIDE_MS)
    tab.screenshot(path=str(tmp_path / "guide.png"))
    save(tab)
    wait_for_branch(repo, "cms/guides/blocking-someone-on-a-phone")

    open_new(tab, editor[1], "statements_ms")
    fill(tab, 0, STATEMENT_MS)  # in the Malay-only collection: no English side
    save(tab)
    wait_for_branch(repo, "cms/statements_ms/kenyataan-ujian-tentang-gangguan-dalam-talian")

    en, body_en = branch_file(repo, "cms/guides/blocking-someone-on-a-phone", "docs/guides/blocking-someone-on-a-phone.en.md")
    ms, body_ms = branch_file(repo, "cms/guides/blocking-someone-on-a-phone", "docs/guides/blocking-someone-on-a-phone.ms.md")
    for meta, body, typed in ((en, body_en, GUIDE_EN), (ms, body_ms, GUIDE_MS)):
        assert {k: str(v) if k == "updated" else v for k, v in meta.items()} == {k: v for k, v in typed.items() if k != "body"}
        assert body.strip() == typed["body"].strip()
    statement_branch = "cms/statements_ms/kenyataan-ujian-tentang-gangguan-dalam-talian"
    changed = git(repo, "diff", "--name-only", "main", statement_branch).split()
    assert changed == ["docs/statements/kenyataan-ujian-tentang-gangguan-dalam-talian.ms.md"]  # Malay only
    meta, _ = branch_file(repo, statement_branch, changed[0])
    assert meta["organisations"] == ["selamat"] and str(meta["date"]) == "2026-12-02"

    # The reviewer merges the pull requests (in a clone of their own: decap-server checks branches out in
    # its repository as the editor reads them); the checks and the strict build then pass with the new pages.
    tab.goto("about:blank")
    merged = tmp_path / "merged"
    subprocess.run(["git", "clone", "-q", str(repo), str(merged)], check=True)
    for name in ("user.name", "user.email"):
        git(merged, "config", name, git(repo, "config", name).strip())
    for branch in ("cms/guides/blocking-someone-on-a-phone", statement_branch):
        git(merged, "merge", "-q", "--no-edit", f"origin/{branch}")
    repo = merged
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    check = subprocess.run([sys.executable, "-m", "selamat", "check"], cwd=repo, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    out = tmp_path / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                           cwd=repo, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "Blocking someone on a phone" in (out / "guides/blocking-someone-on-a-phone/index.html").read_text()
    assert "Menyekat seseorang di telefon" in (out / "ms/guides/blocking-someone-on-a-phone/index.html").read_text()
    statement = out / "ms/statements/kenyataan-ujian-tentang-gangguan-dalam-talian/index.html"
    assert "Kenyataan ujian tentang gangguan dalam talian" in statement.read_text()


def test_a_summary_over_200_characters_is_refused_in_the_form(tab, editor):
    repo, url = editor
    open_new(tab, url, "guides")
    fill(tab, 0, {**GUIDE_EN, "title": "Too long a summary", "summary": "x" * 201})
    save(tab)
    tab.get_by_text("At most 200 characters").first.wait_for()
    tab.wait_for_timeout(500)
    assert "cms/guides/too-long-a-summary" not in git(repo, "branch", "--list")


def test_only_the_topics_of_data_topics_yml_can_be_chosen(tab, editor):
    _, url = editor
    open_new(tab, url, "guides")
    field(tab, "topics", 0).click()
    offered = tab.locator('[class*="-option"]').all_inner_texts()
    keys = list(Data(ROOT / "data").topics)
    assert [text.rsplit("(", 1)[1].rstrip(")") for text in offered] == keys
    field(tab, "topics", 0).fill("not-a-topic")
    assert tab.locator('[class*="-option"]').count() == 0
    field(tab, "topics", 0).press("Enter")
    assert "not-a-topic" not in tab.locator('[class*="-multiValue"]').all_inner_texts()


def test_a_help_services_checked_date_changed_in_the_form_keeps_its_facts_and_passes_the_checks(tab, editor, tmp_path):
    """data/help-services.yml, a data file with every service in it: one service's date changed through the
    form; the file saved on the branch holds every other detail as it was (the fact IDs too, which a comment
    would have lost) and passes `selamat check`."""
    repo, url = editor
    tab.goto(f"{url}admin/#/collections/help_services/entries/help_services")
    tab.reload()
    tab.wait_for_load_state("networkidle")
    tab.get_by_text("talian-heal", exact=True).first.wait_for()
    tab.wait_for_timeout(1000)
    name = tab.get_by_text("talian-heal", exact=True)
    item = tab.locator("div", has=name).filter(has=tab.locator("button")).last  # that service, folded
    item.locator("button").first.click()  # unfold it
    verified = tab.locator('[id^="verified-field-"]:visible')
    assert verified.count() == 1
    verified.fill("2026-12-01")
    tab.screenshot(path=str(tmp_path / "help-services.png"))
    save(tab)
    branch = "cms/help_services/help_services"
    wait_for_branch(repo, branch)
    assert git(repo, "diff", "--name-only", "main", branch).split() == ["data/help-services.yml"]

    saved = tmp_path / "saved"
    shutil.copytree(ROOT / "data", saved)
    (saved / "help-services.yml").write_text(git(repo, "show", f"{branch}:data/help-services.yml"), encoding="utf-8")
    before, after = Data(ROOT / "data").help_service, Data(saved).help_service
    assert list(after) == list(before)
    assert str(after["talian-heal"].verified) == "2026-12-01"
    assert after["talian-heal"].model_copy(update={"verified": before["talian-heal"].verified}) == before["talian-heal"]
    for key, service in before.items():
        assert after[key].facts == service.facts and service.facts, key
        if key != "talian-heal":
            assert after[key] == service, key

    tab.goto("about:blank")
    merged = tmp_path / "merged"
    subprocess.run(["git", "clone", "-q", "-b", branch, str(repo), str(merged)], check=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    check = subprocess.run([sys.executable, "-m", "selamat", "check"], cwd=merged, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
