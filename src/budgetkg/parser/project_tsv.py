"""The tab-separated 项目支出绩效目标表: one table row per line, columns named by a header row.

Rules (all read from structure, none from a particular filing):

* Column positions come from the header row (the tabbed line with a 项目名称… cell and a 绩效指标
  or 三级指标 cell), each header cell mapped to a role by ``project_columns.column_role``: name, goal,
  indicators, a 资金使用单位-style unit column, amount columns (labelled by their header), and
  columns nothing is read from (reported).  The total is the ``总计``/``合计`` column (else the
  first amount column); the other amount columns become the project's ``funding``.
* Amounts are in 万元; a ``单位：元`` (千元, 亿元) line before the header converts them exactly.
  Empty and nil (``-``) cells have no amount; an unreadable one is an error finding, never a guess.
* Page furniture repeated on every page (the ``#`` title, ``部门名称：``, ``单位：万元``, the header
  row itself, page numbers, blank lines) is skipped.
* A row with a name and amounts but no goal and no indicators is a grouping row, not a project:
  ``合计`` (the table total) or a 资金使用单位 (its subtotal; it names the unit of the projects
  below it).  Both become budget figures: the total column labelled with the row's name, the
  other columns ``name 列名`` (``合计 财政拨款``).  A row with a name and nothing else is reported,
  not read: it could be a unit heading or a project name broken over two rows.
* A row with an EMPTY name and no amounts continues the project above: its goal paragraphs and
  indicators are appended and the project's line range is extended; indicator numbering runs on.
* Indicators are either all in one 绩效指标 cell (read by ``project_indicators``) or one per row
  in 一级/二级/三级/指标值 columns (``project_indicator_columns``; the project's later rows leave
  the name empty, so they are continuation rows).
* Goals may be HTML paragraphs (``<p>…</p>``): tags are removed, paragraphs kept one per line.
* A line without tabs inside the table is text of the previous row's last cell that the
  extraction put on a line of its own: it is appended there (keeping its own line number for
  provenance), and said so in a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgetkg.errors import InputError
from budgetkg.parser.amount_units import amount_label, amount_scale, to_wan
from budgetkg.parser.numbers import parse_amount
from budgetkg.parser.project_cells import Fragment, Joined, is_page_number
from budgetkg.parser.project_columns import INDICATOR_COLUMNS, NIL, column_role
from budgetkg.parser.project_indicator_columns import Above, read_indicator_row
from budgetkg.parser.project_indicators import Numbered, check_numbering, read_indicator_cell, starts_indicator
from budgetkg.parser.text import Text
from budgetkg.records import BudgetFigure, Finding, Lines, Project

_TOTAL_ROW = re.compile(r"^(合计|总计|小计)$")
_TOTAL_COLUMN = re.compile(r"^(总计|合计|金额合计|资金总额)")
_FURNITURE = re.compile(r"^(#+\s|(部门名称|单位名称|编制单位|填报单位|单位)\s*[：:])|绩效目标表")
_TAG = re.compile(r"<\s*/?\s*(?:p|br|span|div|b|strong|font)\b[^>]*>", re.IGNORECASE)
_PARAGRAPH = re.compile(r"<\s*/?\s*(?:p|br|div)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Columns:
    """Where each kind of cell sits, read from the header row."""

    name: int
    goal: int | None
    indicators: int | None  # all indicators in one cell …
    indicator_columns: dict[str, int]  # … or one per row: role (level1 … annual) → position
    unit: int | None
    amounts: tuple[tuple[int, str], ...]  # (position, header label)
    total: int | None
    cells: tuple[str, ...]  # the header's own cells, to skip the header repeated on later pages
    ignored: tuple[str, ...]  # header cells of columns nothing is read from


def _split(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def find_header(text: Text) -> tuple[int, Columns] | None:
    """The first tabbed header row (1-based line) and its columns, or None when there is none."""
    for number, line in enumerate(text.lines, start=1):
        if "\t" not in line:
            continue
        cells = _split(line)
        roles = [column_role(c) for c in cells]
        if "name" not in roles or ("indicators" not in roles and "level3" not in roles):
            continue
        first = {role: roles.index(role) for role in roles}  # the first column of each role
        amounts = tuple(
            (i, amount_label(c)) for i, (c, r) in enumerate(zip(cells, roles, strict=True)) if r == "amount"
        )
        totals = [i for i, c in amounts if _TOTAL_COLUMN.match(c)]
        total = totals[0] if totals else (amounts[0][0] if amounts else None)
        indicator_columns = {role: first[role] for role in INDICATOR_COLUMNS if role in first}
        own = (first["name"], first.get("indicators"), first.get("goal"), first.get("unit"))
        taken = {*own, *indicator_columns.values(), *(i for i, _ in amounts)}
        ignored = tuple(c for i, c in enumerate(cells) if c and i not in taken)
        columns = Columns(
            name=first["name"],
            goal=first.get("goal"),
            indicators=first.get("indicators"),
            indicator_columns=indicator_columns,
            unit=first.get("unit"),
            amounts=amounts,
            total=total,
            cells=tuple(cells),
            ignored=ignored,
        )
        return number, columns
    return None


@dataclass
class _Row:
    line: int
    cells: list[str]
    #: untabbed lines that continue the row's last cell
    extra: list[Fragment] = field(default_factory=list)

    @property
    def last(self) -> int:
        return self.extra[-1].line if self.extra else self.line

    def fragments(self, position: int) -> list[Fragment]:
        """A cell's text with its line; the last cell also gets the untabbed lines that continue it."""
        own = [Fragment(self.line, self.cells[position])]
        return own + self.extra if position == len(self.cells) - 1 else own


@dataclass
class _Building:
    """A project being assembled from its row and any continuation rows."""

    name: str
    unit: str | None
    amount: Decimal | None
    funding: tuple[BudgetFigure, ...]
    goal: list[str]
    first: int
    last: int
    indicators: list[Numbered] = field(default_factory=list)
    above: Above = field(default_factory=Above)  # merged level cells, for indicators one per row


def _paragraphs(cell: str) -> list[str]:
    pieces = _PARAGRAPH.split(cell)
    return [p for p in (_TAG.sub("", piece).strip() for piece in pieces) if p]


def _rows(text: Text, header_line: int, columns: Columns, findings: list[Finding]) -> list[_Row]:
    width = len(columns.cells)
    rows: list[_Row] = []
    for number in range(header_line + 1, len(text.lines) + 1):
        line = text.line(number)
        cells = _split(line)
        if not line.strip() or tuple(cells) == columns.cells or is_page_number(line):
            continue
        if all(_FURNITURE.search(c) for c in cells if c):  # page title, 部门名称：…, 单位：万元
            continue
        if "\t" not in line:
            if rows:
                rows[-1].extra.append(Fragment(number, line.strip()))
                message = (
                    "无分栏的行并入上一行的最后一栏 / line without columns appended to the previous row's last cell"
                )
                findings.append(Finding("info", message, (number, number), "project_row_joined"))
            else:
                message = f"表头后无法识别的行 / line after the table header not read: {line.strip()[:40]}"
                findings.append(Finding("warning", message, (number, number), "project_unread_text"))
            continue
        if len(cells) > width:
            cells = [*cells[: width - 1], " ".join(cells[width - 1 :])]
        rows.append(_Row(number, cells + [""] * (width - len(cells))))
    return rows


def _amounts(row: _Row, columns: Columns, scale: Decimal, findings: list[Finding]) -> dict[int, Decimal]:
    """The row's amounts in 万元 by column position; empty or nil (``-``) cells have none.

    An unreadable cell is an error finding and has no amount: it is never guessed.
    """
    amounts: dict[int, Decimal] = {}
    for position, label in columns.amounts:
        cell = row.cells[position]
        if not cell or cell in NIL:
            continue
        amount = parse_amount(cell)
        if amount is None:
            message = f"{label}栏“{cell}”不是金额 / column {label}: {cell!r} is not an amount"
            findings.append(Finding("error", message, (row.line, row.line), "project_amount_unreadable"))
        else:
            amounts[position] = to_wan(amount, scale)
    return amounts


def _figures(row: _Row, columns: Columns, amounts: dict[int, Decimal], prefix: str | None) -> list[BudgetFigure]:
    """Amounts as figures: the total column labelled ``prefix``, the others ``prefix 列名`` (or ``列名``)."""
    figures: list[BudgetFigure] = []
    for position, label in columns.amounts:
        if position not in amounts:
            continue
        figure_label = label if prefix is None else prefix if position == columns.total else f"{prefix} {label}"
        figures.append(BudgetFigure(figure_label, amounts[position], (row.line, row.line)))
    return figures


def _goal(row: _Row, columns: Columns) -> list[str]:
    if columns.goal is None:
        return []
    return _paragraphs("".join(f.text for f in row.fragments(columns.goal)))


def _misplaced_indicators(row: _Row, goal: list[str]) -> list[Finding]:
    """A 绩效目标 paragraph that opens like an indicator (``3、3-满意度指标,…``): a cell shifted one
    column by the extraction.  Kept as printed, in the goal, and said: moving it would be a guess."""
    if not any(starts_indicator(paragraph) for paragraph in goal):
        return []
    message = (
        "绩效目标栏中的文字像绩效指标（分栏错位？），按原样留在目标中 / "
        "text in the 绩效目标 column reads like an indicator (a cell shifted one column?): kept in the goal, not read"
    )
    return [Finding("warning", message, (row.line, row.last), "project_goal_like_indicator")]


def _has_indicators(row: _Row, columns: Columns) -> bool:
    if columns.indicators is not None:
        return any(f.text for f in row.fragments(columns.indicators))
    return any(row.cells[p] for p in columns.indicator_columns.values())


def _indicators(row: _Row, columns: Columns, above: Above, findings: list[Finding]) -> tuple[list[Numbered], Above]:
    """The row's indicators: from its one indicator cell, or its indicator columns."""
    if columns.indicators is None:
        cells = {role: row.cells[p] for role, p in columns.indicator_columns.items()}
        numbered, above, row_findings = read_indicator_row(cells, (row.line, row.last), above)
        findings.extend(row_findings)
        return numbered, above
    # tags become spaces, so each fragment keeps its own line for the indicators' provenance
    fragments = [Fragment(f.line, " ".join(_paragraphs(f.text))) for f in row.fragments(columns.indicators)]
    numbered, cell_findings = read_indicator_cell(Joined.of(fragments))
    findings.extend(cell_findings)
    return numbered, above


def _finish(building: _Building, findings: list[Finding]) -> Project:
    findings.extend(check_numbering(building.indicators, building.name))
    if not building.indicators:
        message = f"项目“{building.name}”没有绩效指标 / project without indicators"
        findings.append(Finding("warning", message, (building.first, building.last), "project_no_indicators"))
    return Project(
        name=building.name,
        unit=building.unit,
        amount=building.amount,
        goal="\n".join(building.goal),
        lines=(building.first, building.last),
        indicators=tuple(n.indicator for n in building.indicators),
        funding=building.funding,
    )


def read_tsv(text: Text, header_line: int, columns: Columns) -> tuple[list[Project], list[BudgetFigure], list[Finding]]:
    findings: list[Finding] = []
    projects: list[Project] = []
    budget: list[BudgetFigure] = []
    unit: str | None = None
    current: _Building | None = None
    scale, unit_findings = amount_scale(text, [header_line], bool(columns.amounts))
    findings.extend(unit_findings)
    if columns.ignored:
        message = f"未读取的栏目 / columns not read: {'、'.join(columns.ignored)}"
        findings.append(Finding("info", message, (header_line, header_line), "project_columns_ignored"))
    rows = _rows(text, header_line, columns, findings)
    for row in rows:
        name = row.cells[columns.name]
        goal = _goal(row, columns)
        findings.extend(_misplaced_indicators(row, goal))
        amounts = _amounts(row, columns, scale, findings)
        has_amounts = any(row.cells[p] for p, _ in columns.amounts)
        has_indicators = _has_indicators(row, columns)
        if not name and not has_amounts and not goal and not has_indicators:
            continue
        if not name:
            current = _continue(current, row, columns, goal, has_amounts, findings)
            continue
        if not goal and not has_indicators and not amounts:
            # a unit heading without amounts, or a project name broken over two rows: unknown
            message = f"只有名称的行未读取 / a row with only a name ({name}) is not read: unit heading or broken name?"
            findings.append(Finding("warning", message, (row.line, row.last), "project_unread_text"))
            continue
        if not goal and not has_indicators:
            if not _TOTAL_ROW.match(name):
                unit = name
            budget.extend(_figures(row, columns, amounts, name))
            continue
        if current is not None:
            projects.append(_finish(current, findings))
        total = amounts.pop(columns.total) if columns.total in amounts else None
        funding = tuple(_figures(row, columns, amounts, None))
        own_unit = row.cells[columns.unit] if columns.unit is not None else ""
        indicators, above = _indicators(row, columns, Above(), findings)
        current = _Building(name, own_unit or unit, total, funding, goal, row.line, row.last, indicators, above)
    if current is not None:
        projects.append(_finish(current, findings))
    if not projects:
        raise InputError(
            text.path, header_line, "项目支出表有表头但没有项目 / project table header but no project rows"
        )
    return projects, budget, findings


def _continue(
    current: _Building | None, row: _Row, columns: Columns, goal: list[str], has_amounts: bool, findings: list[Finding]
) -> _Building | None:
    """A row with an empty name: more goal text and indicators of the project above."""
    lines: Lines = (row.line, row.last)
    if current is None:
        message = "续行之前没有项目 / a continuation row (empty name) with no project above it"
        findings.append(Finding("warning", message, lines, "project_orphan_continuation"))
        return None
    if has_amounts:
        message = f"项目“{current.name}”的续行带有金额，未计入 / continuation row carries amounts; not added"
        findings.append(Finding("warning", message, lines, "project_continuation_amounts"))
    current.goal.extend(goal)
    indicators, current.above = _indicators(row, columns, current.above, findings)
    current.indicators.extend(indicators)
    current.last = row.last
    return current
