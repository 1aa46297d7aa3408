"""The Store contract, run on every backend: the same data in, the same meaning out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from sample_graphs import GRAPHS, StoreFactory

from budgetkg.errors import QueryError, StoreError
from budgetkg.store.base import AskResult, GraphResult, SelectResult
from budgetkg.store.formats import JSON

HAIZHU, PANYU = GRAPHS
AMOUNT = "http://data.openbudgets.eu/ontology/dsd/measure/amount"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def _select(result: object) -> SelectResult:
    assert isinstance(result, SelectResult)
    return result


def _graph(nt: bytes) -> Graph:
    return Graph().parse(data=nt.decode(), format="nt")


def _by_value(graph: Graph) -> Graph:
    """Decimals in canonical form: engines store 2710.00 as 2710 (the same value, RDF-wise)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD_DECIMAL:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD_DECIMAL)
        out.add((s, p, o))
    return out


def test_graph_names_are_the_built_graphs(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    assert set(store.graph_names()) == set(GRAPHS)


def test_default_graph_is_the_union_of_the_named_graphs(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    total = _select(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")).rows[0]["n"]
    expected = sum(len(_graph(nt)) for nt in GRAPHS.values())
    # nothing but the built graphs: Virtuoso's own system graphs must not leak into the default graph
    assert int(total) == expected
    per_graph = _select(store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
    assert {str(r["g"]): int(r["n"]) for r in per_graph.rows} == {g: len(_graph(nt)) for g, nt in GRAPHS.items()}


def test_a_triple_in_several_graphs_matches_once_in_the_default_graph(make_store: StoreFactory) -> None:
    store = make_store()
    shared = b'<urn:budget:1> <urn:amount> "100.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
    store.replace_all({HAIZHU: shared, PANYU: shared})
    total = _select(store.query("SELECT (SUM(?v) AS ?sum) (COUNT(*) AS ?n) WHERE { ?s <urn:amount> ?v }")).rows[0]
    # the default graph is the RDF merge: the amount is counted once, not once per graph
    assert (Decimal(str(total["sum"])), int(total["n"])) == (Decimal("100.50"), 1)
    in_graphs = _select(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <urn:amount> ?v } }")).rows[0]
    assert int(in_graphs["n"]) == 2


def test_amounts_come_back_as_exact_decimals(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    rows = _select(store.query(f"SELECT ?obs ?v WHERE {{ ?obs <{AMOUNT}> ?v }}")).rows
    amounts = {str(r["obs"]).rsplit("/", 1)[1]: r["v"] for r in rows}
    assert all(isinstance(v, Literal) and isinstance(v.toPython(), Decimal) for v in amounts.values())
    assert {k: v.toPython() for k, v in amounts.items()} == {
        "haizhu-total": Decimal("5281.09"),
        "haizhu-project": Decimal("2710.00"),
        "panyu-total": Decimal("14994.71"),
    }
    total = _select(store.query(f"SELECT (SUM(?v) AS ?sum) WHERE {{ ?obs <{AMOUNT}> ?v }}")).rows[0]["sum"]
    assert Decimal(str(total)) == Decimal("22985.80")


def test_language_tags_and_escapes_survive(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    rows = _select(store.query(f"SELECT ?l WHERE {{ <https://budgetkg.example.org/org/haizhu-data> <{LABEL}> ?l }}"))
    labels = {(str(r["l"]), str(r["l"].language).lower()) for r in rows.rows if isinstance(r["l"], Literal)}
    # language tags compare case-insensitively (BCP 47); engines may store them lower-cased
    assert labels == {
        ("海珠区政务服务数据管理局", "zh-hans"),
        ("Haizhu District Government Services and Data Administration", "en"),
    }
    comment = _select(store.query("SELECT ?c WHERE { ?t <http://www.w3.org/2000/01/rdf-schema#comment> ?c }"))
    assert [str(r["c"]) for r in comment.rows] == ['≥98%，含"引号"与\n换行\t制表']


def test_blank_nodes_join_within_their_graph_only(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    # both files label their target _:t1: they are two nodes, each joined to its own indicator
    rows = _select(
        store.query(
            "SELECT ?label ?min WHERE { ?i <https://schema.org/targetValue> ?t ."
            f" ?t <https://schema.org/minValue> ?min . ?i <{LABEL}> ?label }} ORDER BY ?min"
        )
    ).rows
    assert [(str(r["label"]), Decimal(str(r["min"]))) for r in rows] == [
        ("群众满意度", Decimal(90)),
        ("系统故障响应率", Decimal(98)),
    ]


def test_dataset_parameters_and_from_clauses_restrict_the_dataset(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    query = f"SELECT DISTINCT ?obs WHERE {{ ?obs <{AMOUNT}> ?v }}"
    only_panyu = _select(store.query(query, default_graph_uris=[PANYU])).rows
    assert [str(r["obs"]) for r in only_panyu] == ["https://budgetkg.example.org/obs/panyu-total"]
    with_from = _select(store.query(f"SELECT DISTINCT ?obs\nFROM <{PANYU}>\nWHERE {{ ?obs <{AMOUNT}> ?v }}")).rows
    assert [str(r["obs"]) for r in with_from] == ["https://budgetkg.example.org/obs/panyu-total"]
    named = _select(store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graph_uris=[HAIZHU]))
    assert [str(r["g"]) for r in named.rows] == [HAIZHU]


def test_ask_and_construct(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    assert store.query(f"ASK {{ ?x <{AMOUNT}> 5281.09 }}") == AskResult(True)
    assert store.query(f"ASK {{ ?x <{AMOUNT}> 5281.10 }}") == AskResult(False)
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{HAIZHU}> {{ ?s ?p ?o }} }}")
    assert isinstance(result, GraphResult)
    got = Graph()
    for triple in result.triples:
        got.add(triple)
    assert isomorphic(_by_value(got), _by_value(_graph(GRAPHS[HAIZHU])))


def test_replace_all_replaces_everything(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    store.replace_all({PANYU: GRAPHS[PANYU]})
    assert store.graph_names() == (PANYU,)
    labels = _select(store.query(f"SELECT ?l WHERE {{ ?o a <http://www.w3.org/ns/org#Organization> ; <{LABEL}> ?l }}"))
    assert [str(r["l"]) for r in labels.rows] == ["番禺区政务服务数据管理局"]


def test_malformed_query_is_a_query_error_with_position(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    with pytest.raises(QueryError, match=r"1"):
        store.query("SELECT * WHERE { ?s ?p }")


@pytest.mark.parametrize("rows_in_data", [3, 4])
def test_result_limit_is_announced_never_silent(make_store: StoreFactory, rows_in_data: int) -> None:
    store = make_store(result_limit=3)
    lines = [f'<urn:x:{i}> <urn:p> "{i}"^^<http://www.w3.org/2001/XMLSchema#integer> .' for i in range(rows_in_data)]
    store.replace_all({HAIZHU: "\n".join(lines).encode()})
    result = _select(store.query("SELECT ?s WHERE { ?s <urn:p> ?o }"))
    assert len(result.rows) == 3
    assert result.truncated is (rows_in_data > 3)
    body = json.loads(store.query_serialized("SELECT ?s WHERE { ?s <urn:p> ?o }", JSON).body)
    assert len(body["results"]["bindings"]) == 3
    assert body.get("budgetkg", {}).get("truncated", False) is (rows_in_data > 3)


def test_empty_store_answers_empty(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all({})
    assert store.graph_names() == ()
    assert _select(store.query("SELECT * WHERE { ?s ?p ?o }")).rows == ()


def test_blank_nodes_of_the_default_graph_are_those_of_their_named_graph(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    # the merge keeps node identity: a target found in a named graph is the one the default graph describes
    query = (
        f"SELECT ?min WHERE {{ GRAPH <{HAIZHU}> {{ ?i <https://schema.org/targetValue> ?t }}"
        " ?t <https://schema.org/minValue> ?min }"
    )
    assert [Decimal(str(r["min"])) for r in _select(store.query(query)).rows] == [Decimal(98)]


def test_graphs_stream_in_once_from_an_iterator(make_store: StoreFactory) -> None:
    store = make_store()
    pulled: list[str] = []

    def one_at_a_time() -> Iterator[tuple[str, bytes]]:
        for iri, ntriples in GRAPHS.items():
            pulled.append(iri)
            yield iri, ntriples

    store.replace_all(one_at_a_time())
    assert pulled == list(GRAPHS)  # each graph read once
    assert set(store.graph_names()) == set(GRAPHS)
    total = _select(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")).rows[0]["n"]
    assert int(total) == sum(len(_graph(nt)) for nt in GRAPHS.values())


def test_a_graph_given_twice_is_refused_and_the_store_kept(make_store: StoreFactory) -> None:
    store = make_store()
    store.replace_all(GRAPHS)
    with pytest.raises(StoreError, match="given twice"):
        store.replace_all(iter([(HAIZHU, GRAPHS[HAIZHU]), (HAIZHU, GRAPHS[PANYU])]))
    assert set(store.graph_names()) == set(GRAPHS)
