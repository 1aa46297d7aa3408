"""A pool of worker processes that run blocking calls with a hard timeout.

pyoxigraph cannot interrupt a running query, so a query that overruns its timeout is stopped by
killing the process running it; a fresh worker replaces it in the background while the other
workers keep serving.  Workers are forked from a forkserver that has already imported the
engine, so a respawn costs milliseconds, and no thread state of the parent (uvicorn, asyncio)
leaks into them.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from budgetkg.errors import QueryTimeout, StoreError

In = TypeVar("In")
Out = TypeVar("Out")

_CONTEXT = multiprocessing.get_context("forkserver")


def _serve(target: Callable[[Any], Any], conn: Connection) -> None:
    """Worker main loop: one request in, one ("ok", value) or ("error", exception) out."""
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            reply: tuple[str, Any] = ("ok", target(request))
        except Exception as error:  # every failure must travel back, not kill the worker
            reply = ("error", error)
        try:
            conn.send(reply)
        except Exception as error:  # e.g. an unpicklable exception
            conn.send(("error", StoreError(f"worker could not return its result: {type(error).__name__}")))


class _Worker:
    def __init__(self, target: Callable[[Any], Any]) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(target, child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool(Generic[In, Out]):
    """``run(request, timeout)`` calls ``target(request)`` in a worker and kills it at the timeout."""

    def __init__(self, target: Callable[[In], Out], size: int) -> None:
        _CONTEXT.set_forkserver_preload([target.__module__])
        self._target = target
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._target)
        with self._lock:
            self._all.add(worker)
        return worker

    def run(self, request: In, timeout: float) -> Out:
        if self._closed:
            raise StoreError("the query worker pool is closed")
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no query worker became free within {timeout:g} s (all busy)") from None
        remaining = max(0.0, deadline - time.monotonic())
        try:
            worker.conn.send(request)
            ready = worker.conn.poll(remaining)
            if ready:
                status, value = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise StoreError("a query worker died; it has been replaced") from None
        if not ready:
            self._replace(worker)
            raise QueryTimeout(f"query stopped after the {timeout:g} s timeout")
        self._idle.put(worker)
        if status == "error":
            raise value
        result: Out = value
        return result

    def _replace(self, worker: _Worker) -> None:
        def respawn() -> None:
            worker.stop()
            with self._lock:
                self._all.discard(worker)
            if not self._closed:
                self._idle.put(self._spawn())

        # the caller gets its answer now; the kill and the fresh fork happen behind it
        threading.Thread(target=respawn, daemon=True).start()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._all = self._all, set()
        for worker in workers:  # busy ones too: close() must not leave processes behind
            worker.stop()
