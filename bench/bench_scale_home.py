"""Benchmark: the home, compare and validation pages at N× the seed data — not a test.

The same N× data as bench/bench_scale.py (bench/scale_data.py copies of the seed's filing graphs,
loaded with the project's ``replace_all``), measured on the pages that used to render everything:
``/`` (type counts and the department table), ``/compare`` (its menu and budget charts, and one
indicator kind side by side), ``/validation``, each first page and a later page.  scale_data.py keeps
the catalogue graph single (it describes the seed), so before loading, the catalogue's statistics
are restated for the scaled graphs with ``budgetkg.rdf.catalog.statistics`` / ``add_statistics`` — the
code the build runs — and the home page's counts are checked against a live count of the loaded store
(``pages/home_counts.rq``, what the home page ran on every request before).

Pages keep whole-graph aggregates per build (server/per_build.py), so the first request of a build is
timed apart from the median of the later ones.  Each size runs in its own child process, one at a time.
Prints markdown.
Usage: ``.venv/bin/python bench/bench_scale_home.py [WORK_DIR] [N ...]`` (default /tmp/scale-home 1 10).
WORK_DIR is deleted at the end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.namespace import VOID

from budgetkg.rdf import catalog, published
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.server.app import create_app
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale_data  # a sibling script, not a package
from common import json_from_child, median_ms

PYTHON = sys.executable
PAGES = {
    "home": "/",
    "home, departments page 2": "/?page=2",
    "compare": "/compare",
    "compare output-quantity": "/compare?kind=output-quantity",
    "validation": "/validation",
    "validation page 2": "/validation?page=2",
}
Timing = dict[str, float | int | str]


def restate_statistics(base: str, graphs: dict[str, bytes]) -> dict[str, bytes]:
    """``graphs`` with the catalogue's class partitions and entity count recomputed for them."""
    name = str(published.void_graph_iri(base))
    described = Graph().parse(data=graphs[name], format="nt")
    dataset = published.published_dataset_iri(base)
    for partition in list(described.objects(dataset, VOID.classPartition)):
        described.remove((partition, None, None))
    described.remove((dataset, VOID.classPartition, None))
    described.remove((dataset, VOID.entities, None))
    own = {**graphs, name: described.serialize(format="nt", encoding="utf-8")}
    catalog.add_statistics(described, base, catalog.statistics(own, str(published.vocabulary_graph_iri(base))))
    return {**graphs, name: canonical_ntriples(described)}


def load(seed_store: Path, store_dir: Path, factor: int) -> Timing:
    """Child process: N× graphs, the catalogue's statistics restated for them, loaded."""
    settings = Settings(store=str(store_dir))
    graphs = scale_data.scaled_graphs(scale_data.read_seed(seed_store / "current"), factor)
    start = time.perf_counter()
    graphs = restate_statistics(settings.base_iri, graphs)
    restated_ms = (time.perf_counter() - start) * 1000
    store = open_store(settings, workers=0)
    start = time.perf_counter()
    store.replace_all(graphs)
    loaded = time.perf_counter() - start
    store.close()
    return {"load_s": loaded, "statistics_ms": restated_ms, "graphs": len(graphs)}


def measure(store_dir: Path, runs: int) -> Timing:
    """Child process: the pages, in-process engine (workers=0), through the ASGI app."""
    settings = Settings(store=str(store_dir))
    store = open_store(settings, workers=0)
    out: Timing = {}
    vocabulary = published.vocabulary_graph_iri(settings.base_iri)
    live = bind(page_query("home_counts"), {"vocabulary": [vocabulary]})
    out["q:home_counts (live count, before)"] = median_ms(runs, partial(store.query, live, all_rows=True))
    counted = store.query(live, all_rows=True)
    assert isinstance(counted, SelectResult)
    out["types"] = len(counted.rows)
    client = TestClient(create_app(settings, store))
    html = {"accept": "text/html"}
    base = settings.base_iri
    stated_query = bind(
        page_query("home_partitions"),
        {"catalog": [published.void_graph_iri(base)], "dataset": [published.published_dataset_iri(base)]},
    )
    counts = partial(store.query, stated_query)
    stated = counts()
    assert isinstance(stated, SelectResult)
    live_counts = {(str(r["type"]), int(r["n"])) for r in counted.rows}
    assert {(str(r["type"]), int(r["n"])) for r in stated.rows} == live_counts, "stated counts differ from live"
    out["q:home_partitions (stated counts, after)"] = median_ms(runs, counts)
    for name, path in PAGES.items():
        start = time.perf_counter()
        response = client.get(path, headers=html)  # the first request of a build computes what pages keep
        out[f"first:{name}"] = (time.perf_counter() - start) * 1000
        out[f"status:{name}"] = response.status_code
        out[f"bytes:{name}"] = len(response.content)
        out[f"p:{name}"] = median_ms(runs, partial(client.get, path, headers=html))
    store.close()
    return out


def child(args: list[str]) -> Timing:
    result: Timing = json_from_child(__file__, args)
    return result


def report(factors: list[int], loads: dict[int, Timing], runs: dict[int, Timing]) -> None:
    sizes = " | ".join(f"{n}×" for n in factors)
    print("ms: median after a warm-up; (first request in brackets: whole-graph aggregates kept per build)\n")
    print(f"| page | {sizes} | bytes at each size |\n|---|{'---:|' * len(factors)}---|")
    names = ["q:home_counts (live count, before)", "q:home_partitions (stated counts, after)"]
    names += [f"p:{name}" for name in PAGES]
    for key in names:
        name = key.split(":", 1)[1]
        cells = " | ".join(
            f"{float(runs[n][key]):.1f}"
            + (f" ({float(runs[n][f'first:{name}']):.0f})" if f"first:{name}" in runs[n] else "")
            for n in factors
        )
        sizes_b = " / ".join(
            f"{runs[n].get(f'bytes:{name}', '')}"
            + (f" (HTTP {runs[n][f'status:{name}']})" if runs[n].get(f"status:{name}", 200) != 200 else "")
            for n in factors
        )
        print(f"| {name} | {cells} | {sizes_b} |")
    print("\n| load | " + sizes + " |\n|---|" + "---:|" * len(factors))
    for key in ("load_s", "statistics_ms", "graphs"):
        print(f"| {key} | " + " | ".join(f"{float(loads[n][key]):.2f}" for n in factors) + " |")


def main(work: Path, factors: list[int]) -> None:
    seed = work / "seed"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    subprocess.run([str(Path(PYTHON).with_name("budgetkg")), "build", "--store", str(seed)], capture_output=True)
    loads: dict[int, Timing] = {}
    runs: dict[int, Timing] = {}
    try:
        for n in factors:
            loads[n] = child(["load", str(seed), str(work / str(n)), str(n)])
            runs[n] = child(["measure", str(work / str(n)), str(5 if n <= 10 else 3)])
            shutil.rmtree(work / str(n))
            print(f"{n}× done: {loads[n]}", file=sys.stderr)
    except subprocess.CalledProcessError as error:  # report the sizes that ran
        print(f"stopped: {error}\n{error.stderr[-2000:]}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report([n for n in factors if n in runs], loads, runs)


if __name__ == "__main__":
    argv = sys.argv[1:]
    if argv[:1] == ["load"]:
        print(json.dumps(load(Path(argv[1]), Path(argv[2]), int(argv[3]))))
    elif argv[:1] == ["measure"]:
        print(json.dumps(measure(Path(argv[1]), int(argv[2]))))
    else:
        target = Path(argv[0]) if argv and not argv[0].isdigit() else Path("/tmp/scale-home")
        main(target, [int(a) for a in argv if a.isdigit()] or [1, 10])
