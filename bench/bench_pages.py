"""Benchmark: browser page latency on the seed graph — not a test.

Builds the graph of data/filings with ``budgetkg build`` into a temporary store, then times, side by
side in one process (median and p90 of N requests each, through the ASGI app with an HTTP client):

* entity pages (HTML) of a department, filing, project, key task, indicator, target and platform, and
  one linked-data document (Turtle);
* search (HTML and JSON) over the in-memory index, against the baseline a naive implementation
  would use: one SPARQL ``CONTAINS`` query over every label on each request;
* both with the embedded store answering in-process (``workers=0``) and through its pool of query
  worker processes (``workers=2``, the default of ``budgetkg serve``: each query crosses a pipe).

Prints a markdown table; results are kept in bench/results/pages.md.
Usage: ``.venv/bin/python bench/bench_pages.py [requests]`` (default 40).
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from common import wall_times_ms  # a sibling script, not a package
from fastapi.testclient import TestClient

from budgetkg.cli import _command, build_parser
from budgetkg.server.app import create_app
from budgetkg.server.search import SearchIndex
from budgetkg.server.urls import IriMap
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult, Store

BASE = "http://bench.test/"
KINDS = ["Organization", "Filing", "Project", "KeyTask", "Indicator", "Target", "Platform"]
ORG = "http://www.w3.org/ns/org#"
BKG = "https://w3id.org/budgetkg/def#"
CONTAINS = """SELECT ?x ?label WHERE {{
  ?x <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "{needle}"))
}}"""


def timings(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """(median, p90) in milliseconds, after one warm-up call."""
    times = sorted(wall_times_ms(runs, work))
    return statistics.median(times), times[int(len(times) * 0.9) - 1]


def first_of(store: Store, cls: str) -> str:
    result = store.query(f"SELECT ?x WHERE {{ ?x a <{cls}> }} ORDER BY ?x LIMIT 1")
    assert isinstance(result, SelectResult) and result.rows, cls
    return str(result.rows[0]["x"])


def measure(store: Store, client: TestClient, runs: int, where: str) -> list[tuple[str, str, float, float]]:
    iri_map = IriMap(BASE)
    html = {"accept": "text/html"}
    rows: list[tuple[str, str, float, float]] = []
    for kind in KINDS:
        path = iri_map.document(first_of(store, (ORG if kind == "Organization" else BKG) + kind))
        rows.append((f"entity page: {kind}", where, *timings(runs, lambda p=path: client.get(p, headers=html))))
    ttl = iri_map.document(first_of(store, BKG + "Platform"), "ttl")
    rows.append(("linked data: platform .ttl", where, *timings(runs, lambda: client.get(ttl))))
    for q in ("穗智管", "szg", "平台"):
        rows.append(
            (f"search.json {q}", where, *timings(runs, lambda q=q: client.get("/search.json", params={"q": q})))
        )
        rows.append((f"search page {q}", where, *timings(runs, lambda q=q: client.get("/search", params={"q": q}))))
        contains = CONTAINS.format(needle=q)
        rows.append((f"baseline: SPARQL CONTAINS {q}", where, *timings(runs, lambda c=contains: store.query(c))))
    start = time.perf_counter()
    SearchIndex.build(store, thing_base=BASE + "id/")
    rows.append(("search index build (once, at start-up)", where, (time.perf_counter() - start) * 1000, float("nan")))
    return rows


def main(runs: int) -> None:
    store_dir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    settings = Settings(store=str(store_dir), base_iri=BASE)
    with contextlib.redirect_stdout(sys.stderr):  # the build's report is not part of the results
        status = _command("build").run(build_parser().parse_args(["build", "--store", str(store_dir)]), settings)
    assert status in (0, 1), "budgetkg build failed"
    rows: list[tuple[str, str, float, float]] = []
    for workers in (0, 2):
        store = open_store(settings, workers=workers)
        rows += measure(store, TestClient(create_app(settings, store)), runs, f"workers={workers}")
        store.close()
    print(
        f"# Browser pages on the seed graph\n\n{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.machine()} · "
        f"{os.cpu_count()} CPUs · Python {platform.python_version()} · {runs} requests each (median, p90)\n"
    )
    print("| what | store | median ms | p90 ms |\n|---|---|---:|---:|")
    for what, where, median, p90 in rows:
        print(f"| {what} | {where} | {median:.1f} | {p90:.1f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
