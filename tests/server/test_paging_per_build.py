"""Whole-graph aggregates kept per build (server/per_build.py): computed once while the store's build stamp
stays, recomputed when a new build is loaded, never kept for a store without a catalogue."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from page_reading import read

from budgetkg.rdf import published
from budgetkg.server.app import create_app
from budgetkg.server.context import context_of
from budgetkg.server.per_build import build_stamp, per_build
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import Store

BASE = "http://per-build.test/"
BKG = "https://w3id.org/budgetkg/def#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
MODIFIED = "http://purl.org/dc/terms/modified"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def _graphs(departments: int, stamp: str | None) -> dict[str, bytes]:
    data = []
    for n in range(departments):
        data += [
            f"<{BASE}id/filing/f{n}> <{RDF_TYPE}> <{BKG}Filing> .",
            f"<{BASE}id/filing/f{n}> <http://purl.org/dc/terms/publisher> <{BASE}id/department/d{n}> .",
        ]
    graphs = {f"{BASE}graph/data": ("\n".join(data) + "\n").encode()}
    if stamp is not None:
        dataset = published.published_dataset_iri(BASE)
        graphs[str(published.void_graph_iri(BASE))] = (
            f'<{dataset}> <{MODIFIED}> "{stamp}"^^<{XSD_DATETIME}> .\n'.encode()
        )
    return graphs


def _store(path: Path, departments: int, stamp: str | None) -> tuple[Settings, Store]:
    settings = Settings(store=str(path), base_iri=BASE, workers=1)
    store = open_store(settings, workers=0)
    store.replace_all(_graphs(departments, stamp))
    return settings, store


def _departments_on_home(client: TestClient) -> int:
    rows = read(client.get("/", headers={"accept": "text/html"}).text).table("departments").rows[1:]
    return len({row[1].links[0] for row in rows})


def test_kept_while_the_build_stays_recomputed_after_a_new_build(tmp_path: Path) -> None:
    settings, store = _store(tmp_path / "store", 1, "2026-01-01T00:00:00+00:00")
    try:
        ctx = context_of(create_app(settings, store))
        calls: list[int] = []

        def compute() -> int:
            calls.append(1)
            return len(calls)

        assert (build_stamp(ctx) or "").startswith("2026-01-01T00:00:00")
        assert [per_build(ctx, "n", compute) for _ in range(3)] == [1, 1, 1]
        store.replace_all(_graphs(1, "2026-02-01T00:00:00+00:00"))  # a rebuild
        assert [per_build(ctx, "n", compute) for _ in range(2)] == [2, 2]
        assert per_build(ctx, "other", compute) == 3  # values are kept apart by name
    finally:
        store.close()


def test_a_store_without_catalogue_computes_every_time(tmp_path: Path) -> None:
    settings, store = _store(tmp_path / "store", 1, None)
    try:
        ctx = context_of(create_app(settings, store))
        calls: list[int] = []
        assert build_stamp(ctx) is None
        assert [per_build(ctx, "n", lambda: calls.append(1) or len(calls)) for _ in range(3)] == [1, 2, 3]
    finally:
        store.close()


def test_the_home_page_shows_a_new_build_not_the_kept_one(tmp_path: Path) -> None:
    settings, store = _store(tmp_path / "store", 2, "2026-01-01T00:00:00+00:00")
    try:
        with TestClient(create_app(settings, store)) as client:
            assert _departments_on_home(client) == 2
            store.replace_all(_graphs(3, "2026-01-02T00:00:00+00:00"))
            assert _departments_on_home(client) == 3
    finally:
        store.close()
