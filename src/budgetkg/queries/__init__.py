"""The named analyst queries: one ``<name>.rq`` file per question in this directory.

Each file opens with a header of ``# key: value`` comment lines::

    # title: Total budget by district and level
    # question: How much does each district budget, per administrative level?
    # columns: district, level, total

``title``, ``question`` and ``columns`` are required; the SPARQL follows (the header stays in it:
comments are valid SPARQL).  Page queries (``pages/*.rq``) belong to the web browser, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from budgetkg.errors import NotFound

QUERIES_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^#\s*(title|question|columns)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    question: str
    columns: tuple[str, ...]
    sparql: str


def _load(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            # a key repeated on the next lines continues its value (long questions wrap)
            key, value = match.groups()
            header[key] = f"{header[key]} {value}" if key in header else value
    missing = {"title", "question", "columns"} - header.keys()
    if missing:
        raise ValueError(f"{path}:1: header lacks {', '.join(sorted(missing))}")
    columns = tuple(c.strip() for c in header["columns"].split(",") if c.strip())
    return NamedQuery(path.stem, header["title"], header["question"], columns, text)


@cache
def all_queries() -> tuple[NamedQuery, ...]:
    """Every named query, sorted by name."""
    return tuple(_load(path) for path in sorted(QUERIES_DIR.glob("*.rq")))


def named_query(name: str) -> NamedQuery:
    for query in all_queries():
        if query.name == name:
            return query
    known = ", ".join(q.name for q in all_queries())
    raise NotFound(f"no named query {name!r} (known: {known})")
