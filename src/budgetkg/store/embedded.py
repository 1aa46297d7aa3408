"""The embedded backend: Oxigraph on disk, versioned so that a build swaps in atomically.

Reads go to the current version opened read-only.  With ``workers > 0`` every query runs in a
pool of worker processes so that a runaway query can be killed at its timeout (pyoxigraph cannot
cancel a query in-thread); with ``workers == 0`` queries run in-process and the timeout cannot be
enforced (used by tests and benchmarks that need the bare engine).

The one write, ``replace_all``, bulk-loads the graphs as they stream in, in batches of N-Quads that put
every triple into its named graph and into the default graph at once (store/quads.py), into a new
version directory published only when complete (store/versions.py).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from budgetkg.errors import StoreError
from budgetkg.store import quads, versions
from budgetkg.store.base import Graphs, QueryResult, graph_items
from budgetkg.store.engine import Job, Opener, execute, run_in_worker
from budgetkg.store.serializing import SerializingStore
from budgetkg.store.workers import WorkerPool


class EmbeddedStore(SerializingStore):
    def __init__(
        self,
        root: Path,
        *,
        timeout: float = 10.0,
        result_limit: int | None = None,
        workers: int = 0,
    ) -> None:
        self.root = root
        self.timeout = timeout
        self.result_limit = result_limit
        self._workers = workers
        self._pool: WorkerPool[Job, QueryResult] | None = None
        self._pool_lock = threading.Lock()
        self._opener = Opener()
        self._opener_lock = threading.Lock()

    # -- reads ---------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
        all_rows: bool = False,
    ) -> QueryResult:
        limit = None if all_rows else self.result_limit
        job = Job(self.root, sparql, tuple(default_graph_uris), tuple(named_graph_uris), limit)
        if self._workers <= 0:
            with self._opener_lock:
                store = self._opener.store(self.root)
            return execute(store, job)
        return self._worker_pool().run(job, self.timeout if timeout is None else timeout)

    def graph_names(self) -> tuple[str, ...]:
        with self._opener_lock:
            store = self._opener.store(self.root) if versions.current_version(self.root) else None
        if store is None:
            return ()
        return tuple(sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)))

    # -- the one write -------------------------------------------------------------------------

    def replace_all(self, graphs: Graphs) -> None:
        build_dir = versions.new_build_dir(self.root)
        try:
            store = ox.Store(str(build_dir))
            # each triple goes into its named graph and into the default graph (store/quads.py): the
            # default graph is the RDF merge of the named graphs, stored — Oxigraph's own union-default
            # mode would answer a triple once per graph that holds it (sums double)
            for batch in quads.batches(graph_items(graphs)):
                try:
                    store.bulk_load(batch.data(), ox.RdfFormat.N_QUADS)
                except SyntaxError as error:
                    raise StoreError(batch.invalid_graph(error)) from None
            store.flush()
            del store  # pyoxigraph closes the database when the object goes away
        except (StoreError, ValueError, OSError) as error:
            shutil.rmtree(build_dir, ignore_errors=True)
            raise StoreError(f"{self.root}: build failed, previous store kept: {error}") from None
        except BaseException:  # interrupted (Ctrl-C): no half-built version left behind either
            shutil.rmtree(build_dir, ignore_errors=True)
            raise
        versions.publish(self.root, build_dir)
        versions.collect_garbage(self.root)

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None

    def _worker_pool(self) -> WorkerPool[Job, QueryResult]:
        with self._pool_lock:
            if self._pool is None:
                self._pool = WorkerPool(run_in_worker, self._workers)
            return self._pool
