"""The remote backend: any SPARQL 1.1 server (Query + Update protocols), Virtuoso's quirks absorbed.

* Queries go as form POST (Virtuoso hangs on ``application/sparql-query`` bodies) with an explicit
  Accept header (without one Virtuoso answers HTML); ``typed-literal`` JSON bindings are read as
  literals and ``nodeID://`` blank nodes as blank nodes.  Nothing engine-specific (no ``define``)
  is ever sent.
* Default graph = the merge of the budgetkg graphs.  A server's own default graph may hold
  anything (Virtuoso's holds its system graphs), and engines answer a union of several default
  graphs once per graph holding a triple, so each build stores the merge as a graph of its own
  (``urn:budgetkg:union``) and lists its graphs in a manifest graph (``urn:budgetkg:manifest``);
  every query that does not choose its own dataset (protocol parameters or FROM clauses) names
  the merge as ``default-graph-uri`` and the listed graphs as ``named-graph-uri``.
* Credentials (``BUDGETKG_STORE_USER``/``_PASSWORD``) are sent with HTTP digest auth, which is
  what Virtuoso's ``/sparql-auth`` needs for updates: point ``BUDGETKG_STORE`` at that URL.
* Timeout: the client stops waiting at the timeout and reports it; the server may go on computing
  until its own limit (Virtuoso: ``MaxQueryExecutionTime``) — a remote query cannot be killed
  from here.
* ``replace_all`` guarantees: the new graphs are uploaded into staging graphs first, so a failure
  or a kill during the upload leaves the served content untouched (leftover staging graphs are
  invisible to queries and dropped by the next build).  The switch is ONE SPARQL Update request
  (MOVE each staging graph over its live graph, drop graphs no longer built, rewrite the
  manifest): atomic on servers that run an update request in one transaction; otherwise a reader
  may see a mix of old and new graphs for the duration of that request.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
from rdflib.term import BNode, Literal, URIRef

from budgetkg.errors import QueryError, QueryTimeout, StoreError
from budgetkg.store.base import AskResult, GraphResult, Graphs, QueryResult, SelectResult, Term, graph_items
from budgetkg.store.formats import JSON, NTRIPLES, nt_term
from budgetkg.store.forms import has_dataset_clause, sparql_form
from budgetkg.store.serializing import SerializingStore
from budgetkg.store.terms import literal, triples_from_ox

MANIFEST = "urn:budgetkg:manifest"
#: the default graph of every query: the merge of the budgetkg graphs, rebuilt by each build
UNION = "urn:budgetkg:union"
STAGING = "urn:budgetkg:staging:"
_HAS_PART = "http://purl.org/dc/terms/hasPart"
_XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
#: triples per INSERT DATA request: Virtuoso compiles updates to SQL capped at 10 000 lines,
#: which 2000 triples of the seed graph exceed; 500 stay well below
CHUNK = 500
#: triples per INSERT template (blank nodes), which compile to longer SQL still
TEMPLATE_CHUNK = 50


class RemoteStore(SerializingStore):
    def __init__(
        self,
        url: str,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 10.0,
        result_limit: int | None = None,
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.result_limit = result_limit
        auth = httpx.DigestAuth(user, password or "") if user else None
        self._client = httpx.Client(auth=auth, timeout=httpx.Timeout(timeout, connect=5.0))

    # -- reads ---------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
        all_rows: bool = False,
    ) -> QueryResult:
        form: list[tuple[str, str]] = [("query", sparql)]
        if not default_graph_uris and not named_graph_uris and not has_dataset_clause(sparql):
            graphs = self.graph_names()
            default_graph_uris = (UNION,)
            named_graph_uris = graphs or (UNION,)  # no graph yet: an empty dataset, not the server's
        form += [("default-graph-uri", iri) for iri in default_graph_uris]
        form += [("named-graph-uri", iri) for iri in named_graph_uris]
        # the form decides the Accept: asked for JSON, Virtuoso serves a CONSTRUCT as an s/p/o table
        accept = NTRIPLES if sparql_form(sparql) in ("CONSTRUCT", "DESCRIBE") else JSON
        response = self._post(form, accept, self.timeout if timeout is None else timeout)
        return self._read(response, None if all_rows else self.result_limit)

    def graph_names(self) -> tuple[str, ...]:
        sparql = f"SELECT ?g WHERE {{ GRAPH <{MANIFEST}> {{ <{MANIFEST}> <{_HAS_PART}> ?g }} }}"
        response = self._post([("query", sparql)], JSON, self.timeout)
        result = self._read(response, None)
        assert isinstance(result, SelectResult)
        return tuple(sorted(str(row["g"]) for row in result.rows if "g" in row))

    # -- the one write -------------------------------------------------------------------------

    def replace_all(self, graphs: Graphs) -> None:
        old = self.graph_names()
        self._drop_leftover_staging()
        build = f"{STAGING}{uuid.uuid4().hex}:"
        union = f"{build}union"
        #: live graph IRI → its staging graph, filled as the graphs stream in (only names are kept)
        staging: dict[str, str] = {}
        try:
            for iri, ntriples in graph_items(graphs):
                staging[iri] = f"{build}{len(staging)}"
                for update in _updates(staging[iri], _parse(iri, ntriples)):
                    self._update(update)
            # the default graph: the RDF merge of the new graphs, kept as a graph of its own
            sources = " ".join(f"<{g}>" for g in staging.values())
            if sources:
                where = f"VALUES ?g {{ {sources} }} GRAPH ?g {{ ?s ?p ?o }}"
                self._update(f"INSERT {{ GRAPH <{union}> {{ ?s ?p ?o }} }} WHERE {{ {where} }}")
        except BaseException:
            self._drop([*staging.values(), union])
            raise
        switch = [f"DROP SILENT GRAPH <{iri}>" for iri in old if iri not in staging]
        switch += [f"MOVE SILENT <{staging[iri]}> TO <{iri}>" for iri in staging]
        switch.append(f"DROP SILENT GRAPH <{UNION}>")
        if staging:
            switch.append(f"MOVE SILENT <{union}> TO <{UNION}>")
        switch.append(f"DROP SILENT GRAPH <{MANIFEST}>")
        if staging:
            parts = " ".join(f"<{MANIFEST}> <{_HAS_PART}> <{iri}> ." for iri in staging)
            switch.append(f"INSERT DATA {{ GRAPH <{MANIFEST}> {{ {parts} }} }}")
        self._update(" ;\n".join(switch))

    def close(self) -> None:
        self._client.close()

    # -- HTTP ----------------------------------------------------------------------------------

    def _post(self, form: list[tuple[str, str]], accept: str, timeout: float) -> httpx.Response:
        try:
            response = self._client.post(
                self.url,
                content=urlencode(form).encode(),
                headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
                timeout=httpx.Timeout(timeout, connect=5.0),
            )
        except httpx.TimeoutException:
            raise QueryTimeout(f"{self.url}: no answer within the {timeout:g} s timeout") from None
        except httpx.HTTPError as error:
            raise StoreError(f"{self.url}: cannot reach the SPARQL server: {error}") from None
        if response.status_code in (401, 403):
            raise StoreError(f"{self.url}: the server refused the credentials ({response.status_code})")
        if response.status_code == 400:
            raise QueryError(_server_message(response))
        if response.status_code >= 300:
            raise StoreError(f"{self.url}: the server answered {response.status_code}: {_server_message(response)}")
        return response

    def _update(self, update: str) -> None:
        self._post([("update", update)], f"{JSON}, */*;q=0.1", max(self.timeout, 300.0))

    def _drop(self, iris: Sequence[str]) -> None:
        if iris:
            self._update(" ;\n".join(f"DROP SILENT GRAPH <{iri}>" for iri in iris))

    def _drop_leftover_staging(self) -> None:
        sparql = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{STAGING}")) }}'
        result = self._read(self._post([("query", sparql)], JSON, max(self.timeout, 60.0)), None)
        assert isinstance(result, SelectResult)
        self._drop([str(row["g"]) for row in result.rows])

    def _read(self, response: httpx.Response, limit: int | None) -> QueryResult:
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        # Virtuoso cuts results at its ResultSetMaxRows and says so only in this header
        server_cut = "x-sparql-maxrows" in response.headers
        if media_type in (JSON, "application/json"):
            return _from_json(response.json(), limit, server_cut)
        if media_type in (NTRIPLES, "text/plain", "text/turtle"):
            fmt = ox.RdfFormat.TURTLE if media_type == "text/turtle" else ox.RdfFormat.N_TRIPLES
            triples = triples_from_ox(ox.parse(response.content, fmt))
            truncated = server_cut or (limit is not None and len(triples) > limit)
            return GraphResult(tuple(triples[:limit] if limit is not None else triples), truncated)
        raise StoreError(f"{self.url}: unexpected result type {media_type or 'none'}")


def _server_message(response: httpx.Response) -> str:
    # the engine's message and position come first; Virtuoso then echoes the query: leave that out
    lines = []
    for line in response.text.strip().splitlines():
        if line.strip().startswith("SPARQL query:"):
            break
        if line.strip():
            lines.append(line.strip())
    return " ".join(lines)[:500] if lines else f"HTTP {response.status_code}"


def _from_json(document: dict[str, Any], limit: int | None, server_cut: bool) -> QueryResult:
    if "boolean" in document:
        return AskResult(bool(document["boolean"]))
    variables = tuple(document.get("head", {}).get("vars", []))
    bindings = document.get("results", {}).get("bindings", [])
    truncated = server_cut or (limit is not None and len(bindings) > limit)
    if limit is not None:
        bindings = bindings[:limit]
    rows = tuple({name: _term(value) for name, value in binding.items()} for binding in bindings)
    return SelectResult(variables, rows, truncated)


def _term(value: dict[str, str]) -> Term:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"].removeprefix("nodeID://"))
    # "typed-literal" is the pre-standard name Virtuoso still sends
    return literal(value["value"], datatype=value.get("datatype"), lang=value.get("xml:lang"))


def _parse(iri: str, ntriples: bytes) -> list[tuple[Term, Term, Term]]:
    try:
        return triples_from_ox(ox.parse(ntriples, ox.RdfFormat.N_TRIPLES))
    except SyntaxError as error:
        raise StoreError(f"graph <{iri}>: invalid N-Triples: {error}") from None


def _upload_term(term: Term) -> str:
    # Virtuoso stores a decimal written without a point ("98") as an xsd:integer: add ".0"
    if isinstance(term, Literal) and term.datatype == _XSD_DECIMAL and "." not in term:
        term = Literal(f"{term}.0", datatype=_XSD_DECIMAL, normalize=False)
    return nt_term(term)


def _updates(graph: str, triples: list[tuple[Term, Term, Term]]) -> Iterator[str]:
    """The update requests that insert ``triples`` into ``graph``.

    Triples without blank nodes go as INSERT DATA, CHUNK at a time.  Virtuoso refuses blank nodes
    in INSERT DATA, so the triples around blank nodes go as small ``INSERT {…} WHERE {}``
    templates (Virtuoso compiles those to SQL and gives up on long ones), each blank-node-connected
    group whole: a blank node label means a fresh node in every request."""
    parent: dict[Term, Term] = {}

    def root(node: Term) -> Term:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for s, _, o in triples:
        if isinstance(s, BNode) and isinstance(o, BNode):
            parent[root(s)] = root(o)
    plain: list[str] = []
    groups: dict[Term, list[str]] = {}
    for s, p, o in triples:
        line = f"{nt_term(s)} {nt_term(p)} {_upload_term(o)} ."
        if isinstance(s, BNode) or isinstance(o, BNode):
            groups.setdefault(root(s if isinstance(s, BNode) else o), []).append(line)
        else:
            plain.append(line)
    for start in range(0, len(plain), CHUNK):
        yield f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(plain[start : start + CHUNK]) + "\n} }"
    batch: list[str] = []
    for lines in groups.values():
        batch += lines
        if len(batch) >= TEMPLATE_CHUNK:
            yield f"INSERT {{ GRAPH <{graph}> {{\n" + "\n".join(batch) + "\n} } WHERE {}"
            batch = []
    if batch:
        yield f"INSERT {{ GRAPH <{graph}> {{\n" + "\n".join(batch) + "\n} } WHERE {}"
