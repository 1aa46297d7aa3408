"""Benchmark: what publishing adds to a build — printed amounts, pinyin labels, the DCAT/VoID catalogue.

Run: ``.venv/bin/python bench/bench_publish.py [--repeat N]``; writes bench/results/publish.md.
Side by side on the same seed filings:
* mapping with the printed amounts read back from each filing's file (ours, what ``budgetkg build`` does)
  against the baseline of mapping with no source text (``lines=()``: no file read, no printed amounts);
* the catalogue: building it from the loaded N-Triples and validating it against shapes/*.ttl.
Times are the median of N runs (wall clock, ``time.perf_counter``).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from rdflib import Graph

from budgetkg.parser import parse_file
from budgetkg.rdf import iris
from budgetkg.rdf.catalog import BuildTimes, catalog_graph
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.rdf.validation import validate
from budgetkg.settings import DEFAULT_BASE_IRI, PROJECT_ROOT

SEEDS = sorted((PROJECT_ROOT / "data" / "filings").glob("*.txt"))
RESULTS = PROJECT_ROOT / "bench" / "results" / "publish.md"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--repeat", type=int, default=5)
    repeat = options.parse_args().repeat
    base = DEFAULT_BASE_IRI
    filings = [parse_file(p) for p in SEEDS]
    rows = []
    for filing in filings:
        ours = median_seconds(partial(map_filing, filing, base), repeat)
        baseline = median_seconds(partial(map_filing, filing, base, ()), repeat)
        rows.append(
            f"| {iris.filing_key(filing)} | {baseline * 1000:.0f} ms | {ours * 1000:.0f} ms | {ours / baseline:.2f}× |"
        )
    graphs = {str(iris.graph_iri(base, f)): canonical_ntriples(map_filing(f, base)) for f in filings}
    now = datetime.now(UTC)
    times = BuildTimes(started=now, modified=now, issued=now)
    catalog: Graph = catalog_graph(base, graphs, filings, times)
    build_seconds = median_seconds(lambda: catalog_graph(base, graphs, filings, times), repeat)
    validate_seconds = median_seconds(lambda: validate(catalog, "catalog"), repeat)
    triples = sum(len(g.splitlines()) for g in graphs.values())
    text = "\n".join(
        [
            "# Publishing costs (bench/bench_publish.py)",
            "",
            f"- date: {now:%Y-%m-%d %H:%M} UTC",
            f"- machine: {platform.machine()}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}",
            f"- median of {repeat} runs; the machine (2 cores) was shared with other jobs",
            "",
            "## Mapping one filing: baseline (no source text) against ours (printed amounts read back)",
            "",
            "| filing | baseline | ours | ratio ours/baseline |",
            "|---|---:|---:|---:|",
            *rows,
            "",
            "## The catalogue",
            "",
            f"Built from {len(graphs)} filing graphs ({triples} triples) in {build_seconds * 1000:.0f} ms; "
            f"{len(catalog)} triples; validated in {validate_seconds * 1000:.0f} ms.",
            "",
        ]
    )
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
