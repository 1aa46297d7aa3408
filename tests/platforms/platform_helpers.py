"""Plain helpers of the platform tests, in a module of its own: test files import them by a name no other
test folder uses (``from conftest import …`` picks whichever conftest was imported first when several
test folders run together)."""

from __future__ import annotations

from pathlib import Path

BASE = "https://budgetkg.example.org/"


def raw_lines(path: str, first: int, last: int) -> str:
    """The filing's lines first..last joined without whitespace: what the evidence lines really print."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return "".join("".join(line.split()) for line in lines[first - 1 : last])
