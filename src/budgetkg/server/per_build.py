"""Whole-graph aggregates the pages show (the compare menu, the departments with their budgets, the compare
columns of a category), computed once per build of the store instead of on every request.

They change only when the graph does, and every ``budgetkg build`` stamps the catalogue it writes with the
time it ran (``dct:modified`` of the published dataset, rdf/catalog.py).  A value is kept with the stamp
it was computed under and recomputed when a request sees another stamp; a store with no catalogue (loaded
by other means) has no stamp, so nothing is kept and every request computes afresh — never a stale guess.
Reading the stamp is one lookup in the small catalogue graph, the same at any size.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from rdflib.term import Literal

from budgetkg.rdf import published
from budgetkg.server.context import WebContext
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

T = TypeVar("T")


@dataclass
class _Kept:
    stamp: str
    values: dict[str, object] = field(default_factory=dict)


#: (store location, base IRI) → the values kept for its latest build seen
_KEPT: dict[tuple[str, str], _Kept] = {}
_LOCK = threading.Lock()


def build_stamp(ctx: WebContext) -> str | None:
    """When the build that wrote the store's catalogue ran; None when the store holds no catalogue."""
    base = ctx.settings.base_iri
    query = bind(
        page_query("build_stamp"),
        {"catalog": [published.void_graph_iri(base)], "dataset": [published.published_dataset_iri(base)]},
    )
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout, all_rows=True)
    stamps = sorted(str(r["modified"]) for r in result.rows if isinstance(r.get("modified"), Literal)) if isinstance(
        result, SelectResult
    ) else []  # fmt: skip
    return stamps[-1] if stamps else None


def per_build(ctx: WebContext, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, or the value it gave under the store's current build (``name`` tells values apart)."""
    stamp = build_stamp(ctx)
    if stamp is None:
        return compute()
    key = (ctx.settings.store, ctx.settings.base_iri)
    with _LOCK:
        kept = _KEPT.get(key)
        if kept is not None and kept.stamp == stamp and name in kept.values:
            return cast(T, kept.values[name])
    value = compute()  # outside the lock: two first requests may both compute, neither waits on the other
    with _LOCK:
        kept = _KEPT.get(key)
        if kept is None or kept.stamp != stamp:
            kept = _KEPT[key] = _Kept(stamp)
        kept.values[name] = value
    return value
