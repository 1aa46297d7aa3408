"""Reading whole named graphs back from a store, for ``validate`` and ``dump``.

The Store interface answers queries; a graph comes back with one CONSTRUCT per named graph.  The
store is opened without a result limit that could cut a graph short: a cut graph would validate
or dump wrongly, so a truncated answer is an error, never a silent partial result.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import get_args

from rdflib import Graph, URIRef

from budgetkg.errors import StoreError
from budgetkg.rdf import iris, published
from budgetkg.rdf.namespaces import bind_prefixes
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import GraphResult, Store

#: large enough for any graph a build writes; a graph beyond it is reported, not cut
_NO_LIMIT = 2**31 - 1


@contextmanager
def store_errors(location: str) -> Iterator[None]:
    """Engine failures as the one-line ``StoreError``: a missing or unwritable directory (OSError) and a
    corrupt store (pyoxigraph raises RuntimeError for RocksDB corruption) must never reach the user as a
    traceback."""
    try:
        yield
    except (OSError, RuntimeError) as error:
        raise StoreError(f"{location}: the store cannot be used: {error}") from None


@contextmanager
def opened(settings: Settings, store: str | None) -> Iterator[Store]:
    """The configured store (or ``store`` when given), in-process, without a result limit; a store
    that holds no graph is an error (reading it would look like an empty, valid graph)."""
    settings = settings.with_overrides(store=store, result_limit=_NO_LIMIT)
    if not settings.store_is_remote and not Path(settings.store).is_dir():
        raise StoreError(f"{settings.store}: no store there; run `budgetkg build` first")
    with store_errors(settings.store):
        handle = open_store(settings, workers=0)
    try:
        with store_errors(settings.store):
            names = handle.graph_names()
        if not names:
            raise StoreError(f"{settings.store}: the store is empty; run `budgetkg build` first")
        yield handle
    finally:
        handle.close()


def read_graph(store: Store, name: str) -> Graph:
    with store_errors(name):
        result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    if not isinstance(result, GraphResult):
        raise StoreError(f"{name}: the store did not answer a CONSTRUCT with a graph")
    if result.truncated:
        raise StoreError(f"{name}: the store cut the graph short; raise its result limit")
    graph = bind_prefixes(Graph())
    for triple in result.triples:
        graph.add(triple)
    return graph


def special_graphs(base: str) -> dict[str, URIRef]:
    """name → IRI of the graphs that hold no filing (build, platforms, validation, links)."""
    return {name: iris.special_graph_iri(base, name) for name in get_args(published.SpecialGraph)}
