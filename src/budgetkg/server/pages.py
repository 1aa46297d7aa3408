"""The browser's pages other than entity documents: home, search, validation report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from rdflib.term import Literal, URIRef
from starlette.responses import HTMLResponse, JSONResponse

from budgetkg.rdf import published
from budgetkg.server import budgets, compare, lineage_page, query_page, urls
from budgetkg.server.context import WebContext, web
from budgetkg.server.findings import all_findings
from budgetkg.server.labels import best_labels, iris_of
from budgetkg.server.present import show
from budgetkg.server.search import grouped
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

router = APIRouter()


def select(ctx: WebContext, query: str) -> SelectResult:
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout)
    if not isinstance(result, SelectResult):
        raise TypeError("page queries are SELECT queries")
    return result


@router.get(urls.HOME, response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> HTMLResponse:
    ctx = web(request)
    vocabulary = published.vocabulary_graph_iri(ctx.settings.base_iri)
    counted = select(ctx, bind(page_query("home_counts"), {"vocabulary": [vocabulary]})).rows
    counts = [(row["type"], int(row["n"])) for row in counted]
    labels = best_labels(ctx.store, iris_of(counted, "type"))
    shown = [(show(t, labels.get(t) if isinstance(t, URIRef) else None, ctx.iri_map), n) for t, n in counts]
    by_jurisdiction = budgets.departments(ctx)
    builds = select(ctx, page_query("home_build")).rows
    ended = builds[0].get("ended") if builds else None
    return ctx.page(
        "home.html",
        built=ended.toPython() if isinstance(ended, Literal) else None,
        build=builds[0] if builds else None,
        counts=shown,
        graphs=len(ctx.store.graph_names()),
        departments=by_jurisdiction,
        chart=budgets.total_chart(ctx, by_jurisdiction),
        catalog=ctx.iri_map.document(str(published.catalog_iri(ctx.settings.base_iri))),
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
    return ctx.page("search.html", q=q, groups=grouped(hits), total=len(hits), group_names=index.group_names)


@router.get(urls.SEARCH_JSON, include_in_schema=False)
def search_json(request: Request, q: str = "") -> JSONResponse:
    return JSONResponse({"query": q, "results": _hits(request, q)})


@router.get(urls.VALIDATION, response_class=HTMLResponse, include_in_schema=False)
def validation(request: Request) -> HTMLResponse:
    ctx = web(request)
    findings = all_findings(ctx)
    by_severity: dict[str, int] = {}
    for finding in findings:
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
    return ctx.page("validation.html", findings=findings, by_severity=by_severity)


# the other page modules hang off this router so app.py includes the browser with one line
router.include_router(compare.router)
router.include_router(query_page.router)
router.include_router(lineage_page.router)
