"""Fixtures of the web tests: real Oxigraph stores (embedded backend) and FastAPI test clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset

from budgetkg.server.app import create_app
from budgetkg.settings import Settings
from budgetkg.store import Store, open_store

DATA = Path(__file__).parent / "data"


def load_trig(store_dir: Path, trig: Path) -> None:
    """Load a TriG file into a fresh embedded store, one named graph at a time (Store.replace_all)."""
    dataset = Dataset()
    dataset.parse(trig, format="trig")
    graphs = {
        str(g.identifier): g.serialize(format="nt", encoding="utf-8")
        for g in dataset.graphs()
        if len(g) and str(g.identifier) != "urn:x-rdflib:default"
    }
    store = open_store(Settings(store=str(store_dir)), workers=0)
    store.replace_all(graphs)
    store.close()


@pytest.fixture(scope="session")
def tricky_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    store_dir = tmp_path_factory.mktemp("tricky-store")
    load_trig(store_dir, DATA / "tricky.trig")
    return Settings(store=str(store_dir), base_iri="http://test.example/", workers=1)


@pytest.fixture(scope="session")
def tricky(tricky_settings: Settings) -> Iterator[TestClient]:
    store = open_store(tricky_settings, workers=0)
    with TestClient(create_app(tricky_settings, store), follow_redirects=False) as client:
        yield client
    store.close()


def build_real_store(store_dir: Path, base_iri: str) -> Settings:
    """The graph of the five real filings, built by the ``budgetkg build`` command's own entry point."""
    from budgetkg.cli import _command, build_parser

    settings = Settings(store=str(store_dir), base_iri=base_iri, workers=1)
    args = build_parser().parse_args(["build", "--store", str(store_dir)])
    status = _command("build").run(args, settings)
    assert status in (0, 1), f"budgetkg build could not run (exit {status})"
    return settings


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return build_real_store(tmp_path_factory.mktemp("real-store"), "http://kg.test/")


@pytest.fixture(scope="session")
def real_store(real_settings: Settings) -> Iterator[Store]:
    store = open_store(real_settings, workers=0)
    yield store
    store.close()


@pytest.fixture(scope="session")
def real(real_settings: Settings, real_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(real_settings, real_store), follow_redirects=False) as client:
        yield client
