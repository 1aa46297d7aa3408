"""The real filings through mapping and SHACL: no violations, and exactly the warnings the data calls for."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from handmade import BASE
from rdflib import Graph, Literal

from budgetkg.parser import parse_file
from budgetkg.rdf import iris
from budgetkg.rdf.codelists import budget_line
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, OBEU_MEASURE
from budgetkg.rdf.validation import Outcome, validate

SEEDS = Path(__file__).resolve().parents[2] / "data" / "filings"
SHAPES = "https://w3id.org/budgetkg/shapes#"


@pytest.fixture(scope="module")
def outcomes() -> dict[str, tuple[Graph, Outcome]]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        filing = parse_file(path)
        graph = map_filing(filing, BASE)
        out[path.name[:3]] = (graph, validate(graph, iris.filing_key(filing)))
    return out


def _warnings(outcome: Outcome, shape: str) -> list[Decimal]:
    return [Decimal(r.value or "nan") for r in outcome.results if r.shape == SHAPES + shape]


def _amount(graph: Graph, label: str) -> Decimal:
    concept = budget_line(label)
    [amount] = [
        graph.value(f, OBEU_MEASURE.amount)
        for f in graph.objects(None, BKG.hasBudgetFigure)
        if graph.value(f, BKG.budgetLine) == concept
    ]
    assert isinstance(amount, Literal)
    return Decimal(str(amount))


def test_no_seed_has_violations(outcomes: dict[str, tuple[Graph, Outcome]]) -> None:
    for key, (_, outcome) in outcomes.items():
        assert outcome.conforms, (key, [r.message for r in outcome.results if r.severity == "violation"])


def test_panyu_gap_of_100_equals_special_funds(outcomes: dict[str, tuple[Graph, Outcome]]) -> None:
    graph, outcome = outcomes["002"]
    [gap] = _warnings(outcome, "BudgetPartsVsTotalShape")
    assert abs(gap) == Decimal("100.00") == _amount(graph, "财政专项资金")
    [result] = [r for r in outcome.results if r.shape == SHAPES + "BudgetPartsVsTotalShape"]
    assert result.severity == "warning"
    assert "财政专项资金" in dict(result.messages)["zh-Hans"] and "equals" in dict(result.messages)["en"]


def test_haizhu_zero_appropriation_against_spending(outcomes: dict[str, tuple[Graph, Outcome]]) -> None:
    graph, outcome = outcomes["000"]
    [gap] = _warnings(outcome, "BudgetPartsVsTotalShape")
    spending = _amount(graph, "基本支出") + _amount(graph, "项目支出")
    assert _amount(graph, "财政拨款") == 0
    assert gap == spending == Decimal("5281.09")


def test_projects_adding_up_to_their_total_are_not_flagged(outcomes: dict[str, tuple[Graph, Outcome]]) -> None:
    graph, outcome = outcomes["001"]
    assert not _warnings(outcome, "ProjectsVsTotalShape")
    total = _amount(graph, "合计")
    projects = [
        Decimal(str(graph.value(a, OBEU_MEASURE.amount)))
        for p in graph.objects(None, BKG.hasProject)
        for a in graph.objects(p, BKG.allocation)
        if graph.value(a, BKG.budgetLine) == budget_line("总计")
    ]
    assert sum(projects) == total == Decimal("1250.00")  # the check had something to compare


def test_key_tasks_cover_part_of_project_spending(outcomes: dict[str, tuple[Graph, Outcome]]) -> None:
    assert _warnings(outcomes["000"][1], "TasksVsProjectSpendingShape") == [Decimal("127.70")]  # 2582.30 of 2710.00
    assert _warnings(outcomes["004"][1], "TasksVsProjectSpendingShape") == [Decimal("1851.66")]  # 11142.06 of 12993.72


def test_only_arithmetic_warnings(outcomes: dict[str, tuple[Graph, Outcome]]) -> None:
    arithmetic = {"BudgetPartsVsTotalShape", "TasksVsProjectSpendingShape", "ProjectsVsTotalShape"}
    for _, outcome in outcomes.values():
        assert {r.shape.removeprefix(SHAPES) for r in outcome.results} <= arithmetic | {"ProjectFundingVsTotalShape"}
