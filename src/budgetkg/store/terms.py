"""Conversion between pyoxigraph terms and the rdflib terms the Store interface speaks.

xsd:string literals become plain rdflib literals: RDF 1.1 makes them the same term, but rdflib
compares ``Literal("x")`` and ``Literal("x", datatype=XSD.string)`` as different, and remote engines
(Virtuoso) return plain literals, so normalising here keeps both backends' answers equal.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib.term import BNode, Literal, URIRef

from budgetkg.store.base import Term

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def language_tag(tag: str) -> str:
    """BCP 47 in its conventional case (``zh-hans`` → ``zh-Hans``): Oxigraph lower-cases tags;
    tags compare case-insensitively, but the graph's labels read ``@zh-Hans`` everywhere else."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    after_singleton = len(parts[0]) == 1  # extensions and private use (x-…) stay lower-case
    for part in parts[1:]:
        if after_singleton or len(part) == 1:
            after_singleton = True
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():  # script
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():  # region
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def literal(value: str, *, datatype: str | None = None, lang: str | None = None) -> Literal:
    """An rdflib literal without the redundant xsd:string / rdf:langString datatypes."""
    if lang:
        return Literal(value, lang=language_tag(lang))
    if datatype in (None, XSD_STRING, RDF_LANG_STRING):
        return Literal(value)
    # lexical form kept as printed: never let rdflib re-normalise a Decimal's text
    return Literal(value, datatype=URIRef(datatype), normalize=False)


def from_ox(term: Any) -> Term:
    """An rdflib term for a pyoxigraph NamedNode, BlankNode or Literal."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, datatype=term.datatype.value, lang=term.language)
    raise TypeError(f"unsupported RDF term {term!r} (RDF-star triples are not part of the graph)")


def to_ox(term: Term) -> Any:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def triples_from_ox(triples: Any) -> list[tuple[Term, Term, Term]]:
    """rdflib (s, p, o) tuples for an iterable of pyoxigraph Triples (or Quads)."""
    return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in triples]
