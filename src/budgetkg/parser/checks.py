"""Arithmetic cross-checks of a parsed filing, reported as warnings — never "fixed".

A filing's figures are published facts even when they do not add up; the graph must show the gap
and where it is, not paper over it.  Each finding has a stable ``kind`` for machines and a message
in Chinese and English for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from budgetkg.records import BudgetFigure, Finding, Lines, Project, Task

#: the two sides of the budget summary that must balance: spending (部门预算支出) and sources (收入来源)
SPENDING = ("基本支出", "项目支出")
SOURCES = ("财政拨款", "其他资金")
#: the label of the project spending that key tasks are drawn from
PROJECT_SPENDING = "项目支出"
#: the labels a project table prints on its total row
TOTAL_LABELS = ("合计", "总计")


def _span(figures: Iterable[BudgetFigure | Task | Project]) -> Lines | None:
    lines = [item.lines for item in figures]
    if not lines:
        return None
    return min(first for first, _ in lines), max(last for _, last in lines)


def _by_label(budget: Sequence[BudgetFigure]) -> dict[str, BudgetFigure]:
    # the first figure of a label wins: a label printed twice is a layout repeat, not a second figure
    found: dict[str, BudgetFigure] = {}
    for figure in budget:
        found.setdefault(figure.label, figure)
    return found


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def warning(kind: str, chinese: str, english: str, lines: Lines | None) -> Finding:
    """A warning Finding with its message in Chinese, then English."""
    return Finding(severity="warning", message=f"{chinese} / {english}", lines=lines, kind=kind)


def budget_balance(budget: Sequence[BudgetFigure]) -> list[Finding]:
    """基本支出 + 项目支出 against 财政拨款 + 其他资金, naming any printed figure equal to the gap."""
    figures = _by_label(budget)
    if not all(label in figures for label in (*SPENDING, *SOURCES)):
        return []
    spent = sum((figures[label].amount for label in SPENDING), Decimal(0))
    funded = sum((figures[label].amount for label in SOURCES), Decimal(0))
    if spent == funded:
        return []
    gap = abs(funded - spent)
    equal = [f.label for f in budget if f.amount == gap and f.label not in (*SPENDING, *SOURCES)]
    zh = (
        f"支出合计（{'+'.join(SPENDING)}）{_money(spent)} 与收入合计（{'+'.join(SOURCES)}）{_money(funded)} "
        f"相差 {_money(gap)}"
    )
    en = f"spending {_money(spent)} ≠ sources {_money(funded)}, a gap of {_money(gap)}"
    if equal:
        zh += f"，等于{'、'.join(equal)}"
        en += f", equal to {', '.join(equal)}"
    return [warning("budget_parts_vs_total", zh, en, _span(figures[label] for label in (*SPENDING, *SOURCES)))]


def tasks_vs_project_spending(budget: Sequence[BudgetFigure], tasks: Sequence[Task]) -> list[Finding]:
    """The key tasks' amounts against 项目支出: what part of project spending they account for."""
    figure = _by_label(budget).get(PROJECT_SPENDING)
    priced = [task for task in tasks if task.amount is not None]
    if figure is None or not priced:
        return []
    total = sum((task.amount for task in priced if task.amount is not None), Decimal(0))
    if total == figure.amount:
        return []
    rest = _money(figure.amount - total)
    zh = f"年度重点工作任务金额合计 {_money(total)}，项目支出 {_money(figure.amount)}，相差 {rest}"
    en = f"key tasks add up to {_money(total)} of 项目支出 {_money(figure.amount)} (difference {rest})"
    return [warning("tasks_vs_project_spending", zh, en, _span([figure, *priced]))]


def projects_vs_total(budget: Sequence[BudgetFigure], projects: Sequence[Project]) -> list[Finding]:
    """The projects' amounts against the table's printed 合计/总计 row."""
    figures = _by_label(budget)
    total = next((figures[label] for label in TOTAL_LABELS if label in figures), None)
    priced = [project for project in projects if project.amount is not None]
    if total is None or not priced:
        return []
    added = sum((project.amount for project in priced if project.amount is not None), Decimal(0))
    if added == total.amount:
        return []
    zh = f"项目金额合计 {_money(added)} 与{total.label} {_money(total.amount)} 不符"
    en = f"projects add up to {_money(added)}, the table's {total.label} says {_money(total.amount)}"
    return [warning("projects_vs_total", zh, en, _span([total, *priced]))]


def unit_subtotals_vs_projects(budget: Sequence[BudgetFigure], projects: Sequence[Project]) -> list[Finding]:
    """Each 资金使用单位 subtotal row (a budget figure labelled with a unit its projects name) against
    the amounts of that unit's projects."""
    findings: list[Finding] = []
    for label, subtotal in _by_label(budget).items():
        priced = [p for p in projects if p.unit == label and p.amount is not None]
        if not priced:
            continue  # not a unit's subtotal (合计, a column figure), or a unit whose projects print no amount
        added = sum((project.amount for project in priced if project.amount is not None), Decimal(0))
        if added == subtotal.amount:
            continue
        zh = f"资金使用单位“{label}”小计 {_money(subtotal.amount)} 与其项目金额合计 {_money(added)} 不符"
        en = f"the subtotal of unit {label} says {_money(subtotal.amount)}, its projects add up to {_money(added)}"
        findings.append(warning("unit_subtotal_vs_projects", zh, en, _span([subtotal, *priced])))
    return findings


def check(budget: Sequence[BudgetFigure], tasks: Sequence[Task], projects: Sequence[Project]) -> list[Finding]:
    """Every arithmetic finding of one filing."""
    return [
        *budget_balance(budget),
        *tasks_vs_project_spending(budget, tasks),
        *projects_vs_total(budget, projects),
        *unit_subtotals_vs_projects(budget, projects),
    ]
