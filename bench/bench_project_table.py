"""Benchmark: the 项目支出绩效目标表 reader — not a test.

Side by side, median of N runs, in one process:

* baseline — ``text.decode`` of the filing (the floor every reader pays);
* ``read_project_table`` on the already decoded text;

for the two real project filings (001 tab-separated, 003 inline) and for 003 scaled up: its
project blocks repeated ×10 and ×40, to show the inline cell search stays linear in the length
of the table (the cell cut is a bounded dynamic programme, see project_cells.split_cells).

Usage: ``.venv/bin/python bench/bench_project_table.py [runs]`` (default 30).
Results are kept in bench/results/project_table.md.
"""

from __future__ import annotations

import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench_parse import median_seconds  # the same timing as the parse benchmark (bench/ is on sys.path)

from budgetkg.parser.project_table import read_project_table
from budgetkg.parser.text import decode
from budgetkg.records import Department

FILINGS = Path(__file__).resolve().parents[1] / "data" / "filings"
DEPARTMENT = Department("广州市政务服务数据管理局", "city", None)
HEADER_LINES = 7  # 003: everything up to and including the blank line after the header


def scaled(data: bytes, times: int) -> bytes:
    lines = data.decode("utf-8").split("\n")
    return "\n".join(lines[:HEADER_LINES] + lines[HEADER_LINES:] * times).encode("utf-8")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    inline = (FILINGS / "003_11d3bda62f573b8b.txt").read_bytes()
    cases = {
        "001 (tab-separated, 5 projects)": (FILINGS / "001_4e5792c3d5397443.txt").read_bytes(),
        "003 (inline, 20 projects)": inline,
        "003 ×10 (200 projects)": scaled(inline, 10),
        "003 ×40 (800 projects)": scaled(inline, 40),
    }
    print(
        f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, median of {runs} runs"
    )
    print("| input | lines | baseline: decode | read_project_table | ratio | projects |")
    print("|---|---|---|---|---|---|")
    for label, data in cases.items():
        text = decode(data, label)
        projects, _, _ = read_project_table(text, DEPARTMENT)
        base = median_seconds(runs, lambda data=data, label=label: decode(data, label))
        read = median_seconds(runs, lambda text=text: read_project_table(text, DEPARTMENT))
        print(
            f"| {label} | {len(text.lines)} | {base * 1000:.2f} ms | {read * 1000:.2f} ms "
            f"| {read / base:.1f}× | {len(projects)} |"
        )


if __name__ == "__main__":
    main()
