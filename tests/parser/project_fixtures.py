"""Shared helpers of the project-table tests: fixtures (JSON written by hand) ↔ records, compared on meaning."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from budgetkg.records import BudgetFigure, Indicator, Project, Target


def _amount(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _text(target: Target | None) -> str | None:
    return None if target is None else target.text


def expected_budget(fixture: dict[str, Any]) -> list[tuple[str, Decimal, tuple[int, int]]]:
    return [(b["label"], Decimal(b["amount"]), tuple(b["lines"])) for b in fixture["budget"]]


def actual_budget(budget: list[BudgetFigure]) -> list[tuple[str, Decimal, tuple[int, int]]]:
    return [(b.label, b.amount, b.lines) for b in budget]


def expected_indicator(item: dict[str, Any], with_lines: bool = True) -> dict[str, Any]:
    record = {
        "level1": item["level1"],
        "level2": item["level2"],
        "level2_candidates": tuple(item["level2_candidates"]),
        "name": item["name"],
        "description": item.get("description"),
        "period_target": item["period_target"],
        "annual_target": item["annual_target"],
    }
    if with_lines:
        record["lines"] = tuple(item["lines"])
    return record


def actual_indicator(indicator: Indicator, with_lines: bool = True) -> dict[str, Any]:
    record = {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "level2_candidates": indicator.level2_candidates,
        "name": indicator.name,
        "description": indicator.description,
        "period_target": _text(indicator.period_target),
        "annual_target": _text(indicator.annual_target),
    }
    if with_lines:
        record["lines"] = indicator.lines
    return record


def expected_project(item: dict[str, Any], with_lines: bool = True) -> dict[str, Any]:
    record: dict[str, Any] = {
        "name": item["name"],
        "unit": item["unit"],
        "amount": _amount(item["amount"]),
        "funding": [(f["label"], Decimal(f["amount"])) for f in item["funding"]],
        "goal": item["goal"],
        "indicators": [expected_indicator(i, with_lines) for i in item["indicators"]],
    }
    if with_lines:
        record["lines"] = tuple(item["lines"])
        record["funding_lines"] = [tuple(f["lines"]) for f in item["funding"]]
    return record


def actual_project(project: Project, with_lines: bool = True) -> dict[str, Any]:
    record: dict[str, Any] = {
        "name": project.name,
        "unit": project.unit,
        "amount": project.amount,
        "funding": [(f.label, f.amount) for f in project.funding],
        "goal": project.goal,
        "indicators": [actual_indicator(i, with_lines) for i in project.indicators],
    }
    if with_lines:
        record["lines"] = project.lines
        record["funding_lines"] = [f.lines for f in project.funding]
    return record


def load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data
