"""Dereferencing: ``/id/…`` answers 303 to its document; ``/doc/…`` and ``/resource`` serve the document
as HTML or RDF, chosen by suffix or by Accept, with ``Vary: Accept`` and one ``Link: rel="alternate"``
per format.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from rdflib.term import URIRef
from starlette.responses import RedirectResponse, Response

from budgetkg.errors import NotFound
from budgetkg.rdf.namespaces import bind_prefixes
from budgetkg.server import urls
from budgetkg.server.context import WebContext, web
from budgetkg.server.describe import document_graph, find
from budgetkg.server.entity_page import entity_page
from budgetkg.server.sparql_text import UnsafeTerm
from budgetkg.store.formats import negotiate

router = APIRouter()

#: rdflib serializer name per document suffix
_RDFLIB_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}
_BY_MEDIA_TYPE = {media_type: suffix for suffix, media_type in urls.FORMATS.items()}


def _raw_key(request: Request, prefix: str) -> str:
    # the raw path keeps the IRI's own percent-encoding; the decoded one is tried as well (urls.IriMap)
    raw_path: bytes = request.scope.get("raw_path") or request.url.path.encode()
    raw = raw_path.decode("latin-1")
    return raw[len(prefix) :].split("?", 1)[0]


def _known(ctx: WebContext, candidates: tuple[str, ...]) -> URIRef:
    try:
        iri = find(ctx.store, candidates)
    except UnsafeTerm:
        iri = None  # text that cannot be an IRI names nothing in the graph
    if iri is None:
        raise NotFound(f"这个 IRI 不在图中。Unknown IRI: {candidates[-1]}")
    return iri


def _links(ctx: WebContext, iri: URIRef) -> str:
    return ", ".join(
        f'<{ctx.iri_map.document(str(iri), suffix)}>; rel="alternate"; type="{media_type}"'
        for suffix, media_type in urls.FORMATS.items()
    )


def _document(request: Request, ctx: WebContext, iri: URIRef, suffix: str | None) -> Response:
    if suffix is None:
        media_type = negotiate(request.headers.get("accept"), tuple(urls.FORMATS.values()))
        if media_type is None:
            supported = ", ".join(urls.FORMATS.values())
            return Response(f"406: supported formats: {supported}\n", status_code=406, headers={"Vary": "Accept"})
        suffix = _BY_MEDIA_TYPE[media_type]
    if suffix == "html":
        response: Response = entity_page(request, ctx, iri)
    else:
        graph = bind_prefixes(document_graph(ctx.store, iri))
        body = graph.serialize(format=_RDFLIB_FORMATS[suffix], encoding="utf-8")
        response = Response(body, media_type=urls.FORMATS[suffix])
        if suffix in ("ttl", "nt"):
            response.headers["content-type"] = f"{urls.FORMATS[suffix]}; charset=utf-8"
    response.headers["Vary"] = "Accept"
    response.headers["Link"] = _links(ctx, iri)
    return response


@router.api_route(urls.THING_PREFIX + "{key:path}", methods=["GET", "HEAD"], include_in_schema=False)
def thing(request: Request, key: str) -> Response:
    """The IRI of a thing is not a document: 303 See Other to the document about it."""
    ctx = web(request)
    iri = _known(ctx, ctx.iri_map.iri_candidates(_raw_key(request, urls.THING_PREFIX)))
    return RedirectResponse(ctx.iri_map.document(str(iri)), status_code=303, headers={"Vary": "Accept"})


@router.api_route(urls.DOC_PREFIX + "{key:path}", methods=["GET", "HEAD"], include_in_schema=False)
def document(request: Request, key: str) -> Response:
    ctx = web(request)
    raw, suffix = urls.split_suffix(_raw_key(request, urls.DOC_PREFIX))
    return _document(request, ctx, _known(ctx, ctx.iri_map.iri_candidates(raw)), suffix)


@router.api_route(urls.RESOURCE, methods=["GET", "HEAD"], include_in_schema=False)
def resource(request: Request, iri: str, format: str | None = None) -> Response:
    """Documents about IRIs outside this deployment's ``id/`` space (vocabulary terms, places)."""
    ctx = web(request)
    if format is not None and format not in urls.FORMATS:
        raise NotFound(f"unknown format {format!r}; one of {', '.join(urls.FORMATS)}")
    if ctx.iri_map.is_local(iri):
        return RedirectResponse(ctx.iri_map.document(iri, format), status_code=301)
    return _document(request, ctx, _known(ctx, (iri,)), format)
