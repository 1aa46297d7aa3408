"""Departments by jurisdiction with one budget total per filing, saying how each total was obtained.

A printed 合计 is used when the filing has one; otherwise 基本支出 + 项目支出 is summed and labelled as a
sum; with neither the total is unknown (None), never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib.term import Literal, URIRef

from budgetkg.server.charts import Chart, bar_chart
from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels, iris_of
from budgetkg.server.present import amount
from budgetkg.server.sparql_text import page_query
from budgetkg.store.base import SelectResult

_CONCEPTS = "https://w3id.org/budgetkg/def/"
TOTAL = URIRef(_CONCEPTS + "budget-role/total")
BASIC = URIRef(_CONCEPTS + "expenditure-type/basic")
PROJECT = URIRef(_CONCEPTS + "expenditure-type/project")
CITY_LEVEL = URIRef(_CONCEPTS + "level/city")


@dataclass
class FilingBudget:
    filing: URIRef
    label: str
    year: str | None
    #: budget line → the distinct amounts printed for it (more than one is an ambiguity, shown as such)
    lines: dict[URIRef, set[Decimal]] = field(default_factory=dict)

    def amount(self, line: URIRef) -> Decimal | None:
        """The amount printed for ``line``; None when absent or printed with several values."""
        return self._one(line)

    def _one(self, line: URIRef) -> Decimal | None:
        values = self.lines.get(line, set())
        return next(iter(values)) if len(values) == 1 else None

    @property
    def total(self) -> tuple[Decimal | None, str]:
        """(total, how it was obtained); None with the candidates when the filing is ambiguous."""
        if len(self.lines.get(TOTAL, set())) > 1:
            candidates = ", ".join(f"{v:,.2f}" for v in sorted(self.lines[TOTAL]))
            return None, f"多个合计 ambiguous totals: {candidates}"
        printed, basic, project = self._one(TOTAL), self._one(BASIC), self._one(PROJECT)
        if printed is not None:
            return printed, "印出的合计 printed total"
        if basic is not None and project is not None:
            return basic + project, "基本支出 + 项目支出 (sum)"
        return None, "未载明 not stated"


@dataclass
class Department:
    iri: URIRef
    label: str
    jurisdiction: str
    filings: list[FilingBudget] = field(default_factory=list)


def jurisdiction(level: object, district: object) -> str:
    if isinstance(district, Literal):
        return str(district)
    if level == CITY_LEVEL:
        return "广州市（市级）"
    return "未载明 unstated"


def departments(ctx: WebContext) -> dict[str, list[Department]]:
    """Jurisdiction → its departments (sorted), each with its filings' budgets."""
    result = ctx.store.query(page_query("departments"), timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    labels = best_labels(ctx.store, iris_of(result.rows, "dept", "filing"))
    depts: dict[URIRef, Department] = {}
    filings: dict[URIRef, FilingBudget] = {}
    for row in result.rows:
        dept, filing = row["dept"], row["filing"]
        if not isinstance(dept, URIRef) or not isinstance(filing, URIRef):
            continue
        where = jurisdiction(row.get("level"), row.get("district"))
        department = depts.setdefault(dept, Department(dept, labels.get(dept, str(dept)), where))
        if filing not in filings:
            year = row.get("year")
            filings[filing] = FilingBudget(filing, labels.get(filing, str(filing)), str(year) if year else None)
            department.filings.append(filings[filing])
        line, value = row.get("line"), row.get("amount")
        number = amount(value) if isinstance(value, Literal) else None
        if isinstance(line, URIRef) and number is not None:
            filings[filing].lines.setdefault(line, set()).add(number)
    grouped: dict[str, list[Department]] = defaultdict(list)
    for department in sorted(depts.values(), key=lambda d: (d.jurisdiction, d.label)):
        grouped[department.jurisdiction].append(department)
    return dict(sorted(grouped.items(), key=lambda kv: (not kv[0].startswith("广州市"), kv[0])))


def _bars(
    ctx: WebContext, by_jurisdiction: dict[str, list[Department]], value: Callable[[FilingBudget], Decimal | None]
) -> list[tuple[str, Decimal | None, str | None]]:
    return [
        (f"{where} · {d.label}", value(f), ctx.iri_map.document(str(f.filing)))
        for where, depts in by_jurisdiction.items()
        for d in depts
        for f in d.filings
    ]


def total_chart(ctx: WebContext, by_jurisdiction: dict[str, list[Department]]) -> Chart:
    """One bar per filing: its budget total in 万元, labelled by jurisdiction and department."""
    bars = _bars(ctx, by_jurisdiction, lambda f: f.total[0])
    return bar_chart("各部门预算总额（万元） Budget totals by department", bars)


def line_chart(ctx: WebContext, by_jurisdiction: dict[str, list[Department]], title: str, line: URIRef) -> Chart:
    """One bar per filing that prints ``line`` (基本支出, 项目支出 …)."""
    bars = [bar for bar in _bars(ctx, by_jurisdiction, lambda f: f.amount(line)) if bar[1] is not None]
    return bar_chart(title, bars)
