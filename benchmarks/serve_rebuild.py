"""How long an editor waits, under `mkdocs serve`, between saving a page and seeing it rebuilt, on a
site of N generated guides per language (default 200).

Usage: python benchmarks/serve_rebuild.py [pages_per_language] [--edits K] [-- extra `mkdocs serve` options]

Starts `mkdocs serve` as `make serve` does (the options in the Makefile's serve line, or the ones given
after --) on a generated copy of the project, then edits an English guide and a Malay guide in turn, K
times each. For each edit it prints the time from the file write until serve logs "Reloading browsers"
(the rebuild is done and the browser reloads), after checking that the served page shows the edit."""
from __future__ import annotations

import json
import os
import queue
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from build_time import make  # noqa: E402

from selamat import engine  # noqa: E402

EDITED = {"en": ("guides/guide-0007.en.md", "guides/guide-0007/"), "ms": ("guides/guide-0007.ms.md", "ms/guides/guide-0007/")}
TIMEOUT = 120  # seconds, for the first build and for each rebuild


def makefile_serve_options() -> list[str]:
    """The options `make serve` gives `mkdocs serve` (`$(ENGINE) serve`), but the address (the benchmark
    picks a free port)."""
    line = next(l for l in (ROOT / "Makefile").read_text().splitlines() if "$(ENGINE) serve" in l)
    words = shlex.split(line.split("$(ENGINE) serve", 1)[1])
    out, skip = [], False
    for word in words:
        if skip:
            skip = False
        elif word in ("--dev-addr", "-a"):
            skip = True
        elif not word.startswith("--dev-addr="):
            out.append(word)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """`mkdocs serve` (or the engine SELAMAT_ENGINE names) in a child process, its log lines timestamped as
    they arrive."""

    def __init__(self, root: Path, options: list[str]) -> None:
        self.port = free_port()
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        self.proc = subprocess.Popen(
            engine.command("serve", "--dev-addr", f"127.0.0.1:{self.port}", *options),
            cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self.log.append(line.rstrip())
            self.lines.put((time.perf_counter(), line.rstrip()))

    def wait_for(self, pattern: str, after: float = 0.0) -> float:
        """The time of the first log line matching `pattern` logged after `after`."""
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            try:
                at, line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise RuntimeError("mkdocs serve stopped:\n" + "\n".join(self.log[-30:]))
                continue
            if re.search(r"ERROR|Traceback", line):
                print("  serve:", line, file=sys.stderr)
            if at >= after and re.search(pattern, line):
                return at
        raise TimeoutError(f"no {pattern!r} from mkdocs serve:\n" + "\n".join(self.log[-30:]))

    def page(self, url: str) -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{url}", timeout=10) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError:
            return ""  # between the clean and the write of a rebuild

    def exists(self, path: str) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path.lstrip('/')}", timeout=10):
                return True
        except urllib.error.HTTPError:
            return False

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGINT)  # serve's own clean shutdown
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


SEARCH_INDEXES = ("search/search_index.json", "ms/search/search_index.json")


def search_pages(serve: Serve) -> dict[str, int]:
    """How many pages each served search index holds (to check a rebuild keeps them all, once each)."""
    out = {}
    for path in SEARCH_INDEXES:
        text = serve.page(path)
        if text:
            manifest = json.loads(text)["config"]["selamat"]  # search_index.py: pages and their documents
            out[path] = (manifest["pages"], manifest["documents"])
    return out


def edit_and_time(serve: Serve, root: Path, lang: str, n: int) -> float:
    source, url = EDITED[lang]
    path = root / "docs" / source
    mark = f"Edit number {n} in {lang}."
    text = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    path.write_text(text + f"\n{mark}\n", encoding="utf-8")
    done = serve.wait_for(r"Reloading browsers", after=start)
    html = serve.page(url)
    if mark not in html:
        raise AssertionError(f"the served page /{url} does not show the edit after the rebuild")
    for href in re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html) + re.findall(r'<script[^>]*src="([^"]+)"', html):
        if href.startswith(("http:", "https:", "//")):
            continue
        if not serve.exists(urllib.parse.urljoin(url, href)):
            raise AssertionError(f"/{url} links to {href}, which the rebuilt site does not have")
    return done - start


def measure(n: int, edits: int = 3, options: list[str] | None = None) -> dict[str, list[float]]:
    """Rebuild times in seconds after editing a page, per language."""
    options = makefile_serve_options() if options is None else options
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make(root, n, ours=True)
        serve = Serve(root, options)
        try:
            serve.wait_for(r"Serving on")
            time.sleep(1)  # let the file watcher settle
            indexed = search_pages(serve)
            times: dict[str, list[float]] = {"en": [], "ms": []}
            for k in range(edits):
                for lang in times:
                    times[lang].append(edit_and_time(serve, root, lang, k))
                    if search_pages(serve) != indexed:
                        raise AssertionError(f"the search index changed size: {indexed} -> {search_pages(serve)}")
                    time.sleep(0.5)
            return times
        finally:
            serve.stop()


def report(n: int, edits: int, options: list[str] | None = None) -> None:
    options = makefile_serve_options() if options is None else options
    times = measure(n, edits, options)
    print(f"`mkdocs serve {' '.join(options)}`, {n} guides per language: time from saving a page to the rebuilt page")
    for lang, values in times.items():
        print(f"  edit {'an English' if lang == 'en' else 'a Malay'} page: median {statistics.median(values):.2f} s "
              f"({', '.join(f'{v:.2f}' for v in values)})")


def main() -> None:
    args = sys.argv[1:]
    extra = None
    if "--" in args:
        extra, args = args[args.index("--") + 1:], args[:args.index("--")]
    edits = 3
    if "--edits" in args:
        at = args.index("--edits")
        edits = int(args[at + 1])
        del args[at:at + 2]
    n = int(args[0]) if args else 200
    report(n, edits, extra)


if __name__ == "__main__":
    main()
