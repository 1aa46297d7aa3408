"""Benchmark: the platform lineage (its queries, the analysis, ``/lineage``) at N× the seed data — not a test.

The same N× data as bench/bench_scale.py (bench/scale_data.py copies of the seed's filing graphs, loaded
with the project's ``replace_all`` by bench_scale's own ``load`` step), measured on what the lineage does:

* ``queries/platforms/lineage_links.rq`` as shipped beside the query it replaced (``LINEAGE_LINKS_BEFORE``,
  quadratic: ?record unbound inside the OPTIONAL's UNION; kept in bench_scale.py), the same rows asserted
  at every size;
* ``load_lineage(store)``: the whole analysis ``budgetkg lineage`` prints (its row counts and whether a
  result was cut);
* ``/lineage`` through the ASGI app: the default view, one family, one jurisdiction, the component of
  穗智管 (the platform page's "see it in the lineage graph" link) and a later page of the relation table,
  each with its response size and whether the page drew a graph.  The page keeps its whole-graph
  analysis per build (server/per_build.py), so the first request of the process is timed apart.

Each size runs in its own child process, one at a time (the machine's 2 cores are shared).  Prints
markdown; results are kept in bench/results/scale.md (the lineage rows).
Usage: ``.venv/bin/python bench/bench_lineage_scale.py [WORK_DIR] [N ...]`` (default /tmp/scale-lineage 1 10).
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
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from budgetkg.platforms.analysis import lineage_query, load_lineage
from budgetkg.rdf import iris
from budgetkg.server.app import create_app
from budgetkg.settings import Settings
from budgetkg.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import LINEAGE_LINKS_BEFORE  # sibling scripts, not a package
from common import json_from_child, median_ms, result_rows

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
Timing = dict[str, float | int | bool | str]
#: the reader's ways into the page; the focus is the platform the journey test starts from
PAGES = {
    "/lineage (default view)": {},
    "/lineage family=城市运行管理中枢": {"family": "城市运行管理中枢"},  # the filters name families as shown
    "/lineage jurisdiction=海珠区": {"jurisdiction": "海珠区"},
    "/lineage focus=穗智管": {"focus": "sui-zhi-guan"},
    "/lineage relations page 2": {"page": "2"},
}


def measure(store_dir: Path, runs: int) -> Timing:
    """Child process: the lineage queries, the analysis and the page on one store, in-process engine."""
    settings = Settings(store=str(store_dir))
    store = open_store(settings, workers=0)
    out: Timing = {}
    client = TestClient(create_app(settings, store))
    html = {"accept": "text/html"}
    first = time.perf_counter()
    response = client.get("/lineage", headers=html)
    out["p:/lineage, first request of the process"] = (time.perf_counter() - first) * 1000
    assert response.status_code == 200, response.status_code
    shipped = lineage_query("lineage_links")
    rows = result_rows(store, shipped)
    if shipped.strip() != LINEAGE_LINKS_BEFORE.strip():
        assert rows == result_rows(store, LINEAGE_LINKS_BEFORE), "lineage_links changed its rows"
        out["q:lineage_links (before: OPTIONAL {UNION})"] = median_ms(
            runs, partial(store.query, LINEAGE_LINKS_BEFORE, all_rows=True)
        )
    out["q:lineage_links (shipped)"] = median_ms(runs, partial(store.query, shipped, all_rows=True))
    out["rows:lineage_links (shipped)"] = len(rows)
    lineage = load_lineage(store)
    out["q:load_lineage (the analysis `budgetkg lineage` prints)"] = median_ms(runs, partial(load_lineage, store))
    out["rows:load_lineage (the analysis `budgetkg lineage` prints)"] = (
        f"{lineage.graph.number_of_nodes()} platforms, {lineage.graph.number_of_edges()} relation statements, "
        f"{len(lineage.links)} links"
    )
    out["cut:load_lineage (the analysis `budgetkg lineage` prints)"] = lineage.truncated
    focus = str(iris.platform_iri(settings.base_iri, "sui-zhi-guan"))
    for name, params in PAGES.items():
        query = {k: (focus if k == "focus" else v) for k, v in params.items()}
        path = "/lineage" + (f"?{urlencode(query)}" if query else "")
        response = client.get(path, headers=html)
        out[f"status:{name}"] = response.status_code
        out[f"bytes:{name}"] = len(response.content)
        out[f"drawn:{name}"] = response.text.count('"kind": ')  # one per node of the graph's JSON island
        out[f"p:{name}"] = median_ms(runs, partial(client.get, path, headers=html))
    store.close()
    return out


def child(script: Path, args: list[str]) -> Timing:
    result: Timing = json_from_child(script, args)
    return result


def report(factors: list[int], runs: dict[int, Timing]) -> None:
    sizes = " | ".join(f"{n}×" for n in factors)
    print(f"| name | {sizes} | rows, bytes (drawn nodes) at each size |\n|---|{'---:|' * len(factors)}---|")
    base = runs[factors[0]]
    for key in [k for k in base if k.startswith(("q:", "p:"))]:
        name = key[2:]
        cells = " | ".join(f"{float(runs[n].get(key, float('nan'))):.1f}" for n in factors)
        notes = []
        for n in factors:
            note = str(runs[n].get(f"rows:{name}", runs[n].get(f"bytes:{name}", "")))
            if f"drawn:{name}" in runs[n]:
                note += f" ({runs[n][f'drawn:{name}']})"
            if runs[n].get(f"cut:{name}"):
                note += " (TRUNCATED)"
            if runs[n].get(f"status:{name}", 200) != 200:
                note += f" (HTTP {runs[n][f'status:{name}']})"
            notes.append(note)
        print(f"| {name} | {cells} | {' / '.join(notes)} |")


def main(work: Path, factors: list[int]) -> None:
    seed = work / "seed"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    subprocess.run(
        [str(Path(PYTHON).with_name("budgetkg")), "build", "--store", str(seed)], check=True, capture_output=True
    )
    runs: dict[int, Timing] = {}
    try:
        for n in factors:
            child(HERE / "bench_scale.py", ["load", str(seed), str(work / str(n)), str(n)])
            runs[n] = child(Path(__file__), ["measure", str(work / str(n)), str(5 if n <= 10 else 3)])
            shutil.rmtree(work / str(n))  # one size on disk at a time
            print(f"{n}× done", file=sys.stderr)
    except subprocess.CalledProcessError as error:  # a size that does not fit: report the ones that did
        print(f"stopped: {error}\n{error.stderr[-2000:]}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report([n for n in factors if n in runs], runs)


if __name__ == "__main__":
    argv = sys.argv[1:]
    if argv[:1] == ["measure"]:
        print(json.dumps(measure(Path(argv[1]), int(argv[2]))))
    else:
        target = Path(argv[0]) if argv and not argv[0].isdigit() else Path("/tmp/scale-lineage")
        main(target, [int(a) for a in argv if a.isdigit()] or [1, 10])
