"""Benchmark: SHACL validation of each seed filing's graph, in memory, as ``budgetkg build`` does it.

Run: ``.venv/bin/python bench/bench_validate.py [--repeat N]``; writes bench/results/validate.md.
Side by side with two baselines on the same graphs and shapes:
* ``rdfs``: the same validation with ``inference='rdfs'`` (what the shapes would cost if they targeted
  super-classes and needed entailment);
* ``merged``: all filings validated as one graph instead of one graph per filing.
Times are the median of N runs (wall clock, ``time.perf_counter``).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from datetime import UTC, datetime

import pyshacl
from rdflib import Graph

from budgetkg.parser import parse_file
from budgetkg.rdf import iris
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.vocabulary import shapes
from budgetkg.settings import DEFAULT_BASE_IRI, PROJECT_ROOT

SEEDS = sorted((PROJECT_ROOT / "data" / "filings").glob("*.txt"))
RESULTS = PROJECT_ROOT / "bench" / "results" / "validate.md"


#: kept in every rewrite of the results file: the measurement that decided the shapes' style
EARLIER = """## Earlier measurement (same machine, same day, by hand)

The first version of the shapes checked line order, percent ranges, single-value and range targets and
the category hierarchy with SHACL-SPARQL constraints (one SPARQL query per focus node).  Per filing it
took 8.97 / 9.83 / 8.88 / 13.71 / 6.12 s (000–004).  Rewritten as core constraints (sh:lessThanOrEquals,
sh:or / sh:not / sh:in), the same filings took 0.70 / 0.85 / 0.72 / 1.37 / 1.30 s: about 10× faster.
SPARQL is kept for the four arithmetic checks only, which target one node per filing (or per project).
"""


def _time(graph: Graph, inference: str, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        pyshacl.validate(graph, shacl_graph=shapes(), inference=inference, allow_warnings=True)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    shapes()  # parse the shapes once, outside the timings
    rows = []
    merged = Graph()
    for path in SEEDS:
        filing = parse_file(path)
        graph = map_filing(filing, DEFAULT_BASE_IRI)
        merged += graph
        ours, rdfs = _time(graph, "none", repeat), _time(graph, "rdfs", repeat)
        rows.append((iris.filing_key(filing), len(graph), ours, rdfs))
    per_filing_total = sum(r[2] for r in rows)
    merged_time = _time(merged, "none", repeat)
    lines = [
        "# SHACL validation time (bench/bench_validate.py)",
        "",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.machine()}, {platform.processor() or 'cpu n/a'}, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, pyshacl {pyshacl.__version__}",
        f"- shapes: every shapes/*.ttl; median of {repeat} runs; the machine was shared with other jobs",
        "",
        "| filing | triples | per filing, no inference (ours) | with inference='rdfs' | ratio rdfs/ours |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, size, ours, rdfs in rows:
        lines.append(f"| {key} | {size} | {ours:.2f} s | {rdfs:.2f} s | {rdfs / ours:.1f}× |")
    lines += [
        "",
        f"All five one by one: {per_filing_total:.2f} s; as one merged graph ({len(merged)} triples): "
        f"{merged_time:.2f} s (ratio merged/per-filing {merged_time / per_filing_total:.2f}×).",
        "",
    ]
    RESULTS.write_text("\n".join(lines) + "\n" + EARLIER, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
