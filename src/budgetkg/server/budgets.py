"""Departments by jurisdiction with one budget total per filing, saying how each total was obtained.

A printed 合计 is used when the filing has one; otherwise 基本支出 + 项目支出 is summed and labelled as a
sum; with neither the total is unknown (None), never guessed.

A jurisdiction's total adds up its department-wide (部门整体) filings only: a project filing (项目支出)
itemises spending a department-wide filing of the same department already counts.  Lists of
departments are paged (server/paging.py) so pages stay bounded however many departments there are.
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
DEPARTMENT_OVERALL = URIRef(_CONCEPTS + "form/department-overall")


@dataclass
class FilingBudget:
    filing: URIRef
    label: str
    year: str | None
    #: budget line → the distinct amounts printed for it (more than one is an ambiguity, shown as such)
    lines: dict[URIRef, set[Decimal]] = field(default_factory=dict)
    #: the filing's form (部门整体 or 项目支出): only department-wide filings add up to a jurisdiction's total
    form: URIRef | None = None

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


@dataclass(frozen=True)
class Departments:
    """Jurisdiction → its departments (sorted), each with its filings' budgets; ``truncated`` when the
    store's own cap (not the endpoint's limit, lifted here) cut the rows: the page then says so."""

    by_jurisdiction: dict[str, list[Department]]
    truncated: bool = False

    @property
    def in_order(self) -> list[Department]:
        """Every department in the order the tables list them (jurisdiction, then name): what pages count."""
        return [d for depts in self.by_jurisdiction.values() for d in depts]


@dataclass(frozen=True)
class JurisdictionTotal:
    jurisdiction: str
    departments: int
    filings: int
    #: the department-wide filings added up, and how many of them state no total (left out of the sum)
    overall_filings: int
    total: Decimal
    unknown: int


def grouped(departments: list[Department]) -> dict[str, list[Department]]:
    """Departments (already in order) grouped by jurisdiction, the order kept."""
    by_jurisdiction: dict[str, list[Department]] = {}
    for department in departments:
        by_jurisdiction.setdefault(department.jurisdiction, []).append(department)
    return by_jurisdiction


def jurisdiction_totals(departments: Departments) -> list[JurisdictionTotal]:
    """One line per jurisdiction: how many departments and filings, and its department-wide budgets' sum."""
    lines = []
    for where, depts in departments.by_jurisdiction.items():
        filings = [f for d in depts for f in d.filings]
        overall = [f.total[0] for f in filings if f.form == DEPARTMENT_OVERALL]
        known = [t for t in overall if t is not None]
        lines.append(
            JurisdictionTotal(
                where, len(depts), len(filings), len(overall), sum(known, Decimal(0)), len(overall) - len(known)
            )
        )
    return lines


def departments(ctx: WebContext) -> Departments:
    """Every department with its filings' budgets, by jurisdiction."""
    result = ctx.store.query(page_query("departments"), timeout=ctx.settings.query_timeout, all_rows=True)
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
            year, form = row.get("year"), row.get("form")
            filings[filing] = FilingBudget(
                filing,
                labels.get(filing, str(filing)),
                str(year) if year else None,
                form=form if isinstance(form, URIRef) else None,
            )
            department.filings.append(filings[filing])
        line, value = row.get("line"), row.get("amount")
        number = amount(value) if isinstance(value, Literal) else None
        if isinstance(line, URIRef) and number is not None:
            filings[filing].lines.setdefault(line, set()).add(number)
    by_jurisdiction: dict[str, list[Department]] = defaultdict(list)
    for department in sorted(depts.values(), key=lambda d: (d.jurisdiction, d.label, str(d.iri))):
        by_jurisdiction[department.jurisdiction].append(department)
    ordered = sorted(by_jurisdiction.items(), key=lambda kv: (not kv[0].startswith("广州市"), kv[0]))
    return Departments(dict(ordered), result.truncated)


def _bars(
    ctx: WebContext, departments: list[Department], value: Callable[[FilingBudget], Decimal | None]
) -> list[tuple[str, Decimal | None, str | None]]:
    return [
        (f"{d.jurisdiction} · {d.label}", value(f), ctx.iri_map.document(str(f.filing)))
        for d in departments
        for f in d.filings
    ]


def total_chart(ctx: WebContext, departments: list[Department]) -> Chart:
    """One bar per filing of ``departments`` (a page of them): its budget total in 万元."""
    bars = _bars(ctx, departments, lambda f: f.total[0])
    return bar_chart("各部门预算总额（万元） Budget totals by department", bars)


def line_chart(ctx: WebContext, departments: list[Department], title: str, line: URIRef) -> Chart:
    """One bar per filing of ``departments`` that prints ``line`` (基本支出, 项目支出 …)."""
    bars = [bar for bar in _bars(ctx, departments, lambda f: f.amount(line)) if bar[1] is not None]
    return bar_chart(title, bars)


def jurisdiction_chart(totals: list[JurisdictionTotal]) -> Chart:
    """One bar per jurisdiction: its department-wide budgets added up (bounded by the number of jurisdictions)."""
    bars: list[tuple[str, Decimal | None, str | None]] = [
        (t.jurisdiction, t.total if t.overall_filings > t.unknown else None, None) for t in totals
    ]
    return bar_chart("各辖区部门整体预算合计（万元） Department-wide budgets by jurisdiction", bars)
