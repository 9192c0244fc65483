"""Runs the pinned Lighthouse (benchmarks/lighthouse, installed by `make lighthouse`) with its default
mobile profile and simulated throttling, on the pinned Node (support/node.py), in the Chromium
support/browser.py chooses, on one URL, and returns the figures the
budgets of issue 6 are about. Used by benchmarks/lighthouse_scores.py and tests/test_performance.py."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from support import browser, node

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The same switches as the browser tests (tests/conftest.py), headless.
CHROME_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
]


@dataclass
class Result:
    scores: dict[str, int]  # category -> 0..100
    lcp_ms: float
    tbt_ms: float
    cls: float
    transfer_bytes: int
    failing: list[str]  # audits in the four categories that did not pass, with their score

    def summary(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in self.scores.items()) + (
            f"; LCP {self.lcp_ms:.0f} ms, TBT {self.tbt_ms:.0f} ms; failing: {', '.join(self.failing) or 'none'}")


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed: run `make lighthouse` (npm ci --prefix benchmarks/lighthouse)"
    if not Path(node.node()).exists():
        return "The pinned Node.js is missing (Lighthouse runs on it): `make test` installs it"
    try:
        browser.chromium()
    except browser.NoChromium as err:
        return str(err)
    return None


def run(url: str, timeout: float = 120) -> Result:
    """Lighthouse's default run (mobile, simulated slow 4G and 4x CPU slowdown) of the four categories."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        done = subprocess.run(
            [node.node(), str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"],
            env={**os.environ, "CHROME_PATH": browser.chromium()}, capture_output=True, text=True, timeout=timeout)
        if done.returncode or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stderr[-3000:]}")
        return parse(json.loads(report.read_text(encoding="utf-8")))


def parse(lhr: dict) -> Result:
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse: {lhr['runtimeError']}")
    audits = lhr["audits"]
    failing = []
    for name in CATEGORIES:
        for ref in lhr["categories"][name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{ref['id']} ({audit['score']})")
    return Result(
        scores={name: round(lhr["categories"][name]["score"] * 100) for name in CATEGORIES},
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        failing=failing,
    )
