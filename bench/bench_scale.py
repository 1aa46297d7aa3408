"""Benchmark: the graph, the store, the named queries and the web pages at N× the seed data — not a test.

Builds the seed graph with ``budgetkg build`` (1×), makes N-fold synthetic copies of its filing
graphs (bench/scale_data.py: new filing keys, departments re-homed to other districts, scaled
amounts), loads each size with the project's own ``open_store(...).replace_all`` into
``WORK/<N>``, and measures side by side against the 1× store loaded the same way:

* load: generating the N-Triples, ``replace_all`` (bulk load + the stored union default graph),
  peak memory of the loading process, size on disk, triples in the default graph;
* every named query (``budgetkg.queries.all_queries()``), in-process (``workers=0``: the bare
  engine), median of a few runs after a warm-up, with its row count and the truncation flag;
* the web pages through the ASGI app (``create_app`` + an HTTP client): home, entity pages of the
  most-linked department, filing and platform, an indicator, search (HTML and JSON), lineage,
  compare, validation, and the search index build that start-up pays.

Each size runs in its own child process, one at a time (the machine's 2 cores are shared), so peak
memory is per size.  Prints markdown; results are kept in bench/results/scale.md.
Usage: ``.venv/bin/python bench/bench_scale.py [WORK_DIR] [N ...]`` (default /tmp/scale 1 10 100).
WORK_DIR is deleted at the end.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from fastapi.testclient import TestClient
from rdflib import URIRef

from budgetkg.platforms.analysis import lineage_query
from budgetkg.queries import all_queries
from budgetkg.server.app import create_app
from budgetkg.server.search import SearchIndex
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.server.urls import IriMap
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale_data  # a sibling script, not a package
from common import json_from_child, median_ms, result_rows

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
BKG = "https://w3id.org/budgetkg/def#"
ORG = "http://www.w3.org/ns/org#"
#: the most-linked node of a class: its page is the one that grows with the data
MOST_LINKED = """SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?x a <{cls}> . ?s ?p ?x }}
GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1"""
ANY_OF = "SELECT ?x WHERE {{ ?x a <{cls}> }} ORDER BY ?x LIMIT 1"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
Timing = dict[str, float | int | bool | str]
#: the lineage_links.rq shipped before (timed beside the shipped one, same answers checked): its OPTIONAL's
#: UNION has ?record unbound, so Oxigraph evaluates every project/task allocation once per left row
LINEAGE_LINKS_BEFORE = """PREFIX bkg: <https://w3id.org/budgetkg/def#>
PREFIX obeu-measure: <http://data.openbudgets.eu/ontology/dsd/measure/>
PREFIX role: <https://w3id.org/budgetkg/def/budget-role/>
SELECT DISTINCT ?platform ?record ?kind ?amount WHERE {
  ?record bkg:concernsPlatform ?platform ;
      a ?kind .
  FILTER (?kind IN (bkg:Project, bkg:KeyTask, bkg:Indicator, bkg:PerformanceGoal))
  OPTIONAL {
    { ?record a bkg:Project ; bkg:allocation ?figure . ?figure bkg:budgetLine role:total }
    UNION
    { ?record a bkg:KeyTask ; bkg:allocation ?figure }
    ?figure obeu-measure:amount ?amount .
    FILTER (isNumeric(?amount))
  }
}
ORDER BY ?platform ?record"""
#: a suggested rewrite, timed beside the shipped query (same answers checked): label_triples with the
#: predicate as a FILTER, so the join starts from the bound ?x instead of every label triple
LABEL_TRIPLES_REWRITE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT DISTINCT ?x ?p ?label WHERE {
  VALUES ?x { UNDEF }
  ?x ?p ?label FILTER(?p IN (rdfs:label, skos:prefLabel, schema:name, dct:title))
}"""


def _first(store: Store, sparql: str) -> str:
    result = store.query(sparql)
    assert isinstance(result, SelectResult) and result.rows, sparql
    return str(result.rows[0]["x"])


def load(seed_store: Path, store_dir: Path, factor: int) -> Timing:
    """Child process: generate N× and load it with the project's store code."""
    start = time.perf_counter()
    graphs = scale_data.scaled_graphs(scale_data.read_seed(seed_store / "current"), factor)
    generated = time.perf_counter()
    store = open_store(Settings(store=str(store_dir)), workers=0)
    store.replace_all(graphs)
    loaded = time.perf_counter()
    count = store.query(COUNT)
    assert isinstance(count, SelectResult)
    store.close()
    disk = sum(f.stat().st_size for f in (store_dir / "current").resolve().rglob("*") if f.is_file())
    return {
        "generate_s": generated - start,
        "load_s": loaded - generated,
        "input_mb": sum(len(b) for b in graphs.values()) / 1e6,
        "graphs": len(graphs),
        "triples": int(str(count.rows[0]["n"])),
        "disk_mb": disk / 1e6,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure(store_dir: Path, runs: int) -> Timing:
    """Child process: named queries and pages on one store, in-process engine."""
    settings = Settings(store=str(store_dir))
    store = open_store(settings, workers=0)
    out: Timing = {}
    for query in all_queries():
        result = store.query(query.sparql)
        out[f"q:{query.name}"] = median_ms(runs, partial(store.query, query.sparql))
        if isinstance(result, SelectResult):
            out[f"rows:{query.name}"] = len(result.rows)
            out[f"cut:{query.name}"] = result.truncated
    start = time.perf_counter()
    index = SearchIndex.build(store, thing_base=settings.base_iri + "id/")
    out["p:search index build (start-up)"] = (time.perf_counter() - start) * 1000
    out["rows:search index build (start-up)"] = len(index.entries)
    iri_map = IriMap(settings.base_iri)
    pages = {
        "home": "/",
        "department (most linked)": iri_map.document(_first(store, MOST_LINKED.format(cls=ORG + "Organization"))),
        "filing": iri_map.document(_first(store, ANY_OF.format(cls=BKG + "Filing"))),
        "platform (most linked)": iri_map.document(_first(store, MOST_LINKED.format(cls=BKG + "Platform"))),
        "platform (most linked) .ttl": iri_map.document(_first(store, MOST_LINKED.format(cls=BKG + "Platform")), "ttl"),
        "indicator": iri_map.document(_first(store, ANY_OF.format(cls=BKG + "Indicator"))),
        "search 穗智管": "/search?q=穗智管",
        "search.json 平台": "/search.json?q=平台",
        "search.json szg": "/search.json?q=szg",
        "lineage": "/lineage",
        "compare": "/compare",
        "validation": "/validation",
    }
    client = TestClient(create_app(settings, store))
    html = {"accept": "text/html"}
    for name, path in pages.items():
        response = client.get(path, headers=html)
        out[f"status:{name}"] = response.status_code
        out[f"bytes:{name}"] = len(response.content)
        out[f"p:{name}"] = median_ms(runs, partial(client.get, path, headers=html))
    store.close()
    return out


def diagnose(store_dir: Path, runs: int) -> Timing:
    """Child process: the suspected causes of superlinear pages, each beside its suggested fix."""
    settings = Settings(store=str(store_dir))
    store = open_store(settings, workers=0)
    out: Timing = {}
    shipped = lineage_query("lineage_links")
    assert result_rows(store, shipped) == result_rows(store, LINEAGE_LINKS_BEFORE), "lineage_links changed its answer"
    out["d:lineage_links (before: OPTIONAL {UNION})"] = median_ms(runs, partial(store.query, LINEAGE_LINKS_BEFORE))
    out["d:lineage_links (shipped: OPTIONAL from the bound ?record)"] = median_ms(runs, partial(store.query, shipped))
    # the neighbours of the most-linked platform: what its linked-data document labels, 400 per query
    platform = URIRef(_first(store, MOST_LINKED.format(cls=BKG + "Platform")))
    incoming = store.query(bind(page_query("describe_in"), {"this": [platform]}, limit=5000))
    assert isinstance(incoming, SelectResult)
    chunk = sorted({row["s"] for row in incoming.rows if isinstance(row["s"], URIRef)})[:400]
    shipped = bind(page_query("label_triples"), {"x": chunk})
    rewrite = bind(LABEL_TRIPLES_REWRITE, {"x": chunk})
    assert result_rows(store, shipped) == result_rows(store, rewrite), "rewrite changes label_triples"
    out["d:label_triples, one chunk of 400 (shipped: VALUES ?p)"] = median_ms(runs, partial(store.query, shipped))
    out["d:label_triples, one chunk of 400 (rewrite: FILTER ?p IN)"] = median_ms(runs, partial(store.query, rewrite))
    counts = bind(page_query("home_counts"), {"vocabulary": [settings.base_iri + "graph/vocabulary"]})
    out["d:home_counts (every request of /)"] = median_ms(runs, partial(store.query, counts))
    entries = store.query(page_query("search_entries"))
    assert isinstance(entries, SelectResult)
    out["rows:search_entries"] = len(entries.rows)
    out["cut:search_entries"] = entries.truncated
    store.close()
    return out


def child(args: list[str]) -> Timing:
    result: Timing = json_from_child(__file__, args)
    return result


def ratio(value: float, base: float) -> str:
    return f"{value / base:.1f}×" if base > 0 else "–"


def report(work: Path, factors: list[int], build_s: float, loads: dict[int, Timing], runs: dict[int, Timing]) -> None:
    sizes = " | ".join(f"{n}×" for n in factors)
    ratios = " | ".join(f"{n}×/1×" for n in factors[1:])
    print("# Scale: the store, named queries and pages at N× the seed data (bench/bench_scale.py)\n")
    print(
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n- machine: {platform.machine()}, {os.cpu_count()} cores "
        f"(shared with other engineers' jobs), Linux {platform.release()}, Python {platform.python_version()}\n"
        f"- seed build (`budgetkg build`, 5 filings): {build_s:.1f} s; N× = the seed + N−1 rewritten copies of "
        "every filing graph (bench/scale_data.py); queries and pages in-process (workers=0), median of "
        f"{runs[factors[0]].get('_runs', '?')} runs after a warm-up; default result limit (10000 rows)\n"
    )
    print(f"## Load\n\n| what | {sizes} |\n|---|{'---:|' * len(factors)}")
    for key, fmt in [
        ("triples", "{:.0f}"),
        ("graphs", "{:.0f}"),
        ("input_mb", "{:.1f} MB"),
        ("generate_s", "{:.2f} s"),
        ("load_s", "{:.2f} s"),
        ("disk_mb", "{:.1f} MB"),
        ("peak_rss_mb", "{:.0f} MB"),
    ]:
        print(f"| {key} | " + " | ".join(fmt.format(float(loads[n][key])) for n in factors) + " |")
    for title, prefix in (
        ("Named queries (ms)", "q:"),
        ("Web pages (ms, through the ASGI app)", "p:"),
        ("Diagnosis: suspected causes beside suggested fixes (ms, same answers asserted)", "d:"),
    ):
        print(f"\n## {title}\n\n| name | {sizes} | {ratios} | rows at each size |")
        print(f"|---|{'---:|' * (2 * len(factors) - 1)}---|")
        base = runs[factors[0]]
        for key in sorted(k for k in base if k.startswith(prefix)):
            name = key[len(prefix) :]
            values = [float(runs[n].get(key, float("nan"))) for n in factors]
            rows = []
            for n in factors:
                shown = str(runs[n].get(f"rows:{name}", runs[n].get(f"bytes:{name}", "")))
                if runs[n].get(f"cut:{name}"):
                    shown += " (TRUNCATED)"
                if f"status:{name}" in runs[n] and runs[n][f"status:{name}"] != 200:
                    shown += f" (HTTP {runs[n][f'status:{name}']})"
                rows.append(shown)
            cells = " | ".join(f"{v:.1f}" for v in values)
            grow = " | ".join(ratio(v, values[0]) for v in values[1:])
            print(f"| {name} | {cells} | {grow} | {' / '.join(rows)} |")
    print(f"\n(pages: the last column is the response size in bytes; work dir {work}, deleted afterwards)")


def main(work: Path, factors: list[int]) -> None:
    seed = work / "seed"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    start = time.perf_counter()
    subprocess.run(
        [str(Path(PYTHON).with_name("budgetkg")), "build", "--store", str(seed)], check=False, capture_output=True
    )
    build_s = time.perf_counter() - start
    loads: dict[int, Timing] = {}
    runs: dict[int, Timing] = {}
    try:
        for n in factors:
            loads[n] = child(["load", str(seed), str(work / str(n)), str(n)])
            count = 5 if n <= 10 else 3
            measured = child(["measure", str(work / str(n)), str(count)])
            runs[n] = {
                **measured,
                **child(["diagnose", str(work / str(n)), str(count if n <= 10 else 1)]),
                "_runs": count,
            }
            shutil.rmtree(work / str(n))  # one size on disk at a time
            print(f"{n}× done: {loads[n]}", file=sys.stderr)
    except subprocess.CalledProcessError as error:  # a size that does not fit: report the ones that did
        print(f"stopped: {error}\n{error.stderr[-2000:]}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(work, [n for n in factors if n in runs], build_s, loads, runs)


if __name__ == "__main__":
    argv = sys.argv[1:]
    if argv[:1] == ["load"]:
        print(json.dumps(load(Path(argv[1]), Path(argv[2]), int(argv[3]))))
    elif argv[:1] == ["measure"]:
        print(json.dumps(measure(Path(argv[1]), int(argv[2]))))
    elif argv[:1] == ["diagnose"]:
        print(json.dumps(diagnose(Path(argv[1]), int(argv[2]))))
    else:
        target = Path(argv[0]) if argv and not argv[0].isdigit() else Path("/tmp/scale")
        main(target, [int(a) for a in argv if a.isdigit()] or [1, 10, 100])
