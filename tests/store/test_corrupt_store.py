"""A corrupt or vanished store is a one-line StoreError (exit 2 at the shell, 503 on the web), never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sample_graphs import GRAPHS

from budgetkg.errors import StoreError
from budgetkg.server.app import create_app
from budgetkg.settings import Settings
from budgetkg.store import versions
from budgetkg.store.embedded import EmbeddedStore

ASK = "ASK { ?s ?p ?o }"


def _scramble_tables(version: Path) -> None:
    # same sizes, random bytes: RocksDB finds bad table magic numbers ("Corruption: …")
    for table in version.glob("*.sst"):
        table.write_bytes(os.urandom(table.stat().st_size))


def _empty_current(version: Path) -> None:
    for file in version.iterdir():
        file.unlink()
    (version / "CURRENT").write_text("garbage")


def _vanished(version: Path) -> None:
    for file in version.iterdir():
        file.unlink()
    version.rmdir()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "scrambled tables": _scramble_tables,
    "corrupt CURRENT": _empty_current,
    "version removed": _vanished,
}


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    root = tmp_path / "store"
    built = EmbeddedStore(root)
    built.replace_all(GRAPHS)
    assert built.query(ASK).value  # type: ignore[union-attr]
    built.close()
    version = versions.current_version(root)
    assert version is not None
    DAMAGE[request.param](version)
    return root


@pytest.mark.parametrize("workers", [0, 1])
def test_queries_on_a_damaged_store_raise_one_line_store_errors(damaged: Path, workers: int) -> None:
    store = EmbeddedStore(damaged, workers=workers)
    try:
        with pytest.raises(StoreError) as caught:
            store.query(ASK)
        assert "\n" not in str(caught.value)
        assert str(versions.current_version(damaged)) in str(caught.value)
        if workers == 0:
            with pytest.raises(StoreError):
                store.graph_names()
    finally:
        store.close()


def test_the_query_command_exits_2_with_one_line(damaged: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "budgetkg", "query", ASK, "--store", str(damaged)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "store" in done.stderr


def test_the_web_server_answers_503_without_a_traceback(damaged: Path) -> None:
    settings = Settings(store=str(damaged))
    client = TestClient(create_app(settings, EmbeddedStore(damaged)), raise_server_exceptions=False)
    for path, accept in (("/sparql?query=ASK%20%7B%7D", "application/sparql-results+json"), ("/", "text/html")):
        response = client.get(path, headers={"accept": accept})
        assert response.status_code == 503, path
        assert "Traceback" not in response.text and "RuntimeError" not in response.text
