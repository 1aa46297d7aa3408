"""The one data object behind an entity: its links grouped by predicate, paged, with labels.

HTML pages and the linked-data documents both start from here; everything comes from the page
queries through the Store interface, so a remote backend serves the same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal as _Literal

from rdflib import Graph
from rdflib.namespace import RDF, RDFS
from rdflib.term import BNode, Literal, URIRef

from budgetkg.server.labels import best, fetch_labels, select_chunked
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult, Store, Term

Direction = _Literal["out", "in"]

#: links shown per predicate before paging; a node with thousands of links stays small
PAGE_SIZE = 50
#: the linked-data document is capped so one hub node cannot produce a huge response
DOCUMENT_LIMIT = 5000


@dataclass(frozen=True)
class Value:
    term: Term
    label: str | None


@dataclass(frozen=True)
class LinkGroup:
    direction: Direction
    predicate: URIRef
    label: str | None
    count: int
    values: tuple[Value, ...]
    offset: int = 0
    page_size: int = PAGE_SIZE

    @property
    def next_offset(self) -> int | None:
        after = self.offset + self.page_size
        return after if after < self.count else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.page_size) if self.offset > 0 else None


@dataclass(frozen=True)
class Entity:
    iri: URIRef
    labels: tuple[Literal, ...]
    types: tuple[Value, ...]
    outgoing: tuple[LinkGroup, ...]
    incoming: tuple[LinkGroup, ...]

    @property
    def label(self) -> str:
        chosen = best(self.labels)
        return str(chosen) if chosen is not None else str(self.iri)

    def first(self, predicate: URIRef) -> Term | None:
        """The first value of an outgoing predicate (None when absent)."""
        for group in self.outgoing:
            if group.predicate == predicate and group.values:
                return group.values[0].term
        return None


def _select(store: Store, query: str) -> SelectResult:
    result = store.query(query)
    if not isinstance(result, SelectResult):
        raise TypeError("page queries are SELECT queries")
    return result


def find(store: Store, candidates: Sequence[str]) -> URIRef | None:
    """The first candidate IRI the graph knows, or None."""
    rows = _select(store, bind(page_query("entity_find"), {"this": [URIRef(c) for c in candidates]})).rows
    known = {row["this"] for row in rows}
    return next((URIRef(c) for c in candidates if URIRef(c) in known), None)


def _groups(
    store: Store,
    iri: URIRef,
    direction: Direction,
    page: tuple[URIRef, int] | None,
    page_size: int,
) -> list[tuple[URIRef, int, list[Term], int]]:
    counts = _select(store, bind(page_query(f"{direction}_counts"), {"this": [iri]})).rows
    sizes = {row["p"]: int(row["n"]) for row in counts if isinstance(row["p"], URIRef)}
    small = [p for p, n in sizes.items() if n <= page_size and (page is None or p != page[0])]
    large = [p for p, n in sizes.items() if p not in small]
    values: dict[URIRef, list[Term]] = {p: [] for p in sizes}
    offsets = dict.fromkeys(sizes, 0)
    column = "o" if direction == "out" else "s"
    links = page_query(f"{direction}_links")
    if small:
        for row in _select(store, bind(links, {"this": [iri], "p": small})).rows:
            if isinstance(p := row["p"], URIRef):
                values[p].append(row[column])
    # predicates over the page size are fetched one page each, so a hub node costs the same as a leaf
    for predicate in large:
        offset = page[1] if page is not None and page[0] == predicate else 0
        offsets[predicate] = offset
        query = bind(links, {"this": [iri], "p": [predicate]}, limit=page_size, offset=offset)
        values[predicate] = [row[column] for row in _select(store, query).rows]
    return [(p, sizes[p], values[p], offsets[p]) for p in sorted(sizes, key=_predicate_order)]


def _predicate_order(predicate: URIRef) -> tuple[int, str]:
    # type and labels first, then alphabetical by IRI (stable across pages)
    first = {RDF.type: 0, RDFS.label: 1}
    return (first.get(predicate, 2), str(predicate))


def describe(
    store: Store,
    iri: URIRef,
    *,
    page: tuple[Direction, URIRef, int] | None = None,
    page_size: int = PAGE_SIZE,
) -> Entity:
    """Everything an entity page shows; ``page`` = (direction, predicate, offset) pages one group."""
    out = _groups(store, iri, "out", (page[1], page[2]) if page and page[0] == "out" else None, page_size)
    inc = _groups(store, iri, "in", (page[1], page[2]) if page and page[0] == "in" else None, page_size)
    shown: set[URIRef] = {iri} | {p for p, *_ in out} | {p for p, *_ in inc}
    for _, _, terms, _ in out + inc:
        shown.update(t for t in terms if isinstance(t, URIRef))
    labels = fetch_labels(store, shown)

    def label(term: Term) -> str | None:
        chosen = best(labels.get(term, [])) if isinstance(term, URIRef) else None
        return str(chosen) if chosen is not None else None

    def groups(rows: list[tuple[URIRef, int, list[Term], int]], direction: Direction) -> tuple[LinkGroup, ...]:
        return tuple(
            LinkGroup(direction, p, label(p), n, tuple(Value(t, label(t)) for t in terms), offset, page_size)
            for p, n, terms, offset in rows
        )

    outgoing = groups(out, "out")
    # the same labels every link to this entity shows (the ontology's for an unlabelled vocabulary term)
    own_labels = tuple(labels.get(iri, ()))
    types = next((g.values for g in outgoing if g.predicate == RDF.type), ())
    return Entity(iri, own_labels, types, outgoing, groups(inc, "in"))


def document_graph(store: Store, iri: URIRef, limit: int = DOCUMENT_LIMIT) -> Graph:
    """The linked-data document: outgoing and incoming triples plus the labels of the neighbours."""
    graph = Graph()
    neighbours: set[URIRef] = set()
    for row in _select(store, bind(page_query("describe_out"), {"this": [iri]}, limit=limit)).rows:
        p, o = row["p"], row["o"]
        graph.add((iri, p, o))
        if isinstance(o, URIRef):
            neighbours.add(o)
    for row in _select(store, bind(page_query("describe_in"), {"this": [iri]}, limit=limit)).rows:
        s, p = row["s"], row["p"]
        if isinstance(s, (URIRef, BNode)):
            graph.add((s, p, iri))
        if isinstance(s, URIRef):
            neighbours.add(s)
    # the neighbours' label triples as the graph states them (no display label is invented here)
    for row in select_chunked(store, "label_triples", "x", sorted(neighbours - {iri})):
        graph.add((row["x"], row["p"], row["label"]))
    return graph
