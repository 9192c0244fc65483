"""The search query set (tests/search/queries.yml) and how rankings are scored against it:
recall@3 (the expected page is among the first three pages) and mean reciprocal rank."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parents[1] / "search" / "queries.yml"


@dataclass
class Query:
    lang: str
    q: str
    expect: list[str]   # page locations as in the index: guides/x/ (en) or ms/guides/x/ (ms)
    kind: str


def load(path: Path = QUERIES) -> list[Query]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for lang, entries in raw.items():
        for e in entries:
            expect = e["expect"] if isinstance(e["expect"], list) else [e["expect"]]
            prefix = "" if lang == "en" else f"{lang}/"
            out.append(Query(lang, e["q"], [prefix + x for x in expect], e["kind"]))
    return out


def rank(query: Query, pages: list[str]) -> int | None:
    """1-based rank of the first expected page among the ranked pages, None if absent."""
    for i, page in enumerate(pages, 1):
        if page.split("#")[0] in query.expect:
            return i
    return None


def scores(queries: list[Query], rankings: list[list[str]]) -> dict[str, float]:
    ranks = [rank(q, r) for q, r in zip(queries, rankings)]
    n = len(ranks) or 1
    return {"recall@3": sum(1 for r in ranks if r and r <= 3) / n,
            "mrr": sum(1 / r for r in ranks if r) / n, "queries": len(ranks)}
