"""The build's own provenance graph ({base}graph/build): the one graph that records when it ran.

A prov:Activity with start and end time, the software and its version, each input (filing IRI,
file name, sha256), the named graphs it generated, and the filings it quarantined and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from budgetkg import __version__
from budgetkg.rdf import iris
from budgetkg.rdf.namespaces import BKG, SCHEMA, bind_prefixes


@dataclass(frozen=True)
class Input:
    """One file given to the build."""

    path: str
    sha256: str
    #: the named graph it was loaded into; None when quarantined
    graph: URIRef | None
    #: why it was not loaded (parse error or SHACL violations), one line each
    problems: tuple[str, ...] = ()


def build_graph(base: str, started: datetime, ended: datetime, inputs: Sequence[Input]) -> Graph:
    graph = bind_prefixes(Graph())
    activity = iris.build_iri(base, started.strftime("%Y%m%dT%H%M%S%fZ"))
    software = iris.software_iri(base)
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, Literal(f"budgetkg build {started.isoformat()}", lang="en")))
    graph.add((activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    graph.add((activity, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)))
    graph.add((activity, PROV.wasAssociatedWith, software))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDF.type, SCHEMA.SoftwareApplication))
    graph.add((software, RDFS.label, Literal("budgetkg")))
    graph.add((software, SCHEMA.softwareVersion, Literal(__version__)))
    for item in inputs:
        filing = iris.path_filing_iri(base, item.path)
        graph.add((activity, PROV.used, filing))
        graph.add((filing, RDF.type, BKG.Filing))
        graph.add((filing, DCTERMS.source, Literal(PurePath(item.path).name)))
        graph.add((filing, BKG.sha256, Literal(item.sha256)))
        if item.graph is not None:
            graph.add((item.graph, RDF.type, PROV.Entity))
            graph.add((item.graph, PROV.wasGeneratedBy, activity))
            graph.add((item.graph, PROV.wasDerivedFrom, filing))
            graph.add((activity, PROV.generated, item.graph))
        else:
            graph.add((activity, BKG.quarantined, filing))
        for problem in item.problems:
            graph.add((filing, RDFS.comment, Literal(problem)))
    return graph
