"""IRIs of the published dataset and of the named graphs, in a module that imports no parser code.

``budgetkg.rdf.iris`` mints every IRI of the graph and builds on this module (``iri`` is its one IRI
builder); the parts a web page or a client needs — where the catalogue and VoID description live, the
SPARQL endpoint, the dump — are here so the web layer can ask for them without importing the parser
(import-linter forbids that).  Under the deployment's base (``Settings.base_iri``)::

    {base}graph/<name>              named_graph_iri(base, name)  (build, platforms, validation, links, catalog …)
    {base}graph/catalog             void_graph_iri(base)  (DCAT catalogue + VoID description, written by the build)
    {base}graph/vocabulary          vocabulary_graph_iri(base)  (ontology/*.ttl: term labels for SPARQL and pages)
    {base}id/catalog                catalog_iri(base)
    {base}id/catalog/budgetkg       published_dataset_iri(base)  (dcat:Dataset and void:Dataset)
    {base}id/catalog/budgetkg/class/<key>  class_partition_iri(base, key)  (its void:classPartition of one class)
    {base}id/catalog/distribution/<kind>   distribution_iri(base, kind)  (nquads, sparql)
    {base}id/catalog/sparql-service sparql_service_iri(base)  (dcat:DataService)
    {base}id/agent/publisher        publisher_iri(base)
    {base}sparql                    sparql_endpoint_iri(base)  (the server's SPARQL path, server/urls.py SPARQL)
    {base}download/budgetkg.nq      data_dump_iri(base)  (what ``budgetkg dump`` writes)
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from rdflib import URIRef

SpecialGraph = Literal["build", "platforms", "validation", "links", "catalog", "organisations", "vocabulary"]
Distribution = Literal["nquads", "sparql"]

#: the server's SPARQL path and the dump's path, relative to the base
SPARQL_PATH = "sparql"
DUMP_PATH = "download/budgetkg.nq"


def _segment(key: str) -> str:
    # keep IRI-unreserved characters (letters of any script, digits, -._~); encode the rest
    return "".join(c if c.isalnum() or c in "-._~" else quote(c, safe="") for c in key)


def iri(base: str, *parts: str) -> URIRef:
    """``base`` + the path segments, each percent-encoded where an IRI cannot hold a character."""
    if not base.endswith("/"):
        base += "/"
    return URIRef(base + "/".join(_segment(p) for p in parts))


def named_graph_iri(base: str, name: str) -> URIRef:
    return iri(base, "graph", name)


def void_graph_iri(base: str) -> URIRef:
    """The named graph holding the DCAT catalogue and the VoID description of the whole dataset."""
    return named_graph_iri(base, "catalog")


def vocabulary_graph_iri(base: str) -> URIRef:
    """The named graph holding the vocabulary (ontology/*.ttl), so term labels come from the store."""
    return named_graph_iri(base, "vocabulary")


def catalog_iri(base: str) -> URIRef:
    return iri(base, "id", "catalog")


def published_dataset_iri(base: str) -> URIRef:
    return iri(base, "id", "catalog", "budgetkg")


def class_partition_iri(base: str, key: str) -> URIRef:
    """The VoID class partition of the published dataset for one class (``key`` as rdf/catalog.py names it)."""
    return iri(base, "id", "catalog", "budgetkg", "class", key)


def distribution_iri(base: str, kind: Distribution) -> URIRef:
    return iri(base, "id", "catalog", "distribution", kind)


def sparql_service_iri(base: str) -> URIRef:
    return iri(base, "id", "catalog", "sparql-service")


def publisher_iri(base: str) -> URIRef:
    return iri(base, "id", "agent", "publisher")


def sparql_endpoint_iri(base: str) -> URIRef:
    return iri(base, SPARQL_PATH)


def data_dump_iri(base: str) -> URIRef:
    return iri(base, *DUMP_PATH.split("/"))
