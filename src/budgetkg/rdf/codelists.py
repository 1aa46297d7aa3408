"""Printed budget labels → code-list concepts, read from ontology/codelists.ttl.

The Turtle file is the only list of recognised labels (skos:prefLabel / skos:altLabel @zh-Hans):
adding a spelling there teaches the mapper.  A label not found gives None, and the figure keeps
only its printed label: unknown stays unknown.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import SKOS

from budgetkg.rdf.namespaces import BKG_CONCEPTS
from budgetkg.rdf.vocabulary import ontology

#: the schemes a budget figure's label can belong to
BUDGET_SCHEMES = tuple(
    URIRef(BKG_CONCEPTS + name) for name in ("expenditure-type", "funding-source", "budget-level", "budget-role")
)
_NOISE = re.compile(r"[\s:：（）()]|（万元）|\(万元\)")


def normalise_label(label: str) -> str:
    """A printed label without spaces, colons, brackets or width differences."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", label))


@lru_cache(maxsize=1)
def _budget_labels() -> dict[str, URIRef]:
    graph = ontology()
    table: dict[str, URIRef] = {}
    for scheme in BUDGET_SCHEMES:
        for concept in graph.subjects(SKOS.inScheme, scheme):
            if not isinstance(concept, URIRef):
                continue
            for predicate in (SKOS.altLabel, SKOS.prefLabel):
                for label in graph.objects(concept, predicate):
                    if getattr(label, "language", None) == "zh-Hans":
                        table[normalise_label(str(label))] = concept
    return table


def budget_line(label: str) -> URIRef | None:
    """The concept a printed budget label stands for (基本支出 → expenditure-type/basic), else None."""
    return _budget_labels().get(normalise_label(label))


def concept_label(concept: URIRef, lang: str) -> str | None:
    """The skos:prefLabel of a code-list or category concept in ``lang``, None when it has none."""
    for label in ontology().objects(concept, SKOS.prefLabel):
        if getattr(label, "language", None) == lang:
            return str(label)
    return None
