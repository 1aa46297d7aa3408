"""Store fixtures: the contract suite runs on every backend (embedded Oxigraph and a real Virtuoso)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_graphs import StoreFactory
from virtuoso import Virtuoso, available, start_virtuoso

from budgetkg.store.base import Store
from budgetkg.store.embedded import EmbeddedStore
from budgetkg.store.remote import RemoteStore


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    if not available():
        pytest.skip(
            "VIRTUOSO MISSING: /usr/bin/virtuoso-t not found — install Debian virtuoso-opensource "
            "(scripts/install-system.sh); the remote-store contract tests did NOT run"
        )
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(params=["embedded", "virtuoso"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """A factory of empty stores of one backend: ``make_store(result_limit=..., workers=...)``."""
    opened: list[Store] = []

    def make(result_limit: int | None = None, workers: int = 0, timeout: float = 10.0) -> Store:
        store: Store
        if request.param == "embedded":
            store = EmbeddedStore(tmp_path / "store", timeout=timeout, result_limit=result_limit, workers=workers)
        else:
            server: Virtuoso = request.getfixturevalue("virtuoso")
            store = RemoteStore(
                server.sparql_auth_url, user="dba", password=server.password, timeout=timeout, result_limit=result_limit
            )
            store.replace_all({})  # each test starts from an empty store
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
    shutil.rmtree(tmp_path / "store", ignore_errors=True)
