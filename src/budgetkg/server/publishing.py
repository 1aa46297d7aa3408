"""Linked-data publishing: the full dump where the DCAT/VoID catalogue says it is, the VoID description at
``/.well-known/void`` and the SPARQL 1.1 Service Description of ``/sparql``.

Everything is read from the Store (so it works unchanged on the remote backend), one named graph at a
time and one result-limit-sized page at a time, so the dump is streamed and never cut by the limit.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Request
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from budgetkg.errors import StoreError
from budgetkg.rdf import published
from budgetkg.rdf.namespaces import bind_prefixes
from budgetkg.server import urls
from budgetkg.server.context import web
from budgetkg.server.sparql_text import iri_ref
from budgetkg.settings import Settings
from budgetkg.store.base import GraphResult, Store, Term
from budgetkg.store.formats import GRAPH_TYPES, RESULT_TYPES, TRIG, TURTLE, negotiate, nt_term, serialize

router = APIRouter()

NQUADS = "application/n-quads"
_VARY = {"Vary": "Accept"}

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
#: result media type → its W3C format IRI (sd:resultFormat)
_FORMAT_IRIS = {
    "application/sparql-results+json": FORMATS.SPARQL_Results_JSON,
    "application/sparql-results+xml": FORMATS.SPARQL_Results_XML,
    "text/csv": FORMATS.SPARQL_Results_CSV,
    "text/tab-separated-values": FORMATS.SPARQL_Results_TSV,
    "text/turtle": FORMATS.Turtle,
    "application/n-triples": FORMATS["N-Triples"],
    "application/ld+json": FORMATS["JSON-LD"],
    "application/rdf+xml": FORMATS.RDF_XML,
    "application/trig": FORMATS.TriG,
}
_PAGE_QUERY = (
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o LIMIT {limit} OFFSET {offset}"
)


def graph_pages(store: Store, name: str, page_size: int, timeout: float | None = None) -> Iterator[GraphResult]:
    """The triples of named graph ``name`` in pages of ``page_size`` (the store's result limit): a page
    cut by that limit is never silently the last one."""
    offset = 0
    while True:
        query = _PAGE_QUERY.format(graph=iri_ref(name), limit=page_size, offset=offset)
        result = store.query(query, timeout=timeout)
        if not isinstance(result, GraphResult):
            raise StoreError(f"{name}: the store did not answer a CONSTRUCT with triples")
        yield result
        if len(result.triples) < page_size and not result.truncated:
            return
        offset += page_size


def dump_lines(store: Store, settings: Settings, trig: bool = False) -> Iterator[bytes]:
    """The whole store, graph by graph, as N-Quads (or TriG: one block per page of a graph)."""
    page_size = max(1, settings.result_limit)
    for name in store.graph_names():
        graph = f"<{name}>"
        for page in graph_pages(store, name, page_size, settings.query_timeout):
            lines = [f"{nt_term(s)} {nt_term(p)} {nt_term(o)}" for s, p, o in page.triples]
            if not lines:
                continue
            if trig:  # N-Triples statements are Turtle statements: a TriG block holds them as they are
                yield (f"{graph} {{\n" + "".join(f"{line} .\n" for line in lines) + "}\n").encode()
            else:
                yield "".join(f"{line} {graph} .\n" for line in lines).encode()


@router.api_route(urls.DUMP, methods=["GET", "HEAD"], include_in_schema=False, response_model=None)
async def dump(request: Request) -> Response:
    """The full dump named by the catalogue's distribution (N-Quads; TriG when asked for), streamed."""
    ctx = web(request)
    chosen = negotiate(request.headers.get("accept"), (NQUADS, TRIG)) or NQUADS
    # a store that cannot be read (or holds nothing yet) fails here, as a 503, not as a cut or empty body
    if not await run_in_threadpool(ctx.store.graph_names):
        raise StoreError(f"{ctx.settings.store}: the store holds no graph yet (run `budgetkg build`)")
    headers = {
        "Vary": "Accept",
        "Content-Disposition": f'inline; filename="budgetkg.{"trig" if chosen == TRIG else "nq"}"',
    }
    if request.method == "HEAD":
        # the headers a GET would send, without serializing the whole graph to throw it away
        return StreamingResponse(iter(()), media_type=f"{chosen}; charset=utf-8", headers=headers)
    body = dump_lines(ctx.store, ctx.settings, trig=chosen == TRIG)
    return StreamingResponse(body, media_type=f"{chosen}; charset=utf-8", headers=headers)


@router.api_route(urls.VOID, methods=["GET", "HEAD"], include_in_schema=False, response_model=None)
async def void(request: Request) -> Response:
    """The VoID description (and DCAT catalogue) the build wrote into ``{base}graph/catalog``, as Turtle."""
    ctx = web(request)
    name = str(published.void_graph_iri(ctx.settings.base_iri))

    def read() -> Graph:
        graph = bind_prefixes(Graph())
        for page in graph_pages(ctx.store, name, max(1, ctx.settings.result_limit), ctx.settings.query_timeout):
            for triple in page.triples:
                graph.add(triple)
        return graph

    graph = await run_in_threadpool(read)
    if not len(graph):
        return Response("no catalogue in the store: run `budgetkg build`\n", 404, media_type="text/plain")
    link = f'<{ctx.iri_map.document(str(published.catalog_iri(ctx.settings.base_iri)))}>; rel="describedby"'
    return Response(graph.serialize(format="turtle"), media_type=f"{TURTLE}; charset=utf-8", headers={"Link": link})


def service_description(base: str, graph_names: tuple[str, ...]) -> Graph:
    """The SPARQL 1.1 Service Description of ``{base}sparql`` (the catalogue's dcat:DataService node)."""
    graph = bind_prefixes(Graph())
    graph.bind("sd", SD)
    service, endpoint = published.sparql_service_iri(base), published.sparql_endpoint_iri(base)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, endpoint))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    # the default graph is the RDF merge of the named graphs (documented in store/base.py)
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for media_type in (*RESULT_TYPES, *GRAPH_TYPES):
        graph.add((service, SD.resultFormat, _FORMAT_IRIS[media_type]))
    graph.add((service, DCTERMS.title, Literal("SPARQL 查询服务", lang="zh-Hans")))
    graph.add((service, DCTERMS.title, Literal("SPARQL query service", lang="en")))
    dataset = published.published_dataset_iri(base)
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = URIRef(f"{dataset}#default-graph")
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for index, name in enumerate(graph_names):
        named = URIRef(f"{dataset}#named-graph-{index}")
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(name)))
    return graph


def describe_service(request: Request, media_type: str) -> Response:
    """``/sparql`` without a query, for a client asking for RDF: its service description."""
    ctx = web(request)
    described = service_description(ctx.settings.base_iri, ctx.store.graph_names())
    if media_type == TURTLE:  # with its prefixes: the form a person reads
        return Response(described.serialize(format="turtle"), media_type=f"{TURTLE}; charset=utf-8", headers=_VARY)
    triples: tuple[tuple[Term, Term, Term], ...] = tuple(
        (s, p, o) for s, p, o in described if isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, Term)
    )
    body = serialize(GraphResult(triples), media_type)
    return Response(body.body, media_type=body.media_type, headers=_VARY)
