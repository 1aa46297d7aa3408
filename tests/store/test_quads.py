"""store/quads.py: the N-Quads a build is bulk-loaded from, checked by loading them into a real Oxigraph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from sample_graphs import GRAPHS

from budgetkg.store import quads

HAIZHU, PANYU = GRAPHS
#: valid N-Triples a line rewrite could get wrong: comments (one after a statement's dot), no space
#: before the dot, CRLF line ends, blank lines, a '#' and '_:' inside literals
AWKWARD = (
    b"# a comment line\r\n"
    b'<urn:a> <urn:p> "no space before the dot".\r\n'
    b"\r\n"
    b"<urn:a> <urn:p> <urn:b> . # a comment after the dot.\n"
    b'<urn:a> <urn:p> "text with # and _: inside" .\n'
)


def _load(graphs: list[tuple[str, bytes]], limit: int) -> Dataset:
    """What Oxigraph holds after bulk-loading the batches, as an rdflib Dataset."""
    store = ox.Store()
    for batch in quads.batches(graphs, limit):
        store.bulk_load(batch.data(), ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return dataset


def _graph(ntriples: bytes) -> Graph:
    """The graph as the engine stores it (language tags lower-cased, decimals canonical), via a plain load."""
    store = ox.Store()
    store.load(ntriples, ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")


def _blank_nodes(graph: Graph) -> set[BNode]:
    return {term for triple in graph for term in triple if isinstance(term, BNode)}


@pytest.mark.parametrize("limit", [1, quads.BATCH_BYTES])  # a batch per graph, or all in one
@pytest.mark.parametrize("name", ["fast path", "awkward", "blank nodes"])
def test_each_graph_is_loaded_whole_and_into_the_default_graph(name: str, limit: int) -> None:
    plain = b"".join(line + b"\n" for line in GRAPHS[PANYU].splitlines() if b"_:" not in line)
    graphs = {
        "fast path": [("urn:g:1", plain), ("urn:g:2", plain)],
        "awkward": [("urn:g:1", AWKWARD), ("urn:g:2", plain)],
        "blank nodes": list(GRAPHS.items()),
    }[name]
    dataset = _load(graphs, limit)
    for iri, ntriples in graphs:
        assert isomorphic(dataset.graph(URIRef(iri)), _graph(ntriples)), iri
    # the default graph is the merge: the named graphs together, each blank node kept apart
    merged = Graph()
    for iri, _ in graphs:
        merged += dataset.graph(URIRef(iri))
    assert isomorphic(dataset.default_graph, merged)
    assert len(dataset.default_graph) == len({t for iri, _ in graphs for t in dataset.graph(URIRef(iri))})
    # two graphs' blank nodes are two nodes, even when both files call them _:t1
    assert len(_blank_nodes(dataset.default_graph)) == sum(len(_blank_nodes(_graph(nt))) for _, nt in graphs)


def test_the_line_rewrite_and_the_parser_write_the_same_quads() -> None:
    plain = GRAPHS[PANYU].replace(b"_:t1", b"<urn:t1>")
    rewritten = quads.graph_quads(0, PANYU, plain)
    parsed = quads._through_parser(0, PANYU, plain)
    assert rewritten != parsed  # two different writings …
    # … of the same quads
    assert set(ox.parse(rewritten, ox.RdfFormat.N_QUADS)) == set(ox.parse(parsed, ox.RdfFormat.N_QUADS))
    assert len(set(ox.parse(rewritten, ox.RdfFormat.N_QUADS))) == 2 * len(_graph(plain))


def test_batches_stay_within_the_limit_and_keep_the_order() -> None:
    graphs = [(f"urn:g:{i}", f"<urn:s> <urn:p> <urn:o{i}> .\n".encode()) for i in range(10)]
    found = list(quads.batches(iter(graphs), limit=3 * len(graphs[0][1])))
    assert [len(b.graphs) for b in found] == [3, 3, 3, 1]
    assert [iri for b in found for iri, _ in b.graphs] == [iri for iri, _ in graphs]


def test_a_bad_graph_is_named() -> None:
    batch = next(quads.batches([(HAIZHU, GRAPHS[HAIZHU]), ("urn:g:bad", b"<urn:a> <urn:b> nonsense .\n")]))
    with pytest.raises(SyntaxError) as error:
        ox.Store().bulk_load(batch.data(), ox.RdfFormat.N_QUADS)
    assert batch.invalid_graph(error.value).startswith("graph <urn:g:bad>: invalid N-Triples:")
