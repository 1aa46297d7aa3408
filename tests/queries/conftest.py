"""The seed graph, built by the real ``budgetkg build`` from data/filings into an embedded store
(and, for the cross-engine test, into a real Virtuoso through the same command)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from budgetkg.settings import DEFAULT_FILINGS_DIR
from budgetkg.store.embedded import EmbeddedStore
from budgetkg.store.remote import RemoteStore

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from virtuoso import Virtuoso, available, start_virtuoso  # type: ignore[import-not-found]


def build(store: str, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "budgetkg", "build", "--store", store],
        env={**os.environ, "BUDGETKG_FILINGS": str(DEFAULT_FILINGS_DIR), **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # exit 1 = built, with problems reported (the seeds have arithmetic warnings); 2 = could not run
    assert done.returncode in (0, 1), f"budgetkg build failed:\n{done.stderr[-2000:]}"


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    root = tmp_path_factory.mktemp("seed-store")
    build(str(root))
    store = EmbeddedStore(root, result_limit=100000)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    if not available():
        pytest.skip("VIRTUOSO MISSING: install Debian virtuoso-opensource; the cross-engine test did NOT run")
    server: Virtuoso = start_virtuoso(tmp_path_factory.mktemp("virtuoso-seed"))
    try:
        credentials = {"BUDGETKG_STORE_USER": "dba", "BUDGETKG_STORE_PASSWORD": server.password}
        build(server.sparql_auth_url, credentials)
        store = RemoteStore(server.sparql_auth_url, user="dba", password=server.password, result_limit=100000)
        yield store
        store.close()
    finally:
        server.stop()
