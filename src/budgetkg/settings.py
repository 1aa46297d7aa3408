"""One typed settings object, built at the edge (CLI, server start) and passed down.

Environment variables use the prefix ``BUDGETKG_``; command-line options override them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from budgetkg.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_FILINGS_DIR = DEFAULT_DATA_DIR / "filings"
DEFAULT_STORE_DIR = DEFAULT_DATA_DIR / "build" / "store"
DEFAULT_BASE_IRI = "https://budgetkg.example.org/"


@dataclass(frozen=True)
class Settings:
    #: a directory (embedded Oxigraph) or an http(s) SPARQL endpoint URL
    store: str = str(DEFAULT_STORE_DIR)
    store_user: str | None = None
    store_password: str | None = None
    filings_dir: Path = DEFAULT_FILINGS_DIR
    #: the base all entity IRIs are minted under; a deployment behind a proxy sets its own
    base_iri: str = DEFAULT_BASE_IRI
    query_timeout: float = 10.0
    result_limit: int = 10000
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    #: the most nodes /lineage draws as a graph; a larger selection is listed and the reader asked to narrow
    #: it (past a few hundred nodes a force layout takes the browser seconds and shows a hairball; the seed
    #: data draws whole, ~100 nodes)
    lineage_max_nodes: int = 200

    @property
    def store_is_remote(self) -> bool:
        return self.store.startswith(("http://", "https://"))

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None values replaced (used by CLI options)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _number(env: Mapping[str, str], name: str, kind: type, default: Any) -> Any:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a {kind.__name__}") from None
    if value <= 0:
        raise ConfigError(f"{name}={raw!r} must be positive")
    return value


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Settings from the environment (``BUDGETKG_*``), defaults elsewhere."""
    env = os.environ if env is None else env
    base = Settings()
    base_iri = env.get("BUDGETKG_BASE_IRI", base.base_iri)
    if not base_iri.endswith("/"):
        base_iri += "/"
    return Settings(
        store=env.get("BUDGETKG_STORE", base.store),
        store_user=env.get("BUDGETKG_STORE_USER"),
        store_password=env.get("BUDGETKG_STORE_PASSWORD"),
        filings_dir=Path(env.get("BUDGETKG_FILINGS", str(base.filings_dir))),
        base_iri=base_iri,
        query_timeout=_number(env, "BUDGETKG_QUERY_TIMEOUT", float, base.query_timeout),
        result_limit=_number(env, "BUDGETKG_RESULT_LIMIT", int, base.result_limit),
        host=env.get("BUDGETKG_HOST", base.host),
        port=_number(env, "BUDGETKG_PORT", int, base.port),
        workers=_number(env, "BUDGETKG_WORKERS", int, base.workers),
        lineage_max_nodes=_number(env, "BUDGETKG_LINEAGE_MAX_NODES", int, base.lineage_max_nodes),
    )
