"""Virtuoso behaviours the remote backend absorbs, each against a real server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from virtuoso import Virtuoso, available, start_virtuoso

from budgetkg.errors import StoreError
from budgetkg.store.base import SelectResult
from budgetkg.store.remote import RemoteStore

pytestmark = pytest.mark.virtuoso


@pytest.fixture(scope="module")
def capped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    if not available():
        pytest.skip("VIRTUOSO MISSING: install Debian virtuoso-opensource; these tests did NOT run")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso-capped"), max_rows=5)
    yield server
    server.stop()


def test_the_servers_own_row_cap_is_reported_as_truncation(capped: Virtuoso) -> None:
    store = RemoteStore(capped.sparql_auth_url, user="dba", password=capped.password, result_limit=100)
    try:
        store.replace_all({"urn:g": "".join(f"<urn:s{i}> <urn:p> <urn:o> .\n" for i in range(20)).encode()})
        cut = store.query("SELECT ?s WHERE { ?s <urn:p> ?o }")
        assert isinstance(cut, SelectResult)
        # Virtuoso returned 5 of 20 rows: below our own limit, yet never a silent cut
        assert (len(cut.rows), cut.truncated) == (5, True)
        whole = store.query("SELECT ?s WHERE { ?s <urn:p> ?o } LIMIT 3")
        assert isinstance(whole, SelectResult) and (len(whole.rows), whole.truncated) == (3, False)
    finally:
        store.close()


def test_wrong_credentials_are_a_clear_store_error(capped: Virtuoso) -> None:
    store = RemoteStore(capped.sparql_auth_url, user="dba", password="wrong")
    with pytest.raises(StoreError, match="refused the credentials"):
        store.graph_names()
    store.close()
