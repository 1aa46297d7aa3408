"""Arithmetic findings: warnings that name the figures, never corrections."""

from __future__ import annotations

from decimal import Decimal

import pytest
from expected_records import FILINGS

from budgetkg.parser import parse_file
from budgetkg.parser.checks import budget_balance, projects_vs_total, tasks_vs_project_spending
from budgetkg.records import BudgetFigure, Project, Task


def _filing(prefix: str):
    return parse_file(next(p for p in FILINGS if p.name.startswith(prefix)))


def _kinds(prefix: str) -> dict[str, str]:
    return {f.kind: f.message for f in _filing(prefix).findings if f.severity == "warning"}


def test_panyu_gap_equals_its_special_fund():
    message = _kinds("002")["budget_parts_vs_total"]
    assert "14,994.71" in message and "15,094.71" in message and "100.00" in message
    assert "财政专项资金" in message


def test_haizhu_sources_printed_zero_while_spending_is_5281():
    message = _kinds("000")["budget_parts_vs_total"]
    assert "5,281.09" in message and "0.00" in message


@pytest.mark.parametrize(
    ("prefix", "tasks", "spending"), [("000", "2,582.30", "2,710.00"), ("004", "11,142.06", "12,993.72")]
)
def test_key_tasks_cover_part_of_project_spending(prefix, tasks, spending):
    message = _kinds(prefix)["tasks_vs_project_spending"]
    assert tasks in message and spending in message


def test_baiyun_budget_balances():
    assert "budget_parts_vs_total" not in _kinds("004")


def test_projects_adding_up_to_their_total_do_not_warn():
    filing = _filing("001")
    assert sum(p.amount for p in filing.projects if p.amount is not None) == Decimal("1250.00")
    assert "projects_vs_total" not in _kinds("001")


def _figure(label: str, amount: str, line: int = 1) -> BudgetFigure:
    return BudgetFigure(label=label, amount=Decimal(amount), lines=(line, line))


def test_balance_needs_all_four_figures_and_is_silent_when_equal():
    assert budget_balance([_figure("基本支出", "1"), _figure("项目支出", "2")]) == []
    equal = [_figure("基本支出", "1"), _figure("项目支出", "2"), _figure("财政拨款", "3"), _figure("其他资金", "0")]
    assert budget_balance(equal) == []
    unequal = [*equal[:3], _figure("其他资金", "0.01", 9)]
    [finding] = budget_balance(unequal)
    assert (finding.severity, finding.kind, finding.lines) == ("warning", "budget_parts_vs_total", (1, 9))


def test_tasks_more_than_project_spending_warn_too():
    tasks = [Task(name="a", content="b", amount=Decimal("5"), expected="c", lines=(4, 6))]
    [finding] = tasks_vs_project_spending([_figure("项目支出", "3", 2)], tasks)
    assert finding.lines == (2, 6) and "-2.00" in finding.message


def test_projects_not_adding_up_warn():
    projects = [Project(name="p", unit=None, amount=Decimal("10"), goal="g", lines=(3, 3))]
    [finding] = projects_vs_total([_figure("合计", "11", 2)], projects)
    assert finding.kind == "projects_vs_total" and "10.00" in finding.message and "11.00" in finding.message


OURS = {
    "year_inferred",
    "level_assumed",
    "budget_amount_unreadable",
    "task_cell_missing",
    "budget_parts_vs_total",
    "tasks_vs_project_spending",
    "projects_vs_total",
}


@pytest.mark.parametrize(
    ("prefix", "kinds"),
    [
        ("000", ["budget_parts_vs_total", "tasks_vs_project_spending"]),
        ("001", []),
        ("002", ["year_inferred", "budget_parts_vs_total", "tasks_vs_project_spending"]),
        ("003", []),
        ("004", ["tasks_vs_project_spending"]),
    ],
)
def test_exactly_these_layout_budget_task_and_arithmetic_findings(prefix, kinds):
    assert [f.kind for f in _filing(prefix).findings if f.kind in OURS] == kinds
