"""A lineage cut short by the store is said so on /lineage, never silently: the real graph served by a real
Virtuoso whose ResultSetMaxRows is below the number of platform links (the cap ``all_rows`` cannot lift)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from page_reading import read

from budgetkg.platforms.analysis import load_lineage
from budgetkg.server.app import create_app
from budgetkg.settings import Settings
from budgetkg.store.base import GraphResult, Store
from budgetkg.store.formats import nt_term
from budgetkg.store.remote import RemoteStore

# the store engineer's throw-away Virtuoso (tests/store/virtuoso.py), reused rather than rewritten
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from virtuoso import available, start_virtuoso

pytestmark = pytest.mark.virtuoso
#: fewer rows than the seed's platform links (163) and more than its platforms and relation statements
MAX_ROWS = 100


@pytest.fixture(scope="module")
def capped(
    tmp_path_factory: pytest.TempPathFactory, real_store: Store, real_settings: Settings
) -> Iterator[TestClient]:
    if not available():
        pytest.skip("VIRTUOSO MISSING: install Debian virtuoso-opensource (scripts/install-system.sh)")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso-lineage-capped"), max_rows=MAX_ROWS)
    try:
        store = RemoteStore(server.sparql_auth_url, user="dba", password=server.password, timeout=30)
        graphs = {}
        for name in real_store.graph_names():
            result = real_store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            assert isinstance(result, GraphResult) and not result.truncated
            graphs[name] = "".join(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in result.triples)
        store.replace_all({name: text.encode("utf-8") for name, text in graphs.items()})
        settings = Settings(store=server.sparql_auth_url, base_iri=real_settings.base_iri)
        with TestClient(create_app(settings, store)) as client:
            yield client
        store.close()
    finally:
        server.stop()


def test_a_lineage_cut_by_the_server_is_announced_on_the_page(capped: TestClient, real_store: Store) -> None:
    assert len(load_lineage(real_store).links) > MAX_ROWS, "the seed's links no longer pass the cap"
    response = capped.get("/lineage", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert 'id="lineage-truncated"' in response.text
    assert "The store cut a lineage query short" in read(response.text).text


def test_a_whole_lineage_carries_no_such_note(real: TestClient) -> None:
    assert 'id="lineage-truncated"' not in real.get("/lineage", headers={"accept": "text/html"}).text
