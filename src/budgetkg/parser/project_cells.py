"""Table cells broken over lines: fragments, joined text that remembers its lines, and cell splitting.

A PDF-to-text extraction of a table without ruling prints each cell's wrapped lines one after
the other.  Every line of a wrapped cell but the last is *full* (as wide as the column), the
last one is usually shorter; the columns have different widths.  ``split_cells`` uses exactly
that to cut a run of fragments into a fixed number of cells (see its docstring for the rules).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from budgetkg.records import Lines

#: a non-last line counts as full when at least this share of the widest line of its cell …
FULL_RATIO = 0.9
#: … or when the next line starts with an ASCII word that did not fit after it (words do not break)
_ASCII_HEAD = re.compile(r"^[A-Za-z0-9.%+\-/]+")
#: at most this many equally good splits are listed as candidates
MAX_CANDIDATES = 8


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


def display_width(text: str) -> int:
    """Columns a text takes when printed: CJK (wide/full-width) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _violations(cell: Sequence[Fragment]) -> int:
    """How many non-last lines of a would-be cell are not full (each one speaks against the cut)."""
    widths = [display_width(f.text) for f in cell]
    widest = max(widths)
    count = 0
    for width, following in zip(widths, cell[1:], strict=False):
        if width >= FULL_RATIO * widest:
            continue
        head = _ASCII_HEAD.match(following.text)
        if head and width + len(head.group(0)) > widest:
            continue  # a number or Latin word moved whole to the next line
        count += 1
    return count


Split = tuple[tuple[Fragment, ...], ...]


def split_cells(fragments: Sequence[Fragment], count: int, anchor: str | None = None) -> list[Split]:
    """Cut ``fragments`` into ``count`` consecutive non-empty cells; the best cuts, best first.

    Rules, in order:
    1. fewest *violations*: a non-last line of a cell that is not full (narrower than 90 % of
       the cell's widest line, unless the next line starts with an ASCII word that did not fit);
       a cell boundary is where a short line ends a cell, and columns differ in width, so a line
       that is wider than the lines before it starts a new cell;
    2. among those, the cuts whose first cell reads ``anchor`` (a text known to repeat in that
       column, e.g. the 主管部门 of the previous row) come first.
    More than one cut returned means the layout is ambiguous: the caller reports the candidates.
    An empty list means there are fewer fragments than cells.
    """
    frags = tuple(fragments)
    n = len(frags)
    if count < 1 or n < count:
        return []

    @cache
    def cost(start: int, end: int) -> int:
        return _violations(frags[start:end])

    @cache
    def best(start: int, cells: int) -> int:
        if cells == 1:
            return cost(start, n)
        return min(cost(start, end) + best(end, cells - 1) for end in range(start + 1, n - cells + 2))

    def optimal(start: int, cells: int) -> list[tuple[int, ...]]:
        """End positions of every optimal cut of frags[start:] (capped)."""
        if cells == 1:
            return [(n,)]
        target = best(start, cells)
        found: list[tuple[int, ...]] = []
        for end in range(start + 1, n - cells + 2):
            if cost(start, end) + best(end, cells - 1) == target:
                found.extend((end, *rest) for rest in optimal(end, cells - 1))
            if len(found) >= MAX_CANDIDATES * 4:
                break
        return found

    splits: list[Split] = []
    for ends in optimal(0, count):
        starts = (0, *ends[:-1])
        splits.append(tuple(frags[s:e] for s, e in zip(starts, ends, strict=True)))
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
