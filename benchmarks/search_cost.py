"""What search costs a reader on a phone as the site grows: today's design (before issue 17: Material's
lunr worker building each language's whole index in the browser) against the sharded index, side by side,
in one run, at 31 (the site as it is), about 1,000 and about 5,000 pages per language.

The pages: the site's own, plus generated guides whose text mixes the paragraphs and sentences of the real
pages of the same language (shuffled, with varied titles, section headings and dates), so that the text
compresses as real text does, not as one template repeated.

The phone: Chromium at 360 px with 4x CPU throttling (the page's; Chromium's CPU throttling may not
reach the search worker, for either design); the network in the server: each response waits one round
trip (150 ms), then all responses share a 1.6 Mbit/s link; text goes out gzip-compressed. (New
connections cost no extra round trip here, which flatters every design alike.)

Measured, for each design, size and language, 3 visits (median and range):
- the first search of a visit: open a guide, tap search, type the query (120 ms per key); the time from
  the last keystroke to the moment the list shows the final query's results (the first render after it
  that the list keeps), and the bytes fetched for search from the tap on (engine, manifest or index,
  shards, details: all responses, as sent);
- a further query in the same visit: clear the field, type another query, measured the same way.

Each size is built once per design (today's design from git, `--before REF`, default the branch point
from main; the new one from this tree). Usage:
  python benchmarks/search_cost.py [--sizes 31,1000,5000] [--runs 3] [--before REF]"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS  # noqa: E402
from support import static_server  # noqa: E402
from support.browser import chromium  # noqa: E402
from support.phone import throttled_phone  # noqa: E402
from support.search_box import SEARCH_BUTTON  # noqa: E402
from selamat import engine  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from same_site import export  # noqa: E402

RTT = 0.150
RATE = 1_600_000 / 8  # bytes per second
QUERIES = {"en": ("police report", "threatening to share my photos"),
           "ms": ("laporan polis", "ugut sebar gambar")}
KEY_DELAY = 120  # ms between keystrokes
REAL_PAGES = 31


# --- the pages ------------------------------------------------------------------------------------

STRIP_LINE = re.compile(r"^\s*(#|<|\[\[|\||!!!|\?\?\?|\{|---|-\s*\[|\d+\.\s*\[|>)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REF = re.compile(r"\[\[[^\]]+\]\]")
ATTR = re.compile(r"\{[:#.][^}]*\}")


def real_text(lang: str) -> tuple[list[str], list[str], list[str]]:
    """(paragraphs, sentences, headings) of the real pages of a language, without markup that would
    link or refer to anything."""
    paragraphs, headings = [], []
    for path in sorted((ROOT / "docs").rglob(f"*.{lang}.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---", 2)[-1] if text.startswith("---") else text
        for block in re.split(r"\n\s*\n", body):
            block = block.strip()
            if block.startswith("## "):
                headings.append(ATTR.sub("", block[3:].splitlines()[0]).strip())
                continue
            lines = [ln for ln in block.splitlines() if not STRIP_LINE.match(ln)]
            para = REF.sub("", LINK.sub(r"\1", " ".join(ln.strip().lstrip("-* ") for ln in lines)))
            para = ATTR.sub("", para).replace("*", "").replace("`", "").strip()
            if len(para) > 60 and not re.search(r"\d{3}", para) and "<" not in para and ":" not in para[:3]:
                paragraphs.append(para)
    sentences = [s.strip() for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if len(s.strip()) > 20]
    return paragraphs, sentences, [h for h in headings if h]


def topics() -> list[str]:
    import yaml
    return sorted(yaml.safe_load((ROOT / "data" / "topics.yml").read_text(encoding="utf-8")))


def generated_page(rng: random.Random, lang: str, parts, number: int) -> str:
    paragraphs, sentences, headings = parts
    words = rng.choice(sentences).rstrip(".!?").split()
    start = rng.randrange(max(1, len(words) - 4))
    title = " ".join(words[start:start + rng.randint(3, 7)]).strip(",;()\"'").capitalize() or "Panduan"
    title = re.sub(r"[\"<>:]", "", title) + f" ({number})"
    summary = re.sub(r"[\"<>]", "", rng.choice(sentences)[:180])
    date = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    sections = []
    for k in range(random.Random(f"sections-{number}").randint(3, 6)):  # the same in every language
        body = [rng.choice(paragraphs)]
        body.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5))))
        if rng.random() < 0.5:
            body.append(rng.choice(paragraphs))
        heading = rng.choice(headings).replace(":", "")
        sections.append(f"## {heading} {{#part-{k}}}\n\n" + "\n\n".join(body))
    return (f'---\ntitle: "{title}"\nsummary: "{summary}"\ntopics: [{rng.choice(topics())}]\nupdated: {date}\n---\n\n'
            + "\n\n".join(sections) + "\n")


def make(tree: Path, out: Path, pages: int) -> None:
    """The project at `tree` with `pages - 31` generated guides per language, into `out`."""
    for name in ("docs", "data", "hooks", "overrides", "src"):  # hooks/: revisions before the selamat plugin
        if (tree / name).is_dir():
            shutil.copytree(tree / name, out / name)
    shutil.copy(tree / "mkdocs.yml", out / "mkdocs.yml")
    (out / "data" / "published-urls.txt").unlink(missing_ok=True)
    for lang in ("en", "ms"):
        rng = random.Random(f"{lang}-{pages}")
        parts = real_text(lang)
        for i in range(max(0, pages - REAL_PAGES)):
            (out / "docs" / "guides" / f"generated-{i:05d}.{lang}.md").write_text(
                generated_page(rng, lang, parts, i), encoding="utf-8")


def build(project: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(engine.command("build", "-q", "--site-dir", str(project / "site")),
                            cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "src")})
    if result.returncode:
        sys.exit(f"the build in {project} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return time.perf_counter() - start


# --- the network --------------------------------------------------------------------------------

class Link:
    """One shared link: each chunk waits until the link is free, then takes size / RATE seconds."""
    def __init__(self):
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, size: int) -> None:
        with self.lock:
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + size / RATE
            wait = self.free_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)


class PhoneHandler(static_server.GzipHandler):
    link = Link()

    def send_head(self):
        time.sleep(RTT)  # the request's way there and the first byte's way back
        return super().send_head()

    def copyfile(self, source, outputfile):
        while True:
            chunk = source.read(4096)
            if not chunk:
                break
            self.link.send(len(chunk))
            outputfile.write(chunk)


def serve(site: Path):
    from functools import partial
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PhoneHandler, directory=str(site)))
    server.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- a visit ------------------------------------------------------------------------------------

WATCH = """() => {
  window.selamatRenders = [];
  window.selamatLastKey = null;
  const input = document.querySelector("input.md-search__input");
  input.addEventListener("keydown", () => { window.selamatLastKey = performance.now(); });
  const list = document.querySelector(".md-search-result__list");
  new MutationObserver(() => {
    const first = list.querySelector(".md-search-result__item a");
    if (first) window.selamatRenders.push([performance.now(), first.href]);
  }).observe(list, {childList: true});
}"""

SETTLED = """() => {
  const key = window.selamatLastKey, renders = window.selamatRenders;
  const after = renders.filter(r => r[0] >= key);
  if (!after.length) return null;
  const final = after[after.length - 1][1];
  let i = after.length - 1;
  while (i > 0 && after[i - 1][1] === final) i--;
  return {ms: after[i][0] - key, last: after[after.length - 1][0], now: performance.now(), href: final};
}"""


def wait_settled(page, timeout: float = 120) -> dict:
    """The first render after the last keystroke that the list keeps, once nothing has changed for 2 s."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        state = page.evaluate(SETTLED)
        if state and state["now"] - state["last"] > 2000:
            return state
        time.sleep(0.25)
    raise TimeoutError("no search result")


def sent_bytes(server, since: int) -> int:
    return sum(size for _, size in server.sent[since:])


def visit(browser, server, base: str, lang: str) -> tuple[tuple[float, int], tuple[float, int]]:
    context, page = throttled_phone(browser, base)
    page.goto(base + ("ms/" if lang == "ms" else "") + "guides/reporting/", wait_until="load")
    page.wait_for_timeout(500)
    page.evaluate(WATCH)
    first_query, further_query = QUERIES[lang]
    since = len(server.sent)
    page.locator(SEARCH_BUTTON).click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(first_query, delay=KEY_DELAY)
    first = wait_settled(page)
    first_bytes = sent_bytes(server, since)
    since = len(server.sent)
    box.fill("")
    page.evaluate("window.selamatRenders = []")
    box.press_sequentially(further_query, delay=KEY_DELAY)
    further = wait_settled(page)
    further_bytes = sent_bytes(server, since)
    context.close()
    return (first["ms"], first_bytes), (further["ms"], further_bytes)


def summary(values: list[float], unit: str, scale: float = 1) -> str:
    xs = [v / scale for v in values]
    fmt = "{:.0f}" if unit == "KB" else "{:.2f}"
    return f"{fmt.format(statistics.median(xs))} ({fmt.format(min(xs))}–{fmt.format(max(xs))})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="31,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", default=None, help="git ref of today's design (default: merge-base with main)")
    parser.add_argument("--designs", default="today,sharded", help="which designs to measure (default both)")
    args = parser.parse_args()
    before = args.before or subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True,
                                           text=True, check=True).stdout.strip()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"Phone: 4x CPU, {RTT * 1000:.0f} ms round trip, {RATE * 8 / 1e6:.1f} Mbit/s, gzip; {args.runs} visits each; "
          f"today's design = {before[:10]}; load average {os.getloadavg()[0]:.2f}", flush=True)
    print("\n| pages per language | design | language | first search: s after last key | first search: KB | "
          "further query: s | further query: KB |")
    print("|---|---|---|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        old_tree = export(before, tmp / "before")
        browser = playwright.chromium.launch(executable_path=chromium(),
                                             args=CHROMIUM_ARGS)
        for size in sizes:
            for label, tree in (("today", old_tree), ("sharded", ROOT)):
                if label not in args.designs.split(","):
                    continue
                project = tmp / f"{label}-{size}"
                make(tree, project, size)
                seconds = build(project)
                server, base = serve(project / "site")
                for lang in ("en", "ms"):
                    firsts, furthers = [], []
                    for _ in range(args.runs):
                        first, further = visit(browser, server, base, lang)
                        firsts.append(first)
                        furthers.append(further)
                    print(f"| {size} | {label} | {lang} | {summary([f[0] for f in firsts], 's', 1000)} | "
                          f"{summary([f[1] for f in firsts], 'KB', 1024)} | {summary([f[0] for f in furthers], 's', 1000)} | "
                          f"{summary([f[1] for f in furthers], 'KB', 1024)} |", flush=True)
                server.shutdown()
                print(f"<!-- {label} at {size}: built in {seconds:.0f} s; load average {os.getloadavg()[0]:.2f} -->", flush=True)
                shutil.rmtree(project)
        browser.close()


if __name__ == "__main__":
    main()
