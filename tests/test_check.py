"""`selamat check` and the build refuse every editor mistake with one plain line naming the file, the
field (and line) and the fix, in English or Malay, and never show a Python traceback."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"

# (file, line or None, field or "", words the English message must contain)
EXPECTED = [
    ("docs/guides/missing-summary.en.md", None, "summary", "This field is missing. Add a line `summary:"),
    ("docs/guides/unknown-topic.en.md", 4, "topics", "Did you mean `harassment`?"),
    ("docs/guides/bad-date.en.md", 5, "updated", "`2026-13-45` is not a date. Write it as YYYY-MM-DD"),
    ("docs/guides/bad-yaml.en.md", 2, "", "not valid YAML"),
    ("docs/guides/long-summary.en.md", 3, "summary", "207 characters long; the limit is 200"),
    ("docs/guides/orphan.ms.md", None, "", "no English page at `docs/guides/orphan.en.md`"),
    ("docs/guides/broken-link.en.md", 8, "", "The link to `../laws/nope.md` leads nowhere"),
    ("docs/guides/broken-link.en.md", 8, "", "points to `#no-such-step`, which is not a heading"),
    ("docs/guides/broken-link.en.md", 8, "", "Link to the Markdown file instead, `long-summary.md`"),
    ("docs/guides/typo-field.en.md", 3, "sumary", "Did you mean `summary`?"),
    ("docs/guides/no-front-matter.en.md", 1, "", "no front matter"),
    ("docs/guides/stray.md", None, "", "must end in .en.md (English) or .ms.md (Malay)"),
    ("docs/guides/h1-in-body.en.md", 8, "", "the page title comes from `title:`"),
    ("docs/laws/no-sources.en.md", None, "reviewed", "This field is missing"),
    ("docs/laws/no-sources.en.md", None, "sources", "This field is missing"),
    ("docs/statements/unknown-org.en.md", 6, "organisations", "Did you mean `selamat`?"),
    ("docs/index.en.md", 6, "", "`<!-- selamat:newest-guides -->` is not a listing"),
    ("docs/guides/danger-script.en.md", 8, "", "`<script>` is not allowed: scripts and content embedded"),
    ("docs/guides/danger-iframe.en.md", 8, "", "`<iframe>` is not allowed: scripts and content embedded"),
    ("docs/guides/danger-object.en.md", 8, "", "`<object>` is not allowed"),
    ("docs/guides/danger-embed.en.md", 8, "", "`<embed>` is not allowed"),
    ("docs/guides/danger-handler.en.md", 8, "", "`onclick` runs a script and is not allowed"),
    ("docs/guides/danger-javascript.en.md", 8, "", "Links starting with `javascript:` are not allowed"),
    ("docs/guides/danger-data.en.md", 8, "", "Links starting with `data:` are not allowed"),
    ("docs/guides/danger-div.en.md", 8, "", "`<div>` is not allowed here. Write it in Markdown instead"),
    ("data/help-services.yml", 2, "entry 1 (example-service) > verified", "This field is missing. Add a line `verified:"),
    ("data/help-services.yml", 8, "entry 1 (example-service) > url", "`example.org` is not a full web address"),
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """A copy of the project whose pages are the broken fixtures and whose help data is broken too."""
    root = tmp_path_factory.mktemp("broken")
    for name in ("mkdocs.yml", "hooks", "overrides", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    shutil.copytree(FIXTURES / "broken" / "docs", root / "docs")
    shutil.copy(FIXTURES / "broken-data" / "help-services.yml", root / "data" / "help-services.yml")
    return root


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


def expected_line(file: str, line: int | None, field: str) -> str:
    return file + (f":{line}" if line else "") + ": " + (f"{field}: " if field else "")


def test_the_real_site_is_clean():
    result = run([sys.executable, "-m", "selamat", "check"], ROOT)
    assert result.returncode == 0, result.stdout
    assert "no problems" in result.stdout


@pytest.fixture(scope="module")
def english(broken):
    return run([sys.executable, "-m", "selamat", "check"], broken)


@pytest.mark.parametrize("file,line,field,words", EXPECTED, ids=[f"{e[0]}-{e[3][:20]}" for e in EXPECTED])
def test_each_mistake_gets_one_clear_line(english, file, line, field, words):
    assert english.returncode == 1
    start = expected_line(file, line, field)
    matches = [l for l in english.stdout.splitlines() if l.startswith(start) and words in l]
    assert matches, f"no line starting {start!r} containing {words!r} in:\n{english.stdout}"


def test_allowed_inline_html_passes(english):
    assert not [l for l in english.stdout.splitlines() if l.startswith("docs/guides/danger-div.en.md:10")]


def test_no_traceback_and_a_count(english):
    assert "Traceback" not in english.stdout + english.stderr
    problems = [l for l in english.stdout.splitlines() if l.startswith(("docs/", "data/")) and "(warning)" not in l]
    assert english.stdout.strip().endswith("Fix them, then run `selamat check` again.")
    assert f"{len(problems)} problem(s)" in english.stdout


def test_messages_in_malay(broken):
    result = run([sys.executable, "-m", "selamat", "check", "--lang", "ms"], broken)
    assert result.returncode == 1
    out = result.stdout
    assert "docs/guides/missing-summary.en.md: summary: Medan ini tiada." in out
    assert "Adakah anda maksudkan `harassment`?" in out
    assert "bukan tarikh" in out
    assert "Betulkan, kemudian jalankan `selamat check` sekali lagi." in out


def test_the_build_stops_with_the_same_lines_and_no_traceback(broken):
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(broken / "site")], broken)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "docs/guides/unknown-topic.en.md:4: topics: `harasment` is not a topic." in output
    assert "docs/laws/no-sources.en.md: sources: This field is missing." in output


def test_a_clean_fixture_passes(tmp_path):
    """The fixture copy with only good pages passes: proof the checks above are about the mistakes."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "published-urls.txt").unlink()  # a new site has published nothing yet
    (tmp_path / "data" / "legal-changes.yml").write_text("[]\n")  # and has no law pages for changes to go on
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    (tmp_path / "docs" / "guides" / "ok.en.md").write_text(
        "---\ntitle: Fine\nsummary: A fine page.\ntopics: [harassment]\nupdated: 2026-11-24\n---\n\n## Step {#step}\n\nSee [step](#step).\n")
    (tmp_path / "docs" / "guides" / "ok.ms.md").write_text(
        "---\ntitle: Baik\nsummary: Halaman yang baik.\ntopics: [harassment]\nupdated: 2026-11-24\n---\n\n## Langkah {#step}\n\nLihat [langkah](ok.md#step).\n")
    result = run([sys.executable, "-m", "selamat", "check"], tmp_path)
    assert result.returncode == 0, result.stdout
