"""Rows of an indicator table whose 实施周期 column repeats one text in (nearly) every row.

Some filings print the same period value in every row (say ``按计划完成。``) and put the real
target in the 年度 column, often behind a cell label (``标准：100%``), with an explanation under the
name (``指标内容：…``, ``计算方法：…``).  The repeated text is found by counting, not by knowing it:
a cell printed once on each of many lines (``find_anchor``).  Each occurrence anchors one row:

    name line(s) [description lines] <anchor> [annual] [annual continued on the next lines]

The text between two anchors is therefore: the tail of the previous row's annual cell, then the
next row's name, then its description.  The cut between the annual tail and the next name uses
the column geometry (cells wrap at their column's width, ``display_width``): a line continues
the annual cell only while the cell is open (its last line is full and does not end in ``。``)
and the line fits the annual column; a line wider than any column is two cells glued by the
extractor and is cut at the annual column's width.  A next row without its name on the anchor
line keeps at least one line of name before its first description line.

Annual values lose their cell label: ``标准：100%`` → ``100%`` (the label names the cell, it is
not part of the value); the period value is kept as printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from budgetkg.parser.cells import display_width
from budgetkg.parser.indicator_labels import Blank
from budgetkg.parser.indicator_rows import RawRow, cells_of, usual_width
from budgetkg.parser.project_cells import Fragment, cell_text
from budgetkg.records import Finding

#: the labels that open a description line under the indicator's name
DESCRIPTION_LABEL = re.compile(r"^(指标内容|计算方法|指标解释|指标说明|评分标准|标准|指标)\s*[：:]")
#: the label a target cell may start with (removed from the value)
VALUE_LABEL = re.compile(r"^(标准|指标)\s*[：:]\s*")
#: a repeated cell anchors rows when printed on at least this many lines …
MIN_ANCHOR_ROWS = 3
#: … and on at least this share of the table's content lines
MIN_ANCHOR_SHARE = 0.1
#: a wrapped line is full when at most this much narrower than the column
FULL_SLACK = 3
#: a line fits a column when at most this much wider than the widest line seen in it
FIT_SLACK = 2
#: a line this much wider than the widest column holds two glued cells
GLUE_SLACK = 6
#: a cell whose text ends so is complete
TERMINATOR = "。"


def find_anchor(fragments: Sequence[Fragment]) -> str | None:
    """The cell printed once on many lines (the repeated period value), or None.

    It must open its line in at least half of them: rows of this layout print their name on the
    lines above the anchor.  A value that repeats in the middle of one-line rows (``NAME 100% 95%``
    on several rows) is an ordinary column, read by ``indicator_rows``.
    """
    counts: Counter[str] = Counter()
    openings: Counter[str] = Counter()
    repeated_on_a_line: set[str] = set()
    for fragment in fragments:
        words = cells_of(fragment.text)
        cells = Counter(words)
        repeated_on_a_line.update(cell for cell, n in cells.items() if n > 1)
        counts.update(cells.keys())
        openings.update(words[:1])
    floor = max(MIN_ANCHOR_ROWS, MIN_ANCHOR_SHARE * len(fragments))
    candidates = [
        (n, cell)
        for cell, n in counts.items()
        if n >= floor and cell not in repeated_on_a_line and 2 * openings[cell] >= n
    ]
    return max(candidates)[1] if candidates else None


@dataclass(frozen=True)
class _Anchored:
    """An anchor line split around the anchor cell."""

    line: int
    prefix: str
    after: str


def _split_anchor(fragment: Fragment, anchor: str) -> _Anchored | None:
    match = re.search(rf"(?:^|\s){re.escape(anchor)}(?:\s|$)", fragment.text)
    if match is None:
        return None
    return _Anchored(fragment.line, fragment.text[: match.start()].strip(), fragment.text[match.end() :].strip())


@dataclass(frozen=True)
class Columns:
    """Display widths of the annual column (widest printed value) and the name/description column."""

    value: int
    name: int

    @classmethod
    def measure(cls, fragments: Sequence[Fragment], anchor: str) -> Columns:
        anchored = [a for f in fragments if (a := _split_anchor(f, anchor)) is not None]
        value = max((display_width(a.after) for a in anchored if a.after), default=0)
        others = [display_width(f.text) for f in fragments if _split_anchor(f, anchor) is None]
        return cls(value, usual_width(others, floor=value + FIT_SLACK + 1))


@dataclass
class _Row:
    head: list[Fragment]
    anchored: _Anchored
    annual: list[Fragment] = field(default_factory=list)

    def is_open(self, columns: Columns) -> bool:
        if not self.annual:
            return True
        last = self.annual[-1].text
        return not last.endswith(TERMINATOR) and display_width(last) >= columns.value - FULL_SLACK


def _cut_at_width(text: str, width: int) -> int:
    used = 0
    for index, char in enumerate(text):
        used += display_width(char)
        if used > width:
            return index
    return len(text)


def _continue_annual(
    row: _Row | None, region: list[Fragment], needs_name: bool, columns: Columns, findings: list[Finding]
) -> list[Fragment]:
    """Move the lines of ``region`` that continue ``row``'s annual cell there; the rest is returned."""
    if row is None:
        return region
    region = list(region)
    limit = len(region)
    if needs_name:
        start = 0 if row.annual else 1  # right after a bare anchor, a 标准： line is the annual cell
        first_description = next(
            (i for i in range(start, len(region)) if DESCRIPTION_LABEL.match(region[i].text)), len(region)
        )
        limit = first_description - 1
    taken = 0
    while taken < len(region) and row.is_open(columns):
        fragment = region[taken]
        width = display_width(fragment.text)
        if width > columns.name + GLUE_SLACK and row.annual:
            cut = _cut_at_width(fragment.text, display_width(row.annual[-1].text))
            row.annual.append(Fragment(fragment.line, fragment.text[:cut]))
            region[taken] = Fragment(fragment.line, fragment.text[cut:])
            message = (
                f"line {fragment.line} is wider than any column: read as two cells glued together, "
                f"cut at the annual column's width after {fragment.text[:cut]!r}"
            )
            findings.append(Finding("info", message, (fragment.line, fragment.line), "cells_cut_by_width"))
            break
        if taken >= limit or width > columns.value + FIT_SLACK:
            break
        row.annual.append(fragment)
        taken += 1
    return region[taken:]


def _description(fragments: Sequence[Fragment]) -> str | None:
    """Description lines joined; each labelled part (指标内容：, 计算方法： …) on its own line."""
    parts: list[str] = []
    for fragment in fragments:
        if DESCRIPTION_LABEL.match(fragment.text) or not parts:
            parts.append(fragment.text)
        else:
            parts[-1] += fragment.text
    return "\n".join(parts) or None


def _raw(row: _Row, anchor: str) -> tuple[RawRow, list[Finding]]:
    first_description = next((i for i, f in enumerate(row.head) if DESCRIPTION_LABEL.match(f.text)), len(row.head))
    name = cell_text(row.head[:first_description]) + row.anchored.prefix
    annual = VALUE_LABEL.sub("", cell_text(row.annual)) or None
    numbers = [f.line for f in row.head + row.annual] + [row.anchored.line]
    lines = (min(numbers), max(numbers))
    findings = []
    if not name:
        findings.append(Finding("warning", "indicator row with no name", lines, "name_missing"))
    return RawRow(name, (anchor, annual), lines, _description(row.head[first_description:])), findings


def read_anchored_rows(
    run: Sequence[Fragment | Blank], anchor: str, columns: Columns
) -> tuple[list[RawRow], list[Finding]]:
    """The rows of one run between labels (see the module docstring)."""
    rows: list[_Row] = []
    region: list[Fragment] = []
    findings: list[Finding] = []
    for fragment in (f for f in run if isinstance(f, Fragment)):
        anchored = _split_anchor(fragment, anchor)
        if anchored is None:
            region.append(fragment)
            continue
        previous = rows[-1] if rows else None
        head = _continue_annual(previous, region, not anchored.prefix, columns, findings)
        rows.append(_Row(head, anchored, [Fragment(fragment.line, anchored.after)] if anchored.after else []))
        region = []
    leftover = _continue_annual(rows[-1] if rows else None, region, False, columns, findings)
    out: list[RawRow] = []
    for row in rows:
        raw, notes = _raw(row, anchor)
        out.append(raw)
        findings.extend(notes)
    if leftover:
        lines = (leftover[0].line, leftover[-1].line)
        message = f"text with no value cells after the last row: {cell_text(leftover)!r}"
        findings.append(Finding("warning", message, lines, "value_missing"))
    return out, findings
