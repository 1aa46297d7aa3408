"""Rows of a one-value-column table printed WITHOUT blank lines between its cells.

With blank lines a name paragraph and a value paragraph pair up (``indicator_rows``); without
them the cell boundaries must come from the text itself:

* a name cell goes on until the next line starts a value: a line wider than the name column (a
  wrapped value is wider than any name line), or one that opens the way target values open — a
  comparator or a digit (``>=5``, ``100%``, ``≥90%``) or a bound word (``不低于95%``, ``达到…``,
  ``超450个``).  A name line that merely *contains* a number (``数量*100%）``) does not end it;
* a value cell goes on while its lines are full (as wide as the value column): a wrapped value's
  last line is short.

A line printing two cells (``name value``) is a whole row, as with blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from budgetkg.parser.cells import display_width
from budgetkg.parser.indicator_labels import Blank
from budgetkg.parser.indicator_rows import WIDTH_SLACK, RawRow, cells_of, row_from_cells, usual_width
from budgetkg.parser.project_cells import Fragment, cell_lines, cell_text
from budgetkg.records import Finding

#: how target values open: a comparator, a sign, a digit, or a bound word
_VALUE_START = re.compile(
    r"^(?:[<>=≥≤≧≦≠~+\-]|\d|不低于|不少于|不高于|不超过|不大于|不小于|低于|高于|大于|小于|少于|多于|达到|超过|超|至少|至多|按照|约)"
)
#: a wrapped value line is full when at most this much narrower than the widest value line
FULL_SLACK = 3


def has_blank_lines(runs: Sequence[Sequence[Fragment | Blank]]) -> bool:
    return any(isinstance(item, Blank) for run in runs for item in run)


def column_widths(runs: Sequence[Sequence[Fragment | Blank]]) -> tuple[int, int]:
    """(name column, value column): the usual and the widest width of the one-cell lines."""
    widths = [
        display_width(f.text) for run in runs for f in run if isinstance(f, Fragment) and len(cells_of(f.text)) == 1
    ]
    return usual_width(widths, floor=8), max(widths, default=0)


def _is_row(fragment: Fragment) -> bool:
    return len(cells_of(fragment.text)) > 1


def read_unspaced_rows(
    run: Sequence[Fragment | Blank], columns: int, name_width: int, value_width: int
) -> tuple[list[RawRow], list[Finding]]:
    """Rows of a run without blank lines (see the module docstring)."""
    lines = [f for f in run if isinstance(f, Fragment)]
    rows: list[RawRow] = []
    findings: list[Finding] = []

    def opens_value(fragment: Fragment) -> bool:
        return display_width(fragment.text) > name_width + WIDTH_SLACK or bool(_VALUE_START.match(fragment.text))

    index = 0
    while index < len(lines):
        first = lines[index]
        index += 1
        if _is_row(first):
            rows.append(row_from_cells(first, columns))
            continue
        name = [first]
        while index < len(lines) and not _is_row(lines[index]) and not opens_value(lines[index]):
            name.append(lines[index])
            index += 1
        value: list[Fragment] = []
        if index < len(lines) and not _is_row(lines[index]):
            value.append(lines[index])
            index += 1
            while (
                index < len(lines)
                and not _is_row(lines[index])
                and display_width(value[-1].text) >= value_width - FULL_SLACK
            ):
                value.append(lines[index])
                index += 1
        else:
            message = f"indicator {cell_text(name)!r} has no value"
            findings.append(Finding("warning", message, cell_lines(name), "value_missing"))
        values = (cell_text(value) if value else None,) + (None,) * (columns - 1)
        rows.append(RawRow(cell_text(name), values, cell_lines(name + value)))
    return rows, findings
