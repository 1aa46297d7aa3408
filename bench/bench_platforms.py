"""Benchmark: the platform finder and the lineage analysis — not a test.

Side by side, in one process, median of N runs:

* baseline — ``rdf.mapping.map_filing`` over the five parsed filings (what a build pays per filing anyway);
* platforms — ``platforms.graph.platform_graphs`` over the same filings (mentions, lineage sentences,
  discovered nodes, line evidence, RDF), and ``read_filing`` alone (no RDF);
* scaled — ``platform_graphs`` over the five filings repeated K times under other file names, to see
  that the cost grows linearly with the text (the registry scan is per passage);
* lineage — ``load_lineage`` on an embedded Oxigraph store holding the five filings, and side by side one
  ``SELECT (COUNT(*) …)`` over the same store as the floor of a query round trip.

Prints markdown; results are kept in bench/results/platforms.md.
Usage: ``.venv/bin/python bench/bench_platforms.py [runs] [K]`` (defaults 5 and 10).
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from budgetkg.parser import parse_file
from budgetkg.platforms.analysis import load_lineage
from budgetkg.platforms.graph import platform_graphs
from budgetkg.platforms.links import read_filing
from budgetkg.platforms.registry import load_registry
from budgetkg.rdf import iris
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.store.embedded import EmbeddedStore

FILINGS = sorted((Path(__file__).resolve().parents[1] / "data" / "filings").glob("*.txt"))
BASE = "https://budgetkg.example.org/"


def median_seconds(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int, copies: int) -> None:
    registry = load_registry()
    filings = [parse_file(str(path)) for path in FILINGS]
    scaled = [
        replace(f, source=replace(f.source, path=f"{f.source.path[:-4]}_copy{k}.txt"))
        for k in range(copies)
        for f in filings
    ]
    rows: list[tuple[str, float]] = []
    baseline = median_seconds(runs, lambda: [map_filing(f, BASE) for f in filings])
    rows.append(("baseline: map_filing × 5 filings", baseline))
    rows.append(
        (
            "read_filing × 5 (mentions, sentences, lines)",
            median_seconds(runs, lambda: [read_filing(f, registry) for f in filings]),
        )
    )
    rows.append(("platform_graphs × 5 filings", median_seconds(runs, lambda: platform_graphs(filings, BASE, registry))))
    rows.append(
        (
            f"platform_graphs × {5 * copies} filings (copies)",
            median_seconds(max(1, runs // 2), lambda: platform_graphs(scaled, BASE, registry)),
        )
    )
    graphs = platform_graphs(filings, BASE, registry)
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        content = {str(iris.special_graph_iri(BASE, "platforms")): canonical_ntriples(graphs.registry)}
        for f in filings:
            content[str(iris.graph_iri(BASE, f))] = canonical_ntriples(
                map_filing(f, BASE) + graphs.per_filing[f.source.path]
            )
        store.replace_all(content)
        floor = median_seconds(runs, lambda: store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        rows.append(("store floor: SELECT COUNT(*) (embedded, on disk)", floor))
        rows.append(("load_lineage (3 SELECTs + networkx)", median_seconds(runs, lambda: load_lineage(store))))
        lineage = load_lineage(store)
        rows.append(("Lineage.matrix()", median_seconds(runs, lineage.matrix)))
        rows.append(("Lineage.trees()", median_seconds(runs, lineage.trees)))
        store.close()
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}; "
        f"date {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; runs {runs} (median)\n"
    )
    print("| step | median ms | × baseline |\n|---|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds * 1000:.1f} | {seconds / baseline:.2f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5, int(sys.argv[2]) if len(sys.argv) > 2 else 10)
