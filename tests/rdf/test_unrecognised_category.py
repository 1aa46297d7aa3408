"""A category name the framework lacks is kept as printed, with a finding: never silently dropped."""

from __future__ import annotations

from dataclasses import replace

from handmade import BASE, SMALL_LINES, small_filing
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from budgetkg.rdf import iris
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG
from budgetkg.rdf.validation import validate
from budgetkg.records import Filing, Indicator


def _with_indicator(indicator: Indicator) -> Filing:
    filing = small_filing()
    return replace(filing, indicators=(*filing.indicators, indicator))


def test_unknown_level1_is_printed_and_found() -> None:
    odd = Indicator("创新指标", None, "试点数量", (14, 14))
    filing = _with_indicator(odd)
    graph = map_filing(filing, BASE, SMALL_LINES)
    node = iris.indicator_iri(BASE, filing, odd)
    assert graph.value(node, BKG.level1Category) is None
    assert set(graph.objects(node, BKG.printedCategory)) == {Literal("创新指标")}
    finding = iris.category_finding_iri(BASE, filing, odd, None, "level1")
    assert (iris.filing_iri(BASE, filing), BKG.hasFinding, finding) in graph
    assert (finding, RDF.type, BKG.Finding) in graph
    assert graph.value(finding, BKG.findingAbout) == node
    assert graph.value(finding, BKG.findingKind) == Literal("unrecognised_category")
    assert graph.value(finding, BKG.severity) == Literal("warning")
    assert {getattr(c, "language", None) for c in graph.objects(finding, RDFS.comment)} == {"zh-Hans", "en"}
    assert (graph.value(finding, BKG.firstLine), graph.value(finding, BKG.lastLine)) == (Literal(14), Literal(14))
    assert validate(graph, "t1").conforms


def test_unknown_level2_under_a_known_level1() -> None:
    odd = Indicator("产出指标", "创新指标", "试点数量", (14, 14))
    filing = _with_indicator(odd)
    graph = map_filing(filing, BASE, SMALL_LINES)
    node = iris.indicator_iri(BASE, filing, odd)
    assert graph.value(node, BKG.level1Category) == iris.category_iri("产出指标")
    assert graph.value(node, BKG.level2Category) is None
    assert set(graph.objects(node, BKG.printedCategory)) == {Literal("创新指标")}
    assert (iris.category_finding_iri(BASE, filing, odd, None, "level2"), BKG.findingAbout, node) in graph


def test_unknown_candidates_are_kept_beside_known_ones() -> None:
    odd = Indicator(None, None, "试点数量", (14, 14), level2_candidates=("质量指标", "创新指标"))
    filing = _with_indicator(odd)
    graph = map_filing(filing, BASE, SMALL_LINES)
    node = iris.indicator_iri(BASE, filing, odd)
    assert set(graph.objects(node, BKG.candidateCategory)) == {iris.category_iri("质量指标", "产出指标")}
    assert set(graph.objects(node, BKG.printedCategory)) == {Literal("创新指标")}
    assert validate(graph, "t1").conforms


def test_known_categories_make_no_finding() -> None:
    graph = map_filing(small_filing(), BASE, SMALL_LINES)
    assert not list(graph.objects(None, BKG.printedCategory))
    kinds = {str(k) for k in graph.objects(None, BKG.findingKind)}
    assert "unrecognised_category" not in kinds
    assert all(isinstance(n, URIRef) for n in graph.subjects(RDF.type, BKG.Finding))
