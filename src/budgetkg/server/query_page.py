"""The query page: YASGUI (from npm) preloaded with the named queries, and a server-rendered fallback
that runs the query in the URL (shareable) and shows the result table without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from rdflib.term import URIRef
from starlette.responses import HTMLResponse

from budgetkg.errors import QueryError, QueryTimeout
from budgetkg.queries import all_queries
from budgetkg.server import urls
from budgetkg.server.context import WebContext, web
from budgetkg.server.labels import best_labels
from budgetkg.server.present import Shown, show
from budgetkg.store.base import AskResult, GraphResult, QueryResult, SelectResult, Term

router = APIRouter()

#: rows drawn in the HTML table; the downloads carry everything up to the store's result limit
HTML_ROWS = 500
DEFAULT_QUERY = """SELECT ?type (COUNT(?s) AS ?n) WHERE {
  ?s a ?type .
}
GROUP BY ?type
ORDER BY DESC(?n)"""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Shown | None, ...], ...]
    total: int
    truncated: bool
    ask: bool | None = None


def table(ctx: WebContext, result: QueryResult) -> Table:
    """Any query result as a table of shown terms (ASK as a yes/no, graphs as subject/predicate/object)."""
    if isinstance(result, AskResult):
        return Table((), (), 0, False, result.value)
    if isinstance(result, GraphResult):
        columns: tuple[str, ...] = ("subject", "predicate", "object")
        raw: list[dict[str, Term]] = [dict(zip(columns, triple, strict=True)) for triple in result.triples]
        truncated = result.truncated
    else:
        assert isinstance(result, SelectResult)
        columns, raw, truncated = result.variables, [dict(r) for r in result.rows], result.truncated
    shown_rows = raw[:HTML_ROWS]
    labels = best_labels(ctx.store, {t for r in shown_rows for t in r.values() if isinstance(t, URIRef)})

    def cell(term: Term | None) -> Shown | None:
        if term is None:
            return None
        return show(term, labels.get(term) if isinstance(term, URIRef) else None, ctx.iri_map)

    rows = tuple(tuple(cell(r.get(c)) for c in columns) for r in shown_rows)
    return Table(columns, rows, len(raw), truncated)


@router.get(urls.QUERY, response_class=HTMLResponse, include_in_schema=False)
def query_page(request: Request, query: str | None = None) -> HTMLResponse:
    ctx = web(request)
    result: Table | None = None
    error: str | None = None
    status = 200
    if query and query.strip():
        try:
            result = table(ctx, ctx.store.query(query, timeout=ctx.settings.query_timeout))
        except QueryTimeout as exc:
            error, status = f"查询超时 Query timed out: {exc}", 504
        except QueryError as exc:
            error, status = f"查询有误 Query error: {exc}", 400
    return ctx.page(
        "query.html",
        status_code=status,
        query=query if query and query.strip() else None,
        editor_text=query if query and query.strip() else DEFAULT_QUERY,
        examples=all_queries(),
        result=result,
        error=error,
        html_rows=HTML_ROWS,
        timeout=ctx.settings.query_timeout,
        limit=ctx.settings.result_limit,
    )
