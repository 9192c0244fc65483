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
from selamat.languages import LANGUAGES

FIXTURES = ROOT / "tests" / "fixtures"

# (file, line or None, field or "", words the English message must contain)
EXPECTED = [
    ("docs/guides/missing-summary.en.md", None, "summary", "This field is missing. Add a line `summary:"),
    ("docs/guides/unknown-topic.en.md", 4, "topics", "Did you mean `harassment`?"),
    ("docs/guides/bad-date.en.md", 5, "updated", "`2026-13-45` is not a date. Write it as YYYY-MM-DD"),
    ("docs/guides/bad-yaml.en.md", 2, "", "not valid YAML"),
    ("docs/guides/long-summary.en.md", 3, "summary", "207 characters long; the limit is 200"),
    ("docs/guides/broken-link.en.md", 8, "", "The link to `../laws/nope.md` leads nowhere"),
    ("docs/guides/broken-link.en.md", 8, "", "points to `#no-such-step`, which is not a heading"),
    ("docs/guides/broken-link.en.md", 8, "", "Link to the Markdown file instead, `long-summary.md`"),
    ("docs/guides/typo-field.en.md", 3, "sumary", "Did you mean `summary`?"),
    ("docs/guides/no-front-matter.en.md", 1, "", "no front matter"),
    ("docs/guides/stray.md", None, "", "must end in its language, one of .en.md (English), .ms.md (Bahasa Melayu)"),
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
    ("data/help-services.yml", 3, "services > entry 1 (example-service) > verified", "This field is missing. Add a line `verified:"),
    ("data/help-services.yml", 9, "services > entry 1 (example-service) > url", "`example.org` is not a full web address"),
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """A copy of the project whose pages are the broken fixtures and whose help data is broken too."""
    root = tmp_path_factory.mktemp("broken")
    for name in ("mkdocs.yml", "overrides", "data"):
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
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the site's languages
    (tmp_path / "data" / "published-urls.txt").unlink()  # a new site has published nothing yet
    (tmp_path / "data" / "legal-changes.yml").write_text("[]\n")  # and has no law pages for changes to go on
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    (tmp_path / "docs" / "guides" / "ok.en.md").write_text(
        "---\ntitle: Fine\nsummary: A fine page.\ntopics: [harassment]\nupdated: 2026-11-24\n---\n\n## Step {#step}\n\nSee [step](#step).\n")
    (tmp_path / "docs" / "guides" / "ok.ms.md").write_text(
        "---\ntitle: Baik\nsummary: Halaman yang baik.\ntopics: [harassment]\nupdated: 2026-11-24\n---\n\n## Langkah {#step}\n\nLihat [langkah](ok.md#step).\n")
    result = run([sys.executable, "-m", "selamat", "check"], tmp_path)
    assert result.returncode == 0, result.stdout


# --- bad data files: one plain line with the file and the line, never a traceback ------------------------


def _replace_line(text: str, number: int, old: str, new: str) -> str:
    lines = text.splitlines(keepends=True)
    assert old in lines[number - 1], (number, lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "".join(lines)


def _edit_string(key: str, lang: str, old: str, new: str):
    """An edit of one interface string (under `strings:`), and the line it is on."""
    def edit(text: str) -> tuple[str, int]:
        lines = text.splitlines()
        entry = next(n for n in range(lines.index("strings:"), len(lines)) if lines[n] == f"  {key}:")
        number = next(n for n in range(entry, len(lines)) if lines[n].startswith(f"    {lang}:")) + 1
        return _replace_line(text, number, old, new), number
    return edit


def _edit_material(key: str, old: str, new: str):
    """An edit of one of Material's Malay strings (under `material: ms:`), and the line it is on."""
    def edit(text: str) -> tuple[str, int]:
        lines = text.splitlines()
        number = next(n for n in range(lines.index("material:"), len(lines)) if lines[n].startswith(f"    {key}:")) + 1
        return _replace_line(text, number, old, new), number
    return edit


def _first_url(text: str) -> tuple[str, int]:
    number = next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith("  url:"))
    return _replace_line(text, number, "url: null", "url: javascript:alert(document.cookie)"), number


def _whole(content: str):
    return lambda text: (content, 2)  # the line after the comment


def _first_organisation() -> str:
    import yaml

    return next(iter(yaml.safe_load((ROOT / "data" / "organisations.yml").read_text(encoding="utf-8"))))


ORG = _first_organisation()

# (case, data file, edit -> (new text, line of the fault), field, words in English, words in Malay)
BAD_DATA = [
    ("organisation-javascript-url", "organisations.yml", _first_url, f"{ORG} > url",
     "`javascript:alert(document.cookie)` is not a full web address", "`javascript:alert(document.cookie)` bukan alamat web yang lengkap"),
    ("topics-a-list", "topics.yml", _whole("# Topics\n- image-abuse\n- harassment\n"), "",
     "This should be `name: value` lines", "Ini sepatutnya baris `nama: nilai`"),
    ("topics-plain-text", "topics.yml", _whole("# Topics\nImage abuse, harassment and doxxing\n"), "",
     "This should be `name: value` lines", "Ini sepatutnya baris `nama: nilai`"),
    ("ui-translation-adds-a-placeholder", "ui-strings.yml", _edit_string("statement.meta", "ms", "{date}", "{tarikh}"),
     "strings > statement.meta > ms", "Unknown: `{tarikh}`. Left out: `{date}`.", "Tidak dikenali: `{tarikh}`. Tertinggal: `{date}`."),
    ("ui-english-adds-a-placeholder", "ui-strings.yml", _edit_string("updated", "en", "{date}", "{date} by {author}"),
     "strings > updated > en", "The site fills in `{date}` here, and nothing else. Unknown: `{author}`",
     "Laman web ini mengisi `{date}` di sini, dan tiada yang lain. Tidak dikenali: `{author}`"),
    ("ui-placeholder-where-none-is-filled", "ui-strings.yml", _edit_string("legal.help", "ms", 'ms: "', 'ms: "{nama} '),
     "strings > legal.help > ms", "The site fills in no placeholder in this text: remove `{nama}`",
     "Laman web ini tidak mengisi sebarang pemegang tempat dalam teks ini: buang `{nama}`"),
    ("ui-brace-left-open", "ui-strings.yml", _edit_string("updated", "en", "{date}", "{date"),
     "strings > updated > en", "A brace is not closed.", "Ada tanda kurung kurawal yang tidak ditutup."),
    ("ui-positional-placeholder", "ui-strings.yml", _edit_string("updated", "ms", "{date}", "{0}"),
     "strings > updated > ms", "`{0}` is not a placeholder the site can fill in", "`{0}` bukan pemegang tempat"),
    ("ui-markup", "ui-strings.yml", _edit_string("legal.title", "ms", "ms: ", "ms: <b>Penting</b> "),
     "strings > legal.title > ms", "may not hold `<` `>` (no HTML)", "tidak boleh mengandungi `<` `>` (tiada HTML)"),
    ("material-markup", "ui-strings.yml",
     _edit_material("action.edit", "action.edit: ", "action.edit: <img src=x onerror=alert(1)> "),
     "material > ms > action.edit", "may not hold `<` `>` (no HTML)", "tidak boleh mengandungi `<` `>` (tiada HTML)"),
]


def _missing_key(text: str) -> tuple[str, int]:
    number = text.splitlines().index("  exit.label:") + 1
    return _replace_line(text, number, "exit.label:", "exit.labels:"), text.splitlines().index("strings:") + 1


def _new_string(text: str) -> tuple[str, int]:
    """A string the code does not ask for by name, whose translation changes its placeholder."""
    number = text.splitlines().index("strings:") + 1
    added = '  extra.greeting:\n    en: "Hello {name}"\n    ms: "Helo {nama}"\n'
    return _replace_line(text, number, "strings:\n", "strings:\n" + added), number + 3


BAD_DATA.append(("ui-translation-changes-a-placeholder", "ui-strings.yml", _new_string, "strings > extra.greeting > ms",
                 "A translation must use the same placeholders as the English text. Added: `{nama}`. Left out: `{name}`.",
                 "Terjemahan mesti menggunakan pemegang tempat yang sama dengan teks bahasa Inggeris. Ditambah: `{nama}`. Tertinggal: `{name}`."))
def _topic_line(old: str, new: str):
    """An edit of a language line of the first topic (`image-abuse`), and the line of the topic."""
    def edit(text: str) -> tuple[str, int]:
        key = text.splitlines().index("image-abuse:") + 1
        number = key + (1 if old.startswith("en:") else 2)
        return _replace_line(text, number, old, new), key
    return edit


BAD_DATA.append(("topic-in-a-language-the-site-lacks", "topics.yml", _topic_line("ms: ", "my: "), "image-abuse",
                 "`my` is not one of the site's languages (en, ms)", "`my` bukan salah satu bahasa laman web ini (en, ms)"))
BAD_DATA.append(("topic-without-english", "topics.yml", _topic_line("en: ", "# en: "), "image-abuse",
                 "The text in `en` is missing. Every other language falls back to it",
                 "Teks dalam `en` tiada. Semua bahasa lain bergantung padanya"))
BAD_DATA.append(("ui-key-the-site-needs-is-missing", "ui-strings.yml", _missing_key, "strings > exit.label",
                 "The interface text `exit.label` is missing, and the site needs it.",
                 "Teks antara muka `exit.label` tiada, sedangkan laman web ini memerlukannya."))


def project_with(tmp_path: Path, name: str, edit) -> tuple[Path, int]:
    """A copy of the project with one data file edited; the line of the fault."""
    root = tmp_path / "project"
    root.mkdir()
    for part in ("mkdocs.yml", "overrides", "data", "docs"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, root / part)
    path = root / "data" / name
    text, line = edit(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return root, line


@pytest.mark.parametrize("case,name,edit,field,english,malay", BAD_DATA, ids=[c[0] for c in BAD_DATA])
def test_bad_data_gets_a_line_with_file_and_line_in_both_languages(tmp_path, case, name, edit, field, english, malay):
    root, line = project_with(tmp_path, name, edit)
    start = expected_line(f"data/{name}", line, field)
    for lang, words in (("en", english), ("ms", malay)):
        result = run([sys.executable, "-m", "selamat", "check", "--lang", lang], root)
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        assert result.returncode == 1, result.stdout
        problems = [l for l in result.stdout.splitlines() if l.startswith("data/")]
        assert [l for l in problems if l.startswith(start) and words in l], \
            f"no line starting {start!r} containing {words!r} in:\n{result.stdout}"
        assert len([l for l in problems if "(warning)" not in l and "(amaran)" not in l]) == 1, problems


def test_the_build_stops_on_bad_data_with_the_same_line_and_no_traceback(tmp_path):
    root, line = project_with(tmp_path, "ui-strings.yml", _missing_key)
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")], root)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f"data/ui-strings.yml:{line}: strings > exit.label: The interface text `exit.label` is missing" in output


def test_every_interface_string_the_code_asks_for_is_required():
    """UI_KEYS (data.py) lists every key the code and templates ask for: a literal key in `t("...")` or
    `selamat_t("...")`, and each family built from a value (`type.{kind}`)."""
    import re

    from selamat.data import KINDS, UI_KEYS
    from selamat.schema import SECTION, TYPES

    code = "\n".join(p.read_text(encoding="utf-8") for folder in ("src/selamat", "overrides")
                     for p in sorted((ROOT / folder).rglob("*")) if p.suffix in (".py", ".html", ".js"))
    literal = set(re.findall(r"""\b(?:t|selamat_t)\(\s*["']([a-z0-9][a-z0-9_.\-]*)["']""", code))
    families = set(re.findall(r"""\bt\(\s*f["']([a-z0-9_.\-]+)\{""", code))
    assert len(literal) > 60 and {"exit.label", "404.title", "help_box.title"} <= literal
    assert literal - set(UI_KEYS) == set()
    assert {"type.", "category.", "help.ages.", "month.", "feed.", "offline."} <= families
    for family in families:
        assert [k for k in UI_KEYS if k.startswith(family)], family
    assert set(KINDS) == {kind for kind, _ in TYPES.values()} | {SECTION[0]}


def test_every_required_string_is_in_the_data_with_the_code_s_placeholders(data):
    from selamat.data import UI_KEYS, placeholders

    for key, allowed in UI_KEYS.items():
        for lang in LANGUAGES:
            assert placeholders(data.ui.strings[key](lang)) == allowed, (key, lang)


def test_check_messages_keep_their_placeholders_in_malay(data):
    from selamat.data import placeholders

    for key, message in data.messages.items():
        assert placeholders(message("ms")) == placeholders(message("en")), key


@pytest.mark.parametrize("content", ["- a list\n", "did_you_mean: \"\n  en: x\n"], ids=["not-a-mapping", "bad-yaml"])
def test_unreadable_check_messages_get_a_line_in_both_languages(tmp_path, content):
    """data/messages.yml holds the messages themselves: when it cannot be read, one fixed line says so."""
    root, _ = project_with(tmp_path, "messages.yml", lambda text: (content, 1))
    for lang, words in (("en", "The messages of `selamat check` are in this file, and it cannot be read"),
                        ("ms", "Mesej `selamat check` ada dalam fail ini, dan fail ini tidak dapat dibaca")):
        result = run([sys.executable, "-m", "selamat", "check", "--lang", lang], root)
        assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        assert result.stdout.startswith("data/messages.yml:1: ") and words in result.stdout, result.stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_translation_falls_back_to_english_with_a_warning(tmp_path, lang):
    """A string not written in Malay is shown in English, and the check names it (a warning: it does not
    stop publishing)."""
    from selamat.check import check_data
    from selamat.data import Data

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    path = folder / "ui-strings.yml"
    text = path.read_text(encoding="utf-8")
    assert "    ms: Bantuan segera\n" in text or "help_box.title:" in text
    lines = text.splitlines(keepends=True)
    entry = lines.index("  help_box.title:\n")
    malay = next(n for n in range(entry, len(lines)) if lines[n].startswith("    ms:"))
    del lines[malay]
    path.write_text("".join(lines), encoding="utf-8")
    data = Data(folder)
    assert data.t("help_box.title", "ms") == data.t("help_box.title", "en")
    warnings = [p for p in check_data(data) if p.code == "translations_missing"]
    assert len(warnings) == 1 and warnings[0].warning and warnings[0].field == "ms"
    line = warnings[0].render(data, lang)
    assert "help_box.title" in line and "`ms:`" in line
    assert {"en": "readers see them in English", "ms": "pembaca melihatnya dalam Bahasa Inggeris"}[lang] in line
