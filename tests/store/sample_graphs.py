"""The small test graphs of the store tests (two filings' worth of typical triples, with the quirks:
Chinese text, decimals, language tags, escapes, the same blank-node label in both files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from budgetkg.store.base import Store

DATA = Path(__file__).parent / "data"
GRAPHS = {
    "https://budgetkg.example.org/graph/haizhu": (DATA / "haizhu.nt").read_bytes(),
    "https://budgetkg.example.org/graph/panyu": (DATA / "panyu.nt").read_bytes(),
}

#: ``make_store(result_limit=None, workers=0, timeout=10.0)`` → an empty store of one backend
StoreFactory = Callable[..., Store]
