"""``query_serialized`` once for every backend: run ``query``, then serialize (formats.serialize)."""

from __future__ import annotations

from collections.abc import Sequence

from budgetkg.store.base import Serialized, Store
from budgetkg.store.formats import serialize


class SerializingStore:
    """Mixin: a backend implements ``query`` and sets ``result_limit``; this adds ``query_serialized``."""

    result_limit: int | None = None

    # ``self: Store``: the backend supplies ``query`` (the Store protocol), this mixin the rest
    def query_serialized(
        self: Store,
        sparql: str,
        media_type: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
    ) -> Serialized:
        result = self.query(
            sparql, default_graph_uris=default_graph_uris, named_graph_uris=named_graph_uris, timeout=timeout
        )
        return serialize(result, media_type, getattr(self, "result_limit", None))
