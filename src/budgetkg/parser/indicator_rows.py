"""Rows of the indicator table (三级 name + value cells) from the content fragments between labels.

Two readers live here, chosen by ``indicator_table`` from the table's structure:

* ``read_paragraph_rows`` — one value column, cells separated by blank lines: a name paragraph
  then a value paragraph; a line with two cells (``培训次数 4次``) is a whole row.  A name
  paragraph that grows wider than the name column part-way (a short name line followed
  by a line twice as wide) holds the value too: the cut is where the width jumps.
* ``read_cell_rows`` — several value columns printed on the row's line (``name period annual``);
  cells broken over lines are completed from the following lines.  When the two target columns
  print the same text (the common case), the broken fragments read ``A`` ``A``: the split that
  makes both halves equal is taken.  Otherwise the fragments up to the next line printing several
  cells are cut by column geometry (``project_cells.split_cells``: a wrapped cell's non-last lines
  are full); when more than one cut fits equally, the cells stay null and a Finding lists the cuts.

Cells inside a printed line are separated by whitespace; Chinese cell text broken over lines is
joined with nothing in between (it wraps at any character).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from budgetkg.parser.cells import display_width
from budgetkg.parser.indicator_labels import Blank
from budgetkg.parser.project_cells import Fragment, cell_lines, cell_text, split_cells
from budgetkg.parser.units import UNIT_SPELLINGS
from budgetkg.records import Finding, Lines

#: a name-column line is at most this much wider than the column's usual full width
WIDTH_SLACK = 4
#: a broken cell is looked for in at most this many following fragments
MAX_CELL_FRAGMENTS = 10
#: a comparator printed as a word of its own (``≥ 95%``)
_LONE_COMPARATOR = re.compile(r"[≥≤><=≧≦⩾⩽]{1,2}")


@dataclass(frozen=True)
class RawRow:
    """One 三级 row as printed: name, the value cells in header order (None: not printed), lines."""

    name: str
    values: tuple[str | None, ...]
    lines: Lines
    description: str | None = None


def cells_of(text: str) -> list[str]:
    """The whitespace-separated cells of one printed line.

    A value the extractor letter-spaced (``≥ 8000 件``, ``95 %``) is one cell, not three: a lone
    comparator joins the word after it, and a lone unit word joins the number before it.
    """
    cells: list[str] = []
    glue_next = False
    for word in text.split():
        if glue_next or (cells and word in UNIT_SPELLINGS and cells[-1][-1].isdigit()):
            cells[-1] += " " + word  # kept as printed: targets read spaced values
        else:
            cells.append(word)
        glue_next = bool(_LONE_COMPARATOR.fullmatch(word))
    return cells


def usual_width(widths: Sequence[int], floor: int = 0) -> int:
    """The most common width of at least ``floor``: the full width of the column lines are cut at."""
    counts = Counter(w for w in widths if w >= floor)
    if not counts:
        return max(widths, default=0)
    # most common first; ties go to the wider, as a wrapped column is cut at its widest
    return max(counts, key=lambda w: (counts[w], w))


def _repeated_tail(cells: list[str]) -> int:
    """Words per target when a line ends with the same words twice (``名称 逐步 提升 逐步 提升``), else 0.

    Two target columns most often print the same text; a letter-spaced text is several words.
    The longest repeat that leaves a name wins.
    """
    for size in range((len(cells) - 1) // 2, 1, -1):
        if cells[-2 * size : -size] == cells[-size:]:
            return size
    return 0


def row_from_cells(line: Fragment, columns: int) -> RawRow:
    """A row printed whole on one line: the last ``columns`` cells are the values, the rest the name."""
    cells = cells_of(line.text)
    size = _repeated_tail(cells) if columns == 2 else 0
    if size:
        value = " ".join(cells[-size:])
        return RawRow(" ".join(cells[: -2 * size]), (value, value), (line.line, line.line))
    if len(cells) > columns:
        name, values = " ".join(cells[: len(cells) - columns]), cells[len(cells) - columns :]
    else:
        name, values = cells[0], cells[1:]
    padded = tuple(values) + (None,) * (columns - len(values))
    return RawRow(name, padded, (line.line, line.line))


def _paragraphs(run: Sequence[Fragment | Blank]) -> list[list[Fragment]]:
    """Blank-separated paragraphs of a run; a line printing two cells stands alone."""
    out: list[list[Fragment]] = []
    current: list[Fragment] = []
    for item in run:
        if isinstance(item, Blank) or len(cells_of(item.text)) > 1:
            if current:
                out.append(current)
            current = []
            if not isinstance(item, Blank):
                out.append([item])
            continue
        current.append(item)
    if current:
        out.append(current)
    return out


def _is_whole_row(paragraph: list[Fragment]) -> bool:
    return len(paragraph) == 1 and len(cells_of(paragraph[0].text)) > 1


def name_column_width(runs: Sequence[Sequence[Fragment | Blank]]) -> int:
    """The median width of the non-last lines of multi-line paragraphs: most of them are wrapped name cells."""
    widths = sorted(
        display_width(f.text)
        for run in runs
        for paragraph in _paragraphs(run)
        if len(paragraph) > 1
        for f in paragraph[:-1]
    )
    return widths[(len(widths) - 1) // 2] if widths else 0


def read_paragraph_rows(
    run: Sequence[Fragment | Blank], columns: int, name_width: int
) -> tuple[list[RawRow], list[Finding]]:
    """Rows of a run laid out as name paragraph + value paragraph (see the module docstring)."""
    paragraphs = _paragraphs(run)
    rows: list[RawRow] = []
    findings: list[Finding] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        index += 1
        if _is_whole_row(paragraph):
            rows.append(row_from_cells(paragraph[0], columns))
            continue
        cut = next(
            (i for i, f in enumerate(paragraph) if i and display_width(f.text) > name_width + WIDTH_SLACK),
            None,
        )
        if cut is not None:
            name, value = paragraph[:cut], paragraph[cut:]
            message = (
                f"name and value share a paragraph: the value read from line {value[0].line}, "
                f"which is wider than the name column ({name_width})"
            )
            findings.append(Finding("info", message, cell_lines(paragraph), "cells_cut_by_width"))
        elif index < len(paragraphs) and not _is_whole_row(paragraphs[index]):
            name, value = paragraph, paragraphs[index]
            index += 1
        else:
            name, value = paragraph, []
            findings.append(
                Finding("warning", f"indicator {cell_text(name)!r} has no value", cell_lines(name), "value_missing")
            )
        values = (cell_text(value) if value else None,) + (None,) * (columns - 1)
        rows.append(RawRow(cell_text(name), values, cell_lines(name + value)))
    return rows, findings


def _halves(fragments: Sequence[Fragment]) -> tuple[int, int] | None:
    """The shortest prefix of ``fragments`` that reads ``A`` ``A`` cut on a fragment boundary: (cut, end)."""
    for end in range(2, min(len(fragments), MAX_CELL_FRAGMENTS) + 1):
        for cut in range(1, end):
            if cell_text(fragments[:cut]) == cell_text(fragments[cut:end]):
                return cut, end
    return None


def read_cell_rows(run: Sequence[Fragment | Blank], columns: int) -> tuple[list[RawRow], list[Finding]]:
    """Rows of a run printed as ``name value value …`` lines, cells possibly broken over lines."""
    lines = [f for f in run if not isinstance(f, Blank)]
    rows: list[RawRow] = []
    findings: list[Finding] = []
    index = 0
    while index < len(lines):
        start = lines[index]
        index += 1
        row = row_from_cells(start, columns)
        missing = row.values.count(None)
        if not missing:
            rows.append(row)
            continue
        # the fragments that can continue this row: up to the next line printing several cells
        following: list[Fragment] = []
        for fragment in lines[index:]:
            if len(cells_of(fragment.text)) > 1:
                break
            following.append(fragment)
        printed = [v for v in row.values if v is not None]
        found = _complete(printed, following, columns)
        if found is None:
            values, notes = _split_rest(row, printed, following, columns)
            used = len(following)
            findings.extend(notes)
        else:
            values, used = found
        rows.append(RawRow(row.name, values, cell_lines([start, *following[:used]])))
        index += used
    return rows, findings


def _split_rest(
    row: RawRow, printed: list[str], following: Sequence[Fragment], columns: int
) -> tuple[tuple[str | None, ...], list[Finding]]:
    """The missing cells of ``row`` cut from ``following`` by column geometry, or null with a Finding."""
    missing = columns - len(printed)
    lines = cell_lines([Fragment(row.lines[0], row.name), *following])
    if not following:
        # trailing cells left empty (a blank 偏差原因) are normal; a row with no value at all is not
        notes = [] if printed else [Finding("warning", f"indicator {row.name!r} has no value", lines, "value_missing")]
        return row.values, notes
    splits = split_cells(following, missing)
    if len(splits) == 1:
        return (*printed, *(cell_text(cell) for cell in splits[0])), []
    options = "; ".join(" | ".join(cell_text(cell) for cell in split) for split in splits) or cell_text(following)
    message = f"cannot tell where the value cells of {row.name!r} split; candidates: {options}"
    return (*printed, *(None,) * missing), [Finding("warning", message, lines, "cells_ambiguous")]


def _complete(
    printed: list[str], following: Sequence[Fragment], columns: int
) -> tuple[tuple[str | None, ...], int] | None:
    """Two identical target cells broken over ``following``: the values and the fragments used."""
    if columns != 2:
        return None
    if len(printed) == 1:
        for end in range(1, min(len(following), MAX_CELL_FRAGMENTS) + 1):
            if cell_text(following[:end]) == printed[0]:
                return (printed[0], printed[0]), end
        return None
    found = _halves(following)
    if found is None:
        return None
    cut, end = found
    return (cell_text(following[:cut]), cell_text(following[cut:end])), end
