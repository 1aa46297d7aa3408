"""The department_overall indicator table against fixtures written by reading the filings by hand.

Fixtures (tests/parser/expected/<stem>/indicators.json) hold the texts as printed in the filing;
the parser reads folded text (full-width ＞ → >, see budgetkg.parser.text), so the expected
texts are folded the same way before comparing.  Targets are compared by their printed text
(normalising them is tests/parser/test_targets.py's business).

Quirk folders (tests/parser/quirks/table_<name>/input.txt + expected.json) are small synthetic tables,
one per layout variant; their whole input is the table (first = 1).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from expected_records import EXPECTED, FILINGS

from budgetkg.parser import parse_bytes
from budgetkg.parser.indicator_table import read_indicator_table
from budgetkg.parser.text import Text, decode, fold
from budgetkg.records import Finding, Indicator

QUIRKS = Path(__file__).resolve().parent / "quirks"
# this table's quirks are the folders named table_*; the other folders belong to other parsers
QUIRK_DIRS = sorted(p for p in QUIRKS.glob("table_*") if (p / "input.txt").exists())
COUNTS = {"000": 52, "002": 52, "004": 29}
TABLE_FILINGS = [p for p in FILINGS if p.name[:3] in COUNTS]


def _header_line(text: Text) -> int:
    """The table's header row, found the way a reader finds it: the line naming the three levels."""
    return next(n for n, line in enumerate(text.lines, 1) if "一级指标" in line and "三级指标" in line)


def _read(path: Path) -> tuple[list[Indicator], list[Finding]]:
    text = decode(path.read_bytes(), str(path))
    return read_indicator_table(text, _header_line(text), len(text.lines))


def _shape(indicator: Indicator) -> dict[str, Any]:
    return {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "level2_candidates": list(indicator.level2_candidates),
        "name": indicator.name,
        "description": indicator.description,
        "period_target": indicator.period_target.text if indicator.period_target else None,
        "annual_target": indicator.annual_target.text if indicator.annual_target else None,
        "lines": list(indicator.lines),
    }


def _folded(record: dict[str, Any]) -> dict[str, Any]:
    return {k: fold(v) if isinstance(v, str) else v for k, v in record.items()}


def _expected(path: Path) -> list[dict[str, Any]]:
    return [_folded(r) for r in json.loads(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", TABLE_FILINGS, ids=[p.stem[:3] for p in TABLE_FILINGS])
def test_indicators_match_the_hand_written_fixture(path: Path) -> None:
    indicators, _ = _read(path)
    expected = _expected(EXPECTED / path.stem / "indicators.json")
    assert len(indicators) == COUNTS[path.name[:3]] == len(expected)
    for got, want in zip(indicators, expected, strict=True):
        assert _shape(got) == want


@pytest.mark.parametrize("path", TABLE_FILINGS, ids=[p.stem[:3] for p in TABLE_FILINGS])
def test_every_indicator_traces_to_lines_inside_the_table(path: Path) -> None:
    text = decode(path.read_bytes(), str(path))
    first = _header_line(text)
    indicators, findings = read_indicator_table(text, first, len(text.lines))
    for indicator in indicators:
        start, end = indicator.lines
        assert first < start <= end <= len(text.lines)
        # the name's first characters are printed on the indicator's first line
        assert indicator.name[:2] in text.line(start) or indicator.name[:2] in fold(text.line(start))
    assert all(f.lines is None or first <= f.lines[0] <= f.lines[1] <= len(text.lines) for f in findings)


def _filing(prefix: str) -> Path:
    return next(p for p in TABLE_FILINGS if p.name.startswith(prefix))


def test_blocks_with_several_labels_after_them_are_reported_not_guessed() -> None:
    indicators, findings = _read(_filing("000"))
    ambiguous = [i for i in indicators if i.level2 is None]
    assert len(ambiguous) == 21
    assert all(i.level2_candidates and i.level1 is None for i in ambiguous)
    kinds = sorted((f.kind, f.lines) for f in findings if f.severity == "warning")
    assert kinds == [
        ("level1_ambiguous", (339, 395)),
        ("level1_ambiguous", (471, 523)),
        ("level2_ambiguous", (339, 395)),
        ("level2_ambiguous", (471, 523)),
    ]
    level1_note = next(f for f in findings if f.kind == "level1_ambiguous" and f.lines == (339, 395))
    assert "产出指标" in level1_note.message and "效益指标" in level1_note.message


def test_a_missing_level1_is_inferred_and_said_and_empty_categories_are_noted() -> None:
    _, findings = _read(_filing("004"))
    inferred = [f for f in findings if f.kind == "level1_inferred"]
    assert [(f.lines, "满意度指标" in f.message) for f in inferred] == [((358, 358), True)]
    empty = sorted(f.lines for f in findings if f.kind == "empty_category" and f.lines is not None)
    assert empty == [(298, 298), (300, 300), (304, 304), (347, 347), (358, 358)]


def test_the_task_tables_caption_among_the_rows_is_not_an_indicator() -> None:
    indicators, _ = _read(_filing("000"))
    assert not any("年度重点" in i.name or "工作任务" in i.name for i in indicators)
    assert not any(i.lines[0] <= 268 <= i.lines[1] for i in indicators)


def test_changed_text_gives_changed_records() -> None:
    path = _filing("004")
    text = decode(path.read_bytes(), str(path))
    lines = list(text.lines)
    lines[238] = lines[238].replace("110", "120").replace("系统迁移量", "系统搬迁量")  # line 239
    changed = Text(text.path, tuple(lines), text.encoding, text.sha256)
    before, _ = read_indicator_table(text, _header_line(text), len(lines))
    after, _ = read_indicator_table(changed, _header_line(changed), len(lines))
    assert before[0].name == "系统迁移量" and after[0].name == "系统搬迁量"
    assert after[0].annual_target is not None and after[0].annual_target.text == "上云系统数量≧120"
    assert before[1:] == after[1:]


def test_the_table_may_start_at_the_caption_above_its_header() -> None:
    path = _filing("004")
    text = decode(path.read_bytes(), str(path))
    header = _header_line(text)
    from_caption, _ = read_indicator_table(text, header - 2, len(text.lines))
    from_header, _ = read_indicator_table(text, header, len(text.lines))
    assert from_caption == from_header


@pytest.mark.parametrize("quirk", QUIRK_DIRS, ids=[p.name for p in QUIRK_DIRS])
def test_quirk(quirk: Path) -> None:
    path = quirk / "input.txt"
    text = decode(path.read_bytes(), str(path))
    indicators, findings = read_indicator_table(text, 1, len(text.lines))
    expected = json.loads((quirk / "expected.json").read_text(encoding="utf-8"))
    assert [_shape(i) for i in indicators] == [_folded(r) for r in expected["indicators"]]
    got_findings = sorted((f.kind, list(f.lines) if f.lines else None) for f in findings)
    assert got_findings == sorted((f["kind"], f["lines"]) for f in expected["findings"])


@pytest.mark.parametrize(("prefix", "lines"), [("000", (303, 305)), ("002", (467, 467))])
def test_cells_cut_by_column_width_are_reported(prefix: str, lines: tuple[int, int]) -> None:
    _, findings = _read(_filing(prefix))
    assert [f.lines for f in findings if f.kind == "cells_cut_by_width"] == [lines]


@pytest.mark.parametrize("path", TABLE_FILINGS, ids=[p.name[:3] for p in TABLE_FILINGS])
def test_a_header_printed_one_title_per_line_reads_the_same_rows(path: Path) -> None:
    """The real tables with their header row printed one column title per line, blank lines between."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    header = next(n for n, line in enumerate(lines) if line.startswith("一级指标"))
    stacked = "\n\n".join(lines[header].split()).split("\n")
    shift = len(stacked) - 1
    changed = parse_bytes("\n".join([*lines[:header], *stacked, *lines[header + 1 :]]).encode(), "stacked.txt")
    original = parse_bytes(text.encode(), "original.txt")
    assert len(changed.indicators) == COUNTS[path.name[:3]]
    moved = [replace(i, lines=(i.lines[0] + shift, i.lines[1] + shift)) for i in original.indicators]
    assert list(changed.indicators) == moved
