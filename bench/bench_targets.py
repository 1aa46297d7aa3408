"""Benchmark: target-value normalisation (parser.targets.parse_target) — not a test.

Runs ``parse_target`` over every non-empty line of data/filings/*.txt (real, messy text: the
worst case, since most lines are prose rather than target values) and, side by side, the old
placeholder (strip + qualitative Target) as the baseline.  Prints a markdown row; results are
kept in bench/results/targets.md.  Usage: ``.venv/bin/python bench/bench_targets.py [rounds]``.
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from budgetkg.parser.targets import parse_target
from budgetkg.records import Target

FILINGS = Path(__file__).resolve().parents[1] / "data" / "filings"


def placeholder(text: str, indicator_name: str | None = None) -> Target:
    """The interface's original stub: the floor any real implementation is compared with."""
    return Target(text=text.strip(), comparator="qualitative")


def best_of(rounds: int, texts: list[str], function: Callable[[str, str | None], Target]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            function(text, None)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    texts = [
        line for path in sorted(FILINGS.glob("*.txt")) for line in path.read_text("utf-8").splitlines() if line.strip()
    ]
    new = best_of(rounds, texts, parse_target)
    base = best_of(rounds, texts, placeholder)
    numeric = sum(parse_target(text).comparator not in ("qualitative", "attain") for text in texts)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")  # fmt: skip
    print("| texts | numeric | parse_target total | per text | placeholder total | ratio |")
    print("|---|---|---|---|---|---|")
    print(f"| {len(texts)} | {numeric} | {new * 1e3:.1f} ms | {new / len(texts) * 1e6:.1f} µs "
          f"| {base * 1e3:.2f} ms | {new / base:.0f}× |")  # fmt: skip


if __name__ == "__main__":
    main()
