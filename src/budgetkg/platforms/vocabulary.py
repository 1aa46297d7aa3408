"""The platform terms of ontology/platforms.ttl as Python names, so no module spells an IRI twice."""

from __future__ import annotations

from typing import Literal

from rdflib import URIRef

from budgetkg.rdf.namespaces import BKG

Relation = Literal["sub_platform_of", "pilot_of", "component_of", "counterpart_of", "successor_of", "serves"]

#: relation name (JSON, networkx) → property of the vocabulary
RELATION_PROPERTIES: dict[Relation, URIRef] = {
    "sub_platform_of": BKG.subPlatformOf,
    "pilot_of": BKG.pilotOf,
    "component_of": BKG.componentOf,
    "counterpart_of": BKG.counterpartOf,
    "successor_of": BKG.successorOf,
    "serves": BKG.serves,
}
PROPERTY_RELATIONS: dict[str, Relation] = {str(p): r for r, p in RELATION_PROPERTIES.items()}

#: relations whose edge runs from the part to the whole: they make the lineage trees
TREE_RELATIONS: frozenset[Relation] = frozenset({"sub_platform_of", "pilot_of", "component_of"})
SYMMETRIC_RELATIONS: frozenset[Relation] = frozenset({"counterpart_of"})

#: how a mention's name was resolved to a platform node
Resolution = Literal["label", "misprint", "local", "fuzzy", "short_form", "discovered"]

#: family keys of the registry (concepts under https://w3id.org/budgetkg/def/platform-family/)
FAMILIES: tuple[str, ...] = (
    "city-operation-hub",
    "hotline-12345",
    "online-government-services",
    "mobile-government",
    "map-gis",
    "cloud-network",
    "data-platform",
    "common-support",
    "applications",
    "government-administration",
)
LEVELS: tuple[str, ...] = ("province", "city", "district", "street")
