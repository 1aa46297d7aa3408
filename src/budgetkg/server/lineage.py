"""The lineage as the web page needs it: platforms, their relations with evidence, the projects and tasks
that fund them (as nodes a reader can click through to), filters, paths, the family × jurisdiction matrix
and the Cytoscape elements.

The rows come from the platforms layer's own queries (queries/platforms/*.rq, the ones
``budgetkg.platforms.analysis.load_lineage`` runs), through the Store, so both read the same lineage.
The server cannot call ``load_lineage`` itself: ``platforms.analysis`` imports ``rdf.iris``, which imports
the parser, and the web layer must never reach the parser (import-linter contract).  So the two small
analyses a page needs (shortest path, matrix) are redone here with networkx over those rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any

import networkx as nx
from rdflib.term import Literal, URIRef

from budgetkg.queries import QUERIES_DIR
from budgetkg.server.context import WebContext
from budgetkg.server.labels import best, best_labels, iris_of, vocabulary_labels
from budgetkg.server.present import amount
from budgetkg.server.render import local_name
from budgetkg.store.base import SelectResult, Term

UNSTATED = "未载明"
#: the edge kind of "a project or task concerns this platform" (not a platform relation)
FUNDS = "funds"
_FUNDING_KINDS = ("project", "task")


@dataclass
class Node:
    iri: URIRef
    label: str
    kind: str  # "platform", "project", "task"
    family: str = UNSTATED
    jurisdiction: str = UNSTATED
    curated: bool | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class Evidence:
    curated: bool
    #: the relation statement node: its page shows the quote, the filing and the source lines
    statement: URIRef | None = None
    filing: str | None = None
    lines: tuple[int, int] | None = None
    text: str | None = None


@dataclass
class Edge:
    source: URIRef
    relation: str  # local name of the property (subPlatformOf …) or FUNDS
    target: URIRef
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def curated(self) -> bool:
        return any(e.curated for e in self.evidence)

    @property
    def extracted(self) -> bool:
        return any(not e.curated for e in self.evidence)


@dataclass
class Lineage:
    nodes: dict[URIRef, Node]
    edges: list[Edge]
    relation_labels: dict[str, str]
    #: (platform, record) → indicator / goal records, which the matrix counts but the graph does not draw
    indicators: set[tuple[URIRef, URIRef]] = field(default_factory=set)

    def families(self) -> list[str]:
        return sorted({n.family for n in self.nodes.values() if n.kind == "platform"})

    def jurisdictions(self) -> list[str]:
        return sorted({n.jurisdiction for n in self.nodes.values() if n.kind == "platform"})

    def platforms(self) -> list[Node]:
        return sorted((n for n in self.nodes.values() if n.kind == "platform"), key=lambda n: n.label)

    def filtered(self, families: set[str], jurisdictions: set[str]) -> Lineage:
        """Platforms of the chosen families and jurisdictions (empty set = all), with the records funding them."""
        keep = {
            iri
            for iri, n in self.nodes.items()
            if n.kind == "platform"
            and (not families or n.family in families)
            and (not jurisdictions or n.jurisdiction in jurisdictions)
        }
        edges = [e for e in self.edges if e.target in keep and (e.source in keep or e.relation == FUNDS)]
        keep |= {e.source for e in edges}
        return Lineage({i: n for i, n in self.nodes.items() if i in keep}, edges, self.relation_labels, self.indicators)

    def path(self, a: URIRef, b: URIRef) -> list[tuple[URIRef, str, bool, URIRef]] | None:
        """How platform A is related to platform B: the shortest chain of platform relations, each step
        (from, relation, forward?, to); None when no chain connects them."""
        g: nx.Graph[URIRef] = nx.Graph()
        g.add_nodes_from(n.iri for n in self.platforms())
        for edge in self.edges:
            if edge.relation != FUNDS:
                g.add_edge(edge.source, edge.target, edge=edge)
        if a not in g or b not in g:
            return None
        try:
            hops = nx.shortest_path(g, a, b)
        except nx.NetworkXNoPath:
            return None
        steps = []
        for x, y in pairwise(hops):
            edge = g.edges[x, y]["edge"]
            steps.append((x, edge.relation, edge.source == x, y))
        return steps

    def matrix(self) -> tuple[list[str], list[str], dict[tuple[str, str], tuple[int, Decimal, int]]]:
        """family × jurisdiction → (platforms, amount of the projects/tasks concerning them, counted once per
        cell, in 万元; indicators concerning them)."""
        cells: dict[tuple[str, str], tuple[set[URIRef], dict[URIRef, Decimal], set[URIRef]]] = {}
        for node in self.platforms():
            cells.setdefault((node.family, node.jurisdiction), (set(), {}, set()))[0].add(node.iri)
        for edge in self.edges:
            platform, record = self.nodes.get(edge.target), self.nodes.get(edge.source)
            if edge.relation == FUNDS and platform and record and record.amount is not None:
                cells[(platform.family, platform.jurisdiction)][1][record.iri] = record.amount
        for platform_iri, record_iri in self.indicators:
            if (platform := self.nodes.get(platform_iri)) is not None:
                cells[(platform.family, platform.jurisdiction)][2].add(record_iri)
        table = {k: (len(p), sum(r.values(), Decimal(0)), len(i)) for k, (p, r, i) in cells.items()}
        return sorted({f for f, _ in table}), sorted({j for _, j in table}), table


_KINDS = {"Project": "project", "KeyTask": "task", "Indicator": "indicator", "PerformanceGoal": "goal"}


def _family_label(family: Term | None) -> str:
    """A family's label from the ontology (families are vocabulary terms: no query needed)."""
    if not isinstance(family, URIRef):
        return UNSTATED
    chosen = best(vocabulary_labels().get(family, []))
    return str(chosen) if chosen is not None else local_name(family)


def _rows(ctx: WebContext, name: str) -> list[Mapping[str, Term]]:
    """The rows of the platforms layer's query ``queries/platforms/<name>.rq``."""
    query = (QUERIES_DIR / "platforms" / f"{name}.rq").read_text(encoding="utf-8")
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    return list(result.rows)


def _text(term: Term | None) -> str | None:
    return str(term) if isinstance(term, Literal) else None


def _lines(first: Term | None, last: Term | None) -> tuple[int, int] | None:
    if isinstance(first, Literal) and str(first).isdigit():
        end = str(last) if isinstance(last, Literal) and str(last).isdigit() else str(first)
        return int(str(first)), int(end)
    return None


def load(ctx: WebContext) -> Lineage:
    platforms, relations, links = (_rows(ctx, n) for n in ("lineage_nodes", "lineage_edges", "lineage_links"))
    labels = best_labels(
        ctx.store, iris_of(platforms, "platform") | iris_of(links, "record") | iris_of(relations, "relation")
    )
    nodes: dict[URIRef, Node] = {}
    for row in platforms:
        iri = row["platform"]
        if not isinstance(iri, URIRef) or iri in nodes:
            continue  # a discovered platform named by two filings appears once per graph
        place = _text(row.get("placeLabel"))
        curated = row.get("curated")
        nodes[iri] = Node(
            iri,
            _text(row.get("label")) or labels.get(iri, local_name(iri)),
            "platform",
            _family_label(row.get("family")),
            place or UNSTATED,
            bool(curated.toPython()) if isinstance(curated, Literal) else None,
        )
    relation_labels = {FUNDS: "资金支持 funds"}
    edges: dict[tuple[URIRef, str, URIRef], Edge] = {}
    for row in relations:
        source, prop, target, statement = row["source"], row["relation"], row["target"], row["statement"]
        if not (isinstance(source, URIRef) and isinstance(prop, URIRef) and isinstance(target, URIRef)):
            continue
        if source not in nodes or target not in nodes:
            continue
        relation = local_name(prop)
        relation_labels.setdefault(relation, labels.get(prop, relation))
        edge = edges.setdefault((source, relation, target), Edge(source, relation, target))
        curated = row.get("curated")
        evidence = Evidence(
            bool(curated.toPython()) if isinstance(curated, Literal) else False,
            statement if isinstance(statement, URIRef) else None,
            _text(row.get("filingName")),
            _lines(row.get("first"), row.get("last")),
            _text(row.get("quote")) or _text(row.get("note")),
        )
        if evidence not in edge.evidence:
            edge.evidence.append(evidence)
    indicators: set[tuple[URIRef, URIRef]] = set()
    for row in links:
        record, platform, kind = row["record"], row["platform"], row["kind"]
        if not (isinstance(record, URIRef) and isinstance(platform, URIRef)) or platform not in nodes:
            continue
        kind_name = _KINDS.get(local_name(kind) if isinstance(kind, URIRef) else "", "other")
        if kind_name not in _FUNDING_KINDS:
            if kind_name == "indicator":
                indicators.add((platform, record))
            continue
        funder = nodes.setdefault(record, Node(record, labels.get(record, local_name(record)), kind_name))
        value = row.get("amount")
        if funder.amount is None and isinstance(value, Literal):
            funder.amount = amount(value)
        edges.setdefault((record, FUNDS, platform), Edge(record, FUNDS, platform))
    ordered = sorted(edges.values(), key=lambda e: (str(e.source), e.relation, str(e.target)))
    return Lineage(nodes, ordered, relation_labels, indicators)


#: one colour per relation (colour-blind-safe Okabe–Ito palette); the legend and the graph use the same
RELATION_COLOURS: dict[str, str] = {
    "subPlatformOf": "#0072B2",
    "pilotOf": "#D55E00",
    "componentOf": "#009E73",
    "counterpartOf": "#CC79A7",
    "successorOf": "#E69F00",
    "serves": "#56B4E9",
    FUNDS: "#7f7f7f",
}
KIND_COLOURS = {"platform": "#123a5c", "project": "#8a5a00", "task": "#5b3a8a"}


def component_of(lineage: Lineage, focus: URIRef) -> Lineage:
    """The part of the lineage connected to ``focus`` (its whole family tree, counterparts and funders)."""
    g: nx.Graph[URIRef] = nx.Graph()
    g.add_nodes_from(lineage.nodes)
    g.add_edges_from((e.source, e.target) for e in lineage.edges)
    if focus not in g:
        return lineage
    keep = nx.node_connected_component(g, focus)
    return Lineage(
        {i: n for i, n in lineage.nodes.items() if i in keep},
        [e for e in lineage.edges if e.source in keep and e.target in keep],
        lineage.relation_labels,
        lineage.indicators,
    )


def cytoscape_elements(lineage: Lineage, href: dict[URIRef, str]) -> list[dict[str, Any]]:
    """Cytoscape.js elements (nodes, then edges) with the colours and links the page script needs."""
    elements: list[dict[str, Any]] = []
    for node in lineage.nodes.values():
        elements.append({"data": {
            "id": str(node.iri), "label": node.label, "kind": node.kind, "family": node.family,
            "jurisdiction": node.jurisdiction, "curated": node.curated, "href": href[node.iri],
            "colour": KIND_COLOURS.get(node.kind, "#333"),
        }})  # fmt: skip
    for index, edge in enumerate(lineage.edges):
        elements.append({"data": {
            "id": f"e{index}", "source": str(edge.source), "target": str(edge.target), "relation": edge.relation,
            "label": lineage.relation_labels.get(edge.relation, edge.relation),
            "colour": RELATION_COLOURS.get(edge.relation, "#333"),
            "curated": edge.curated, "extracted": edge.extracted,
        }})  # fmt: skip
    return elements
