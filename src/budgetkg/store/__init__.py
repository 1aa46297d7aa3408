"""The store layer: ``open_store(settings)`` picks the backend from ``Settings.store``.

A path → the embedded Oxigraph store (``budgetkg.store.embedded``); an http(s) URL → any SPARQL 1.1
server (``budgetkg.store.remote``), with ``BUDGETKG_STORE_USER``/``BUDGETKG_STORE_PASSWORD`` as
its credentials.  Every backend answers with the merge of the named graphs as the default graph.
"""

from __future__ import annotations

from pathlib import Path

from budgetkg.settings import Settings
from budgetkg.store.base import Store


def open_store(settings: Settings, *, workers: int | None = None) -> Store:
    """The configured store.  ``workers`` (embedded only) overrides ``Settings.workers``: the number
    of worker processes that run queries with an enforced timeout; 0 runs them in-process, unkillable."""
    if settings.store_is_remote:
        from budgetkg.store.remote import RemoteStore

        return RemoteStore(
            settings.store,
            user=settings.store_user,
            password=settings.store_password,
            timeout=settings.query_timeout,
            result_limit=settings.result_limit,
        )
    from budgetkg.store.embedded import EmbeddedStore

    return EmbeddedStore(
        Path(settings.store),
        timeout=settings.query_timeout,
        result_limit=settings.result_limit,
        workers=settings.workers if workers is None else workers,
    )


__all__ = ["Store", "open_store"]
