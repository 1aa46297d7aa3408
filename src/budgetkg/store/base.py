"""The one Store interface everything above the store layer talks to.

Backends: ``budgetkg.store.embedded`` (Oxigraph on disk, the default) and ``budgetkg.store.remote``
(any SPARQL 1.1 Query + Graph Store Protocol server, e.g. Virtuoso).  ``open_store(settings)`` in
``budgetkg.store`` picks one from ``Settings.store`` (a path or an http(s) URL).

Terms crossing this interface are rdflib terms (URIRef, Literal, BNode), so callers never see a
backend's own types.

The default graph of every query is the RDF merge of the named graphs (a triple held by several
graphs matches once), materialised by ``replace_all``; a query choosing its own dataset (FROM, or
the protocol's default-graph-uri / named-graph-uri) gets exactly that dataset.  Oxigraph lower-cases
language tags inside the engine: filter with ``LANGMATCHES(LANG(?l), "zh-Hans")``, not ``=``.
Decimals come back in canonical form (``2710.00`` → ``2710``): compare values, not text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rdflib.term import BNode, Literal, URIRef

from budgetkg.errors import StoreError

Term = URIRef | Literal | BNode
#: what ``Store.replace_all`` loads: (graph IRI, N-Triples) pairs, read once, or a mapping of them
Graphs = Iterable[tuple[str, bytes]] | Mapping[str, bytes]


def graph_items(graphs: Graphs) -> Iterator[tuple[str, bytes]]:
    """The (graph IRI, N-Triples) pairs of ``graphs``, one at a time; a graph named twice is an error
    (loading both would silently merge them)."""
    seen: set[str] = set()
    for iri, ntriples in graphs.items() if isinstance(graphs, Mapping) else graphs:
        if iri in seen:
            raise StoreError(f"graph <{iri}> is given twice: its N-Triples would be merged")
        seen.add(iri)
        yield iri, ntriples


@dataclass(frozen=True)
class SelectResult:
    variables: tuple[str, ...]
    #: one mapping per solution; an unbound variable is absent from its row
    rows: tuple[Mapping[str, Term], ...]
    #: True when the store's result limit cut the rows short (never silent: callers must show it)
    truncated: bool = False


@dataclass(frozen=True)
class AskResult:
    value: bool


@dataclass(frozen=True)
class GraphResult:
    """CONSTRUCT / DESCRIBE output."""

    triples: tuple[tuple[Term, Term, Term], ...]
    truncated: bool = False


QueryResult = SelectResult | AskResult | GraphResult


@dataclass(frozen=True)
class Serialized:
    """A query result already serialized by the engine (what the HTTP endpoint streams)."""

    body: bytes
    media_type: str
    truncated: bool = False


class Store(Protocol):
    """Read access to the graph plus the atomic replacement a build needs."""

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
        all_rows: bool = False,
    ) -> QueryResult:
        """Run a SPARQL query; raises QueryError (bad query), QueryTimeout or StoreError.

        ``timeout`` None means the store's configured timeout (Settings.query_timeout); results
        beyond Settings.result_limit are cut and flagged ``truncated``.  ``all_rows`` lifts that
        limit for the application's own queries (a search index, a label lookup) that must see every
        row: the limit protects the endpoint's clients, not the code that builds pages.  A server's
        own cap (Virtuoso's ResultSetMaxRows) still applies and still sets ``truncated``."""
        ...

    def query_serialized(
        self,
        sparql: str,
        media_type: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
    ) -> Serialized:
        """Run a query and serialize its result as ``media_type`` (e.g. application/sparql-results+json)."""
        ...

    def graph_names(self) -> tuple[str, ...]:
        """IRIs of the named graphs in the store."""
        ...

    def replace_all(self, graphs: Graphs) -> None:
        """Atomically replace the whole content by ``graphs``: (graph IRI, N-Triples bytes) pairs.

        The pairs are consumed once, one at a time (a generator of thousands of filings' graphs is
        never held whole); a mapping of them works the same.  Either every graph is in place
        afterwards or the previous content is untouched (a build killed half-way leaves the previous
        store served).
        """
        ...

    def close(self) -> None: ...
