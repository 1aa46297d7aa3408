"""The platform lineage as data: nodes, relations (curated or extracted, with evidence), the projects and
tasks that fund platforms, the family × jurisdiction matrix, and paths between two nodes (networkx).

Everything is read by three page queries, so the lineage works on any backend.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

import networkx as nx
from rdflib.term import Literal, URIRef

from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels
from budgetkg.server.present import amount
from budgetkg.server.render import local_name
from budgetkg.server.sparql_text import page_query
from budgetkg.store.base import SelectResult, Term

UNSTATED = "未载明"
#: the edge kind of "a project or task concerns this platform" (not a platform relation)
FUNDS = "funds"


@dataclass
class Node:
    iri: URIRef
    label: str
    kind: str  # "platform", "project", "task"
    family: str = UNSTATED
    family_iri: URIRef | None = None
    jurisdiction: str = UNSTATED
    curated: bool | None = None
    amount: Decimal | None = None


@dataclass
class Evidence:
    curated: bool
    filing: URIRef | None = None
    stated_in: URIRef | None = None
    lines: tuple[int, int] | None = None
    quote: str | None = None


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

    def families(self) -> list[str]:
        return sorted({n.family for n in self.nodes.values() if n.kind == "platform"})

    def jurisdictions(self) -> list[str]:
        return sorted({n.jurisdiction for n in self.nodes.values() if n.kind == "platform"})

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
        return Lineage({i: n for i, n in self.nodes.items() if i in keep}, edges, self.relation_labels)

    def graph(self) -> nx.MultiDiGraph[URIRef]:
        g: nx.MultiDiGraph[URIRef] = nx.MultiDiGraph()
        g.add_nodes_from(self.nodes)
        for edge in self.edges:
            g.add_edge(edge.source, edge.target, relation=edge.relation)
        return g

    def path(self, a: URIRef, b: URIRef) -> list[tuple[URIRef, str, bool, URIRef]] | None:
        """The shortest chain of relations between a and b in either direction: (from, relation, forward, to) steps."""
        g = self.graph()
        if a not in g or b not in g:
            return None
        try:
            hops = nx.shortest_path(g.to_undirected(as_view=True), a, b)
        except nx.NetworkXNoPath:
            return None
        steps = []
        for x, y in pairwise(hops):
            if g.has_edge(x, y):
                steps.append((x, next(iter(g.get_edge_data(x, y).values()))["relation"], True, y))
            else:
                steps.append((x, next(iter(g.get_edge_data(y, x).values()))["relation"], False, y))
        return steps

    def matrix(self) -> tuple[list[str], list[str], dict[tuple[str, str], tuple[int, Decimal, int]]]:
        """family × jurisdiction → (platforms, amount of the records funding them, records counted)."""
        cells: dict[tuple[str, str], tuple[set[URIRef], dict[URIRef, Decimal]]] = defaultdict(lambda: (set(), {}))
        for node in self.nodes.values():
            if node.kind == "platform":
                cells[(node.family, node.jurisdiction)][0].add(node.iri)
        for edge in self.edges:
            if edge.relation != FUNDS:
                continue
            platform, record = self.nodes[edge.target], self.nodes[edge.source]
            if record.amount is not None:
                # a record funding two platforms of one cell is counted once in that cell
                cells[(platform.family, platform.jurisdiction)][1][record.iri] = record.amount
        table = {k: (len(p), sum(r.values(), Decimal(0)), len(r)) for k, (p, r) in cells.items()}
        return self.families(), self.jurisdictions(), table


def _select(ctx: WebContext, name: str) -> SelectResult:
    result = ctx.store.query(page_query(name), timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    return result


def _int(term: Term | None) -> int | None:
    return int(str(term)) if isinstance(term, Literal) and str(term).isdigit() else None


def _bool(term: Term | None) -> bool | None:
    return None if not isinstance(term, Literal) else str(term).lower() in ("true", "1")


def load(ctx: WebContext) -> Lineage:
    platforms = _select(ctx, "lineage_platforms").rows
    relations = _select(ctx, "lineage_relations").rows
    records = _select(ctx, "lineage_records").rows
    shown: set[URIRef] = set()
    for row in [*platforms, *relations, *records]:
        shown.update(t for t in row.values() if isinstance(t, URIRef))
    labels = best_labels(ctx.store, shown)
    nodes: dict[URIRef, Node] = {}
    for row in platforms:
        iri, family, place = row["platform"], row.get("family"), row.get("place")
        assert isinstance(iri, URIRef)
        node = nodes.setdefault(iri, Node(iri, labels.get(iri, local_name(iri)), "platform"))
        if isinstance(family, URIRef):
            node.family, node.family_iri = labels.get(family, local_name(family)), family
        if isinstance(place, URIRef):
            node.jurisdiction = labels.get(place, local_name(place))
        node.curated = _bool(row.get("curated"))
    edges: dict[tuple[URIRef, str, URIRef], Edge] = {}
    relation_labels: dict[str, str] = {FUNDS: "资金支持 funds"}
    for row in relations:
        s, p, o = row["s"], row["p"], row["o"]
        if not (isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)):
            continue
        if s not in nodes or o not in nodes:
            continue
        relation = local_name(p)
        relation_labels.setdefault(relation, labels.get(p, relation))
        first, last = _int(row.get("first")), _int(row.get("last"))
        filing, stated_in, quote = row.get("filing"), row.get("statedIn"), row.get("quote")
        evidence = Evidence(
            bool(_bool(row.get("curated"))),
            filing if isinstance(filing, URIRef) else None,
            stated_in if isinstance(stated_in, URIRef) else None,
            (first, last if last is not None else first) if first is not None else None,
            str(quote) if isinstance(quote, Literal) else None,
        )
        edge = edges.setdefault((s, relation, o), Edge(s, relation, o))
        if evidence not in edge.evidence:
            edge.evidence.append(evidence)
    for row in records:
        record, platform, kind = row["record"], row["platform"], row["type"]
        if not (isinstance(record, URIRef) and isinstance(platform, URIRef)) or platform not in nodes:
            continue
        node = nodes.setdefault(
            record,
            Node(
                record, labels.get(record, local_name(record)), "project" if local_name(kind) == "Project" else "task"
            ),
        )
        value = row.get("amount")
        if node.amount is None and isinstance(value, Literal):
            node.amount = amount(value)
        edges.setdefault((record, FUNDS, platform), Edge(record, FUNDS, platform))
    return Lineage(
        nodes, sorted(edges.values(), key=lambda e: (str(e.source), e.relation, str(e.target))), relation_labels
    )


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
    g = lineage.graph().to_undirected(as_view=True)
    if focus not in g:
        return lineage
    keep = nx.node_connected_component(g, focus)
    return Lineage(
        {i: n for i, n in lineage.nodes.items() if i in keep},
        [e for e in lineage.edges if e.source in keep and e.target in keep],
        lineage.relation_labels,
    )


def cytoscape_elements(lineage: Lineage, href: dict[URIRef, str]) -> list[dict[str, object]]:
    """Cytoscape.js elements (nodes, then edges) with the colours and links the page script needs."""
    elements: list[dict[str, object]] = []
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
