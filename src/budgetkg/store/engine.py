"""Run one query on the current version of an embedded store (in-process or inside a worker).

The default graph is the merge of the named graphs (stored as such by the build) unless the query
names its own (FROM, or the protocol's ``default-graph-uri``); results are cut at ``limit`` and
flagged ``truncated``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from budgetkg.errors import QueryError, StoreError
from budgetkg.store import versions
from budgetkg.store.base import AskResult, GraphResult, QueryResult, SelectResult
from budgetkg.store.terms import from_ox, triples_from_ox


@dataclass(frozen=True)
class Job:
    """One query request; picklable so that it can cross into a worker process."""

    root: Path
    sparql: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    limit: int | None = None


class Opener:
    """Keeps the current version open and reopens it when a build publishes a new one."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._store: Any = None

    def store(self, root: Path) -> Any:
        path = versions.current_version(root)
        if path is None:
            raise StoreError(f"{root}: no store built yet (run `budgetkg build`)")
        if path != self._path:
            try:
                self._store = ox.Store.read_only(str(path))
            except (OSError, RuntimeError) as error:
                # RocksDB reports a corrupt store as RuntimeError ("Corruption: …"), a missing file as OSError
                raise StoreError(f"{path}: cannot open the store: {one_line(error)}") from None
            self._path = path
        return self._store


def execute(store: Any, job: Job) -> QueryResult:
    """Run ``job`` on an open pyoxigraph store; raises QueryError for a query the engine rejects."""
    options: dict[str, Any] = {}
    # without them the store's default graph answers: the merge of the named graphs, made at build
    if job.default_graph_uris:
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graph_uris]
    if job.named_graph_uris:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graph_uris]
    try:
        result = store.query(job.sparql, **options)
        return _collect(result, job.limit)
    except SyntaxError as error:
        raise QueryError(f"malformed query: {error}") from None
    except (ValueError, TypeError) as error:
        raise QueryError(str(error)) from None
    except OSError as error:
        # pyoxigraph reports evaluation errors (e.g. a SERVICE it cannot reach) as OSError
        raise QueryError(f"query failed: {error}") from None
    except RuntimeError as error:
        # a corrupt file met while reading (RocksDB opens tables lazily): the store's fault, not the query's
        raise StoreError(f"{job.root}: the store cannot be read: {one_line(error)}") from None


def one_line(error: BaseException) -> str:
    """The engine's message on one line (RocksDB's may span several)."""
    return " ".join(str(error).split())


def _collect(result: Any, limit: int | None) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = []
        for solution in _take(result, limit):
            rows.append({name: from_ox(solution[name]) for name in variables if solution[name] is not None})
        truncated = limit is not None and len(rows) > limit
        return SelectResult(variables, tuple(rows[:limit] if truncated else rows), truncated)
    triples = triples_from_ox(_take(result, limit))
    truncated = limit is not None and len(triples) > limit
    return GraphResult(tuple(triples[:limit] if truncated else triples), truncated)


def _take(iterable: Any, limit: int | None) -> Any:
    # one item past the limit tells "truncated" from "exactly limit results"
    return iterable if limit is None else itertools.islice(iterable, limit + 1)


_OPENER = Opener()


def run_in_worker(job: Job) -> QueryResult:
    """Entry point inside a worker process: one open store per process, reused across jobs."""
    return execute(_OPENER.store(job.root), job)
