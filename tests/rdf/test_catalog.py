"""The DCAT 3 catalogue and VoID description, computed from the graphs a build loads."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest
from handmade import BASE, SMALL_LINES, small_filing
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID

from budgetkg.rdf import iris, published
from budgetkg.rdf.catalog import BuildTimes, catalog_graph, partition_key, statistics, triple_count, vocabularies
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, DCAT, QB
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.rdf.validation import validate

FIRST = datetime(2026, 1, 1, tzinfo=UTC)
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def loaded() -> dict[str, bytes]:
    filing = small_filing()
    return {
        str(iris.graph_iri(BASE, filing)): canonical_ntriples(map_filing(filing, BASE, SMALL_LINES)),
        str(iris.special_graph_iri(BASE, "links")): b"",
    }


@pytest.fixture(scope="module")
def catalog(loaded: dict[str, bytes]) -> Graph:
    return catalog_graph(BASE, loaded, [small_filing()], BuildTimes(started=NOW, modified=NOW, issued=FIRST))


def test_it_conforms_to_its_shapes(catalog: Graph) -> None:
    outcome = validate(catalog, "catalog")
    assert outcome.conforms and not outcome.results


def test_dcat_catalogue_dataset_distributions_and_service(catalog: Graph) -> None:
    dataset = published.published_dataset_iri(BASE)
    assert catalog.value(published.catalog_iri(BASE), DCAT.dataset) == dataset
    assert {(dataset, RDF.type, DCAT.Dataset), (dataset, RDF.type, VOID.Dataset)} <= set(catalog)
    distributions = set(catalog.objects(dataset, DCAT.distribution))
    assert distributions == {published.distribution_iri(BASE, k) for k in ("nquads", "sparql")}
    service = published.sparql_service_iri(BASE)
    assert catalog.value(service, DCAT.endpointURL) == URIRef(BASE + "sparql")
    assert catalog.value(service, DCAT.servesDataset) == dataset
    assert isinstance(catalog.value(dataset, DCAT.version), Literal)  # a DCAT 3 term


def test_void_counts_are_those_of_the_loaded_bytes(catalog: Graph, loaded: dict[str, bytes]) -> None:
    dataset = published.published_dataset_iri(BASE)
    total = catalog.value(dataset, VOID.triples)
    assert isinstance(total, Literal)
    filing_graph = next(name for name, data in loaded.items() if data)
    assert total.toPython() == len(Graph().parse(data=loaded[filing_graph], format="nt"))
    subsets = set(catalog.objects(dataset, VOID.subset))
    assert subsets == {URIRef(name) for name in loaded}
    assert catalog.value(URIRef(filing_graph), DCTERMS.source) == iris.filing_iri(BASE, small_filing())


def test_void_links_relative_to_the_base(catalog: Graph) -> None:
    dataset = published.published_dataset_iri(BASE)
    assert catalog.value(dataset, VOID.sparqlEndpoint) == URIRef(BASE + "sparql")
    assert catalog.value(dataset, VOID.dataDump) == published.data_dump_iri(BASE)
    assert str(published.data_dump_iri(BASE)).startswith(BASE)
    other = "https://other.example/kg/"
    assert published.sparql_endpoint_iri(other) == URIRef(other + "sparql")
    assert (
        published.void_graph_iri(other) == iris.special_graph_iri(other, "catalog") == URIRef(other + "graph/catalog")
    )


def test_vocabularies_are_read_from_the_data(catalog: Graph) -> None:
    used = set(catalog.objects(published.published_dataset_iri(BASE), VOID.vocabulary))
    assert {URIRef(str(BKG)), URIRef(str(QB))} <= used
    assert URIRef("http://www.wikidata.org/entity/") not in used  # places are things, not a vocabulary
    assert vocabularies([b"<http://a/x> <http://www.w3.org/ns/org#memberOf> <http://a/y> .\n"]) == [
        URIRef("http://www.w3.org/ns/org#")
    ]


def test_licence_publisher_and_times(catalog: Graph) -> None:
    for node in (published.catalog_iri(BASE), published.published_dataset_iri(BASE)):
        assert isinstance(catalog.value(node, DCTERMS.license), URIRef)
        assert catalog.value(node, DCTERMS.publisher) == published.publisher_iri(BASE)
        issued, modified = catalog.value(node, DCTERMS.issued), catalog.value(node, DCTERMS.modified)
        assert isinstance(issued, Literal) and isinstance(modified, Literal)
        assert (issued.toPython(), modified.toPython()) == (FIRST, NOW)


def test_triple_count() -> None:
    assert triple_count(b"") == 0
    assert triple_count(b"<a:x> <a:p> <a:y> .\n<a:x> <a:p> <a:z> .\n") == 2


def test_the_web_layer_can_import_the_published_iris_without_the_parser() -> None:
    code = "import sys, budgetkg.rdf.published; print(any(m.startswith('budgetkg.parser') for m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_spatial_coverage_is_where_the_departments_govern(catalog: Graph) -> None:
    covered = set(catalog.objects(published.published_dataset_iri(BASE), DCTERMS.spatial))
    assert covered == {URIRef("http://www.wikidata.org/entity/Q1022913")}  # 海珠区, small_filing's district


def test_statistics_merge_graphs_and_leave_the_vocabulary_out() -> None:
    vocabulary = "http://a/graph/vocabulary"
    graphs = {
        "http://a/graph/one": b"<http://a/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/C> .\n"
        b"<http://a/y> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/C> .\n"
        b"<http://a/y> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/D> .\n"
        b"<http://a/C> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/Class> .\n",
        # the same typing stated again in another graph is one resource of the merged default graph
        "http://a/graph/two": b"<http://a/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/C> .\n"
        b'<http://a/z> <http://www.w3.org/2000/01/rdf-schema#label> "not typed" .\n',
        vocabulary: b"<http://a/C> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/Class> .\n"
        b"<http://a/V> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/Class> .\n",
    }
    counted = statistics(graphs, vocabulary)
    assert counted.classes == {URIRef("http://a/C"): 2, URIRef("http://a/D"): 1}
    assert list(counted.classes) == [URIRef("http://a/C"), URIRef("http://a/D")]  # largest first
    assert counted.entities == 2


def test_the_catalogue_states_its_class_partitions(catalog: Graph, loaded: dict[str, bytes]) -> None:
    dataset = published.published_dataset_iri(BASE)
    stated = {
        catalog.value(p, VOID["class"]): catalog.value(p, VOID.entities)
        for p in catalog.objects(dataset, VOID.classPartition)
    }
    filing_graph = Graph().parse(data=next(d for d in loaded.values() if d), format="nt")
    for cls in set(filing_graph.objects(None, RDF.type)):
        n = stated.get(cls)
        assert isinstance(n, Literal) and n.toPython() == len(set(filing_graph.subjects(RDF.type, cls))), cls
    assert stated[DCAT.Catalog] == Literal(1)  # the description's own resources are counted too
    entities = catalog.value(dataset, VOID.entities)
    assert isinstance(entities, Literal) and entities.toPython() >= len(set(filing_graph.subjects(RDF.type, None)))


def test_partition_keys_are_readable_and_distinct() -> None:
    assert partition_key(BKG.Project) == "bkg.Project"
    assert partition_key(DCAT.Catalog) == "dcat.Catalog"
    assert partition_key(URIRef("http://unknown.example/Thing")) == "http://unknown.example/Thing"
    assert published.class_partition_iri(BASE, "bkg.Project") == URIRef(BASE + "id/catalog/budgetkg/class/bkg.Project")
