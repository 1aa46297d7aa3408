"""One real build of the seed filings, shared by the build/validate/dump tests (a build takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildrun import SEEDS, cli, dump
from rdflib import Dataset


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("seed") / "store"
    run = cli("build", "--store", str(store), *map(str, SEEDS))
    assert run.returncode == 0, run.stderr.decode()
    return store


@pytest.fixture(scope="session")
def seed_dump(seed_store: Path) -> bytes:
    return dump(seed_store)


@pytest.fixture(scope="session")
def seed_dataset(seed_dump: bytes) -> Dataset:
    data = Dataset()
    data.parse(data=seed_dump, format="nquads")
    return data
