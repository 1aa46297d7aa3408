"""The description a publisher puts beside the data: a DCAT 3 catalogue and a VoID description.

Written by the build into its own named graph (``published.void_graph_iri``), from what the build is
about to load: the catalogue with one dataset (both ``dcat:Dataset`` and ``void:Dataset``), its two
distributions (the N-Quads dump and the SPARQL endpoint, served by a ``dcat:DataService``), and one
``void:subset`` per named graph with its triple count, the filing graphs naming their filing.  Counts
and vocabularies are computed from the very N-Triples that are loaded, never typed in.  Like the build
provenance, this graph records when the build ran (``dct:modified``); ``dct:issued`` is the first
build's time, carried over from the catalogue already in the store when there is one.

The dataset also states what it holds, so no page has to count it on every request: ``void:entities``
(the typed resources) and one ``void:classPartition`` per class (``void:class``, ``void:entities``),
counted once here over every graph loaded, this description's own resources included.  A resource
typed with a class in the vocabulary graph (an ontology term, not data) is not counted for that class;
the union default graph holds each (resource, class) pair once however many graphs state it.  The
home page and ``/.well-known/void`` both read these numbers; ``pages/home_counts.rq`` is the live count
they must equal (checked by the tests, timed by the scale benchmark).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, VOID, XSD

from budgetkg import __version__
from budgetkg.rdf import iris, published
from budgetkg.rdf.namespaces import DCAT, PREFIXES, bind_prefixes
from budgetkg.rdf.places import department_place
from budgetkg.records import Filing

#: the graph is a compilation derived from public filings; the licence chosen for it (see the report)
DATA_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
ONTOLOGY = URIRef("https://w3id.org/budgetkg/def")
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
NQUADS = URIRef("https://www.iana.org/assignments/media-types/application/n-quads")
CHINESE = URIRef("http://id.loc.gov/vocabulary/iso639-1/zh")
_RDF_TYPE = f"<{RDF.type}>".encode()
#: namespaces of things, not of vocabularies: never listed as void:vocabulary
_NOT_VOCABULARIES = frozenset({"wd", "currency"})


@dataclass(frozen=True)
class BuildTimes:
    """When the build ran (``modified``) and when the data was first issued (an earlier build's time)."""

    started: datetime
    modified: datetime
    issued: datetime


def triple_count(ntriples: bytes) -> int:
    """The triples of canonical N-Triples (one per non-empty line)."""
    return sum(1 for line in ntriples.splitlines() if line.strip())


def vocabularies(graphs: Iterable[bytes]) -> list[URIRef]:
    """The namespaces (of PREFIXES) whose terms the graphs use as predicate or class, sorted."""
    known = sorted((ns for prefix, ns in PREFIXES.items() if prefix not in _NOT_VOCABULARIES), key=len, reverse=True)
    terms: set[str] = set()
    for ntriples in graphs:
        for line in ntriples.splitlines():
            parts = line.split(b" ", 2)
            if len(parts) < 3:
                continue
            terms.add(parts[1].decode().strip("<>"))
            if parts[1] == _RDF_TYPE and parts[2].startswith(b"<"):
                terms.add(parts[2].split(b">", 1)[0].decode().lstrip("<"))
    used = {next((ns for ns in known if term.startswith(ns)), None) for term in terms}
    return sorted(URIRef(ns) for ns in used if ns is not None)


@dataclass(frozen=True)
class Statistics:
    """How many typed resources the dataset holds, in all and per class."""

    #: distinct resources with at least one counted type
    entities: int
    #: class → distinct resources of that class, largest first
    classes: dict[URIRef, int]


def _typings(ntriples: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(subject, class) of every ``rdf:type`` line of canonical N-Triples whose class is an IRI."""
    for line in ntriples.splitlines():
        parts = line.split(b" ", 2)
        if len(parts) == 3 and parts[1] == _RDF_TYPE and parts[2].startswith(b"<"):
            yield parts[0], parts[2][1:].split(b">", 1)[0]


def statistics(graphs: Mapping[str, bytes], vocabulary_graph: str) -> Statistics:
    """The typed resources of ``graphs`` (graph IRI → N-Triples), merged as the default graph merges them;
    typings the vocabulary graph states are its terms, not data, and are left out.  Our graphs hold no
    blank nodes (rdf/serialize.py), so a subject's text names one resource across graphs."""
    ontology_terms = set(_typings(graphs.get(vocabulary_graph, b"")))
    typed: set[tuple[bytes, bytes]] = set()
    for name, ntriples in graphs.items():
        if name != vocabulary_graph:
            typed.update(_typings(ntriples))
    typed -= ontology_terms
    per_class = Counter(cls for _, cls in typed)
    classes = {URIRef(c.decode()): n for c, n in sorted(per_class.items(), key=lambda kv: (-kv[1], kv[0]))}
    return Statistics(len({subject for subject, _ in typed}), classes)


def partition_key(cls: URIRef) -> str:
    """A class partition's IRI segment: ``prefix.Local`` for a class of a known vocabulary, else the IRI."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: len(kv[1]), reverse=True):
        local = str(cls).removeprefix(namespace)
        if local != str(cls) and local.isidentifier():
            return f"{prefix}.{local}"
    return str(cls)


def add_statistics(graph: Graph, base: str, counted: Statistics) -> None:
    """State ``counted`` on the published dataset of ``graph``: void:entities and its class partitions."""
    dataset = published.published_dataset_iri(base)
    graph.add((dataset, VOID.entities, Literal(counted.entities)))
    for cls, n in counted.classes.items():
        partition = published.class_partition_iri(base, partition_key(cls))
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], cls))
        graph.add((partition, VOID.entities, Literal(n)))


def _time(value: datetime) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.dateTime)


def _titled(graph: Graph, node: URIRef, zh: str, en: str) -> None:
    graph.add((node, DCTERMS.title, Literal(zh, lang="zh-Hans")))
    graph.add((node, DCTERMS.title, Literal(en, lang="en")))


def catalog_graph(base: str, graphs: Mapping[str, bytes], filings: Sequence[Filing], times: BuildTimes) -> Graph:
    """The catalogue and VoID description of ``graphs`` (graph IRI → the N-Triples loaded into it)."""
    graph = bind_prefixes(Graph())
    catalog, dataset = published.catalog_iri(base), published.published_dataset_iri(base)
    service, publisher = published.sparql_service_iri(base), published.publisher_iri(base)
    endpoint, dump = published.sparql_endpoint_iri(base), published.data_dump_iri(base)
    nquads, sparql = published.distribution_iri(base, "nquads"), published.distribution_iri(base, "sparql")
    issued, modified = _time(times.issued), _time(times.modified)

    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, RDF.type, PROV.Agent))
    graph.add((publisher, FOAF.name, Literal("budgetkg project")))

    graph.add((catalog, RDF.type, DCAT.Catalog))
    _titled(graph, catalog, "预算绩效目标知识图谱目录", "budget-performance knowledge graph catalogue")
    graph.add((catalog, DCAT.dataset, dataset))
    graph.add((catalog, DCAT.service, service))
    for node in (catalog, dataset):
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCTERMS.license, DATA_LICENSE))
        graph.add((node, DCTERMS.issued, issued))
        graph.add((node, DCTERMS.modified, modified))

    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, RDF.type, VOID.Dataset))
    _titled(graph, dataset, "预算绩效目标知识图谱", "budget-performance target knowledge graph")
    graph.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Chinese government budget-performance target filings (预算绩效目标表) as linked data: budget "
                "figures, goals, key tasks, projects, indicators and targets, each traced to its filing and lines.",
                lang="en",
            ),
        )
    )
    graph.add((dataset, DCTERMS.language, CHINESE))
    graph.add((dataset, DCTERMS.conformsTo, ONTOLOGY))
    graph.add((dataset, DCAT.version, Literal(f"{__version__}+{times.started.strftime('%Y%m%dT%H%M%SZ')}")))
    graph.add((dataset, DCAT.landingPage, URIRef(base if base.endswith("/") else base + "/")))
    graph.add((dataset, PROV.wasGeneratedBy, iris.build_iri(base, times.started.strftime("%Y%m%dT%H%M%S%fZ"))))
    graph.add((dataset, DCAT.distribution, nquads))
    graph.add((dataset, DCAT.distribution, sparql))
    for filing in filings:
        place = department_place(filing.department)
        if place is not None:
            graph.add((dataset, DCTERMS.spatial, place))

    graph.add((nquads, RDF.type, DCAT.Distribution))
    _titled(graph, nquads, "全部数据（N-Quads）", "full dump (N-Quads)")
    graph.add((nquads, DCAT.downloadURL, dump))
    graph.add((nquads, DCAT.accessURL, dump))
    graph.add((nquads, DCAT.mediaType, NQUADS))
    graph.add((sparql, RDF.type, DCAT.Distribution))
    _titled(graph, sparql, "SPARQL 查询端点", "SPARQL endpoint")
    graph.add((sparql, DCAT.accessURL, endpoint))
    graph.add((sparql, DCAT.accessService, service))
    for node in (nquads, sparql):
        graph.add((node, DCTERMS.license, DATA_LICENSE))

    graph.add((service, RDF.type, DCAT.DataService))
    _titled(graph, service, "SPARQL 查询服务", "SPARQL query service")
    graph.add((service, DCAT.endpointURL, endpoint))
    graph.add((service, DCAT.servesDataset, dataset))
    graph.add((service, DCTERMS.conformsTo, SPARQL_PROTOCOL))

    graph.add((dataset, VOID.sparqlEndpoint, endpoint))
    graph.add((dataset, VOID.dataDump, dump))
    graph.add((dataset, VOID.triples, Literal(sum(triple_count(g) for g in graphs.values()))))
    for vocabulary in vocabularies(graphs.values()):
        graph.add((dataset, VOID.vocabulary, vocabulary))
    by_graph = {str(iris.graph_iri(base, f)): f for f in filings}
    for name, ntriples in graphs.items():
        subset = URIRef(name)  # the named graph itself is the subset it describes
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, Literal(triple_count(ntriples))))
        source = by_graph.get(name)
        if source is not None:
            graph.add((subset, DCTERMS.source, iris.filing_iri(base, source)))
            graph.add((subset, DCTERMS.title, Literal(source.department.name, lang="zh-Hans")))
    # counted last, over the loaded graphs and this description (whose partitions add no typed resource)
    described = {**graphs, str(published.void_graph_iri(base)): graph.serialize(format="nt", encoding="utf-8")}
    add_statistics(graph, base, statistics(described, str(published.vocabulary_graph_iri(base))))
    return graph
