"""The lineage page: the interactive graph (cytoscape from npm), filters, the family × jurisdiction matrix,
the relation table with evidence (the no-JS view) and "how is A related to B"."""

from __future__ import annotations

import json

from fastapi import APIRouter, Query, Request
from markupsafe import Markup
from rdflib.term import URIRef
from starlette.responses import HTMLResponse

from budgetkg.server import lineage, urls
from budgetkg.server.context import web

router = APIRouter()


@router.get(urls.LINEAGE, response_class=HTMLResponse, include_in_schema=False)
def lineage_page(
    request: Request,
    family: list[str] = Query(default=[]),  # noqa: B008 (FastAPI's way to declare a repeated parameter)
    jurisdiction: list[str] = Query(default=[]),  # noqa: B008
    focus: str | None = None,
    a: str | None = None,
    b: str | None = None,
) -> HTMLResponse:
    ctx = web(request)
    everything = lineage.load(ctx)
    shown = everything.filtered(set(family), set(jurisdiction))
    focus_node = everything.nodes.get(URIRef(focus)) if focus else None
    if focus_node is not None:
        shown = lineage.component_of(shown, focus_node.iri)
    href = {iri: ctx.iri_map.document(str(iri)) for iri in everything.nodes}
    node_a = everything.nodes.get(URIRef(a)) if a else None
    node_b = everything.nodes.get(URIRef(b)) if b else None
    path = everything.path(node_a.iri, node_b.iri) if node_a and node_b else None
    families, jurisdictions, cells = everything.matrix()
    # </script> inside a label must not end the JSON island: escape the characters HTML cares about
    elements = json.dumps(lineage.cytoscape_elements(shown, href), ensure_ascii=False)
    elements = elements.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return ctx.page(
        "lineage.html",
        all=everything,
        shown=shown,
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
