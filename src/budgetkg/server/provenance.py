"""Provenance of an entity: its filing, line range and the source text of those lines.

The graph says which filing and lines a fact comes from; the excerpt is read from that filing's file in
``Settings.filings_dir`` (by file name only, so a graph cannot make the server read other paths).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from rdflib.term import Literal, URIRef

from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels, iris_of
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

#: an excerpt longer than this is cut (the line range still says how long the fact is)
MAX_EXCERPT_LINES = 60
_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class Provenance:
    filing: URIRef
    filing_label: str | None
    first: int | None
    last: int | None
    file_name: str | None
    #: (line number, text) of the source lines; empty when the file is not available here
    excerpt: tuple[tuple[int, str], ...]
    cut: bool = False


def file_name(source: URIRef | Literal) -> str | None:
    """The bare file name a dct:source names (a path, a file: IRI or a URL); None if it has none."""
    text = urlparse(str(source)).path if isinstance(source, URIRef) else str(source)
    name = PurePosixPath(unquote(text).replace("\\", "/")).name
    return name or None


def read_lines(directory: Path, name: str, first: int, last: int) -> tuple[tuple[tuple[int, str], ...], bool]:
    """Lines ``first..last`` (1-based, inclusive) of ``directory/name``, at most MAX_EXCERPT_LINES."""
    path = directory / name
    if path.name != name or not path.is_file():
        return (), False
    data = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return (), False
    lines = text.splitlines()
    stop = min(last, first + MAX_EXCERPT_LINES - 1, len(lines))
    return tuple((n, lines[n - 1]) for n in range(max(first, 1), stop + 1)), stop < last


def _int(term: object) -> int | None:
    return int(str(term)) if isinstance(term, Literal) and str(term).isdigit() else None


def provenance_of(ctx: WebContext, iri: URIRef) -> list[Provenance]:
    result = ctx.store.query(bind(page_query("provenance"), {"this": [iri]}), timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    labels = best_labels(ctx.store, iris_of(result.rows, "filing"))
    found = []
    for row in result.rows:
        filing = row.get("filing")
        if not isinstance(filing, URIRef):
            continue
        first, last, source = _int(row.get("first")), _int(row.get("last")), row.get("source")
        name = file_name(source) if isinstance(source, (URIRef, Literal)) else None
        excerpt: tuple[tuple[int, str], ...] = ()
        cut = False
        if name and first is not None:
            excerpt, cut = read_lines(ctx.settings.filings_dir, name, first, last if last is not None else first)
        found.append(Provenance(filing, labels.get(filing), first, last, name, excerpt, cut))
    return sorted(set(found), key=lambda p: (str(p.filing), p.first or 0))
