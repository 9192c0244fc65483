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


WORKER_SEARCH = """async ([worker, index, queries]) => {
  const w = new Worker(worker);
  let answer = null;
  w.addEventListener("message", e => answer && answer.resolve(e.data));
  w.addEventListener("error", e => answer && answer.reject(new Error("search worker error: " + e.message)));
  const ask = (msg) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the search worker did not answer")), 20000);
    answer = {resolve: d => { clearTimeout(timer); resolve(d); }, reject: e => { clearTimeout(timer); reject(e); }};
    w.postMessage(msg);
  });
  const data = await (await fetch(index)).json();
  await ask({type: 0, data: {...data, options: {suggest: false}}});
  const out = [];
  for (const q of queries) {
    const res = await ask({type: 2, data: q});
    out.push(res.data.items.map(group => group[0].location.split("#")[0]));
  }
  w.terminate();
  return out;
}"""


def worker_rankings(page, worker_url: str, index_url: str, queries: list[str]) -> list[list[str]]:
    """Each query run through a site's own search worker and index in the browser (`page` must be on
    the same origin), ranked by page as Material lists them."""
    return page.evaluate(WORKER_SEARCH, [worker_url, index_url, queries])
