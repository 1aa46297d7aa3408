"""The inline 项目支出绩效目标表: no tabs, every cell wrapped over lines, indicators as running text.

The header line names the cells in order (e.g. ``主管部门 预算单位 项目名称 绩效目标 绩效指标``); each
project then prints those cells one after the other, each broken over lines (blank lines
between), and the indicator cell last.  The rules that cut the stream of lines back into cells:

1. *Indicator cell* — it starts at a line opening with ``N、`` and a known 一级 label (also when the
   extraction broke the number from its ``、``: ``8`` / ``、产出指标``).  It runs on while its text so
   far does not end with ``。`` (a value or a word broken over lines: ``年度`` / ``指标值``), or while
   the next line opens another indicator (numbering may restart: ``…5、…。1、产出指标：…``).  It
   ends early if the next line repeats the first line of the project (the 主管部门 cell of the next
   project), whatever the punctuation.
2. *The cells before it* (主管部门, 预算单位, 项目名称, 绩效目标 …: as many as the header names) are
   cut by ``project_cells.split_cells``: every non-last line of a wrapped cell is full, a short
   line ends a cell, and a line wider than its predecessors belongs to a wider column (the goal
   column is the widest, so a goal is found because it is long — not by its first words).
   Ties are broken by the 主管部门 repeating from project to project (or equalling the filing's
   department); a tie left after that is reported with its candidates.
3. Only the 一级 is printed: ``level2`` is null, ``level2_candidates`` lists the framework's 二级.
   A single value column (年度指标值) fills ``annual_target`` only.  There are no amounts unless the
   header names an amount column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from budgetkg.errors import InputError
from budgetkg.parser.amount_units import amount_scale, to_wan
from budgetkg.parser.cells import display_width
from budgetkg.parser.numbers import parse_amount
from budgetkg.parser.project_cells import (
    Fragment,
    Joined,
    Split,
    cell_lines,
    cell_text,
    is_page_number,
    split_cells,
)
from budgetkg.parser.project_columns import NIL, column_role
from budgetkg.parser.project_indicators import check_numbering, read_indicator_cell, starts_indicator
from budgetkg.parser.text import Text
from budgetkg.records import Department, Finding, Project


@dataclass(frozen=True)
class InlineHeader:
    line: int
    text: str
    roles: tuple[str, ...]  # one per cell before the indicator cell


def find_header(text: Text) -> InlineHeader | None:
    """The first untabbed line whose words name a 项目名称 cell and, after it, a 绩效指标 cell."""
    for number, line in enumerate(text.lines, start=1):
        words = line.split()
        if "\t" in line or len(words) < 2:
            continue
        roles = tuple(column_role(w) for w in words)
        if "indicators" not in roles or "name" not in roles[: roles.index("indicators")]:
            continue
        return InlineHeader(number, line.strip(), roles[: roles.index("indicators")])
    return None


def _fragments(text: Text, header: InlineHeader) -> list[Fragment]:
    """Non-blank lines after the header, without repeated page titles, headers and page numbers."""
    fragments: list[Fragment] = []
    for number in range(header.line + 1, len(text.lines) + 1):
        line = text.line(number).strip()
        if line and line != header.text and "绩效目标表" not in line and not is_page_number(line):
            fragments.append(Fragment(number, line))
    return fragments


def _opens_indicator(fragments: Sequence[Fragment], i: int) -> bool:
    text = fragments[i].text
    if starts_indicator(text):
        return True
    # the number alone on its line, its 、 on the next one
    return text.isdigit() and i + 1 < len(fragments) and starts_indicator(text + fragments[i + 1].text)


def _indicator_cell(fragments: Sequence[Fragment], i: int, first: Fragment | None) -> int:
    """Index one past the last line of the indicator cell that opens at ``i``."""
    text = fragments[i].text
    i += 1
    while i < len(fragments):
        following = fragments[i]
        if first is not None and following.text == first.text:
            break
        if text.endswith("。") and not following.text.startswith("、") and not _opens_indicator(fragments, i):
            break  # a closed indicator and no next one: the cell ended
        text += following.text
        i += 1
    return i


@dataclass(frozen=True)
class _Block:
    cells: tuple[Fragment, ...]
    indicators: tuple[Fragment, ...]


def _blocks(fragments: Sequence[Fragment]) -> list[_Block]:
    blocks: list[_Block] = []
    i = 0
    while i < len(fragments):
        start = i
        while i < len(fragments) and not _opens_indicator(fragments, i):
            i += 1
        cells = tuple(fragments[start:i])
        if i == len(fragments):
            blocks.append(_Block(cells, ()))
            break
        end = _indicator_cell(fragments, i, cells[0] if cells else None)
        blocks.append(_Block(cells, tuple(fragments[i:end])))
        i = end
    return blocks


def _misfit(roles: Sequence[str]) -> Callable[[int, str], bool]:
    """A cell that cannot be its column's: an amount cell that is not a number (or nil)."""

    def misfit(index: int, text: str) -> bool:
        return roles[index] == "amount" and text not in NIL and parse_amount(text) is None

    return misfit


def _goal_looks_missing(cells: dict[str, tuple[Fragment, ...]]) -> bool:
    """A goal cell of one short unclosed line, no wider than the other cells: another cell's last line?"""
    goal = cells["goal"]
    if len(goal) > 1 or goal[0].text.endswith(("。", ".", "！", "；")):
        return False
    others = [display_width(f.text) for role, cell in cells.items() if role != "goal" for f in cell]
    return bool(others) and display_width(goal[0].text) <= max(others)


def _describe(split: Split, roles: Sequence[str]) -> str:
    return " | ".join(f"{role}={cell_text(cell)}" for role, cell in zip(roles, split, strict=True))


def _project(
    block: _Block, header: InlineHeader, anchor: str | None, scale: Decimal, findings: list[Finding]
) -> tuple[Project | None, str | None]:
    """The block's project (None when its cells cannot be told apart) and its 主管部门 text."""
    roles = header.roles
    splits = split_cells(block.cells, len(roles), anchor if roles[0] == "department" else None, _misfit(roles))
    all_lines = [f.line for f in (*block.cells, *block.indicators)]
    span = (min(all_lines), max(all_lines))
    if not splits and not block.indicators:
        # trailing text without indicators: a page footer or a note, not a project
        message = f"表后未读取的文字 / text after the last project not read: {cell_text(block.cells)[:40]}"
        findings.append(Finding("warning", message, span, "project_unread_text"))
        return None, anchor
    if not splits:
        message = (
            f"项目栏目不足{len(roles)}个，未读取 / fewer lines than the {len(roles)} cells "
            f"({' '.join(roles)}) before the indicators: project not read"
        )
        findings.append(Finding("error", message, span, "project_cells_missing"))
        return None, anchor
    if len(splits) > 1:
        candidates = "; ".join(f"[{_describe(s, roles)}]" for s in splits)
        message = f"单元格划分有歧义，取第一种 / ambiguous cell boundaries, the first is used; candidates: {candidates}"
        findings.append(Finding("warning", message, span, "project_cells_ambiguous"))
    cells = dict(zip(roles, splits[0], strict=True))
    name = cell_text(cells["name"])
    if "goal" in cells and _goal_looks_missing(cells):
        message = (
            f"项目“{name}”的绩效目标疑似缺失，“{cell_text(cells['goal'])}”按目标读取 / the goal cell may be missing: "
            "a short line without a closing 。, no wider than the other cells, was read as the goal"
        )
        findings.append(Finding("warning", message, cell_lines(cells["goal"]), "project_goal_suspect"))
    amount = None
    if "amount" in cells and cell_text(cells["amount"]) not in NIL:
        amount = parse_amount(cell_text(cells["amount"]))
        if amount is not None:
            amount = to_wan(amount, scale)
        else:
            message = f"金额“{cell_text(cells['amount'])}”无法读取 / unreadable amount"
            findings.append(Finding("error", message, cell_lines(cells["amount"]), "project_amount_unreadable"))
    numbered, cell_findings = read_indicator_cell(Joined.of(block.indicators))
    findings.extend(cell_findings)
    findings.extend(check_numbering(numbered, name))
    if not numbered:
        findings.append(
            Finding("warning", f"项目“{name}”没有绩效指标 / project without indicators", span, "project_no_indicators")
        )
    project = Project(
        name=name,
        unit=cell_text(cells["unit"]) if "unit" in cells else None,
        amount=amount,
        goal=cell_text(cells["goal"]) if "goal" in cells else "",
        lines=span,
        indicators=tuple(n.indicator for n in numbered),
    )
    department = cell_text(cells["department"]) if "department" in cells else None
    return project, department


def read_inline(text: Text, header: InlineHeader, department: Department) -> tuple[list[Project], list[Finding]]:
    if "name" not in header.roles:
        raise InputError(text.path, header.line, "项目表头没有项目名称栏 / project table header names no 项目名称 cell")
    findings: list[Finding] = []
    projects: list[Project] = []
    anchor: str | None = department.name
    scale, unit_findings = amount_scale(text, [header.line], "amount" in header.roles)
    findings.extend(unit_findings)
    for block in _blocks(_fragments(text, header)):
        project, printed = _project(block, header, anchor, scale, findings)
        if project is None:
            continue
        projects.append(project)
        # said once, where a 主管部门 other than the filing's department first appears
        if printed is not None and printed != department.name and printed != anchor:
            message = (
                f"主管部门“{printed}”与表头部门“{department.name}”不同 / 主管部门 differs from the filing's department"
            )
            findings.append(Finding("info", message, project.lines, "project_department_differs"))
        anchor = printed or anchor
    if not projects:
        raise InputError(
            text.path, header.line, "项目支出表有表头但没有项目 / project table header but no project rows"
        )
    return projects, findings
