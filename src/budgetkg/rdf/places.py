"""Place names → Wikidata items, for dct:spatial, read from the curated registry (data/platforms/registry.ttl).

That file is the one list of places (``wd:Q… skos:prefLabel "海珠区"@zh-Hans``), shared with the platform
registry.  A name not found gets no dct:spatial link: its printed name stays in bkg:districtName.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from budgetkg.rdf.namespaces import WD
from budgetkg.records import Department
from budgetkg.settings import PROJECT_ROOT

PLACES_FILE = PROJECT_ROOT / "data" / "platforms" / "registry.ttl"
GUANGZHOU = "广州市"
_SUFFIXES = ("区", "市", "省")


def _bare(name: str) -> str:
    name = name.strip()
    if name.startswith(GUANGZHOU) and len(name) > len(GUANGZHOU):
        name = name.removeprefix(GUANGZHOU)
    return name[:-1] if name.endswith(_SUFFIXES) and len(name) > 2 else name


@lru_cache(maxsize=1)
def _places() -> dict[str, URIRef]:
    graph = Graph().parse(PLACES_FILE, format="turtle")
    table: dict[str, URIRef] = {}
    for place, label in graph.subject_objects(SKOS.prefLabel):
        if isinstance(place, URIRef) and str(place).startswith(str(WD)) and getattr(label, "language", "") == "zh-Hans":
            table[_bare(str(label))] = place
    return table


def department_place(department: Department) -> URIRef | None:
    """Where a department governs: its district, or Guangzhou for a city-level department."""
    place = place_iri(department.district) if department.district else None
    if place is None and department.level == "city":
        place = place_iri(GUANGZHOU)
    return place


def place_iri(name: str) -> URIRef | None:
    """The Wikidata item of a place name, with or without its 区/市/省 suffix (海珠区 → wd:Q1022913)."""
    return _places().get(_bare(name))
