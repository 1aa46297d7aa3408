"""Benchmark: the 部门整体 indicator table reader (parser.indicator_table) — not a test.

Reads the indicator tables of the department_overall filings in data/filings (from the header row
to the end of the file), best of N rounds, and side by side the baseline: ``tokenize`` alone over
the same lines (one pass that only classifies lines), so the ratio says what reading rows and
levels costs on top of looking at every line once.  Prints markdown rows; results are kept in
bench/results/indicator_table.md.  Usage: ``.venv/bin/python bench/bench_indicator_table.py [rounds]``.
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from budgetkg.parser.indicator_labels import tokenize
from budgetkg.parser.indicator_table import read_indicator_table
from budgetkg.parser.text import Text, decode

FILINGS = Path(__file__).resolve().parents[1] / "data" / "filings"


def tables() -> list[tuple[Text, int]]:
    """Each filing with an indicator header row, and that row's line number."""
    out = []
    for path in sorted(FILINGS.glob("*.txt")):
        text = decode(path.read_bytes(), str(path))
        header = next((n for n, line in enumerate(text.lines, 1) if "一级指标" in line and "三级指标" in line), None)
        if header is not None:
            out.append((text, header))
    return out


def best_of(rounds: int, function: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    found = tables()
    count = sum(len(read_indicator_table(text, first, len(text.lines))[0]) for text, first in found)
    lines = sum(len(text.lines) - first + 1 for text, first in found)
    full = best_of(rounds, lambda: [read_indicator_table(t, f, len(t.lines)) for t, f in found])
    base = best_of(rounds, lambda: [tokenize(t.lines[f - 1 :], f) for t, f in found])
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")  # fmt: skip
    print("| tables | lines | indicators | read_indicator_table | per indicator | tokenize only | ratio |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(found)} | {lines} | {count} | {full * 1e3:.1f} ms | {full / count * 1e6:.0f} µs "
          f"| {base * 1e3:.1f} ms | {full / base:.1f}× |")  # fmt: skip


if __name__ == "__main__":
    main()
