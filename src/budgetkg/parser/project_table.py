"""The 项目支出绩效目标表 form: projects, their indicators, and the table's total rows.

Two layouts, told apart by their header row (never by the file):

* a tabbed header row (``项目名称（资金使用单位）<TAB>总计<TAB>…<TAB>绩效目标<TAB>绩效指标``): one row per
  line, amounts in columns, coded categories (or one indicator per row in level columns) —
  ``project_tsv``;
* an untabbed header line of cell names (``主管部门 预算单位 项目名称 绩效目标 绩效指标``) followed by
  cells wrapped over lines, 一级-only indicators as running text — ``project_inline``.

The indicator cell is read by ``project_indicators`` in both; ``project_cells`` holds the wrapped-cell
machinery, ``project_columns`` what header words mean.
"""

from __future__ import annotations

from budgetkg.errors import InputError
from budgetkg.parser import project_inline, project_tsv
from budgetkg.parser.indicator_checks import implausible_percentages
from budgetkg.parser.text import Text
from budgetkg.records import BudgetFigure, Department, Finding, Project


def read_project_table(text: Text, department: Department) -> tuple[list[Project], list[BudgetFigure], list[Finding]]:
    """Projects (in printed order), budget figures (合计 and unit subtotal rows) and findings.

    Raises ``InputError`` when no project table header can be found, or it heads no project.
    """
    projects, budget, findings = _read(text, department)
    return projects, budget, [*findings, *implausible_percentages(i for p in projects for i in p.indicators)]


def _read(text: Text, department: Department) -> tuple[list[Project], list[BudgetFigure], list[Finding]]:
    tabbed = project_tsv.find_header(text)
    inline = project_inline.find_header(text)
    # both present: the one printed first heads the table (the other is text inside it)
    if tabbed is not None and (inline is None or tabbed[0] <= inline.line):
        return project_tsv.read_tsv(text, *tabbed)
    if inline is not None:
        projects, findings = project_inline.read_inline(text, inline, department)
        return projects, [], findings
    raise InputError(
        text.path,
        1,
        "没有项目支出表表头（项目名称 … 绩效指标）/ no project table header row (项目名称 … 绩效指标)",
    )
