"""Named graphs → N-Quads batches for Oxigraph's bulk loader, each triple in its graph AND in the default graph.

The default graph is stored as the RDF merge of the named graphs (base.py).  Writing every triple
twice in one bulk load — ``s p o <g> .`` and ``s p o .`` — materialises that merge as the data goes
in: the store is a set of quads, so a triple held by several graphs lands in the default graph once.
(The SPARQL ``INSERT … WHERE { GRAPH ?g … }`` it replaces took as long as the load and ~6× the data
in memory: bench/results/load.md.)

Blank nodes: Oxigraph's bulk loader gives each label of one call one fresh node.  So the two
copies of a triple (same call) share their blank nodes, and two graphs in one batch must not share
a label: a graph that may hold blank nodes goes through the parser and gets its labels prefixed by
its ordinal in the load.  Graphs without ``_:`` (all the build's, rdf/serialize.py) are rewritten
line by line, the fast path: about a tenth of a second per 100 MB against seconds through the parser.

Graphs are read one at a time from any iterable and batched up to ``BATCH_BYTES`` of N-Triples,
so memory is bounded by the batch, not by the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

#: N-Triples per bulk-load call: the loader's memory grows ~20× its input (16 MB → ~0.3 GB peak at
#: 100× the seed), fewer calls are faster (bench/results/load.md)
BATCH_BYTES = 16 * 1024 * 1024
#: a comment after a statement's dot: the line rewrite would put the graph name inside the comment
_TRAILING_COMMENT = re.compile(rb"\.[ \t]*#")


@dataclass
class Batch:
    """Graphs to load in one call: their N-Quads, and the graphs themselves to name a bad one."""

    nquads: list[bytes] = field(default_factory=list)
    graphs: list[tuple[str, bytes]] = field(default_factory=list)
    size: int = 0

    def add(self, iri: str, ntriples: bytes) -> None:
        self.nquads.append(graph_quads(len(self.graphs), iri, ntriples))
        self.graphs.append((iri, ntriples))
        self.size += len(ntriples)

    def data(self) -> bytes:
        return b"".join(self.nquads)

    def invalid_graph(self, error: SyntaxError) -> str:
        """Which graph of the batch is not N-Triples, and why (the loader only saw the N-Quads)."""
        for iri, ntriples in self.graphs:
            try:
                for _ in ox.parse(ntriples, ox.RdfFormat.N_TRIPLES):
                    pass
            except SyntaxError as found:
                return f"graph <{iri}>: invalid N-Triples: {found}"
        return f"invalid data: {error}"


def batches(graphs: Iterable[tuple[str, bytes]], limit: int = BATCH_BYTES) -> Iterator[Batch]:
    """The graphs in batches of about ``limit`` bytes of N-Triples (a bigger graph is a batch of its own)."""
    batch = Batch()
    for iri, ntriples in graphs:
        batch.add(iri, ntriples)
        if batch.size >= limit:
            yield batch
            batch = Batch()
    if batch.graphs:
        yield batch


def graph_quads(ordinal: int, iri: str, ntriples: bytes) -> bytes:
    """``ntriples`` as N-Quads: every triple in graph ``iri`` and in the default graph."""
    if b"_:" not in ntriples and not _TRAILING_COMMENT.search(ntriples):
        rewritten = _rewritten(iri, ntriples)
        if rewritten is not None:
            return rewritten
    return _through_parser(ordinal, iri, ntriples)


def _rewritten(iri: str, ntriples: bytes) -> bytes | None:
    """The line rewrite; None when a line is not a plain ``s p o .`` statement (left to the parser)."""
    lines = [line.strip() for line in ntriples.split(b"\n")]
    statements = [line for line in lines if line and not line.startswith(b"#")]
    if not all(line.endswith(b".") for line in statements):
        return None
    in_graph = f" <{iri}> .\n".encode()
    named = in_graph.join(line[:-1] for line in statements)
    default = b".\n".join(line[:-1] for line in statements)
    return named + in_graph + default + b".\n" if statements else b""


def _through_parser(ordinal: int, iri: str, ntriples: bytes) -> bytes:
    """Parse (labels kept as written), prefix blank-node labels by ``ordinal``, write both copies."""
    graph = ox.NamedNode(iri)
    renamed: dict[str, ox.BlankNode] = {}

    def own(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(term, ox.BlankNode):
            if term.value not in renamed:
                renamed[term.value] = ox.BlankNode(f"g{ordinal}x{term.value}")
            return renamed[term.value]
        assert not isinstance(term, ox.Triple), "RDF-star is not used"
        return term

    quads: list[ox.Quad] = []
    for triple in ox.parse(ntriples, ox.RdfFormat.N_TRIPLES):
        s, p, o = own(triple.subject), triple.predicate, own(triple.object)
        assert not isinstance(s, ox.Literal)
        quads.append(ox.Quad(s, p, o, graph))
        quads.append(ox.Quad(s, p, o))
    serialized = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return serialized or b""
