"""The 部门整体预算绩效目标表's 年度重点工作任务 table: name, content, amount, expected goal per row.

The table is the hard part of the form.  A PDF extractor prints its four columns (名称, 主要实施内容,
拟投入的资金, 期望达到的目标) one after the other, each cell wrapped at its column's width, with
blank lines that sometimes separate cells and sometimes fall inside them.  What it keeps reliably:

* the amount: a line that is only a number (``246.63``, ``358.00万元``), or a two-decimal amount
  after the content (``…必要支出 4,431.81``) or inside a one-line row (``名称 内容 950.00 目标``).
  Amounts anchor the rows: before an amount lie the row's name and content, after it its
  expected goal, then the next row's name and content;
* where a cell ends: a line closing a sentence (``。``; an expected goal's sentence ending flush
  with a full line may go on), or a line shorter than its column followed by a blank line, or
  the next line being wider than the column can print (a wider column begins); numbered items
  (``2.…``) and closing punctuation continue the cell they follow, except after a name.

Column widths are learnt from the table itself: the widest first line of the expected goals and
of the names.  Measured on the five filings and on their task rows printed again in 48 other
width and blank-line layouts (tests/parser/test_variants.py).  What layout alone cannot tell —
a full-width name without ``。`` followed by content of the same width with no blank line
between — is split at the first blank-separated block, and a row with an empty cell gets a
``task_cell_missing`` warning.

Widths are display widths (``cells.display_width``: CJK and “” = 2) so that columns can be compared
line by line.

Amounts are records in 万元: a header printing another unit (拟投入的资金（元）) converts them
exactly, with an info ``task_amount_unit_converted`` finding.  The optional last row,
其他需完成的任务（可选填）, is read when it prints text: a task named after the row, its text as
content, an amount only when the row prints one amount line, no expected goal, and an info
``task_other_read`` finding (``read_other_tasks``).  Left empty, as usual, it gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

from budgetkg.errors import InputError
from budgetkg.parser.amount_units import amount_scale, to_wan
from budgetkg.parser.cells import Line, display_width, join_cell, span_of, without_numbering
from budgetkg.parser.checks import warning
from budgetkg.parser.layout import LABELS, OTHER_TASKS, Sections, compact, is_label, is_task_header
from budgetkg.parser.numbers import parse_amount
from budgetkg.parser.text import Text
from budgetkg.records import Finding, Task

# an item of a numbered list inside a cell: 1.…, 2、…, （3）…
_LIST_ITEM = re.compile(r"^\s*(?:\d+\s*[、．.](?!\d)|[（(]\d+[)）])")
# an amount printed on a line with text: after the content (``…必要支出 4,431.81``), or inside a
# one-line row (``名称 内容 358.00 期望目标``); always with two decimals (``亚运大道 550`` is an address)
_INLINE_AMOUNT = re.compile(
    r"^(?P<before>.*?\S)\s+(?P<amount>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?:\s+(?P<after>\S.*))?$"
)
# the optional row's title, perhaps with its note (可选填), wherever the extraction broke it
_OTHER_TASKS_LABEL = re.compile(rf"^{OTHER_TASKS}\s*(?:[（(]\s*可?\s*选?\s*填?\s*[)）]?)?")
_SENTENCE_END = ("。", "！", "？")
_CLOSING = ("。", "，", "、", "；", "：", "”", "’", "）", ")", "》", "！", "？")
# a cell line is "short" when narrower than its column by more than one CJK character (ASCII
# digits are narrower than the 1 counted for them, so a full line may measure a little short)
_SHORT_BY = 3
# a next line this much wider than the cell so far belongs to a wider column
_WIDER_COLUMN = 1.4


@dataclass(frozen=True)
class _Anchor:
    index: int  # position in the row lines
    number: int  # its line in the file
    amount: Decimal
    before: Line | None = None  # text printed before the amount on its line: content, or name and content
    after: Line | None = None  # text printed after it: the expected goal's start
    in_wan: bool = False  # the cell prints its unit (358.00万元): no header unit applies to it


def _row_lines(text: Text, sections: Sections, first: int, last: int) -> list[Line]:
    """The table body: header rows and stray section labels become blank lines (they split nothing)."""
    body: list[Line] = []
    for number in range(first, last + 1):
        line = text.line(number)
        if is_task_header(line) or is_label(line) or "主要实施内容" in line or number in sections.label_lines:
            body.append(Line(number, ""))
        else:
            body.append(Line(number, line))
    return body


def _anchors(body: list[Line]) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    for index, line in enumerate(body):
        stripped = line.text.strip()
        amount = parse_amount(stripped.removesuffix("万元"))  # the column is in 万元; some print the unit
        if amount is not None:
            anchors.append(_Anchor(index, line.number, amount, in_wan=stripped.endswith("万元")))
            continue
        inline = _INLINE_AMOUNT.match(stripped)
        amount = parse_amount(inline.group("amount")) if inline else None
        if inline and amount is not None:
            after = Line(line.number, inline.group("after")) if inline.group("after") else None
            anchors.append(_Anchor(index, line.number, amount, Line(line.number, inline.group("before")), after))
    return anchors


def _next_nonblank(lines: list[Line], index: int) -> Line | None:
    for line in lines[index + 1 :]:
        if not line.blank:
            return line
    return None


def _continues(next_line: Line) -> bool:
    """A line that cannot start a new cell: a numbered list item or closing punctuation."""
    text = next_line.text.strip()
    return bool(_LIST_ITEM.match(text)) or text.startswith(_CLOSING)


def _cell_end(lines: list[Line], index: int, column: int, cell_width: int, *, is_name: bool) -> bool:
    """Whether the cell that line ``index`` belongs to ends with it.

    A numbered item continues an expected-goal list (``1.…；2.…``) but after a name it opens
    the content cell: names are short titles, never lists.
    """
    line = lines[index]
    following = _next_nonblank(lines, index)
    if following is None:
        return True
    if is_name and _LIST_ITEM.match(following.text):
        return True
    current = line.text.strip()
    blank_follows = index + 1 < len(lines) and lines[index + 1].blank
    full = display_width(current.strip()) > max(column, cell_width) - _SHORT_BY
    if current.endswith(_SENTENCE_END) and not following.text.strip().startswith(_CLOSING):
        # a sentence ending flush with a full line of an expected goal may go on when another
        # full line of its column follows; a name is one short phrase, its sentence end is its end
        same_column = abs(display_width(following.text.strip()) - cell_width) < _SHORT_BY
        return is_name or not (full and same_column and not _continues(following))
    if _continues(following):
        return False
    if blank_follows and not full:
        return True
    wider = display_width(following.text.strip())
    # a line wider than any line this column prints belongs to the next, wider column
    return wider >= _WIDER_COLUMN * max(cell_width, 1) or (is_name and wider > column + _SHORT_BY - 1)


def _split_cell(lines: list[Line], column: int, *, is_name: bool) -> tuple[list[Line], list[Line]]:
    """(the first cell's lines, the rest): the first cell ends at its first cell end."""
    cell_width = 0
    for index, line in enumerate(lines):
        if line.blank:
            continue
        cell_width = max(cell_width, display_width(line.text.strip()))
        if _cell_end(lines, index, column, cell_width, is_name=is_name):
            return lines[: index + 1], lines[index + 1 :]
    return lines, []


def _first_width(lines: list[Line]) -> int:
    first = next((line for line in lines if not line.blank), None)
    return display_width(first.text.strip()) if first else 0


def _name_and_content(before: list[Line], anchor: _Anchor, column: int) -> tuple[list[Line], list[Line]]:
    """The name and content cells of a row, from its lines before the amount and the amount's line."""
    if anchor.before is None:
        name, content = _split_cell(before, column, is_name=True)
        if any(not line.blank for line in content) or not name:
            return name, content
        # no cell end found: the first blank-separated block is the name, the rest the content
        first_block = next(
            (i for i, line in enumerate(name) if line.blank and any(not n.blank for n in name[:i])), len(name)
        )
        return name[:first_block], name[first_block:]
    if any(not line.blank for line in before):
        name, content = _split_cell(before, column, is_name=True)
        return name, [*content, anchor.before]
    # a one-line row: the name is the first field, the content the rest
    fields = anchor.before.text.split(maxsplit=1)
    if len(fields) == 1:
        return [], [anchor.before]
    return [Line(anchor.before.number, fields[0])], [Line(anchor.before.number, fields[1])]


def _task_from(name_lines: list[Line], content: list[Line], anchor: _Anchor, expected_lines: list[Line]) -> Task:
    every = [*name_lines, *content, *expected_lines, Line(anchor.number, str(anchor.amount))]
    return Task(
        name=without_numbering(join_cell(name_lines)),
        content=join_cell(content),
        amount=anchor.amount,
        expected=join_cell(expected_lines),
        lines=span_of(every),
    )


def _after(anchor: _Anchor) -> list[Line]:
    """The expected goal's first line, when printed on the amount's line."""
    return [anchor.after] if anchor.after else []


def _header_lines(text: Text, first: int) -> list[int]:
    """The task table's header lines from ``first``: a header may wrap (拟投入的资金 / （元）)."""
    header = [first]
    while header[-1] < len(text.lines) and (
        is_task_header(text.line(header[-1] + 1)) or not text.line(header[-1] + 1).strip()
    ):
        header.append(header[-1] + 1)
    return header


def _in_wan(text: Text, first: int, anchors: list[_Anchor]) -> tuple[list[_Anchor], Decimal, list[Finding]]:
    """The amounts in 万元 (a table printed in another unit is converted exactly, and said so), and
    the factor used."""
    scale, findings = amount_scale(text, _header_lines(text, first), True, "task")
    wan = [a if a.in_wan else replace(a, amount=to_wan(a.amount, scale)) for a in anchors]
    return wan, scale, findings


def read_other_tasks(text: Text, sections: Sections, scale: Decimal) -> tuple[list[Task], list[Finding]]:
    """The optional 其他需完成的任务（可选填） row: a task of that name when it prints any text, else nothing.

    The row has no name of its own and rarely an amount: its text is the task's content, a line
    that is only an amount (in the task table's unit, ``scale``) its amount, else the amount is null; an info
    finding says the row was read so.  Section labels printed after it (绩效指标) are not its text.
    """
    if sections.other_tasks is None:
        return [], []
    first, last = sections.other_tasks
    lines = [
        Line(n, text.line(n))
        for n in range(first, last + 1)
        if text.line(n).strip() and n not in sections.label_lines and compact(text.line(n)) not in LABELS
    ]
    if not lines:
        return [], []
    span = (first, span_of(lines)[1])  # from the row's title, wherever its text ends
    amounts = [(line, parse_amount(line.text.strip().removesuffix("万元"))) for line in lines]
    priced = [(line, amount) for line, amount in amounts if amount is not None]
    amount: Decimal | None = None
    if len(priced) == 1:  # one amount line is the row's amount; several cannot be told apart: text
        amount_line, amount = priced[0]
        lines.remove(amount_line)
        if not amount_line.text.strip().endswith("万元"):
            amount = to_wan(amount, scale)
    content = _OTHER_TASKS_LABEL.sub("", join_cell(lines), count=1).strip()
    if not content and amount is None:
        return [], []  # the row left empty, as it may be
    task = Task(name=OTHER_TASKS, content=content, amount=amount, expected="", lines=span)
    message = (
        f"“{OTHER_TASKS}”一行有内容，读作一项任务（名称即该栏标题，无期望目标） / "
        f"the optional {OTHER_TASKS} row prints text: read as a task named after the row, without expected goal"
    )
    return [task], [Finding("info", message, task.lines, "task_other_read")]


def read_tasks(text: Text, sections: Sections) -> tuple[list[Task], list[Finding]]:
    """The 年度重点工作任务 rows; findings for rows whose cells could not all be found."""
    if sections.tasks is None:
        return [], []
    body = _row_lines(text, sections, *sections.tasks)
    anchors = _anchors(body)
    if not anchors:
        raise InputError(
            text.path,
            sections.tasks[0],
            "年度重点工作任务 table without a single amount (拟投入的资金): truncated or not a task table",
        )
    anchors, scale, findings = _in_wan(text, sections.tasks[0], anchors)
    # between two amounts: the previous row's expected goal, then this row's name and content
    segments = [body[: anchors[0].index]]
    segments += [_after(a) + body[a.index + 1 : b.index] for a, b in pairwise(anchors)]
    segments.append(_after(anchors[-1]) + body[anchors[-1].index + 1 :])
    expected_column = max(_first_width(segment) for segment in segments[1:])
    expected: list[list[Line]] = []
    leading: list[list[Line]] = [segments[0]]
    for segment in segments[1:-1]:
        cell, rest = _split_cell(segment, expected_column, is_name=False)
        expected.append(cell)
        leading.append(rest)
    expected.append(segments[-1])
    name_column = max(_first_width(lines) for lines in leading)
    tasks: list[Task] = []
    for anchor, before, after in zip(anchors, leading, expected, strict=True):
        name, content = _name_and_content(before, anchor, name_column)
        task = _task_from(name, content, anchor, after)
        tasks.append(task)
        cells = (
            (task.name, "名称/name"),
            (task.content, "主要实施内容/content"),
            (task.expected, "期望达到的目标/expected"),
        )
        for part, label in cells:
            if not part:
                findings.append(warning("task_cell_missing", f"任务缺少{label}", f"task without {label}", task.lines))
    other, other_findings = read_other_tasks(text, sections, scale)
    return [*tasks, *other], [*findings, *other_findings]
