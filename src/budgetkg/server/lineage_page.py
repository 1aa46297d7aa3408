"""The lineage page: the interactive graph (cytoscape from npm), filters, the family × jurisdiction matrix,
the relation table with evidence (the no-JS view, paged) and "how is A related to B".

The graph draws what ``lineage.drawing`` allows (the whole selection at the seed data; its platforms alone,
or nothing, once a selection is larger than ``Settings.lineage_max_nodes``), and the page says what it left
out and how to narrow the selection."""

from __future__ import annotations

import json

from fastapi import APIRouter, Query, Request
from markupsafe import Markup
from rdflib.term import URIRef
from starlette.responses import HTMLResponse

from budgetkg.server import lineage, urls
from budgetkg.server.context import web
from budgetkg.server.paging import Page, page_of

router = APIRouter()


def table_page(request: Request, page: int | None, size: int | None, total: int) -> Page:
    """Page ``page`` of ``total`` relation-table rows, clamped like every paged list (server/paging.py);
    its links keep the request's filters, repeated ones too (several families or jurisdictions)."""
    params = request.query_params
    keep = {name: tuple(params.getlist(name)) for name in params if name not in ("page", "size")}
    return page_of(page, size, total, default_size=lineage.TABLE_PAGE, path=urls.LINEAGE, keep=keep)


@router.get(urls.LINEAGE, response_class=HTMLResponse, include_in_schema=False)
def lineage_page(
    request: Request,
    family: list[str] = Query(default=[]),  # noqa: B008 (FastAPI's way to declare a repeated parameter)
    jurisdiction: list[str] = Query(default=[]),  # noqa: B008
    focus: str | None = None,
    a: str | None = None,
    b: str | None = None,
    page: int | None = None,
    size: int | None = None,
) -> HTMLResponse:
    ctx = web(request)
    everything = lineage.load(ctx)
    shown = everything.filtered(set(family), set(jurisdiction))
    focus_node = everything.nodes.get(URIRef(focus)) if focus else None
    if focus_node is not None:
        shown = lineage.component_of(shown, focus_node.iri)
    table = table_page(request, page, size, len(shown.edges))
    # which nodes are drawn does not depend on their labels: label those and the table page's, then draw
    drawable = lineage.drawing(shown, ctx.settings.lineage_max_nodes).lineage
    on_page = {e.source for e in table.items(shown.edges)} | set(drawable.nodes if drawable else ())
    shown = lineage.label_shown(ctx, shown, on_page)
    drawn = lineage.drawing(shown, ctx.settings.lineage_max_nodes)
    href = {iri: ctx.iri_map.document(str(iri)) for iri in everything.nodes}
    node_a = everything.nodes.get(URIRef(a)) if a else None
    node_b = everything.nodes.get(URIRef(b)) if b else None
    path = everything.path(node_a.iri, node_b.iri) if node_a and node_b else None
    families, jurisdictions, cells = everything.matrix()
    # </script> inside a label must not end the JSON island: escape the characters HTML cares about
    elements = json.dumps(lineage.cytoscape_elements(drawn.lineage, href) if drawn.lineage else [], ensure_ascii=False)
    elements = elements.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return ctx.page(
        "lineage.html",
        all=everything,
        shown=shown,
        drawn=drawn,
        rows=table.items(shown.edges),
        table=table,
        max_evidence=lineage.MAX_EVIDENCE,
        chosen_families=set(family),
        chosen_jurisdictions=set(jurisdiction),
        focus=focus_node,
        elements=Markup(elements),
        href=href,
        colours=lineage.RELATION_COLOURS,
        kind_colours=lineage.KIND_COLOURS,
        families=families,
        jurisdictions=jurisdictions,
        cells=cells,
        a=node_a,
        b=node_b,
        asked=bool(a and b),
        path=path,
        funds=lineage.FUNDS,
    )
