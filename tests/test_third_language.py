"""Languages are data: a copy of the project gets a third language, Tamil (`ta`), with nothing but one
entry in mkdocs.yml, its strings for the quick exit and the untranslated notice, and two translated
pages. The strict build passes, and /ta/ has everything the other languages have: the language
switcher and hreflang, the untranslated notice, the quick exit, its own search index and pipeline,
feeds, the catalogue, the 404 page, the sitemap and the offline edition. (Tamil is the test's example
only: the project ships no Tamil content.)"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PHONE, ROOT
from support.search_box import search
from support.static_server import serve

DESTINATION = "https://www.met.gov.my/"
TAMIL = "தமிழ்"
# The strings a new language needs first (the quick exit and the untranslated notice); every other
# string falls back to English, with a warning from `selamat check`.
STRINGS = {
    "exit.label": "இந்தப் பக்கத்திலிருந்து வெளியேறு",
    "exit.hidden_prefix": "அவசரம்",
    "exit.skip": "வெளியேறும் பொத்தானுக்குச் செல்லவும்",
    "exit.announce": "இந்தப் பக்கத்திலிருந்து வெளியேறுகிறது",
    "exit.presses.2": "Shift, வெளியேற இன்னும் 2 முறை அழுத்தவும்.",
    "exit.presses.1": "Shift, வெளியேற இன்னும் 1 முறை அழுத்தவும்.",
    "exit.expired": "வெளியேறும் நேரம் முடிந்தது.",
    "untranslated.title": "இன்னும் மொழிபெயர்க்கப்படவில்லை",
    "untranslated.body": "இந்தப் பக்கம் இன்னும் தமிழில் மொழிபெயர்க்கப்படவில்லை. கீழே உள்ள உரை {language} மொழியில் உள்ள மூலப் பக்கம்.",
    "untranslated.link": "மூலப் பக்கத்தைத் திறக்கவும்",
}
WORD = "சான்றுகளைப்"  # "evidence" (inflected), only in the Tamil guide
PAGES = {  # the two translated pages: title, summary, and a first paragraph in Tamil
    "guides/keeping-evidence": ("சான்றுகளைப் பாதுகாப்பாக வைத்திருத்தல்",
                                "என்ன நடந்தது என்பதைக் காட்டும் படங்களையும் இணைப்புகளையும் எப்படிச் சேமிப்பது.",
                                f"நடந்ததைக் காட்டும் {WORD} பாதுகாப்பாகச் சேமித்து வையுங்கள்."),
    "help/index": ("உதவி பெறுங்கள்", "உங்களுக்கு உதவக்கூடிய சேவைகள்.", "நீங்கள் தனியாக இல்லை."),
}


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    environment.pop("SELAMAT_PROJECT", None)  # the languages come from the folder the command runs in
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=environment, capture_output=True, text=True)


def add_tamil(root: Path) -> None:
    """What an NGO does to add a language, and nothing more."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = "        - locale: ms\n          name: Bahasa Melayu\n          build: true\n"
    assert entry in text
    config.write_text(text.replace(entry, entry + f"        - locale: ta\n          name: {TAMIL}\n          build: true\n"),
                      encoding="utf-8")
    strings_file = root / "data" / "ui-strings.yml"
    strings = yaml.safe_load(strings_file.read_text(encoding="utf-8"))
    for key, value in STRINGS.items():
        strings["strings"][key]["ta"] = value
    strings_file.write_text(yaml.safe_dump(strings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name, (title, summary, first) in PAGES.items():
        english = (root / "docs" / f"{name}.en.md").read_text(encoding="utf-8")
        _, head, body = english.split("---\n", 2)
        meta = yaml.safe_load(head)
        meta.update(title=title, summary=summary)
        (root / "docs" / f"{name}.ta.md").write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + first + "\n" + body,
            encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tamil")
    for name in ("docs", "data", "overrides", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    add_tamil(root)
    return root


@pytest.fixture(scope="module")
def tamil_site(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tamil-site")
    done = run(project, "mkdocs", "build", "--strict", "--site-dir", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_the_check_passes_and_lists_what_tamil_lacks(project):
    done = run(project, "selamat", "check")
    assert done.returncode == 0, done.stdout
    warning = next(l for l in done.stdout.splitlines() if l.startswith("data/ui-strings.yml: (warning) ta:"))
    assert f"have no {TAMIL} yet, so readers see them in English" in warning and "`ta:`" in warning
    assert "exit.label" not in warning and "untranslated.title" not in warning  # those are written
    done = run(project, "selamat", "check", "--lang", "ta")  # messages fall back to English
    assert done.returncode == 0 and "no problems" in done.stdout


def test_a_tamil_page_has_the_switcher_and_hreflang_for_every_language(tamil_site):
    page = soup(tamil_site, "ta/guides/keeping-evidence/index.html")
    assert page.html["lang"] == "ta" and PAGES["guides/keeping-evidence"][0] in page.title.text
    hreflang = {l["hreflang"]: l["href"] for l in page.select('head link[rel="alternate"][hreflang]')}
    assert hreflang["ta"].endswith("/ta/guides/keeping-evidence/")
    assert hreflang["ms"].endswith("/ms/guides/keeping-evidence/") and hreflang["x-default"].endswith("/guides/keeping-evidence/")
    switcher = {a.get("hreflang"): a.text.strip() for a in page.select(".md-select__list a")}
    assert switcher.keys() >= {"en", "ms", "ta"} and switcher["ta"] == TAMIL
    english = soup(tamil_site, "guides/keeping-evidence/index.html")
    assert any(l["href"].endswith("/ta/guides/keeping-evidence/")
               for l in english.select('head link[rel="alternate"][hreflang="ta"]'))


def test_pages_not_yet_in_tamil_show_the_original_with_the_tamil_notice(tamil_site):
    page = soup(tamil_site, "ta/guides/reporting/index.html")
    notice = page.select_one(".selamat-untranslated")
    assert notice is not None and STRINGS["untranslated.title"] in notice.text
    assert "இந்தப் பக்கம் இன்னும் தமிழில்" in notice.text and "English" in notice.text
    assert page.select_one(".selamat-untranslated a")["hreflang"] == "en"


def test_the_quick_exit_works_in_tamil(tamil_site, browser):
    server, url = serve(tamil_site)
    try:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        context.route(DESTINATION + "**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
        tab = context.new_page()
        tab.goto(url + "ta/")
        tab.goto(url + "ta/guides/keeping-evidence/")
        exit_button = tab.locator("#selamat-exit")
        assert STRINGS["exit.label"] in exit_button.inner_text()
        tab.keyboard.press("Shift")
        assert tab.locator(".selamat-exit__status").inner_text() == STRINGS["exit.presses.2"]
        with tab.expect_navigation(url=DESTINATION):
            exit_button.tap()
        tab.go_back()
        assert tab.url == url + "ta/"
        # Tamil search: its own index, with lunr's Tamil support, found from the Tamil site
        tab.goto(url + "ta/guides/keeping-evidence/")
        found = search(tab, WORD)
        assert found and found[0].startswith(url + "ta/guides/keeping-evidence/"), found
        context.close()
    finally:
        server.shutdown()


def test_tamil_has_its_own_search_index(project, tamil_site):
    """Its own index, searched word by word (data/search-languages.yml lists no stemmer for it), with
    Tamil words kept whole (they hold combining marks); `selamat search` reads it as the browser does."""
    manifest = json.loads((tamil_site / "ta/search/search_index.json").read_text(encoding="utf-8"))
    assert manifest["config"]["selamat"]["keys"]
    done = run(project, "selamat", "search", WORD, "--lang", "ta", "--site-dir", str(tamil_site))
    assert done.returncode == 0, done.stdout + done.stderr
    first = next(l for l in done.stdout.splitlines() if l.strip().startswith("1."))
    assert "/ta/guides/keeping-evidence/" in first, done.stdout
    english = run(project, "selamat", "search", WORD, "--lang", "en", "--site-dir", str(tamil_site))
    assert "/ta/" not in english.stdout and "1." not in english.stdout


def test_tamil_has_feeds_a_catalogue_entry_a_404_page_and_sitemap_entries(tamil_site):
    feed = json.loads((tamil_site / "ta/feeds/updates.json").read_text(encoding="utf-8"))
    assert feed["language"] == "ta" and feed["items"]
    catalogue = json.loads(next((tamil_site / "api/v1").glob("*.json")).read_text(encoding="utf-8")
                           if not (tamil_site / "api/v1/catalogue.json").exists()
                           else (tamil_site / "api/v1/catalogue.json").read_text(encoding="utf-8"))
    text = json.dumps(catalogue, ensure_ascii=False)
    assert PAGES["guides/keeping-evidence"][0] in text and '"ta"' in text
    missing = soup(tamil_site, "ta/404.html")
    assert missing.html["lang"] == "ta"
    homes = {a["hreflang"] for a in missing.select("article a[hreflang]")}
    assert {"en", "ms"} <= homes
    sitemap = (tamil_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/ta/guides/keeping-evidence/" in sitemap and 'hreflang="ta"' in sitemap


def test_tamil_has_an_offline_edition(project, tmp_path):
    out = tmp_path / "downloads"
    done = run(project, "selamat", "offline-zip", "--lang", "ta", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(out / "selamat-ta.zip") as archive:
        names = archive.namelist()
        top = names[0].split("/")[0] + "/"
        assert names[0].endswith(".html")  # the start file, named from the strings (English here)
        assert top + "ta/guides/keeping-evidence.html" in names
        page = archive.read(top + "ta/guides/keeping-evidence.html").decode("utf-8")
        assert WORD in page
        assert not any(n.startswith(top + "ms/") for n in names)
