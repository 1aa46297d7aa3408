"""How one RDF term is shown on a page: a link with its label, an amount in 万元, or text with its language."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, URIRef

from budgetkg.server import render
from budgetkg.server.urls import IriMap
from budgetkg.store.base import Term

#: predicates whose decimal values are amounts in 万元 (OpenBudgets.eu measure, unitMult 4 in the graph)
AMOUNT_PREDICATES = frozenset({URIRef("http://data.openbudgets.eu/ontology/dsd/measure/amount")})
_NUMERIC = frozenset({XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger})


@dataclass(frozen=True)
class Shown:
    text: str
    href: str | None = None
    lang: str | None = None
    #: secondary text: the yuan value of an amount, the IRI of a link, the datatype of a literal
    note: str | None = None
    kind: str = "text"


def amount(value: Literal) -> Decimal | None:
    """The exact Decimal of a numeric literal (from its lexical form, never through float)."""
    if value.datatype not in _NUMERIC:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def show(term: Term, label: str | None, iri_map: IriMap, predicate: URIRef | None = None) -> Shown:
    if isinstance(term, URIRef):
        return Shown(label or render.local_name(term), iri_map.document(str(term)), None, str(term), "link")
    if isinstance(term, BNode):
        return Shown("(blank node)", None, None, None, "blank")
    number = amount(term)
    if number is not None and predicate in AMOUNT_PREDICATES:
        return Shown(render.wan(number), None, None, render.yuan(number), "amount")
    if number is not None:
        return Shown(render.number(number), None, None, None, "number")
    note = render.local_name(term.datatype) if term.datatype is not None else None
    return Shown(str(term), None, term.language, note, "text")
