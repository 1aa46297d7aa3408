"""The compare page: indicators of one category side by side across departments and districts,
and budget charts by jurisdiction and by department.

Both lists grow with the number of departments, so both are paged (server/paging.py): the side-by-side
columns (one per department) with ``?page=`` — the departments are listed first (compare_columns.rq) and
only the page's departments' indicators are read (compare_indicators.rq) — and the departments of the
per-filing charts with ``?dept_page=``; the chart by jurisdiction stays whole (one bar per jurisdiction).
Each says which part of how many it shows.
"""

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
from budgetkg.server.paging import page_of
from budgetkg.server.per_build import per_build
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

router = APIRouter()

CATEGORY_BASE = "https://w3id.org/budgetkg/def/category/"
_KEY = re.compile(r"^[a-z][a-z-]*$")
#: department columns side by side per page; departments per page of the per-filing charts
COLUMNS_PER_PAGE = 12
CHART_DEPARTMENTS_PER_PAGE = 25


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


@dataclass(frozen=True)
class Column:
    """A department with indicators of the compared category."""

    dept: URIRef
    title: str
    indicators: int


@dataclass(frozen=True)
class Columns:
    #: every column, in the order pages count them (jurisdiction · department name, then IRI)
    columns: list[Column]
    #: the store's own cap cut the rows (the endpoint's limit is lifted for these queries): said on the page
    truncated: bool


def _select(ctx: WebContext, query: str) -> SelectResult:
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout, all_rows=True)
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


def columns_of(ctx: WebContext, category: URIRef) -> Columns:
    """The departments with indicators of ``category``, each titled 'jurisdiction · department'."""
    result = _select(ctx, bind(page_query("compare_columns"), {"category": [category]}))
    labels = best_labels(ctx.store, iris_of(result.rows, "dept"))
    found = [
        Column(dept, f"{budgets.jurisdiction(r.get('level'), r.get('district'))} · {labels.get(dept, str(dept))}",
               int(r["n"]))
        for r in result.rows
        if isinstance(dept := r["dept"], URIRef)
    ]  # fmt: skip
    return Columns(sorted(found, key=lambda c: (c.title, str(c.dept))), result.truncated)


def side_by_side(ctx: WebContext, category: URIRef, shown: list[Column]) -> tuple[list[tuple[Column, list[Row]]], bool]:
    """The indicators of ``category`` with their annual targets, per column of ``shown``; whether rows were cut."""
    if not shown:
        return [], False
    result = _select(
        ctx, bind(page_query("compare_indicators"), {"category": [category], "dept": [c.dept for c in shown]})
    )
    columns: dict[URIRef, dict[URIRef, Row]] = {c.dept: {} for c in shown}
    for row in result.rows:
        indicator, dept = row["indicator"], row["dept"]
        if not isinstance(indicator, URIRef) or not isinstance(dept, URIRef) or dept not in columns:
            continue
        printed = row.get("printed")
        unit = row.get("unit")
        columns[dept].setdefault(
            indicator,
            Row(
                indicator,
                str(row.get("name", indicator)),
                str(printed) if isinstance(printed, Literal) else None,
                normalised_target(row) if isinstance(printed, Literal) else None,
                str(unit) if isinstance(unit, Literal) else None,
            ),
        )
    return [(c, list(columns[c.dept].values())) for c in shown], result.truncated


@router.get(urls.COMPARE, response_class=HTMLResponse, include_in_schema=False)
def compare(
    request: Request,
    kind: str | None = None,
    page: int | None = None,
    size: int | None = None,
    dept_page: int | None = None,
) -> HTMLResponse:
    ctx = web(request)
    menu = per_build(ctx, "compare categories", lambda: categories(ctx))
    chosen = next((c for c in menu if c.key == kind), None) if kind and _KEY.match(kind) else None
    compared = Columns([], False)
    if chosen is not None:
        category = chosen.iri
        compared = per_build(ctx, f"compare columns {chosen.key}", lambda: columns_of(ctx, category))
    keep_kind = {"kind": chosen.key if chosen else None}
    columns_page = page_of(
        page,
        size,
        len(compared.columns),
        default_size=COLUMNS_PER_PAGE,
        path=urls.COMPARE,
        keep={**keep_kind, "dept_page": str(dept_page) if dept_page else None},
    )
    departments = per_build(ctx, "departments", lambda: budgets.departments(ctx))
    everyone = departments.in_order
    charted_page = page_of(
        dept_page, None, len(everyone), default_size=CHART_DEPARTMENTS_PER_PAGE, path=urls.COMPARE,
        keep={**keep_kind, "page": str(page) if page else None, "size": str(size) if size else None},
        param="dept_page",
    )  # fmt: skip
    charted = charted_page.items(everyone)
    charts = [
        budgets.total_chart(ctx, charted),
        budgets.line_chart(ctx, charted, "基本支出（万元） Basic expenditure", budgets.BASIC),
        budgets.line_chart(ctx, charted, "项目支出（万元） Project expenditure", budgets.PROJECT),
    ]
    totals = budgets.jurisdiction_totals(departments)
    shown, cut = side_by_side(ctx, chosen.iri, columns_page.items(compared.columns)) if chosen else ([], False)
    return ctx.page(
        "compare.html",
        menu=menu,
        chosen=chosen,
        kind=kind,
        columns=shown,
        columns_page=columns_page,
        columns_truncated=compared.truncated or cut,
        jurisdiction_chart=budgets.jurisdiction_chart(totals),
        charts=charts,
        charts_page=charted_page,
        departments_truncated=departments.truncated,
    )
