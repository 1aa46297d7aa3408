"""Arithmetic findings: warnings that name the figures, never corrections."""

from __future__ import annotations

from decimal import Decimal

import pytest
from expected_records import FILINGS

from budgetkg.parser import parse_bytes, parse_file
from budgetkg.parser.checks import (
    budget_balance,
    projects_vs_total,
    tasks_vs_project_spending,
    unit_subtotals_vs_projects,
)
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
    "unit_subtotal_vs_projects",
    "budget_amount_unit_converted",
    "task_amount_unit_converted",
    "task_other_read",
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


def _project(name: str, unit: str | None, amount: str | None, line: int) -> Project:
    return Project(
        name=name, unit=unit, amount=None if amount is None else Decimal(amount), goal="g", lines=(line, line)
    )


def test_a_unit_subtotal_is_checked_against_that_units_projects_only():
    projects = [
        _project("a", "甲中心", "10.00", 3),
        _project("b", "甲中心", "5.50", 4),
        _project("c", "乙中心", "99", 6),  # another unit's project: not in 甲中心's subtotal
        _project("d", "甲中心", None, 7),  # no amount printed: nothing to add
    ]
    assert unit_subtotals_vs_projects([_figure("甲中心", "15.50", 2)], projects) == []
    [finding] = unit_subtotals_vs_projects([_figure("合计", "114.5", 1), _figure("甲中心", "16", 2)], projects)
    assert (finding.severity, finding.kind, finding.lines) == ("warning", "unit_subtotal_vs_projects", (2, 4))
    assert "16.00" in finding.message and "15.50" in finding.message and "甲中心" in finding.message


def test_figures_that_are_no_unit_subtotal_are_not_checked_as_one():
    projects = [_project("a", "甲中心", "10", 3)]
    assert unit_subtotals_vs_projects([_figure("合计", "11", 1), _figure("合计 财政拨款", "1", 1)], projects) == []


def test_a_real_unit_subtotal_row_that_differs_from_its_projects_warns():
    path = next(p for p in FILINGS if p.name.startswith("001"))
    text = path.read_text(encoding="utf-8")
    subtotal = "广州市海珠区政务服务数据管理局\t1,250.00\t1,250.00"
    assert subtotal in text
    filing = parse_bytes(text.replace(subtotal, "广州市海珠区政务服务数据管理局\t1,260.00\t1,250.00").encode(), "x.txt")
    warnings = [(f.kind, f.lines) for f in filing.findings if f.kind == "unit_subtotal_vs_projects"]
    last = max(p.lines[1] for p in filing.projects)
    assert warnings == [("unit_subtotal_vs_projects", (11, last))]
    assert "unit_subtotal_vs_projects" not in _kinds("001")  # as printed, 1,250.00 is its projects' sum
