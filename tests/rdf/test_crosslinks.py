"""Cross-filing links and inferred categories: hand-made records, then the real 000/001 seeds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from handmade import BASE, small_filing
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from budgetkg.parser import parse_file
from budgetkg.rdf import iris
from budgetkg.rdf.crosslinks import indicator_name_key, links_graph
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG
from budgetkg.records import Filing, Indicator

SEEDS = Path(__file__).resolve().parents[2] / "data" / "filings"


def _pair() -> tuple[Filing, Filing]:
    """Two filings of one department: the first leaves 响应及时率 open, the second states it."""
    open_one = small_filing("x/000_a.txt")
    stated = Indicator("产出指标", "时效指标", "“响应” 及时率", (20, 20))
    other = replace(small_filing("x/001_b.txt"), indicators=(stated,))
    return open_one, other


def _inferences(graph: Graph) -> dict[URIRef, tuple[URIRef, set[URIRef]]]:
    out = {}
    for node in graph.subjects(RDF.type, BKG.CategoryInference):
        target = graph.value(node, BKG.inferredFor)
        category = graph.value(node, BKG.inferredCategory)
        assert isinstance(target, URIRef) and isinstance(category, URIRef)
        out[target] = (category, {e for e in graph.objects(node, PROV.wasDerivedFrom) if isinstance(e, URIRef)})
    return out


def test_names_match_after_normalising_quotes_and_spaces() -> None:
    assert indicator_name_key("“响应” 及时率") == indicator_name_key("响应及时率")


def test_same_indicator_is_linked_both_ways_and_category_inferred() -> None:
    first, second = _pair()
    graph = links_graph([second, first], BASE)
    a = iris.indicator_iri(BASE, first, first.indicators[0])
    b = iris.indicator_iri(BASE, second, second.indicators[0])
    assert (a, BKG.sameIndicatorAs, b) in graph and (b, BKG.sameIndicatorAs, a) in graph
    inferred = _inferences(graph)
    assert inferred[a] == (iris.category_iri("时效指标", "产出指标"), {b})
    assert b not in inferred  # the stated one needs nothing


def test_inference_never_looks_printed() -> None:
    first, second = _pair()
    links = links_graph([first, second], BASE)
    assert not set(links.triples((None, BKG.level2Category, None)))
    assert not set(links.triples((None, BKG.level1Category, None)))
    printed = map_filing(first, BASE)
    assert printed.value(iris.indicator_iri(BASE, first, first.indicators[0]), BKG.level2Category) is None


def test_a_category_outside_the_candidates_is_not_inferred() -> None:
    first, second = _pair()
    contradicting = replace(second, indicators=(Indicator("效益指标", "社会效益指标", "响应及时率", (20, 20)),))
    assert not _inferences(links_graph([first, contradicting], BASE))


def test_other_departments_are_not_linked() -> None:
    first, second = _pair()
    elsewhere = replace(second, department=replace(second.department, name="番禺区政务服务数据管理局"))
    assert len(links_graph([first, elsewhere], BASE)) == 0


def test_links_do_not_depend_on_order() -> None:
    first, second = _pair()
    assert set(links_graph([first, second], BASE)) == set(links_graph([second, first], BASE))


def test_seeds_000_and_001_are_linked_with_inferred_categories() -> None:
    overall = parse_file(SEEDS / "000_1727bbf5e7ead3fa.txt")
    projects = parse_file(SEEDS / "001_4e5792c3d5397443.txt")
    graph = links_graph([overall, projects], BASE)
    overall_iris = {iris.indicator_iri(BASE, overall, i) for i in overall.indicators}
    linked = {s for s in graph.subjects(BKG.sameIndicatorAs, None) if s in overall_iris}
    assert len(linked) >= 10  # they share many indicators
    inferred = _inferences(graph)
    assert inferred, "001 states categories 000 leaves open"
    by_iri = {iris.indicator_iri(BASE, overall, i): i for i in overall.indicators}
    for target, (category, evidence) in inferred.items():
        indicator = by_iri[target]
        assert indicator.level2 is None  # only open categories are inferred
        assert evidence and all((target, BKG.sameIndicatorAs, e) in graph for e in evidence)
        if indicator.level2_candidates:
            allowed = {iris.category_iri(c, indicator.level1) for c in indicator.level2_candidates}
            allowed |= {iris.category_iri(c) for c in indicator.level2_candidates}
            assert category in allowed
