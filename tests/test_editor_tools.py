"""The editors' path, in a temporary git repository: `selamat new`, `selamat status` (translations dated
by the original's commit, never by file dates), parity checks between languages, and the workflows."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from selamat.content import load_site
from selamat.data import Data
from selamat.languages import LANGUAGES
from selamat.parts import frame
from selamat.render_context import Context

from conftest import ROOT


def sh(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org"}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    assert not check or done.returncode == 0, done.stdout + done.stderr
    return done


def selamat(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return sh(cwd, sys.executable, "-m", "selamat", *args, check=check)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A clone of the project with its history (translations record commits of it), with the working
    tree's current docs and data committed on top, as an editor's branch would have them."""
    sh(tmp_path, "git", "clone", "-q", "--no-local", str(ROOT), "repo")
    clone = tmp_path / "repo"
    for name in ("docs", "data", "overrides"):
        shutil.rmtree(clone / name, ignore_errors=True)
        shutil.copytree(ROOT / name, clone / name)
    shutil.copy(ROOT / "mkdocs.yml", clone / "mkdocs.yml")
    sh(clone, "git", "add", "-A")
    sh(clone, "git", "commit", "-q", "--allow-empty", "-m", "working tree")
    return clone


def test_new_pages_and_translations_pass_the_check(repo):
    for kind in ("guide", "law", "statement"):
        out = selamat(repo, "new", kind, f"test-{kind}").stdout
        assert f"docs/{ {'guide': 'guides', 'law': 'laws', 'statement': 'statements'}[kind] }/test-{kind}.en.md" in out
    text = (repo / "docs/guides/test-guide.en.md").read_text()
    assert "# change" in text and re.search(r"^updated: \d{4}-\d\d-\d\d$", text, re.M)
    selamat(repo, "check")
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-q", "-m", "new pages")
    commit = sh(repo, "git", "rev-parse", "HEAD").stdout.strip()
    out = selamat(repo, "new", "guide", "test-guide", "--lang", "ms").stdout
    assert "test-guide.ms.md" in out and commit[:10] in out
    assert f"translated_from: {{language: en, commit: '{commit}'}}" in (repo / "docs/guides/test-guide.ms.md").read_text()
    selamat(repo, "check")


def test_new_refuses_clearly(repo):
    done = selamat(repo, "new", "guide", "reporting", check=False)
    assert done.returncode == 1 and "docs/guides/reporting.en.md already exists" in done.stderr
    done = selamat(repo, "new", "guide", "Bad Name", "--ui", "ms", check=False)
    assert done.returncode == 1 and "tidak boleh dijadikan nama halaman" in done.stderr
    assert "Traceback" not in done.stderr


def status(repo) -> dict:
    rows = json.loads(selamat(repo, "status", "--format", "json").stdout)
    return {(r["slug"], r["lang"]): r["state"] for r in rows}


def test_a_changed_original_makes_its_translation_out_of_date_until_marked(repo):
    assert status(repo)[("guides/reporting.md", "ms")] == "current"
    original = repo / "docs/guides/reporting.en.md"
    os.utime(original, (1, 1))  # file dates alone mean nothing
    assert status(repo)[("guides/reporting.md", "ms")] == "current"
    original.write_text(original.read_text() + "\nA new paragraph about reporting.\n")
    sh(repo, "git", "commit", "-q", "-am", "reporting: new paragraph")
    assert status(repo)[("guides/reporting.md", "ms")] == "outdated"
    text = selamat(repo, "status").stdout
    assert "docs/guides/reporting.ms.md: out of date" in text
    assert "tidak" in selamat(repo, "status", "--lang", "ms").stdout or "lapuk" in selamat(repo, "status", "--lang", "ms").stdout
    assert "+A new paragraph about reporting." in selamat(repo, "status", "--diff", "guides/reporting").stdout
    # the site says so too, on the translation
    site, data = load_site(repo / "docs"), Data(repo / "data")
    page = site.by_rel["guides/reporting.ms.md"]
    html = frame(page, "<p>x</p>", Context(site, data, "ms", "ms/guides/reporting/", root=repo))
    assert "Terjemahan ini mungkin sudah lapuk" in html and 'href="../../../guides/reporting/"' in html
    out = selamat(repo, "status", "--mark-current", "guides/reporting").stdout
    assert "docs/guides/reporting.ms.md now records commit" in out
    assert status(repo)[("guides/reporting.md", "ms")] == "current"
    site = load_site(repo / "docs")
    html = frame(site.by_rel["guides/reporting.ms.md"], "<p>x</p>", Context(site, data, "ms", "ms/guides/reporting/", root=repo))
    assert "lapuk" not in html


@pytest.mark.parametrize("ui", LANGUAGES)
def test_a_page_written_in_malay_first_is_translated_into_english_and_tracked(repo, ui):
    """Malay first: `selamat new guide x --lang ms`, then `--lang en` makes the English translation from it;
    a later change to the Malay original puts the English one out of date until it is marked current."""
    out = selamat(repo, "new", "guide", "malay-first", "--lang", "ms", "--ui", ui).stdout
    assert "docs/guides/malay-first.ms.md" in out
    malay = repo / "docs/guides/malay-first.ms.md"
    malay.write_text(re.sub(r"[ \t]*# change.*$", "", malay.read_text(), flags=re.M))
    assert selamat(repo, "check").returncode == 0
    assert status(repo)[("guides/malay-first.md", "en")] == "missing"
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-q", "-m", "a Malay guide")
    commit = sh(repo, "git", "rev-parse", "HEAD").stdout.strip()
    out = selamat(repo, "new", "guide", "malay-first", "--lang", "en", "--ui", ui).stdout
    assert "docs/guides/malay-first.ms.md" in out and commit[:10] in out
    english = repo / "docs/guides/malay-first.en.md"
    assert f"translated_from: {{language: ms, commit: '{commit}'}}" in english.read_text()
    selamat(repo, "check")
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-q", "-m", "its English translation")
    assert status(repo)[("guides/malay-first.md", "en")] == "current"
    assert ("guides/malay-first.md", "ms") not in status(repo)  # the original is no one's translation
    malay.write_text(malay.read_text() + "\nPerenggan baharu tentang laporan.\n")
    sh(repo, "git", "commit", "-q", "-am", "the Malay original changes")
    assert status(repo)[("guides/malay-first.md", "en")] == "outdated"
    listed = selamat(repo, "status", "--lang", ui).stdout
    assert "docs/guides/malay-first.en.md: " + {"en": "out of date", "ms": "sudah lapuk"}[ui] in listed
    assert "+Perenggan baharu tentang laporan." in selamat(repo, "status", "--diff", "guides/malay-first").stdout
    site, data = load_site(repo / "docs"), Data(repo / "data")
    html = frame(site.by_rel["guides/malay-first.en.md"], "<p>x</p>", Context(site, data, "en", "guides/malay-first/", root=repo))
    assert "This translation may be out of date" in html and 'href="../../ms/guides/malay-first/"' in html and 'hreflang="ms"' in html
    out = selamat(repo, "status", "--mark-current", "guides/malay-first", "--lang", ui).stdout
    assert "docs/guides/malay-first.en.md" in out and "docs/guides/malay-first.ms.md" in out
    assert status(repo)[("guides/malay-first.md", "en")] == "current"
    assert "{language: ms, commit: " in english.read_text()


def test_the_checks_compare_a_translation_with_the_version_it_was_made_from(repo):
    """Headings, links and boxes are compared with the original, whichever language it is in."""
    (repo / "docs/guides/malay-first.ms.md").write_text(
        "---\ntitle: Malay first\nsummary: Satu ayat.\ntopics: [harassment]\nupdated: 2026-11-24\n---\n\n"
        "## Langkah {#step}\n\nTeks.\n", encoding="utf-8")
    (repo / "docs/guides/malay-first.en.md").write_text(
        "---\ntitle: Malay first\nsummary: One sentence.\ntopics: [harassment]\nupdated: 2026-11-24\n"
        "translated_from: {language: ms, commit: abcdef0}\n---\n\n## Step {#a-step}\n\nText.\n", encoding="utf-8")
    out = selamat(repo, "check", check=False).stdout
    line = next(l for l in out.splitlines() if l.startswith("docs/guides/malay-first.en.md") and "The headings" in l)
    assert "docs/guides/malay-first.ms.md" in line and "missing #step" in line
    (repo / "docs/guides/malay-first.en.md").write_text(
        "---\ntitle: Malay first\nsummary: One sentence.\ntopics: [harassment]\nupdated: 2026-11-24\n"
        "translated_from: {language: xx, commit: abcdef0}\n---\n\n## Step {#step}\n\nText.\n", encoding="utf-8")
    out = selamat(repo, "check", check=False).stdout
    assert "docs/guides/malay-first.en.md:6: translated_from.language: `xx` is not one of the choices: en, ms." in out, out


def test_missing_translations_are_listed(repo):
    states = status(repo)
    assert states[("statements/platform-reporting-in-malay.md", "en")] == "missing"
    assert states[("statements/online-safety-bill-passed.md", "ms")] == "missing"


def test_heading_link_and_box_mismatches_name_both_files(repo):
    ms = repo / "docs/guides/reporting.ms.md"
    text = ms.read_text().replace("{#report-to-police}", "{#lapor-polis}", 1)
    text = text.replace("](keeping-evidence.md", "](securing-accounts.md", 1)
    text = text.replace("!!! warning", "!!! note", 1)
    ms.write_text(text)
    out = selamat(repo, "check", check=False).stdout
    for kind in ("headings", "links to other pages", "boxes"):
        line = next(l for l in out.splitlines() if l.startswith("docs/guides/reporting.ms.md") and f"The {kind}" in l)
        assert "docs/guides/reporting.en.md" in line
    assert "missing #report-to-police" in out and "not in the original #lapor-polis" in out


def test_old_reviews_and_checks_are_warnings_not_errors(repo):
    law = repo / "docs/laws/penal-code-509.en.md"
    law.write_text(re.sub(r"^reviewed: .*$", "reviewed: 2020-01-01", law.read_text(), flags=re.M))
    done = selamat(repo, "check")
    assert "docs/laws/penal-code-509.en.md:" in done.stdout and "(warning) reviewed: This law page was last reviewed on 2020-01-01" in done.stdout
    assert done.stdout.strip().endswith("no problems.")


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflows_are_valid_and_call_what_exists(path):
    flow = yaml.safe_load(path.read_text())
    triggers = flow.get(True) or flow.get("on")  # YAML reads the key `on` as True
    assert triggers and flow["jobs"]
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
    for job in flow["jobs"].values():
        assert job.get("runs-on") or job.get("uses")
        for step in job.get("steps", []):
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert re.match(r"^[\w.-]+/[\w.-]+@v\d+$", step["uses"]), step["uses"]  # pinned to a major version
            else:
                for command in re.findall(r"make (\w[\w-]*)", step["run"]):
                    assert command in targets, command


def test_pull_requests_are_checked_and_links_never_block():
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text())
    assert "pull_request" in (ci.get(True) or ci["on"])
    runs = " ".join(s.get("run", "") for s in ci["jobs"]["check"]["steps"])
    assert "make check" in runs and "make build" in runs and "make test" in runs
    links = yaml.safe_load((ROOT / ".github/workflows/external-links.yml").read_text())
    assert set(links.get(True) or links["on"]) == {"schedule", "workflow_dispatch"}
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert hooks["repos"][0]["hooks"][0]["entry"].endswith("selamat check")
    assert (ROOT / "CONTRIBUTING.md").exists() and (ROOT / "CONTRIBUTING.ms.md").exists()


def test_a_moved_page_needs_a_redirect_and_gets_one_in_both_languages(repo):
    for lang in ("en", "ms"):
        (repo / f"docs/guides/doxxing.{lang}.md").rename(repo / f"docs/guides/personal-details-exposed.{lang}.md")
    done = selamat(repo, "check", check=False)
    assert done.returncode == 1
    line = next(l for l in done.stdout.splitlines() if l.startswith("data/published-urls.txt:"))
    assert "/guides/doxxing/ no longer leads to a page" in line
    assert "add this line to data/redirects.yml: `guides/doxxing.md: guides/personal-details-exposed.md`" in line
    for page in (repo / "docs").rglob("*.md"):  # the editor updates the site's own links too
        page.write_text(re.sub(r"(?<=[(/])doxxing\.md", "personal-details-exposed.md", page.read_text()))
    redirects = repo / "data/redirects.yml"
    redirects.write_text(redirects.read_text().replace("{}", "guides/doxxing.md: guides/personal-details-exposed.md"))
    selamat(repo, "check")
    site_dir = repo / "site"
    sh(repo, sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir))
    for lang, prefix, words in (("en", "", "This page has moved"), ("ms", "ms/", "Halaman ini telah dipindahkan")):
        html = (site_dir / prefix / "guides/doxxing/index.html").read_text()
        assert f'<html lang="{lang}">' in html and words in html
        assert 'content="0; url=../personal-details-exposed/"' in html
        assert f'rel="canonical" href="https://selamat.example.org/{prefix}guides/personal-details-exposed/"' in html
        assert "Content-Security-Policy" in html
