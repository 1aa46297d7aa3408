"""``query_serialized`` once for every backend: run ``query``, then serialize (formats.serialize)."""

from __future__ import annotations

from collections.abc import Sequence

from budgetkg.store.base import QueryResult, Serialized
from budgetkg.store.formats import serialize


class SerializingStore:
    """Mixin: a backend implements ``query`` and sets ``result_limit``; this adds ``query_serialized``."""

    result_limit: int | None = None

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
    ) -> QueryResult:
        raise NotImplementedError

    def query_serialized(
        self,
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
        return serialize(result, media_type, self.result_limit)
