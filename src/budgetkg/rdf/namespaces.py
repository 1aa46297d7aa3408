"""The namespaces of the graph: ours and the reused vocabularies (DESIGN.md §2), as published.

Only namespaces live here; instance and concept IRIs are minted in ``budgetkg.rdf.iris``.
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VANN, VOID, XSD

#: our vocabulary; stable whatever the deployment's base IRI
BKG = Namespace("https://w3id.org/budgetkg/def#")
#: concept schemes of our code lists live next to the vocabulary, one path per scheme
BKG_CONCEPTS = "https://w3id.org/budgetkg/def/"

ORG = Namespace("http://www.w3.org/ns/org#")
CV = Namespace("http://data.europa.eu/m8g/")
QB = Namespace("http://purl.org/linked-data/cube#")
OBEU_DIMENSION = Namespace("http://data.openbudgets.eu/ontology/dsd/dimension/")
OBEU_MEASURE = Namespace("http://data.openbudgets.eu/ontology/dsd/measure/")
OBEU_ATTRIBUTE = Namespace("http://data.openbudgets.eu/ontology/dsd/attribute/")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
CURRENCY = Namespace("http://publications.europa.eu/resource/authority/currency/")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
SCHEMA = Namespace("https://schema.org/")
# rdflib's DCAT namespace predates DCAT 3, so it is declared here
DCAT = Namespace("http://www.w3.org/ns/dcat#")
WD = Namespace("http://www.wikidata.org/entity/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: prefix → namespace, bound on every graph we write so Turtle/TriG output reads well
PREFIXES: dict[str, str] = {
    "bkg": str(BKG),
    "org": str(ORG),
    "cv": str(CV),
    "qb": str(QB),
    "obeu-dimension": str(OBEU_DIMENSION),
    "obeu-measure": str(OBEU_MEASURE),
    "obeu-attribute": str(OBEU_ATTRIBUTE),
    "sdmx-attribute": str(SDMX_ATTRIBUTE),
    "currency": str(CURRENCY),
    "qudt": str(QUDT),
    "unit": str(UNIT),
    "schema": str(SCHEMA),
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "vann": str(VANN),
    "wd": str(WD),
    "sh": str(SH),
    "void": str(VOID),
    "foaf": str(FOAF),
}


def bind_prefixes(graph: Graph) -> Graph:
    """``graph`` with our prefixes bound (replacing rdflib's defaults such as http://schema.org/)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
