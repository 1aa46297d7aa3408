"""Benchmark: loading N× the seed graph into the embedded store with ``Store.replace_all`` — not a test.

Builds the seed graph with ``budgetkg build`` (1×), then for each size N:

1. a child process writes N× the seed (bench/scale_data.py: rewritten copies of every filing graph)
   to ``WORK/<N>/input/``, one N-Triples file per named graph, and counts the distinct triples of
   all graphs together: what the merged default graph must hold (the answer checked after loading);
2. another child process loads those files with the project's own ``open_store(...).replace_all``,
   handing it the graphs one file at a time (a lazy mapping: never all of them in memory at once),
   and reports wall and CPU time, its own peak RSS, triples in the default graph and in the named graphs,
   and size on disk.

Each step runs in its own process, one size at a time (the machine's 2 cores are shared), so peak
memory is the loader's alone.  ``--save FILE`` keeps the figures as JSON; ``--baseline FILE`` prints a
saved run beside this one (before → after, same machine).  Prints markdown; results are kept in
bench/results/load.md.

Usage: ``.venv/bin/python bench/bench_load.py [WORK_DIR] [N ...] [--save F.json] [--baseline F.json]``
(default /tmp/load 1 10).  WORK_DIR is deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale_data  # a sibling script, not a package
from common import json_from_child

PYTHON = sys.executable
INDEX = "graphs.json"
DEFAULT_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NAMED_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
Timing = dict[str, float | int]
#: (key, label, format) of the table rows, in order
ROWS = (
    ("triples", "default-graph triples", "{:.0f}"),
    ("quads", "named-graph triples", "{:.0f}"),
    ("graphs", "graphs", "{:.0f}"),
    ("input_mb", "input (MB of N-Triples)", "{:.1f}"),
    ("load_s", "load (s, wall)", "{:.2f}"),
    ("cpu_s", "load (s, CPU of the loader: user + system)", "{:.2f}"),
    ("peak_rss_mb", "peak RSS of the loader (MB)", "{:.0f}"),
    ("disk_mb", "disk (MB)", "{:.1f}"),
)


class GraphFiles(Mapping[str, bytes]):
    """Graph IRI → N-Triples, read from disk when asked for: a build's graphs without holding them all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, str] = json.loads((folder / INDEX).read_text())

    def __getitem__(self, iri: str) -> bytes:
        return (self.folder / self.files[iri]).read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


def generate(seed_store: Path, folder: Path, factor: int) -> Timing:
    """Child process: write N× the seed, one file per graph; count the distinct triples of their merge."""
    graphs = scale_data.scaled_graphs(scale_data.read_seed(seed_store / "current"), factor)
    folder.mkdir(parents=True)
    files = {iri: f"{index:05d}.nt" for index, iri in enumerate(graphs)}
    distinct: set[bytes] = set()
    for iri, ntriples in graphs.items():
        (folder / files[iri]).write_bytes(ntriples)
        distinct.update(line for line in ntriples.splitlines() if line.strip())
    (folder / INDEX).write_text(json.dumps(files))
    assert not any(line.startswith(b"_:") or b" _:" in line for line in distinct), "blank nodes: count by label fails"
    return {
        "distinct": len(distinct),
        "lines": sum(ntriples.count(b"\n") for ntriples in graphs.values()),
        "graphs": len(graphs),
        "input_mb": sum(len(b) for b in graphs.values()) / 1e6,
    }


def _count(store: Store, sparql: str) -> int:
    result = store.query(sparql, all_rows=True)
    assert isinstance(result, SelectResult)
    return int(str(result.rows[0]["n"]))


def _cpu_seconds() -> float:
    """CPU time of this process, all threads (the bulk loader is multi-threaded): steadier than wall
    time on a machine shared with other jobs."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load(folder: Path, store_dir: Path) -> Timing:
    """Child process: load the files with the project's store code."""
    store = open_store(Settings(store=str(store_dir)), workers=0)
    start, cpu_start = time.perf_counter(), _cpu_seconds()
    store.replace_all(GraphFiles(folder))
    out: Timing = {
        "load_s": time.perf_counter() - start,
        "cpu_s": _cpu_seconds() - cpu_start,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    out["triples"] = _count(store, DEFAULT_COUNT)
    out["quads"] = _count(store, NAMED_COUNT)
    store.close()
    out["disk_mb"] = sum(f.stat().st_size for f in (store_dir / "current").resolve().rglob("*") if f.is_file()) / 1e6
    return out


def child(args: list[str]) -> Timing:
    result: Timing = json_from_child(__file__, args)
    return result


def measure(work: Path, factors: list[int]) -> dict[str, Timing]:
    seed = work / "seed"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    budgetkg = str(Path(PYTHON).with_name("budgetkg"))
    subprocess.run([budgetkg, "build", "--store", str(seed)], check=False, capture_output=True)
    results: dict[str, Timing] = {}
    for n in factors:
        folder = work / str(n) / "input"
        generated = child(["generate", str(seed), str(folder), str(n)])
        loaded = child(["load", str(folder), str(work / str(n) / "store")])
        # the default graph is the merge: every distinct triple once, every graph's triples in its graph
        assert loaded["triples"] == generated["distinct"], (n, loaded, generated)
        assert loaded["quads"] == generated["lines"], (n, loaded, generated)
        results[str(n)] = {**generated, **loaded}
        shutil.rmtree(work / str(n), ignore_errors=True)
    return results


def report(results: dict[str, Timing], baseline: dict[str, Timing] | None) -> None:
    print("# Load: `Store.replace_all` of N× the seed graph into the embedded store (bench/bench_load.py)\n")
    print(f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"- machine: {machine}, {platform.platform()}")
    sizes = list(results)
    if baseline is None:
        print("\n| what | " + " | ".join(f"{n}×" for n in sizes) + " |")
        print("|---|" + "---:|" * len(sizes))
        for key, label, fmt in ROWS:
            print(f"| {label} | " + " | ".join(fmt.format(results[n][key]) for n in sizes) + " |")
        return
    print("- before = the saved baseline run, after = this run; ratio = after / before\n")
    print("| what | " + " | ".join(f"{n}× before | {n}× after | ratio" for n in sizes) + " |")
    print("|---|" + "---:|---:|---:|" * len(sizes))
    for key, label, fmt in ROWS:
        cells = []
        for n in sizes:
            before, after = baseline.get(n, {}).get(key), results[n][key]
            shown = fmt.format(before) if before is not None else "–"
            ratio = f"{after / before:.2f}" if before else "–"
            cells.append(f"{shown} | {fmt.format(after)} | {ratio}")
        print(f"| {label} | " + " | ".join(cells) + " |")


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["generate"]:
        print(json.dumps(generate(Path(argv[1]), Path(argv[2]), int(argv[3]))))
        return
    if argv[:1] == ["load"]:
        print(json.dumps(load(Path(argv[1]), Path(argv[2]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", nargs="?", default="/tmp/load", type=Path)
    parser.add_argument("factors", nargs="*", type=int, default=[1, 10])
    parser.add_argument("--save", type=Path, help="keep this run's figures as JSON")
    parser.add_argument("--baseline", type=Path, help="a saved run to show beside this one")
    args = parser.parse_args(argv)
    try:
        results = measure(args.work, args.factors)
    finally:
        shutil.rmtree(args.work, ignore_errors=True)
    if args.save:
        args.save.write_text(json.dumps(results, indent=1))
    report(results, json.loads(args.baseline.read_text()) if args.baseline else None)


if __name__ == "__main__":
    main()
