"""Benchmark: parsing the five filings in data/filings — not a test.

Times, as the median of N runs each, in one process side by side:

* baseline — ``text.decode`` only (read bytes already in memory, decode, split, fold): the floor
  any parse pays;
* layout — decode + ``layout.detect_layout`` (form, department, year, sections);
* full — ``parser.parse_bytes``: everything, including the indicator and project readers and
  the arithmetic checks.

Prints a markdown table; results are kept in bench/results/parse.md.
Usage: ``.venv/bin/python bench/bench_parse.py [runs]`` (default 30).
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from budgetkg.parser import parse_bytes
from budgetkg.parser.layout import detect_layout
from budgetkg.parser.text import decode

FILINGS = Path(__file__).resolve().parents[1] / "data" / "filings"


def median_seconds(runs: int, work: Callable[[], object]) -> float:
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    files = [(str(path), path.read_bytes()) for path in sorted(FILINGS.glob("*.txt"))]
    stages: dict[str, Callable[[], object]] = {
        "baseline: decode": lambda: [decode(data, name) for name, data in files],
        "decode + layout": lambda: [detect_layout(decode(data, name)) for name, data in files],
        "full parse_bytes": lambda: [parse_bytes(data, name) for name, data in files],
    }
    parse_bytes(*files[0][::-1])  # imports and regex compilation are not part of a parse
    timings = {label: median_seconds(runs, work) for label, work in stages.items()}
    per_file = {
        Path(name).name[:3]: median_seconds(runs, lambda data=data, name=name: parse_bytes(data, name))
        for name, data in files
    }
    base = timings["baseline: decode"]
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {len(files)} files, {sum(len(d) for _, d in files)} bytes, "
          f"median of {runs} runs")  # fmt: skip
    print("| stage (all five filings) | median | ratio to baseline |")
    print("|---|---|---|")
    for label, seconds in timings.items():
        print(f"| {label} | {seconds * 1000:.2f} ms | {seconds / base:.1f}× |")
    print()
    print("| filing | full parse median |")
    print("|---|---|")
    for stem, seconds in per_file.items():
        print(f"| {stem} | {seconds * 1000:.2f} ms |")


if __name__ == "__main__":
    main()
