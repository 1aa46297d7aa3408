"""Table cells broken over lines: fragments, joined text that remembers its lines, and cell splitting.

A PDF-to-text extraction of a table without ruling prints each cell's wrapped lines one after
the other.  Every line of a wrapped cell but the last is *full* (as wide as the column), the
last one is usually shorter; the columns have different widths.  ``split_cells`` uses exactly
that to cut a run of fragments into a fixed number of cells (see its docstring for the rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from budgetkg.parser.cells import display_width
from budgetkg.records import Lines

#: a non-last line counts as full when at least this share of the widest line of its cell …
FULL_RATIO = 0.9
#: … or when the next line starts with an ASCII word that did not fit after it (words do not break)
_ASCII_HEAD = re.compile(r"^[A-Za-z0-9.%+\-/]+")
#: at most this many equally good splits are listed as candidates
MAX_CANDIDATES = 8
#: a cell before the last one spans at most this many lines (names and units take a few; the
#: bound keeps the search linear in the number of lines of the last, free-length cell)
MAX_CELL_LINES = 40
_NEVER = 1 << 30


@dataclass(frozen=True)
class Fragment:
    """One non-blank printed line: its 1-based line number and its text (stripped)."""

    line: int
    text: str


@dataclass(frozen=True)
class Joined:
    """Fragments joined into one string, each character remembering its line.

    Chinese text wraps at any character, so lines are joined with nothing between them.
    """

    text: str
    line_of: tuple[int, ...]

    @classmethod
    def of(cls, fragments: Sequence[Fragment]) -> Joined:
        text = "".join(f.text for f in fragments)
        line_of = tuple(f.line for f in fragments for _ in f.text)
        return cls(text, line_of)

    def lines(self, start: int, end: int) -> Lines:
        """The line range of ``text[start:end]`` ignoring surrounding whitespace."""
        while start < end - 1 and self.text[start].isspace():
            start += 1
        while end - 1 > start and self.text[end - 1].isspace():
            end -= 1
        return (self.line_of[start], self.line_of[max(start, end - 1)])


_PAGE_NUMBER = re.compile(r"^(?:[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")


def is_page_number(line: str) -> bool:
    """A page number printed by the extraction (``- 3 -``, ``第3页 共9页``, ``3/9``): not part of any cell.

    A bare number is NOT one: it may be an indicator number broken from its ``、``.
    """
    return bool(_PAGE_NUMBER.match(line.strip()))


def _violations(widths: Sequence[int], heads: Sequence[int]) -> int:
    """How many non-last lines of a would-be cell are not full (each one speaks against the cut).

    ``heads[i]`` is the width of the ASCII word line ``i`` starts with (0 when none).
    """
    widest = max(widths)
    count = 0
    for i in range(len(widths) - 1):
        width = widths[i]
        if width >= FULL_RATIO * widest:
            continue
        if heads[i + 1] and width + heads[i + 1] > widest:
            continue  # a number or Latin word moved whole to the next line
        count += 1
    return count


Split = tuple[tuple[Fragment, ...], ...]


def split_cells(
    fragments: Sequence[Fragment],
    count: int,
    anchor: str | None = None,
    misfit: Callable[[int, str], bool] | None = None,
) -> list[Split]:
    """Cut ``fragments`` into ``count`` consecutive non-empty cells; the best cuts, best first.

    Rules, in order:
    1. fewest *violations*: a non-last line of a cell that is not full (narrower than 90 % of
       the cell's widest line, unless the next line starts with an ASCII word that did not fit);
       a cell boundary is where a short line ends a cell, and columns differ in width, so a line
       that is wider than the lines before it starts a new cell;
       plus one for each cell whose text cannot be what its column holds (``misfit(index, text)``,
       e.g. an amount column cell that is not a number);
    2. among those, the cuts whose first cell reads ``anchor`` (a text known to repeat in that
       column, e.g. the 主管部门 of the previous row) come first.
    More than one cut returned means the layout is ambiguous: the caller reports the candidates.
    An empty list means there are fewer fragments than cells.
    """
    frags = tuple(fragments)
    n = len(frags)
    if count < 1 or n < count:
        return []
    widths = [display_width(f.text) for f in frags]
    heads = [len(m.group(0)) if (m := _ASCII_HEAD.match(f.text)) else 0 for f in frags]

    @cache
    def cost(start: int, end: int, cells: int) -> int:
        """Violations of frags[start:end] as the cell ``cells`` places before the last."""
        wrong = misfit is not None and misfit(count - cells, cell_text(frags[start:end]))
        return _violations(widths[start:end], heads[start:end]) + (1 if wrong else 0)

    def ends(start: int, cells: int) -> range:
        """Where a non-last cell starting at ``start`` may end: leave a line for each later cell."""
        return range(start + 1, min(n - cells + 2, start + MAX_CELL_LINES + 1))

    @cache
    def best(start: int, cells: int) -> int:
        if cells == 1:
            return cost(start, n, 1)
        return min((cost(start, end, cells) + best(end, cells - 1) for end in ends(start, cells)), default=_NEVER)

    def optimal(start: int, cells: int) -> list[tuple[int, ...]]:
        """End positions of every optimal cut of frags[start:] (capped)."""
        if cells == 1:
            return [(n,)]
        target = best(start, cells)
        found: list[tuple[int, ...]] = []
        for end in ends(start, cells):
            if cost(start, end, cells) + best(end, cells - 1) == target:
                found.extend((end, *rest) for rest in optimal(end, cells - 1))
            if len(found) >= MAX_CANDIDATES * 4:
                break
        return found

    splits: list[Split] = []
    for cut in optimal(0, count):
        starts = (0, *cut[:-1])
        splits.append(tuple(frags[s:e] for s, e in zip(starts, cut, strict=True)))
    if anchor is not None:
        splits.sort(key=lambda split: cell_text(split[0]) != anchor)  # stable: keeps order otherwise
    if anchor is not None and cell_text(splits[0][0]) == anchor:
        splits = [s for s in splits if cell_text(s[0]) == anchor]
    return splits[:MAX_CANDIDATES]


def cell_text(cell: Sequence[Fragment]) -> str:
    """A wrapped cell's text: its lines joined with nothing between them (Chinese wraps anywhere)."""
    return "".join(f.text for f in cell).strip()


def cell_lines(cell: Sequence[Fragment]) -> Lines:
    return (cell[0].line, cell[-1].line)
