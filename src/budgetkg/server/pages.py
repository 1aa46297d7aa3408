"""The browser's pages other than entity documents: home, search, validation report.

The home page reads the type counts the build stated (VoID class partitions, rdf/catalog.py) instead of
counting, and lists departments per jurisdiction in totals with the departments themselves paged; the
validation report is paged in SPARQL (server/findings.py).  Every list says which part of how many it shows.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from rdflib.term import Literal, URIRef
from starlette.responses import HTMLResponse, JSONResponse

from budgetkg.rdf import published
from budgetkg.server import budgets, compare, lineage_page, query_page, urls
from budgetkg.server.context import WebContext, web
from budgetkg.server.findings import findings_page
from budgetkg.server.labels import best_labels, iris_of
from budgetkg.server.paging import page_of
from budgetkg.server.per_build import per_build
from budgetkg.server.present import show
from budgetkg.server.search import grouped
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

router = APIRouter()

#: departments per page of the home page's table; findings per page of the validation report
DEPARTMENTS_PER_PAGE = 50
FINDINGS_PER_PAGE = 100


def select(ctx: WebContext, query: str) -> SelectResult:
    # the pages' own queries read every row: the endpoint's result limit is for its clients (store/base.py)
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout, all_rows=True)
    if not isinstance(result, SelectResult):
        raise TypeError("page queries are SELECT queries")
    return result


@router.get(urls.HOME, response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, page: int | None = None, size: int | None = None) -> HTMLResponse:
    ctx = web(request)
    base = ctx.settings.base_iri
    partitions = bind(
        page_query("home_partitions"),
        {"catalog": [published.void_graph_iri(base)], "dataset": [published.published_dataset_iri(base)]},
    )
    counted = select(ctx, partitions).rows
    counts = [(row["type"], int(row["n"])) for row in counted]
    labels = best_labels(ctx.store, iris_of(counted, "type"))
    shown = [(show(t, labels.get(t) if isinstance(t, URIRef) else None, ctx.iri_map), n) for t, n in counts]
    departments = per_build(ctx, "departments", lambda: budgets.departments(ctx))
    everyone = departments.in_order
    paged = page_of(page, size, len(everyone), default_size=DEPARTMENTS_PER_PAGE, path=urls.HOME)
    totals = budgets.jurisdiction_totals(departments)
    builds = select(ctx, page_query("home_build")).rows
    ended = builds[0].get("ended") if builds else None
    return ctx.page(
        "home.html",
        built=ended.toPython() if isinstance(ended, Literal) else None,
        build=builds[0] if builds else None,
        counts=shown,
        graphs=len(ctx.store.graph_names()),
        totals=totals,
        departments=budgets.grouped(paged.items(everyone)),
        departments_page=paged,
        departments_truncated=departments.truncated,
        chart=budgets.jurisdiction_chart(totals),
        catalog=ctx.iri_map.document(str(published.catalog_iri(base))),
    )


def _hits(request: Request, q: str) -> list[dict[str, Any]]:
    ctx = web(request)
    return [
        {
            "iri": str(hit.iri),
            "label": hit.label,
            "group": hit.group,
            "score": hit.score,
            "matched": hit.matched,
            "context": hit.context,
            "href": ctx.iri_map.document(str(hit.iri)),
        }
        for hit in ctx.search_index().search(q)
    ]


@router.get(urls.SEARCH, response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    ctx = web(request)
    index = ctx.search_index()
    hits = index.search(q)
    return ctx.page(
        "search.html",
        q=q,
        groups=grouped(hits),
        total=len(hits),
        group_names=index.group_names,
        complete=index.complete,
    )


@router.get(urls.SEARCH_JSON, include_in_schema=False)
def search_json(request: Request, q: str = "") -> JSONResponse:
    complete = web(request).search_index().complete
    return JSONResponse({"query": q, "results": _hits(request, q), "indexComplete": complete})


@router.get(urls.VALIDATION, response_class=HTMLResponse, include_in_schema=False)
def validation(request: Request, page: int | None = None, size: int | None = None) -> HTMLResponse:
    ctx = web(request)
    report = findings_page(ctx, page, size, default_size=FINDINGS_PER_PAGE, path=urls.VALIDATION)
    return ctx.page(
        "validation.html",
        report=report,
        findings=report.findings,
        by_severity=report.by_severity,
        findings_page=report.page,
    )


# the other page modules hang off this router so app.py includes the browser with one line
router.include_router(compare.router)
router.include_router(query_page.router)
router.include_router(lineage_page.router)
