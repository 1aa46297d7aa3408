"""Each kind of bad input: one line ``FILE:LINE: message``, a non-zero exit, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from expected_records import FILINGS

from budgetkg.errors import InputError
from budgetkg.parser import parse_bytes, parse_paths

OVERALL = next(p for p in FILINGS if p.name.startswith("000"))


def _cut(lines_kept: int) -> bytes:
    return "\n".join(OVERALL.read_text(encoding="utf-8").split("\n")[:lines_kept]).encode()


BAD = {
    "empty": (b"", 1, "empty"),
    "blank": (b"\n \n\t\n", 1, "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary"),
    "undecodable": ("部门整体预算绩效目标表\n".encode() + b"\x80\xff\x80\xff\n", 2, "undecodable"),
    "structureless": ("这是一封普通的信。\n祝好！\n".encode(), 1, "not a budget-performance filing"),
    "no-indicator-table": (_cut(231), 231, "truncated"),
    "header-without-rows": (_cut(233), 233, "truncated"),
    "tasks-without-amounts": (
        "部门整体预算绩效目标表\n部门名称 某某区某某局\n名称 主要实施内容\n某任务\n某内容\n"
        "一级指标 二级指标 三级指标 指标值\n产出指标\n".encode(),
        3,
        "without a single amount",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_is_one_input_error_naming_the_line(kind):
    data, line, words = BAD[kind]
    with pytest.raises(InputError) as caught:
        parse_bytes(data, f"{kind}.txt")
    assert (caught.value.path, caught.value.line) == (f"{kind}.txt", line)
    assert words in caught.value.message
    assert "\n" not in str(caught.value)


def test_one_broken_filing_does_not_spoil_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    results = parse_paths([FILINGS[0], bad, FILINGS[2], tmp_path / "missing.txt"])
    assert [type(r).__name__ for r in results] == ["Filing", "InputError", "Filing", "InputError"]
    assert str(results[3]).startswith(f"{tmp_path / 'missing.txt'}:0: cannot read")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "budgetkg", "parse", *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("kind", ["empty", "binary", "undecodable", "structureless", "no-indicator-table"])
def test_the_cli_prints_one_line_and_exits_1(tmp_path, kind):
    data, line, _ = BAD[kind]
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(data)
    run = _cli(str(path))
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert re.fullmatch(rf"{re.escape(str(path))}:{line}: .+\n", run.stderr)
    assert "Traceback" not in run.stderr
