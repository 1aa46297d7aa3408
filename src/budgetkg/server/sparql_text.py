"""Safe SPARQL text: term escaping and the binding of values into the page queries.

User input never reaches SPARQL except through ``iri_ref`` / ``string_literal`` (tested against a real
engine in tests/server/test_escaping.py).  Page queries are plain .rq files that run as they are; a
placeholder ``VALUES ?name { UNDEF }`` marks each input and ``bind`` replaces it with escaped terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from rdflib.term import Literal, URIRef

PAGE_QUERIES = Path(__file__).resolve().parents[1] / "queries" / "pages"

# IRIREF forbids these characters (SPARQL 1.1 grammar, production [139])
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_LANG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")


class UnsafeTerm(ValueError):
    """A value that cannot be written as the SPARQL term asked for."""


def iri_ref(iri: str) -> str:
    """``<iri>``; refuses text that would end the IRI early instead of guessing an encoding."""
    if not iri or _IRI_FORBIDDEN.search(iri):
        raise UnsafeTerm(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def string_literal(text: str, lang: str | None = None) -> str:
    """A double-quoted literal with every character that could close it escaped."""
    body = "".join(_STRING_ESCAPES.get(ch, ch) for ch in text)
    if lang is None:
        return f'"{body}"'
    if not _LANG.match(lang):
        raise UnsafeTerm(f"not a language tag: {lang!r}")
    return f'"{body}"@{lang}'


def term(value: URIRef | Literal | str) -> str:
    """A term for VALUES: URIRef → IRI, Literal → its string (lang kept), plain str → literal."""
    if isinstance(value, URIRef):
        return iri_ref(str(value))
    if isinstance(value, Literal):
        return string_literal(str(value), value.language)
    return string_literal(value)


@cache
def page_query(name: str) -> str:
    """The text of ``queries/pages/<name>.rq``."""
    return (PAGE_QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def bind(
    query: str,
    values: Mapping[str, Iterable[URIRef | Literal | str]] | None = None,
    *,
    limit: int | None = None,
    offset: int | None = None,
) -> str:
    """Replace each ``VALUES ?name { UNDEF }`` placeholder by escaped terms; append LIMIT/OFFSET."""
    for name, items in (values or {}).items():
        placeholder = f"VALUES ?{name} {{ UNDEF }}"
        if placeholder not in query:
            raise KeyError(f"query has no placeholder for ?{name}")
        query = query.replace(placeholder, f"VALUES ?{name} {{ {' '.join(term(v) for v in items)} }}")
    if limit is not None:
        query += f"\nLIMIT {int(limit)}"
    if offset:
        query += f"\nOFFSET {int(offset)}"
    return query
