"""What the benchmark scripts share: timing a piece of work, and reading a result as comparable rows.

The scripts run as ``python bench/<script>.py``, so this folder is on ``sys.path`` and they import it
as ``common``."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from budgetkg.store.base import SelectResult, Store


def wall_times_ms(runs: int, work: Callable[[], object]) -> list[float]:
    """Wall time in ms of each of ``runs`` calls, after one warm-up call (caches, lazy imports)."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(runs: int, work: Callable[[], object]) -> float:
    """Median wall time in ms of ``runs`` calls, after one warm-up call."""
    return statistics.median(wall_times_ms(runs, work))


def result_rows(store: Store, sparql: str, *, all_rows: bool = True) -> set[tuple[tuple[str, str], ...]]:
    """A SELECT's rows as a set of sorted (variable, value) tuples: what "same answer" means between rewrites."""
    result = store.query(sparql, all_rows=all_rows)
    assert isinstance(result, SelectResult)
    return {tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows}


def json_from_child(script: str | Path, args: list[str]) -> Any:
    """Run ``script args`` in a fresh interpreter and read the JSON of its last output line.

    One measurement per process, one process at a time: the 2 cores are shared and a warm interpreter (open
    stores, caches) would flatter the later sizes."""
    done = subprocess.run([sys.executable, str(script), *args], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])
