"""The 绩效指标 table of a department_overall filing → ``Indicator`` records.

``read_indicator_table(text, first, last)`` reads lines ``first``..``last`` (1-based, from the
table's header row to the end of the section).  Everything is decided from the table's structure:

1. ``indicator_labels.tokenize`` separates category labels, content fragments and blank lines;
   the header row names the value columns (``指标值`` or ``实施周期指标值 年度指标值``, perhaps
   followed by self-evaluation columns such as 实际完成值/分值/得分/偏差原因, which are read and
   dropped).
2. Where the labels stand: if rows come before the first label, each page block of rows is
   followed by its labels (labels AFTER); otherwise labels precede their rows (BEFORE).
   ``indicator_levels`` turns labels into 一级/二级, with candidates and Findings where ambiguous.
3. How rows are printed: one value column → name/value paragraphs (or, with no blank lines at all,
   cells told apart by width and by how values open: ``indicator_unspaced``); a period cell repeated on most
   lines → anchored rows with descriptions (``indicator_anchored``); otherwise ``name value value``
   lines with broken cells (``indicator_rows``).

A table with a single value column fills ``annual_target``.  Names lose printed numbering (``1、``,
``(2)``, ``指标3:``), a trailing weight (``（10分）``) and letter-spacing between Chinese characters,
and keep everything else as printed, broken lines joined.  Targets go through
``targets.parse_target``, which keeps the printed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from budgetkg.parser.indicator_anchored import Columns, find_anchor, read_anchored_rows
from budgetkg.parser.indicator_checks import implausible_percentages, one_target_of_two
from budgetkg.parser.indicator_labels import Blank, Header, Item, Label, line_of, tokenize
from budgetkg.parser.indicator_levels import LabelsBefore, Levels, levels_after
from budgetkg.parser.indicator_rows import RawRow, name_column_width, read_cell_rows, read_paragraph_rows
from budgetkg.parser.indicator_unspaced import column_widths, has_blank_lines, read_unspaced_rows
from budgetkg.parser.project_cells import Fragment
from budgetkg.parser.targets import parse_target
from budgetkg.parser.text import Text
from budgetkg.records import Finding, Indicator, Lines

#: numbering printed before a 三级 name (``1、``, ``(2)``, ``③``, ``指标3:``): not part of the name
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[、．.](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]|指标\s*\d{1,2}\s*[:：])\s*")
#: a weight printed after a 三级 name (``完成造林面积（10分）``), as on the category labels: not the name
_WEIGHT = re.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
#: a space between two Chinese characters of a name is the extractor's letter-spacing, not wording
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")

#: the sign-off under a form (填报人：…, 联系电话：…) ends the table
_SIGN_OFF = re.compile(r"^\s*(?:填报说明|填表说明|填报人|填表人|联系人|联系电话|审核人|单位负责人)\s*[：:]")

RowReader = Callable[[Sequence[Fragment | Blank]], tuple[list[RawRow], list[Finding]]]


@dataclass
class _Run:
    """Consecutive labels, or consecutive content (fragments and the blank lines between them)."""

    labels: list[Label] = field(default_factory=list)
    content: list[Fragment | Blank] = field(default_factory=list)


def _runs(items: list[Item]) -> list[_Run]:
    runs: list[_Run] = []
    for item in items:
        if isinstance(item, Label):
            if not runs or not runs[-1].labels:
                runs.append(_Run())
            runs[-1].labels.append(item)
        elif isinstance(item, Fragment):
            if not runs or runs[-1].labels:
                runs.append(_Run())
            runs[-1].content.append(item)
        elif runs and not runs[-1].labels:
            runs[-1].content.append(item)  # a blank line separates content; between labels it means nothing
    return runs


def _target_columns(header: Header | None) -> tuple[int | None, int | None]:
    """Indices of the 实施周期 and 年度 value columns among the header's value columns.

    A lone value column (``指标值``, ``目标值``) is the annual one; self-evaluation columns
    (实际完成值, 分值, 得分, 偏差原因) are neither.
    """
    if header is None or not header.value_columns:
        return None, 0
    names = header.value_columns
    period = next((i for i, n in enumerate(names) if "周期" in n), None)
    annual = next((i for i, n in enumerate(names) if "年度" in n), None)
    if annual is None:
        targets = (i for i, n in enumerate(names) if i != period and ("指标值" in n or "目标值" in n))
        annual = next(targets, None)
    return period, annual


def _row_reader(runs: list[_Run], columns: int, has_period: bool) -> RowReader:
    contents = [run.content for run in runs if run.content]
    if columns == 1 and not has_blank_lines(contents):
        name_width, value_width = column_widths(contents)
        return lambda run: read_unspaced_rows(run, columns, name_width, value_width)
    if columns == 1:
        width = name_column_width(contents)
        return lambda run: read_paragraph_rows(run, columns, width)
    fragments = [f for content in contents for f in content if isinstance(f, Fragment)]
    # the repeated cell is a 实施周期 value: without that column a repeated 偏差原因 (无) is no anchor
    anchor = find_anchor(fragments) if has_period else None
    if anchor is not None:
        geometry = Columns.measure(fragments, anchor)
        return lambda run: read_anchored_rows(run, anchor, geometry)
    return lambda run: read_cell_rows(run, columns)


def _labels_come_first(runs: list[_Run]) -> bool:
    for run in runs:
        if run.content:
            return False
        if any(label.kind != "caption" for label in run.labels):
            return True
    return True


def _span(rows: list[RawRow]) -> Lines:
    return (rows[0].lines[0], rows[-1].lines[1])


def _levelled_rows(runs: list[_Run], read: RowReader) -> tuple[list[tuple[RawRow, Levels]], list[Finding]]:
    out: list[tuple[RawRow, Levels]] = []
    findings: list[Finding] = []
    if _labels_come_first(runs):
        state = LabelsBefore()
        for run in runs:
            for label in run.labels:
                state.apply(label)
            if run.content:
                rows, notes = read(run.content)
                findings.extend(notes)
                state.count_rows(len(rows), _span(rows) if rows else None)
                out.extend((row, state.levels()) for row in rows)
        return out, [*findings, *state.finish()]
    for index, run in enumerate(runs):
        if not run.content:
            continue
        rows, notes = read(run.content)
        findings.extend(notes)
        if not rows:
            continue
        after = runs[index + 1].labels if index + 1 < len(runs) else []
        if after:
            levels, level_notes = levels_after(after, _span(rows))
            findings.extend(level_notes)
        else:
            levels = Levels(None, None)
            findings.append(Finding("warning", "rows with no labels printed after them", _span(rows), "levels_missing"))
        out.extend((row, levels) for row in rows)
    return out, findings


def _indicator(row: RawRow, levels: Levels, period: int | None, annual: int | None) -> Indicator:
    def target(index: int | None) -> str | None:
        return row.values[index] if index is not None and index < len(row.values) else None

    period_text, annual_text = target(period), target(annual)
    name = _CJK_SPACE.sub("", _WEIGHT.sub("", _NUMBERING.sub("", row.name)))
    return Indicator(
        level1=levels.level1,
        level2=levels.level2,
        name=name,
        lines=row.lines,
        level2_candidates=levels.candidates,
        description=row.description,
        period_target=parse_target(period_text, name) if period_text else None,
        annual_target=parse_target(annual_text, name) if annual_text else None,
    )


def read_indicator_table(text: Text, first: int, last: int) -> tuple[list[Indicator], list[Finding]]:
    """The indicators printed on lines ``first``..``last`` of ``text``, and what was noticed reading them."""
    findings: list[Finding] = []
    sign_off = next((n for n in range(first, last + 1) if _SIGN_OFF.match(text.line(n))), None)
    if sign_off is not None:
        findings.append(
            Finding("info", f"the table ends at the sign-off on line {sign_off}", (sign_off, last), "table_end")
        )
        last = sign_off - 1
        if last < first:
            return [], findings
    items, headers = tokenize(text.lines[first - 1 : last], first)
    header = headers[0] if headers else None
    if header is None:
        findings.append(
            Finding(
                "warning",
                "indicator table without a header row: one value column assumed",
                (first, last),
                "header_missing",
            )
        )
    else:
        # what precedes the header (a 绩效指标 caption printed above it) says nothing about the rows
        items = [item for item in items if line_of(item) > header.line]
    columns = len(header.value_columns) if header and header.value_columns else 1
    period, annual = _target_columns(header)
    runs = _runs(items)
    rows, notes = _levelled_rows(runs, _row_reader(runs, columns, period is not None))
    indicators = [_indicator(row, levels, period, annual) for row, levels in rows]
    return indicators, [
        *findings,
        *_unread_columns(header, period, annual),
        *notes,
        *implausible_percentages(indicators),
        *(one_target_of_two(indicators) if period is not None and annual is not None else []),
    ]


def _unread_columns(header: Header | None, period: int | None, annual: int | None) -> list[Finding]:
    """Value columns that are no target (实际完成值, 分值, 得分, 偏差原因): said, not silently dropped."""
    if header is None:
        return []
    unread = [name for i, name in enumerate(header.value_columns) if i not in (period, annual)]
    if not unread:
        return []
    message = f"未读取的栏目 / columns not read (no target): {'、'.join(unread)}"
    return [Finding("info", message, (header.line, header.line), "indicator_columns_ignored")]
