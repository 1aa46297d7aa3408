"""RDF written for people and crawlers: Turtle/TriG with the project's prefixes (the same graph as N-Triples),
and HEAD on the dump answered from headers alone."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from budgetkg.rdf.namespaces import PREFIXES
from budgetkg.server.app import create_app
from budgetkg.settings import Settings
from budgetkg.store.base import QueryResult
from budgetkg.store.embedded import EmbeddedStore

CONSTRUCT = """PREFIX bkg: <https://w3id.org/budgetkg/def#>
CONSTRUCT { ?i a bkg:Indicator ; bkg:annualTarget ?t } WHERE { ?i a bkg:Indicator ; bkg:annualTarget ?t } LIMIT 40"""


def _as_triples(text: str, rdflib_format: str) -> Graph:
    if rdflib_format != "trig":
        return Graph().parse(data=text, format=rdflib_format)
    graph = Graph()
    for s, p, o, _ in Dataset().parse(data=text, format="trig").quads():
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize(("media_type", "rdflib_format"), [("text/turtle", "turtle"), ("application/trig", "trig")])
def test_construct_results_use_the_prefixes_and_hold_the_same_graph(
    real: TestClient, media_type: str, rdflib_format: str
) -> None:
    readable = real.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": media_type})
    plain = real.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": "application/n-triples"})
    assert readable.status_code == plain.status_code == 200
    assert f"@prefix bkg: <{PREFIXES['bkg']}>" in readable.text
    assert re.search(r"\sa bkg:Indicator\b", readable.text)
    assert "<https://w3id.org/budgetkg/def#Indicator>" not in readable.text
    graph = _as_triples(readable.text, rdflib_format)
    assert len(graph) > 0 and isomorphic(graph, Graph().parse(data=plain.text, format="nt"))


def test_an_entity_document_in_turtle_uses_the_prefixes(real: TestClient) -> None:
    found = real.get(
        "/sparql",
        params={"query": "PREFIX bkg: <https://w3id.org/budgetkg/def#> SELECT ?i WHERE { ?i a bkg:Indicator } LIMIT 1"},
        headers={"accept": "application/sparql-results+json"},
    ).json()
    iri = found["results"]["bindings"][0]["i"]["value"]
    document = real.get(iri.replace("http://kg.test/id/", "/doc/") + ".ttl")
    assert document.status_code == 200
    assert f"@prefix bkg: <{PREFIXES['bkg']}>" in document.text
    assert re.search(r"\sa bkg:Indicator\b", document.text)


@pytest.mark.parametrize(
    ("accept", "media_type"), [("*/*", "application/n-quads"), ("application/trig", "application/trig")]
)
def test_head_on_the_dump_sends_the_headers_of_a_get_and_no_body(
    real: TestClient, accept: str, media_type: str
) -> None:
    head = real.head("/download/budgetkg.nq", headers={"accept": accept})
    get = real.get("/download/budgetkg.nq", headers={"accept": accept})
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and len(get.content) > 1000
    for name in ("content-type", "content-disposition", "vary"):
        assert head.headers[name] == get.headers[name]
    assert head.headers["content-type"].startswith(media_type)


def test_head_on_the_dump_does_not_read_the_graph(real_settings: Settings) -> None:
    # the server drops a HEAD body anyway: what matters is that the whole graph is not read to be dropped
    store = CountingStore(Path(real_settings.store), result_limit=real_settings.result_limit)
    with TestClient(create_app(real_settings, store)) as client:
        assert client.head("/download/budgetkg.nq").status_code == 200
        assert store.queries == 0
        assert client.get("/download/budgetkg.nq").status_code == 200
        assert store.queries > 0


class CountingStore(EmbeddedStore):
    """The real embedded store, counting the CONSTRUCT queries (how the dump reads the graphs) it answers."""

    queries = 0

    def query(self, sparql: str, **options: Any) -> QueryResult:
        self.queries += "CONSTRUCT" in sparql.upper()
        return super().query(sparql, **options)
