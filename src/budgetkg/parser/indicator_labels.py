"""The indicator table's text → a stream of category labels, content fragments and blank lines.

A 绩效指标 table printed by a PDF extractor mixes three kinds of line: the merged label cells of
the 一级/二级 columns (``产出指标``, ``社会效益`` + ``指标`` on two lines, ``产/出/指/标`` one
character per line, ``产出指标(50分)``, the row caption ``绩效指标``), the cells of the 三级
rows, and blank lines.  This module only tells them apart; which rows a label belongs to is
decided by ``indicator_levels``.

Labels are recognised by the Ministry of Finance framework (``categories``), never by a file:
a line, or up to ``MAX_LABEL_PIECES`` consecutive short lines joined, that reads as a category
name is a label.  Labels may also lead a line (``质量指标 验收合格率 …``: the label cell and the first
cell of the row share a printed line) or trail one (``>=98%绩效指标``: a value glued to the
caption of the next page block).  A category label must say 指标 (``数量指标``, not ``数量``): the
short word alone is as often the last line of a broken 三级 name — except on a line of its own
where no name tail can stand (after a blank line or a label, before a blank line, a label or a row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from budgetkg.categories import canonical_level1, canonical_level2
from budgetkg.parser.cells import display_width
from budgetkg.parser.indicator_header import stacked_end
from budgetkg.parser.project_cells import Fragment
from budgetkg.records import Lines

#: the caption of the whole 绩效指标 block (the merged first column of the form)
MARKER = "绩效指标"
#: captions of the form's other tables, printed again where a page break cuts their merged cell
#: (the 年度重点工作任务 caption of the task table can land among the first indicator rows)
CAPTIONS: tuple[str, ...] = ("年度重点工作任务", "总体绩效目标", "预算整体情况")
#: a label printed one character (or word) per line spans at most this many lines
MAX_LABEL_PIECES = 6
#: … and each of those lines is short: a row's cell fragment is wider than this
MAX_PIECE_WIDTH = 12

_HEADER = re.compile(r"一级指标.*二级指标.*三级指标")
#: the titles of value columns: a line of nothing else right after the header continues it
_COLUMN_TITLE = re.compile(r"^(\S*指标值|\S*完成值|分值|得分|偏差原因\S*|未完成原因\S*|备注)$")
_GLUED_MARKER = re.compile(rf"^(?P<value>.*\S)\s*{MARKER}$")
_SPACES = re.compile(r"\s+")

#: page numbers an extractor leaves between page blocks (第3页 / 第3页 共8页 / - 3 -): read as blank lines
_PAGE_NUMBER = re.compile(r"^\s*(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|[-－—]\s*\d+\s*[-－—])\s*$")

LabelKind = Literal["level1", "level2", "either", "marker", "caption"]


@dataclass(frozen=True)
class Label:
    """A category label cell: ``name`` is canonical; ``either`` is 成本指标 (一级 in 2021, 二级 in 2015)."""

    kind: LabelKind
    name: str
    lines: Lines


@dataclass(frozen=True)
class Blank:
    line: int


Item = Label | Fragment | Blank


@dataclass(frozen=True)
class Header:
    """The table's header row: the column titles after 三级指标 (the value columns)."""

    line: int
    value_columns: tuple[str, ...]


def label_of(text: str, lines: Lines, *, short: bool = False) -> Label | None:
    """The label ``text`` reads as, or None when it is row content.

    ``short``: the text stands where only a label can (see ``_short_label``), so a category
    without 指标 (``数量``, ``社会效益``) is one too.
    """
    bare = _SPACES.sub("", text)
    if not bare:
        return None
    if bare == MARKER:
        return Label("marker", MARKER, lines)
    if bare in CAPTIONS:
        return Label("caption", bare, lines)
    if "指标" not in bare and not short:
        # a bare 数量 / 质量 is as often the tail of a broken name cell (…算法 / 数量) as a label
        return None
    level1, level2 = canonical_level1(bare), canonical_level2(bare)
    if level1 and level2:
        return Label("either", level1, lines)
    if level1:
        return Label("level1", level1, lines)
    if level2:
        return Label("level2", level2, lines)
    return None


def read_header(line: int, text: str) -> Header | None:
    """The header row ``一级指标 二级指标 三级指标 指标值 …``, or None when ``text`` is not one."""
    match = _HEADER.search(text)
    if not match:
        return None
    return Header(line, tuple(text[match.end() :].split()))


def _continues_header(text: str, header: Header, items: list[Item]) -> bool:
    """A line of column titles printed under the header row (a header broken over two lines)."""
    only_blanks_since = all(isinstance(item, Blank) for item in items if line_of(item) > header.line)
    return only_blanks_since and all(_COLUMN_TITLE.match(cell) for cell in text.split())


def line_of(item: Item) -> int:
    """The (first) line an item was printed on."""
    return item.lines[0] if isinstance(item, Label) else item.line


def _joined_label(lines: tuple[str, ...], index: int, first: int) -> tuple[Label, int] | None:
    """A label printed over several consecutive short lines starting at ``index``, and its line count."""
    pieces: list[str] = []
    for piece in lines[index : index + MAX_LABEL_PIECES]:
        stripped = piece.strip()
        if not stripped or display_width(stripped) > MAX_PIECE_WIDTH:
            break
        pieces.append(stripped)
    # the longest join wins: 产/出 alone already reads as 产出, the whole 产/出/指/标 is the label
    for count in range(len(pieces), 1, -1):
        number = first + index
        label = label_of("".join(pieces[:count]), (number, number + count - 1))
        if label is not None:
            return label, count
    return None


def _short_label(lines: tuple[str, ...], index: int, first: int, columns: int) -> Label | None:
    """A category printed without 指标 (``数量``) on a line where no name tail can stand.

    The tail of a broken name cell follows the name's first line; so a one-word line right after a
    blank line, the header row, a label or a complete row (a name and its ``columns`` values), and
    followed by a blank line, a label or a row printing several cells, is a label when the
    framework knows the word.
    """
    text = lines[index].strip()
    if not text or " " in text:
        return None
    number = first + index
    before = lines[index - 1].strip() if index else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if (
        before
        and len(before.split()) <= columns
        and read_header(number - 1, before) is None
        and label_of(before, (number - 1, number - 1), short=True) is None
    ):
        return None
    if after and len(after.split()) < 2 and label_of(after, (number + 1, number + 1), short=True) is None:
        return None
    return label_of(text, (number, number), short=True)


def _split_line(number: int, text: str) -> list[Item]:
    """One printed line → leading labels, then the row content, then a glued trailing caption."""
    items: list[Item] = []
    rest = text.strip()
    whole = label_of(rest, (number, number))
    if whole is not None:
        return [whole]
    # leading label cells: 满意度指标 服务对象满意度指标 / 质量指标 验收合格率 100%
    while True:
        head, _, tail = rest.partition(" ")
        label = label_of(head, (number, number)) if tail else None
        if label is None:
            break
        items.append(label)
        rest = tail.strip()
        whole = label_of(rest, (number, number))
        if whole is not None:
            return [*items, whole]
    glued = _GLUED_MARKER.match(rest)
    if glued:
        return [*items, Fragment(number, glued.group("value").strip()), Label("marker", MARKER, (number, number))]
    return [*items, Fragment(number, rest)]


def tokenize(lines: tuple[str, ...], first: int) -> tuple[list[Item], list[Header]]:
    """``lines`` (line ``first`` onwards) as labels, content fragments and blanks; header rows apart."""
    items: list[Item] = []
    headers: list[Header] = []
    index = 0
    while index < len(lines):
        number = first + index
        text = lines[index].replace("\t", " ")  # a tab separates cells like the spaces of other extractions
        if not text.strip() or _PAGE_NUMBER.match(text):
            items.append(Blank(number))
            index += 1
            continue
        header = read_header(number, text)
        if header is not None:
            headers.append(header)
            index += 1
            continue
        stacked = stacked_end(lines, index)
        if stacked is not None:
            # one title per line: the value-column titles that follow continue it (_continues_header)
            headers.append(Header(number, ()))
            index = stacked + 1
            continue
        if headers and _continues_header(text, headers[-1], items):
            headers[-1] = Header(headers[-1].line, headers[-1].value_columns + tuple(text.split()))
            index += 1
            continue
        columns = len(headers[-1].value_columns) if headers else 1
        short = _short_label(lines, index, first, max(columns, 1))
        if short is not None:
            items.append(short)
            index += 1
            continue
        joined = _joined_label(lines, index, first)
        if joined is not None:
            items.append(joined[0])
            index += joined[1]
            continue
        items.extend(_split_line(number, text))
        index += 1
    return items, headers
