"""Indicators printed one per row, in columns of their own (一级指标, 二级指标, 三级指标, 指标值 …).

A tabbed 项目支出 table may give each indicator its own row: the project's first row carries the
name, amounts and goal, the following rows leave them empty.  The level columns are merged cells
in the original: a level printed once stands for the rows below it, so an empty 一级/二级 cell
continues the one above (within the project; a new 一级 starts a new 二级 run).  A 一级 that is not
printed at all is taken from its 二级 only where the framework allows exactly one, and said so.
"""

from __future__ import annotations

from dataclasses import dataclass

from budgetkg.categories import canonical_level1, canonical_level2, level1_of
from budgetkg.parser.project_indicators import Numbered, build_indicator
from budgetkg.records import Finding, Lines


@dataclass(frozen=True)
class Above:
    """The 一级/二级 labels printed last in this project (the merged cells' text)."""

    level1: str = ""
    level2: str = ""


def read_indicator_row(
    cells: dict[str, str], lines: Lines, above: Above
) -> tuple[list[Numbered], Above, list[Finding]]:
    """The row's indicator (none when its name cell is empty), the labels for the next row, findings."""
    findings: list[Finding] = []
    level1_text, level2_text = cells.get("level1", ""), cells.get("level2", "")
    labels = Above(level1_text, level2_text) if level1_text else Above(above.level1, level2_text or above.level2)
    name = cells.get("level3", "")
    if not name:
        if cells.get("period") or cells.get("annual"):
            message = "指标值没有指标名称，未读取 / a target value without an indicator name: not read"
            findings.append(Finding("warning", message, lines, "project_unread_text"))
        return [], labels, findings
    level1 = canonical_level1(labels.level1) if labels.level1 else None
    if labels.level1 and level1 is None:
        message = f"一级“{labels.level1}”不在指标框架中 / 一级 label not in the framework; level1 left null"
        findings.append(Finding("warning", message, lines, "project_indicator_level1_unknown"))
    level2 = canonical_level2(labels.level2) if labels.level2 else None
    if not labels.level1 and level2 is not None and len(level1_of(level2)) == 1:
        level1 = level1_of(level2)[0]
        message = f"一级未印出，由二级“{labels.level2}”推出{level1} / 一级 not printed: inferred from its 二级"
        findings.append(Finding("info", message, lines, "project_indicator_level1_inferred"))
    targets = (cells.get("period") or None, cells.get("annual") or None)
    indicator = build_indicator(level1, labels.level2 or None, name, targets, lines, findings)
    return [Numbered(None, indicator)], labels, findings
