"""Variants of the real indicator tables: the same table printed differently gives the same indicators.

Each variant is built from a real filing by a structural edit (blank lines dropped, name cells
wrapped at another width, the repeated period text replaced, rows swapped); line numbers move, so
indicators are compared without their ``lines`` where the edit moves text.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from expected_records import EXPECTED, FILINGS

from budgetkg.parser.indicator_table import read_indicator_table
from budgetkg.parser.project_cells import display_width
from budgetkg.parser.text import Text, decode
from budgetkg.records import Indicator


def _text(prefix: str) -> Text:
    path = next(p for p in FILINGS if p.name.startswith(prefix))
    return decode(path.read_bytes(), str(path))


def _with_lines(text: Text, lines: list[str]) -> Text:
    return Text(text.path, tuple(lines), text.encoding, text.sha256)


def _read(text: Text) -> list[Indicator]:
    first = next(n for n, line in enumerate(text.lines, 1) if "一级指标" in line and "三级指标" in line)
    return read_indicator_table(text, first, len(text.lines))[0]


def _unlined(indicators: list[Indicator]) -> list[Indicator]:
    return [dataclasses.replace(i, lines=(0, 0)) for i in indicators]


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_a_table_without_blank_lines_gives_the_same_indicators(prefix: str) -> None:
    text = _text(prefix)
    variant = _with_lines(text, [line for line in text.lines if line.strip()])
    original = _read(text)
    assert len(original) > 25
    assert _unlined(_read(variant)) == _unlined(original)


@pytest.mark.parametrize("width", [6, 9, 12])
def test_name_cells_wrapped_at_another_width_give_the_same_indicators(width: int) -> None:
    text = _text("000")
    lines = list(text.lines)
    fixture = json.loads((EXPECTED / Path(text.path).stem / "indicators.json").read_text(encoding="utf-8"))
    rewrapped = 0
    for record in reversed(fixture):  # from the bottom, so earlier line numbers stay valid
        start = end = record["lines"][0]
        while end <= len(lines) and lines[end - 1].strip():
            end += 1
        cell = lines[start - 1 : end - 1]
        # only name cells: several lines, all of them narrower than the value column
        if len(cell) > 1 and all(display_width(line.strip()) <= 24 for line in cell):
            joined = "".join(line.strip() for line in cell)
            lines[start - 1 : end - 1] = [joined[i : i + width] for i in range(0, len(joined), width)]
            rewrapped += 1
    assert rewrapped > 30
    assert _unlined(_read(_with_lines(text, lines))) == _unlined(_read(text))


def test_the_repeated_period_text_is_found_by_counting_not_by_knowing_it() -> None:
    text = _text("002")
    variant = _with_lines(text, [line.replace("完成周期计划数。", "按期完成。") for line in text.lines])
    original, changed = _read(text), _read(variant)
    assert len(changed) == len(original) == 52
    assert {i.period_target.text for i in changed if i.period_target} == {"按期完成。"}
    assert [dataclasses.replace(i, period_target=None) for i in changed] == [
        dataclasses.replace(i, period_target=None) for i in original
    ]


def test_swapped_rows_give_swapped_indicators() -> None:
    text = _text("004")
    lines = list(text.lines)
    lines[238], lines[240] = lines[240], lines[238]  # lines 239 and 241: two one-line rows
    original, swapped = _read(text), _read(_with_lines(text, lines))
    assert [i.name for i in swapped[:2]] == [original[1].name, original[0].name]
    assert swapped[0].lines == (239, 239) and swapped[0].annual_target == original[1].annual_target
    assert swapped[2:] == original[2:]
