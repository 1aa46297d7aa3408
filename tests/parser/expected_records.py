"""The real filings and their hand-written expected records (tests/parser/expected/<stem>/*.json).

Fixtures hold amounts as strings so that they are compared as exact Decimals.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from budgetkg.records import Filing

ROOT = Path(__file__).resolve().parents[2]
FILINGS = sorted((ROOT / "data" / "filings").glob("*.txt"))
EXPECTED = Path(__file__).resolve().parent / "expected"
PARTS = ("filing", "budget", "goals", "tasks")


def _decimals(value: Any) -> Any:
    """Amounts (fixture strings or record Decimals) as Decimals; tuples as lists."""
    if isinstance(value, dict):
        return {k: Decimal(v) if k == "amount" and v is not None else _decimals(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_decimals(v) for v in value]
    return value


def expected(stem: str, part: str) -> Any:
    return _decimals(json.loads((EXPECTED / stem / f"{part}.json").read_text(encoding="utf-8")))


def actual(filing: Filing, part: str) -> Any:
    """The part of a parsed filing a fixture describes, in the fixture's shape."""
    if part == "filing":
        return {"form": filing.form, "department": asdict(filing.department), "year": filing.year}
    return _decimals([asdict(record) for record in getattr(filing, part)])


def without_lines(value: Any) -> Any:
    """A record tree with every ``lines`` removed: for variants that move text to other lines.

    Findings keep only severity and kind: their messages may quote line numbers.
    """
    if isinstance(value, dict):
        if "findings" in value:
            value = {**value, "findings": [{"severity": f["severity"], "kind": f["kind"]} for f in value["findings"]]}
        return {k: without_lines(v) for k, v in value.items() if k != "lines"}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def records(filing: Filing) -> dict[str, Any]:
    """Everything a filing says except where its bytes came from (path, hash, encoding)."""
    data = asdict(filing)
    del data["source"]
    return _decimals(data)
