"""The compare page: indicators of one category side by side across departments and districts,
and budget charts by department."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import APIRouter, Request
from rdflib.term import Literal, URIRef
from starlette.responses import HTMLResponse

from budgetkg.server import budgets, urls
from budgetkg.server.context import WebContext, web
from budgetkg.server.facts import normalised_target
from budgetkg.server.labels import best_labels, iris_of
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

router = APIRouter()

CATEGORY_BASE = "https://w3id.org/budgetkg/def/category/"
_KEY = re.compile(r"^[a-z][a-z-]*$")


@dataclass(frozen=True)
class Category:
    iri: URIRef
    key: str
    label: str
    indicators: int
    departments: int


@dataclass(frozen=True)
class Row:
    indicator: URIRef
    name: str
    printed: str | None
    normalised: str | None
    unit: str | None


def _select(ctx: WebContext, query: str) -> SelectResult:
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    return result


def categories(ctx: WebContext) -> list[Category]:
    rows = [r for r in _select(ctx, page_query("compare_categories")).rows if isinstance(r["category"], URIRef)]
    labels = best_labels(ctx.store, iris_of(rows, "category"))
    return [
        Category(iri, iri.removeprefix(CATEGORY_BASE), labels.get(iri, iri.removeprefix(CATEGORY_BASE)),
                 int(r["n"]), int(r["depts"]))
        for r in rows
        if isinstance(iri := r["category"], URIRef) and iri.startswith(CATEGORY_BASE)
    ]  # fmt: skip


def side_by_side(ctx: WebContext, category: URIRef) -> dict[str, list[Row]]:
    """'jurisdiction · department' → its indicators of ``category`` with their annual targets."""
    result = _select(ctx, bind(page_query("compare_indicators"), {"category": [category]}))
    depts = best_labels(ctx.store, iris_of(result.rows, "dept"))
    columns: dict[str, dict[URIRef, Row]] = {}
    for row in result.rows:
        indicator, dept = row["indicator"], row["dept"]
        if not isinstance(indicator, URIRef) or not isinstance(dept, URIRef):
            continue
        where = budgets.jurisdiction(row.get("level"), row.get("district"))
        printed = row.get("printed")
        unit = row.get("unit")
        columns.setdefault(f"{where} · {depts.get(dept, str(dept))}", {}).setdefault(
            indicator,
            Row(
                indicator,
                str(row.get("name", indicator)),
                str(printed) if isinstance(printed, Literal) else None,
                normalised_target(row) if isinstance(printed, Literal) else None,
                str(unit) if isinstance(unit, Literal) else None,
            ),
        )
    return {column: list(rows.values()) for column, rows in sorted(columns.items())}


@router.get(urls.COMPARE, response_class=HTMLResponse, include_in_schema=False)
def compare(request: Request, kind: str | None = None) -> HTMLResponse:
    ctx = web(request)
    menu = categories(ctx)
    chosen = next((c for c in menu if c.key == kind), None) if kind and _KEY.match(kind) else None
    by_jurisdiction = budgets.departments(ctx)
    charts = [
        budgets.total_chart(ctx, by_jurisdiction),
        budgets.line_chart(ctx, by_jurisdiction, "基本支出（万元） Basic expenditure", budgets.BASIC),
        budgets.line_chart(ctx, by_jurisdiction, "项目支出（万元） Project expenditure", budgets.PROJECT),
    ]
    return ctx.page(
        "compare.html",
        menu=menu,
        chosen=chosen,
        kind=kind,
        columns=side_by_side(ctx, chosen.iri) if chosen else {},
        charts=charts,
    )
