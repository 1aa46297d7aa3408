"""Platforms as RDF: the curated registry graph and, per filing, what the filing says about platforms.

``platform_graphs(filings, base_iri)`` is what ``budgetkg build`` loads:

* ``.registry`` — curated platforms (labels, family, level, place, operator, ``bkg:curated true``) and the
  curated relations, each as a direct triple plus a ``bkg:PlatformRelationStatement`` carrying its note;
* ``.per_filing[path]`` — the filing's mentions (record ``bkg:concernsPlatform`` platform, and one
  ``bkg:PlatformMention`` node with the printed form, how it resolved and its lines), the discovered
  platforms (``bkg:curated false``, with what their family and place were inferred from), and the
  relations the filing states (direct triple + statement node with the quote, lines and filing).

Every IRI is minted by ``budgetkg.rdf.iris``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from budgetkg.platforms.discovered import family_from_name
from budgetkg.platforms.lineage_text import Node
from budgetkg.platforms.links import FilingPlatforms, Link, StatedIn, Subject, read_filing
from budgetkg.platforms.registry import Registry, load_registry
from budgetkg.platforms.vocabulary import RELATION_PROPERTIES, SYMMETRIC_RELATIONS, Relation
from budgetkg.rdf import iris
from budgetkg.rdf.labels import ZH, add_labels
from budgetkg.rdf.namespaces import BKG, SCHEMA, bind_prefixes
from budgetkg.records import Filing, Lines


@dataclass(frozen=True)
class PlatformGraphs:
    registry: Graph
    #: keyed by ``Filing.source.path``
    per_filing: dict[str, Graph]


def platform_graphs(filings: Sequence[Filing], base_iri: str, registry: Registry | None = None) -> PlatformGraphs:
    registry = registry or load_registry()
    return PlatformGraphs(
        registry_graph(registry, base_iri),
        {f.source.path: filing_graph(read_filing(f, registry), registry, base_iri) for f in filings},
    )


def node_key(node: Node, place_label: str | None) -> str:
    """The registry key of a node; for a discovered one, ``discovered-<place>-<name>``.

    IRI keys are cut to 48 characters (``iris.slug``), so a long discovered name keeps its head and gets
    a digest of the whole: two long names sharing a head stay two platforms."""
    if node.key is not None:
        return node.key
    key = f"discovered-{place_label or 'unknown'}-{node.name}"
    return key if len(key) <= 40 else f"{key[:31]}-{_digest(key)[:8]}"


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _labels(graph: Graph, node: URIRef, label: str, label_en: str | None) -> None:
    # rdfs:label @zh-Hans and tone-marked pinyin as skos:altLabel, the way every mapped name is labelled
    # (search derives the toneless and initial spellings — suizhiguan, szg — from these)
    add_labels(graph, node, label)
    graph.add((node, SKOS.prefLabel, Literal(label, lang=ZH)))
    if label_en:
        graph.add((node, RDFS.label, Literal(label_en, lang="en")))
        graph.add((node, SKOS.prefLabel, Literal(label_en, lang="en")))


def _platform_types(graph: Graph, node: URIRef) -> None:
    graph.add((node, RDF.type, BKG.Platform))
    graph.add((node, RDF.type, SCHEMA.SoftwareApplication))


def _statement(graph: Graph, node: URIRef, subject: URIRef, relation: Relation, obj: URIRef, curated: bool) -> None:
    prop = RELATION_PROPERTIES[relation]
    graph.add((subject, prop, obj))
    if relation in SYMMETRIC_RELATIONS:
        # entailed (owl:SymmetricProperty), stated so a query without reasoning finds either direction
        graph.add((obj, prop, subject))
    graph.add((node, RDF.type, BKG.PlatformRelationStatement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, prop))
    graph.add((node, RDF.object, obj))
    graph.add((node, BKG.curated, Literal(curated)))


def registry_graph(registry: Registry, base: str) -> Graph:
    graph = bind_prefixes(Graph())
    for place in registry.places.values():
        graph.add((URIRef(place.iri), SKOS.prefLabel, Literal(place.label, lang=ZH)))
        if place.label_en:
            graph.add((URIRef(place.iri), SKOS.prefLabel, Literal(place.label_en, lang="en")))
    for entry in registry.platforms.values():
        node = iris.platform_iri(base, entry.key)
        _platform_types(graph, node)
        _labels(graph, node, entry.label, entry.label_en)
        graph.add((node, BKG.curated, Literal(True)))
        graph.add((node, BKG.registryKey, Literal(entry.key)))
        for prop, names in (
            (SKOS.altLabel, entry.alt_labels),
            (SKOS.hiddenLabel, entry.hidden_labels),
            (BKG.localLabel, entry.local_labels),
        ):
            for name in names:
                graph.add((node, prop, Literal(name, lang=ZH)))
        if entry.family:
            graph.add((node, BKG.family, iris.platform_family_iri(entry.family)))
        if entry.level:
            graph.add((node, BKG.platformLevel, iris.level_iri(entry.level)))
        if entry.place:
            graph.add((node, DCTERMS.spatial, URIRef(entry.place)))
        if entry.operator:
            graph.add((node, BKG.operatorName, Literal(entry.operator, lang=ZH)))
    for relation in registry.relations:
        statement = iris.platform_relation_iri(base, "registry", relation.key)
        subject, obj = iris.platform_iri(base, relation.subject), iris.platform_iri(base, relation.object)
        _statement(graph, statement, subject, relation.relation, obj, curated=True)
        graph.add((statement, SKOS.note, Literal(relation.note, lang="en")))
    return graph


class _FilingWriter:
    def __init__(self, platforms: FilingPlatforms, registry: Registry, base: str) -> None:
        self.p, self.registry, self.base = platforms, registry, base
        self.filing = platforms.filing
        self.graph = bind_prefixes(Graph())
        self.filing_node = iris.filing_iri(base, self.filing)
        place = registry.places.get(platforms.place or "")
        self.place_label = place.label if place else None

    def platform(self, node: Node) -> URIRef:
        return iris.platform_iri(self.base, node_key(node, self.place_label))

    def record(self, subject: Subject) -> URIRef:
        base, filing, record = self.base, self.filing, subject.record
        if subject.kind == "goal":
            return iris.goal_iri(base, filing, record)  # type: ignore[arg-type]
        if subject.kind == "task":
            return iris.task_iri(base, filing, record)  # type: ignore[arg-type]
        if subject.kind == "project":
            return iris.project_iri(base, filing, record)  # type: ignore[arg-type]
        return iris.indicator_iri(base, filing, record, subject.owner)  # type: ignore[arg-type]

    def lines(self, node: URIRef, lines: Lines) -> None:
        self.graph.add((node, BKG.firstLine, Literal(lines[0])))
        self.graph.add((node, BKG.lastLine, Literal(lines[1])))
        self.graph.add((node, PROV.wasDerivedFrom, self.filing_node))

    def discovered(self, node: Node, first_seen: Lines) -> None:
        iri = self.platform(node)
        graph = self.graph
        if (iri, RDF.type, BKG.Platform) in graph:
            return
        _platform_types(graph, iri)
        _labels(graph, iri, self.p.discovered.printed.get(node.name, node.name), None)
        graph.add((iri, BKG.curated, Literal(False)))
        graph.add((iri, PROV.wasDerivedFrom, self.filing_node))
        for variant in sorted(self.p.discovered.variants.get(node.name, set()) - {node.name}):
            graph.add((iri, SKOS.altLabel, Literal(variant, lang=ZH)))
        for candidate in sorted(self.p.discovered.candidates.get(node.name, set())):
            graph.add((iri, BKG.candidatePlatform, iris.platform_iri(self.base, candidate)))
        family = family_from_name(node.name)
        if family is not None:
            graph.add((iri, BKG.family, iris.platform_family_iri(family[0])))
            graph.add((iri, BKG.familyInferredFrom, Literal(f"the word 「{family[1]}」 in its name", lang="en")))
        named_place = self.registry.place_named_at_start(node.name)
        if named_place is not None:
            graph.add((iri, DCTERMS.spatial, URIRef(named_place)))
            graph.add((iri, BKG.placeInferredFrom, Literal("the place its name starts with", lang="en")))
        elif self.p.place is not None:
            graph.add((iri, DCTERMS.spatial, URIRef(self.p.place)))
            graph.add((iri, BKG.placeInferredFrom, Literal("the jurisdiction of the filing that names it", lang="en")))

    def link(self, link: Link) -> None:
        record, platform = self.record(link.subject), self.platform(link.node)
        if link.node.key is None:
            self.discovered(link.node, link.lines)
        graph = self.graph
        graph.add((record, BKG.concernsPlatform, platform))
        mention = iris.platform_mention_iri(
            self.base, self.filing, _digest(record, link.field, link.mention.start, platform)
        )
        graph.add((mention, RDF.type, BKG.PlatformMention))
        graph.add((mention, BKG.mentionIn, record))
        graph.add((mention, BKG.mentionOf, platform))
        graph.add((mention, BKG.surfaceForm, Literal(link.mention.surface, lang=ZH)))
        graph.add((mention, BKG.resolution, Literal(link.mention.how)))
        graph.add((mention, BKG.textField, Literal(link.field)))
        self.lines(mention, link.lines)

    def stated(self, stated: StatedIn) -> None:
        s = stated.stated
        subject, obj = self.platform(s.subject), self.platform(s.object)
        for node in (s.subject, s.object):
            if node.key is None:
                self.discovered(node, stated.lines)
        key = _digest(subject, s.relation, obj, stated.lines)
        statement = iris.platform_relation_iri(self.base, iris.filing_key(self.filing), key)
        _statement(self.graph, statement, subject, s.relation, obj, curated=False)
        self.graph.add((statement, BKG.evidenceQuote, Literal(s.quote, lang=ZH)))
        self.graph.add((statement, BKG.statedIn, self.record(stated.subject)))
        self.lines(statement, stated.lines)


def filing_graph(platforms: FilingPlatforms, registry: Registry, base: str) -> Graph:
    writer = _FilingWriter(platforms, registry, base)
    for link in platforms.links:
        writer.link(link)
    for stated in platforms.relations:
        writer.stated(stated)
    return writer.graph
