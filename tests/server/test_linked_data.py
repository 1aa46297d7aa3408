"""Dereferencing and the content-negotiation matrix, every RDF answer parsed back with rdflib."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from budgetkg.server import urls

EVIL = URIRef("http://test.example/id/department/evil")
GOOD = URIRef("http://test.example/id/department/good")
ORG = "http://www.w3.org/ns/org#"
RDFLIB_FORMAT = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}


def _vary(header: str) -> list[str]:
    return [name.strip() for name in header.split(",")]


def _check_description(graph: Graph) -> None:
    # outgoing triples, incoming triples and the neighbours' labels are all in the document
    assert (EVIL, RDF.type, URIRef(ORG + "Organization")) in graph
    assert any(str(o) == "<script>alert('x')</script>部门" for o in graph.objects(EVIL, RDFS.label))
    assert (EVIL, URIRef(ORG + "hasUnit"), GOOD) in graph
    assert (URIRef("http://test.example/id/budget/evil/total"), URIRef("https://schema.org/about"), EVIL) in graph
    assert "穗智管运营中心" in {str(o) for o in graph.objects(GOOD, RDFS.label)}


@pytest.mark.parametrize("suffix", ["ttl", "jsonld", "nt", "rdf"])
def test_by_accept(tricky: TestClient, suffix: str) -> None:
    media_type = urls.FORMATS[suffix]
    response = tricky.get("/doc/department/evil", headers={"accept": media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in _vary(response.headers["vary"])
    _check_description(Graph().parse(data=response.content, format=RDFLIB_FORMAT[suffix]))


@pytest.mark.parametrize("suffix", ["ttl", "jsonld", "nt", "rdf"])
def test_by_suffix_ignores_accept(tricky: TestClient, suffix: str) -> None:
    response = tricky.get(f"/doc/department/evil.{suffix}", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == urls.FORMATS[suffix]
    _check_description(Graph().parse(data=response.content, format=RDFLIB_FORMAT[suffix]))


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("*/*", "text/html"),
        ("text/turtle;q=0.5, application/n-triples", "application/n-triples"),
        ("application/ld+json;q=0.9, text/turtle;q=0.1", "application/ld+json"),
    ],
)
def test_preferences_are_weighed(tricky: TestClient, accept: str, expected: str) -> None:
    response = tricky.get("/doc/department/evil", headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected


def test_html_document_and_its_headers(tricky: TestClient) -> None:
    for path in ("/doc/department/evil", "/doc/department/evil.html"):
        response = tricky.get(path, headers={"accept": "text/html"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert "Accept" in _vary(response.headers["vary"])
        links = response.headers["link"].split(", ")
        assert len(links) == len(urls.FORMATS)
        assert '</doc/department/evil.ttl>; rel="alternate"; type="text/turtle"' in links


def test_thing_iri_answers_303_to_its_document(tricky: TestClient) -> None:
    response = tricky.get("/id/department/evil", headers={"accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["location"] == "/doc/department/evil"
    followed = tricky.get(response.headers["location"], headers={"accept": "text/turtle"})
    _check_description(Graph().parse(data=followed.content, format="turtle"))


def test_unknown_iri_is_404(tricky: TestClient) -> None:
    for path in ("/id/department/nobody", "/doc/department/nobody", "/doc/department/nobody.ttl"):
        response = tricky.get(path, headers={"accept": "text/html"})
        assert response.status_code == 404
        assert "Traceback" not in response.text


def test_unsupported_media_type_is_406(tricky: TestClient) -> None:
    response = tricky.get("/doc/department/evil", headers={"accept": "image/png"})
    assert response.status_code == 406


def test_foreign_iri_is_described_through_resource(tricky: TestClient) -> None:
    response = tricky.get("/resource", params={"iri": ORG + "Organization", "format": "nt"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.content, format="nt")
    assert (EVIL, RDF.type, URIRef(ORG + "Organization")) in graph
    local = tricky.get("/resource", params={"iri": str(EVIL)})
    assert local.status_code == 301
    assert local.headers["location"] == "/doc/department/evil"


def test_paging_of_a_link_group(tricky: TestClient) -> None:
    # with a page size of 1 the two labels page: the second page shows the other label
    first = tricky.get("/doc/department/evil", params={"dir": "out", "p": str(RDFS.label), "offset": "1"})
    assert first.status_code == 200
    assert "2 / 2" in first.text


def test_head_answers_like_get_without_a_body(tricky: TestClient) -> None:
    thing = tricky.head("/id/department/evil")
    assert thing.status_code == 303 and thing.headers["location"] == "/doc/department/evil"
    document = tricky.head("/doc/department/evil", headers={"accept": "text/turtle"})
    assert document.status_code == 200
    assert document.headers["content-type"].startswith("text/turtle")
    assert document.content == b""
