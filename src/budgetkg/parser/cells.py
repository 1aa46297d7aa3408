"""Table cells as a PDF extractor prints them: numbered lines, display widths, joined text.

Shared by the readers of the 部门整体 form's goals and key-task table; ``display_width`` by every
reader that compares wrapped lines with their column's width.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from budgetkg.records import Lines

# an item's own numbering: 目标1：, 1、, 1., （1）, 一、, （一）
_NUMBERING = re.compile(
    r"^\s*(?:目标\s*\d+\s*[：:．.、]?|\d+\s*[、．.](?!\d)|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*"
)


@dataclass(frozen=True)
class Line:
    """One line of the filing: its 1-based number and its text."""

    number: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def display_width(text: str) -> int:
    """Columns a text takes when printed: wide, full-width and ambiguous (“”) characters count 2.

    The one width rule of every reader of wrapped cells.  Ambiguous characters count 2 because
    Chinese fonts print “” and ‘’ full-width; the task table's column thresholds were measured with
    them so.  Whitespace counts as printed: callers strip what they do not want measured.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def join_cell(lines: list[Line]) -> str:
    """A cell's wrapped lines as one text: CJK wraps carry no space, so lines join without one."""
    return "".join(line.text.strip() for line in lines if not line.blank)


def span_of(lines: list[Line]) -> Lines:
    """(first, last) line numbers of the non-blank lines; the lines must not all be blank."""
    numbers = [line.number for line in lines if not line.blank]
    return min(numbers), max(numbers)


def is_numbered(text: str) -> bool:
    """Whether a text opens with its own numbering (目标1：, 1、, （一） …)."""
    return bool(_NUMBERING.match(text))


def without_numbering(text: str) -> str:
    """``目标1：持续优化…`` → ``持续优化…``: records keep the wording, not the numbering."""
    return _NUMBERING.sub("", text, count=1)
