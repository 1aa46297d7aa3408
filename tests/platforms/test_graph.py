"""The platform graphs: IRIs that hit the mapper's nodes, and SHACL validation (real graphs and fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from platform_helpers import BASE
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from budgetkg.platforms.graph import PlatformGraphs
from budgetkg.platforms.registry import Registry
from budgetkg.rdf import iris
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, SH
from budgetkg.rdf.validation import validate
from budgetkg.rdf.vocabulary import shapes
from budgetkg.records import Filing

FIXTURES = Path(__file__).resolve().parents[1] / "shapes" / "platforms"
SHAPES = "https://w3id.org/budgetkg/shapes#"


def test_registry_nodes_are_minted_from_their_keys(registry: Registry, graphs: PlatformGraphs) -> None:
    for key in registry.platforms:
        assert (iris.platform_iri(BASE, key), RDF.type, BKG.Platform) in graphs.registry
    curated = set(graphs.registry.subjects(RDF.type, BKG.PlatformRelationStatement))
    assert len(curated) == len(registry.relations)


def test_links_hit_the_mappers_record_nodes(filings: dict[str, Filing], graphs: PlatformGraphs) -> None:
    kinds = {BKG.Project, BKG.KeyTask, BKG.Indicator, BKG.PerformanceGoal}
    for filing in filings.values():
        mapped = map_filing(filing, BASE)
        records = set(graphs.per_filing[filing.source.path].subjects(BKG.concernsPlatform, None))
        assert records
        for record in records:
            assert set(mapped.objects(record, RDF.type)) & kinds, record


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_each_filing_graph_still_validates(filings: dict[str, Filing], graphs: PlatformGraphs, key: str) -> None:
    filing = filings[key]
    outcome = validate(map_filing(filing, BASE) + graphs.per_filing[filing.source.path], iris.filing_key(filing))
    assert [r for r in outcome.results if r.severity == "violation"] == []


def test_registry_graph_validates(graphs: PlatformGraphs) -> None:
    outcome = validate(graphs.registry, "registry")
    assert [r for r in outcome.results if r.severity == "violation"] == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.ttl")), ids=lambda p: p.stem)
def test_valid_fixture_conforms(path: Path) -> None:
    outcome = validate(Graph().parse(path), path.stem)
    assert [r for r in outcome.results if r.severity == "violation"] == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "invalid").glob("*.ttl")), ids=lambda p: p.stem)
def test_invalid_fixture_breaks_the_shape_it_is_named_after(path: Path) -> None:
    assert (URIRef(SHAPES + path.stem), None, None) in shapes(), "fixture named after a shape that does not exist"
    outcome = validate(Graph().parse(path), path.stem)
    broken = {r.shape for r in outcome.results if r.severity == "violation"}
    assert SHAPES + path.stem in broken, broken


def test_every_platform_node_shape_has_an_invalid_fixture() -> None:
    ours = Graph().parse(Path(__file__).resolve().parents[2] / "shapes" / "platforms.ttl")
    fixtures = {path.stem for path in (FIXTURES / "invalid").glob("*.ttl")}
    for shape in ours.subjects(RDF.type, SH.NodeShape):
        names = {str(shape), *(str(p) for p in ours.objects(shape, SH.property))}
        assert {n.removeprefix(SHAPES) for n in names} & fixtures, f"no invalid fixture trips {shape}"


def test_counterparts_are_stated_both_ways(graphs: PlatformGraphs) -> None:
    a, b = (iris.platform_iri(BASE, k) for k in ("yu-zhi-guan", "sui-zhi-guan"))
    assert (a, BKG.counterpartOf, b) in graphs.registry
    assert (b, BKG.counterpartOf, a) in graphs.registry
