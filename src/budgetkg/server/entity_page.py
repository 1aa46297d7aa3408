"""The HTML page of one entity: labels, links grouped by predicate with paging, provenance, findings."""

from __future__ import annotations

from fastapi import Request
from rdflib.term import URIRef
from starlette.responses import HTMLResponse

from budgetkg.server import urls
from budgetkg.server.context import WebContext
from budgetkg.server.describe import Direction, LinkGroup, describe
from budgetkg.server.facts import amounts_of, targets_of
from budgetkg.server.findings import findings_about
from budgetkg.server.present import Shown, show
from budgetkg.server.provenance import provenance_of
from budgetkg.server.sparql_text import UnsafeTerm, iri_ref

PLATFORM = URIRef("https://w3id.org/budgetkg/def#Platform")


def _page_request(request: Request) -> tuple[Direction, URIRef, int] | None:
    """``?dir=out&p=IRI&offset=N`` pages one predicate group; anything malformed shows the first page."""
    direction, predicate, offset = (request.query_params.get(k) for k in ("dir", "p", "offset"))
    if direction not in ("out", "in") or not predicate or not (offset or "").isdigit():
        return None
    try:
        iri_ref(predicate)
    except UnsafeTerm:
        return None  # not an IRI: no group can have it as its predicate
    return ("out" if direction == "out" else "in"), URIRef(predicate), int(offset or 0)


def shown_groups(ctx: WebContext, groups: tuple[LinkGroup, ...]) -> list[tuple[LinkGroup, Shown, list[Shown]]]:
    return [
        (
            group,
            show(group.predicate, group.label, ctx.iri_map),
            [show(v.term, v.label, ctx.iri_map, group.predicate) for v in group.values],
        )
        for group in groups
    ]


def entity_page(request: Request, ctx: WebContext, iri: URIRef) -> HTMLResponse:
    page = _page_request(request)
    entity = describe(ctx.store, iri, page=page)
    return ctx.page(
        "entity.html",
        entity=entity,
        types=[show(v.term, v.label, ctx.iri_map) for v in entity.types],
        outgoing=shown_groups(ctx, entity.outgoing),
        incoming=shown_groups(ctx, entity.incoming),
        provenance=provenance_of(ctx, iri),
        findings=findings_about(ctx, iri),
        amounts=amounts_of(ctx, iri),
        targets=targets_of(ctx, iri),
        doc_path=ctx.iri_map.document(str(iri)),
        lineage_link=urls.lineage(focus=str(iri)) if PLATFORM in {v.term for v in entity.types} else None,
    )
