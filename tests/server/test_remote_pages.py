"""The same pages over the remote backend: the real graph copied into a real Virtuoso, served through
RemoteStore, shows the same facts as over the embedded store (pages only ever speak SPARQL)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from page_reading import read, wan_amounts
from rdflib import Graph

from budgetkg.server.app import create_app
from budgetkg.server.urls import IriMap
from budgetkg.settings import Settings
from budgetkg.store.base import GraphResult, SelectResult, Store
from budgetkg.store.formats import nt_term
from budgetkg.store.remote import RemoteStore

# the store engineer's throw-away Virtuoso (tests/store/virtuoso.py), reused rather than rewritten
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from virtuoso import Virtuoso, available, start_virtuoso

pytestmark = pytest.mark.virtuoso


def _graphs(store: Store) -> dict[str, bytes]:
    """Every named graph of ``store`` as N-Triples, read back through SPARQL."""
    graphs = {}
    for name in store.graph_names():
        result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
        assert isinstance(result, GraphResult) and not result.truncated
        lines = (f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in result.triples)
        graphs[name] = "".join(lines).encode("utf-8")
    return graphs


@pytest.fixture(scope="module")
def remote(
    tmp_path_factory: pytest.TempPathFactory, real_store: Store, real_settings: Settings
) -> Iterator[tuple[TestClient, TestClient]]:
    if not available():
        pytest.skip("VIRTUOSO MISSING: install Debian virtuoso-opensource (scripts/install-system.sh)")
    server: Virtuoso = start_virtuoso(tmp_path_factory.mktemp("virtuoso-pages"))
    try:
        store = RemoteStore(server.sparql_auth_url, user="dba", password=server.password, timeout=30)
        store.replace_all(_graphs(real_store))
        settings = Settings(
            store=server.sparql_auth_url, base_iri=real_settings.base_iri, filings_dir=real_settings.filings_dir
        )
        with (
            TestClient(create_app(settings, store)) as over_remote,
            TestClient(create_app(real_settings, real_store)) as local,
        ):
            yield over_remote, local
        store.close()
    finally:
        server.stop()


def _project(real_store: Store) -> str:
    result = real_store.query(
        "SELECT ?p WHERE { ?p a <https://w3id.org/budgetkg/def#Project> ; "
        "<https://w3id.org/budgetkg/def#allocation> ?f } ORDER BY ?p LIMIT 1"
    )
    assert isinstance(result, SelectResult)
    return str(result.rows[0]["p"])


def test_entity_page_shows_the_same_facts(
    remote: tuple[TestClient, TestClient], real_store: Store, real_settings: Settings
) -> None:
    over_remote, local = remote
    path = IriMap(real_settings.base_iri).document(_project(real_store))
    pages = [read(client.get(path, headers={"accept": "text/html"}).text) for client in (over_remote, local)]
    assert pages[0].h1 == pages[1].h1
    amounts = [sorted(wan_amounts(" ".join(c.text for r in p.table("amounts").rows for c in r))) for p in pages]
    assert amounts[0] == amounts[1] and amounts[0]
    excerpts = [p.text[p.text.index("来源") : p.text.index("属性与链接")] for p in pages]
    assert excerpts[0] == excerpts[1]


def test_linked_data_and_search_agree(
    remote: tuple[TestClient, TestClient], real_store: Store, real_settings: Settings
) -> None:
    over_remote, local = remote
    path = IriMap(real_settings.base_iri).document(_project(real_store), "nt")
    graphs = [Graph().parse(data=client.get(path).content, format="nt") for client in (over_remote, local)]
    assert len(graphs[0]) == len(graphs[1]) > 0
    hits = [[h["iri"] for h in client.get("/search.json", params={"q": "szg"}).json()["results"]] for client in remote]
    assert hits[0] == hits[1] and hits[0]
    assert over_remote.get("/lineage").status_code == 200
    assert over_remote.get("/compare?kind=output-quantity").status_code == 200


def _quads(client: TestClient) -> dict[str, int]:
    from rdflib import Dataset

    data = Dataset()
    data.parse(data=client.get("/download/budgetkg.nq").content, format="nquads")
    return {str(g.identifier): len(g) for g in data.graphs() if len(g)}


def test_publishing_and_vocabulary_labels_agree(remote: tuple[TestClient, TestClient]) -> None:
    over_remote, local = remote
    # the dump and the VoID description are read through the Store: the same on both backends
    assert _quads(over_remote) == _quads(local)
    voids = [Graph().parse(data=c.get("/.well-known/void").text, format="turtle") for c in remote]
    assert len(voids[0]) == len(voids[1]) > 0
    # type names on the home page come from the vocabulary graph, so Virtuoso gives the same Chinese labels
    counts = [[row[0].text for row in read(c.get("/").text).table("counts").rows[1:]] for c in remote]
    assert sorted(counts[0]) == sorted(counts[1]) and "项目" in counts[0]
    matrices = [read(c.get("/lineage").text).table("matrix").rows for c in remote]
    assert [[cell.text for cell in row] for row in matrices[0]] == [[cell.text for cell in row] for row in matrices[1]]
