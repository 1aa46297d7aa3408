"""Linked-data publishing: the dump where the catalogue says, VoID at /.well-known/void, the SPARQL Service
Description, the vocabulary's labels from the store, and the home page's links to all of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS, VOID

from budgetkg.rdf import published
from budgetkg.rdf.namespaces import BKG, DCAT
from budgetkg.server.app import create_app
from budgetkg.server.labels import fetch_labels
from budgetkg.settings import Settings
from budgetkg.store import Store, open_store
from budgetkg.store.base import SelectResult

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def _counts(store: Store) -> dict[str, int]:
    result = store.query(PER_GRAPH)
    assert isinstance(result, SelectResult)
    return {str(row["g"]): int(row["n"]) for row in result.rows}


def _dataset_counts(data: Dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in data.graphs() if len(g)}


@pytest.fixture(scope="module")
def paged(real_settings: Settings) -> Iterator[TestClient]:
    """The real graph behind a result limit far below a graph's size: the dump must page, never cut."""
    settings = real_settings.with_overrides(result_limit=97)
    store = open_store(settings, workers=0)
    with TestClient(create_app(settings, store), follow_redirects=False) as client:
        yield client
    store.close()


def _path(iri: str) -> str:
    return urlsplit(iri).path


def test_the_dump_is_served_where_the_catalogue_says(
    real: TestClient, real_store: Store, real_settings: Settings
) -> None:
    void = Graph().parse(data=real.get("/.well-known/void").text, format="turtle")
    dumps = list(void.objects(published.published_dataset_iri(real_settings.base_iri), VOID.dataDump))
    assert dumps == [published.data_dump_iri(real_settings.base_iri)]
    response = real.get(_path(str(dumps[0])))
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/n-quads")
    data = Dataset()
    data.parse(data=response.content, format="nquads")
    assert _dataset_counts(data) == _counts(real_store)


def test_a_small_result_limit_pages_the_dump_instead_of_cutting_it(paged: TestClient, real_store: Store) -> None:
    response = paged.get("/download/budgetkg.nq")
    data = Dataset()
    data.parse(data=response.content, format="nquads")
    expected = _counts(real_store)
    assert max(expected.values()) > 97  # the limit really is below a graph's size
    assert _dataset_counts(data) == expected


def test_the_dump_comes_as_trig_when_asked(real: TestClient, real_store: Store) -> None:
    response = real.get("/download/budgetkg.nq", headers={"accept": "application/trig"})
    assert response.headers["content-type"].startswith("application/trig") and "Accept" in response.headers["vary"]
    data = Dataset()
    data.parse(data=response.content, format="trig")
    assert _dataset_counts(data) == _counts(real_store)


def test_void_is_the_catalogue_graph_as_turtle(real: TestClient, real_store: Store, real_settings: Settings) -> None:
    response = real.get("/.well-known/void")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    head = real.head("/.well-known/void")
    assert head.status_code == 200 and head.headers["content-type"] == response.headers["content-type"]
    void = Graph().parse(data=response.text, format="turtle")
    catalog = str(published.void_graph_iri(real_settings.base_iri))
    assert len(void) == _counts(real_store)[catalog]
    dataset = published.published_dataset_iri(real_settings.base_iri)
    assert (dataset, RDF.type, VOID.Dataset) in void
    assert (published.catalog_iri(real_settings.base_iri), DCAT.dataset, dataset) in void
    # the vocabulary graph is a described subset like every other graph
    assert (dataset, VOID.subset, published.vocabulary_graph_iri(real_settings.base_iri)) in void


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld")])
def test_sparql_without_a_query_describes_the_service(
    real: TestClient, real_store: Store, real_settings: Settings, accept: str, fmt: str
) -> None:
    response = real.get("/sparql", headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    described = Graph().parse(data=response.text, format=fmt)
    service = published.sparql_service_iri(real_settings.base_iri)
    assert (service, RDF.type, SD.Service) in described
    assert described.value(service, SD.endpoint) == published.sparql_endpoint_iri(real_settings.base_iri)
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in described
    assert (service, SD.feature, SD.UnionDefaultGraph) in described
    names = {str(n) for n in described.objects(None, SD.name)}
    assert names == set(real_store.graph_names())
    # a client asking for nothing in particular still gets the protocol's 400
    assert real.get("/sparql", headers={"accept": "*/*"}).status_code == 400


def test_the_home_page_links_the_catalogue_void_and_dump(real: TestClient, real_settings: Settings) -> None:
    html = real.get("/").text
    catalog_page = real.get("/doc/catalog")
    assert catalog_page.status_code == 200
    for href in ('href="/doc/catalog"', 'href="/.well-known/void"', 'href="/download/budgetkg.nq"'):
        assert href in html
    assert str(published.catalog_iri(real_settings.base_iri)) in catalog_page.text


def test_vocabulary_labels_come_from_the_store_only(real_store: Store, tricky_settings: Settings) -> None:
    terms = [BKG.Project, BKG.successorOf, RDF.type, DCTERMS.spatial, RDFS.label]
    found = fetch_labels(real_store, terms)
    for term in terms:
        assert {"zh-hans", "en"} <= {(label.language or "").lower() for label in found.get(term, [])}, term
    # a store without the vocabulary graph gets no label from anywhere else (no fallback to ontology files)
    bare = open_store(tricky_settings, workers=0)
    try:
        assert BKG.successorOf not in fetch_labels(bare, [BKG.successorOf])
    finally:
        bare.close()


def test_a_store_that_cannot_be_read_gives_503s(tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "nothing"))
    client = TestClient(create_app(settings, open_store(settings, workers=0)), raise_server_exceptions=False)
    for path in ("/download/budgetkg.nq", "/.well-known/void"):
        assert client.get(path).status_code == 503, path
    # the service still describes itself: an endpoint with no named graph yet
    described = Graph().parse(data=client.get("/sparql", headers={"accept": "text/turtle"}).text, format="turtle")
    assert (None, RDF.type, SD.Service) in described and not list(described.objects(None, SD.name))


def test_home_counts_leave_the_vocabulary_out_and_name_types_in_chinese(real: TestClient) -> None:
    html = real.get("/").text
    owl_class = "http://www.w3.org/2002/07/owl#Class"
    assert owl_class not in html and "ObjectProperty" not in html  # the vocabulary's terms are not data
    assert ">项目<" in html and ">数字平台<" in html  # bkg:Project, bkg:Platform by their store labels


#: what the VoID entity counts must equal, counted live by the engine: distinct typed resources, a
#: typing the vocabulary graph states (an ontology term) left out
_TYPED = """SELECT ?type ?s WHERE {{ GRAPH ?g {{ ?s a ?type }} FILTER(?g != <{vocabulary}>)
  FILTER NOT EXISTS {{ GRAPH <{vocabulary}> {{ ?s a ?type }} }} }}"""


def test_void_class_partitions_count_the_stored_resources(
    real: TestClient, real_store: Store, real_settings: Settings
) -> None:
    void = Graph().parse(data=real.get("/.well-known/void").text, format="turtle")
    dataset = published.published_dataset_iri(real_settings.base_iri)
    stated = {}
    for partition in void.objects(dataset, VOID.classPartition):
        [cls], [n] = list(void.objects(partition, VOID["class"])), list(void.objects(partition, VOID.entities))
        stated[str(cls)] = int(n)
    result = real_store.query(
        _TYPED.format(vocabulary=published.vocabulary_graph_iri(real_settings.base_iri)), all_rows=True
    )
    assert isinstance(result, SelectResult) and not result.truncated
    pairs = {(str(row["type"]), str(row["s"])) for row in result.rows}
    per_class: dict[str, int] = {}
    for cls, _ in pairs:
        per_class[cls] = per_class.get(cls, 0) + 1
    assert stated == per_class
    assert str(DCAT.Catalog) in stated and str(BKG.Filing) in stated  # the description counts itself too
    assert str(RDFS.Class) not in stated  # the ontology's terms are not data
    entities = void.value(dataset, VOID.entities)
    assert entities is not None and int(entities) == len({s for _, s in pairs})
