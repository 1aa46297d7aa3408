"""Canonical N-Triples: the bytes a named graph is loaded from, identical for identical graphs."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import to_canonical_graph
from rdflib.term import BNode


def canonical_ntriples(graph: Graph) -> bytes:
    """Sorted N-Triples of ``graph``.  Our own graphs hold no blank nodes; should another part's graph
    hold some, they are relabelled canonically (RDFC-style) so the bytes still do not depend on order."""
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        graph = to_canonical_graph(graph)
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines()
    return b"".join(sorted(line + b"\n" for line in lines if line.strip()))
