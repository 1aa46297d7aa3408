"""The lineage as the web page needs it: platforms, their relations with evidence, the projects and tasks
that fund them (as nodes a reader can click through to), filters and the Cytoscape elements.

The analysis itself is the platforms layer's: ``budgetkg.platforms.analysis.load_lineage`` reads the
lineage from the Store and answers "how is A related to B" and the family × jurisdiction matrix; this
module only adds what a page shows (labels from the store, funding records as nodes, filters, colours).

The whole lineage grows with the filings (every copy of a project is another funding record, every filing
restating a relation another piece of evidence), so the page does not show it all at once:

* the analysis and its view are read once per build of the store (``load``, via server/per_build.py): the
  matrix is a whole-graph aggregate, a request only selects from it;
* funding records are labelled per request, only those the page shows (``label_shown``);
* ``drawing`` draws the selection when it has at most ``Settings.lineage_max_nodes`` nodes, otherwise its
  platforms alone (the funders stay in the table), otherwise nothing, and says which (never a silent cut);
* the relation table is paged (``TABLE_PAGE`` rows) and lists at most ``MAX_EVIDENCE`` statements per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib.term import URIRef

from budgetkg.errors import NotFound
from budgetkg.platforms.analysis import UNKNOWN, load_lineage
from budgetkg.platforms.analysis import Lineage as Analysis
from budgetkg.platforms.vocabulary import FAMILIES, RELATION_PROPERTIES
from budgetkg.rdf.iris import platform_family_iri
from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels
from budgetkg.server.per_build import per_build
from budgetkg.server.render import local_name

UNSTATED = "未载明"
#: the edge kind of "a project or task concerns this platform" (not a platform relation)
FUNDS = "funds"
_FUNDING_KINDS = ("project", "task")
#: relation-table rows per page (``?size=`` may ask for up to paging.MAX_SIZE)
TABLE_PAGE = 100
#: statements listed per relation-table row: at N× the data one relation is restated by N filings
MAX_EVIDENCE = 5


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
    relation: str  # a platform relation (sub_platform_of …, see platforms.vocabulary) or FUNDS
    target: URIRef
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def curated(self) -> bool:
        return any(e.curated for e in self.evidence)

    @property
    def extracted(self) -> bool:
        return any(not e.curated for e in self.evidence)


#: one step of a path: (from, relation, forward?, to)
Step = tuple[URIRef, str, bool, URIRef]


@dataclass
class Lineage:
    nodes: dict[URIRef, Node]
    edges: list[Edge]
    relation_labels: dict[str, str]
    #: the platforms layer's analysis the view was made from (paths and the matrix are its answers)
    analysis: Analysis
    #: family key (platforms.vocabulary.FAMILIES) → the label shown
    family_labels: dict[str, str] = field(default_factory=dict)

    def families(self) -> list[str]:
        return sorted({n.family for n in self.nodes.values() if n.kind == "platform"})

    def jurisdictions(self) -> list[str]:
        return sorted({n.jurisdiction for n in self.nodes.values() if n.kind == "platform"})

    def platforms(self) -> list[Node]:
        return sorted((n for n in self.nodes.values() if n.kind == "platform"), key=lambda n: n.label)

    def subset(self, keep: set[URIRef], edges: list[Edge]) -> Lineage:
        """The nodes in ``keep`` and ``edges``, the same analysis behind them."""
        nodes = {i: n for i, n in self.nodes.items() if i in keep}
        return Lineage(nodes, edges, self.relation_labels, self.analysis, self.family_labels)

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
        return self.subset(keep | {e.source for e in edges}, edges)

    def path(self, a: URIRef, b: URIRef) -> list[Step] | None:
        """How platform A is related to platform B (the platforms layer's shortest chain of relations);
        [] for the same platform, None when no chain connects them or either is not a platform."""
        if a not in self.nodes or b not in self.nodes or self.nodes[a].kind != "platform":
            return None
        if a == b:
            return []
        try:
            steps = self.analysis.path(str(a), str(b))
        except NotFound:
            return None
        chain = [(URIRef(s["from"]), str(s["relation"]), bool(s["forward"]), URIRef(s["to"])) for s in steps]
        return chain or None

    def matrix(self) -> tuple[list[str], list[str], dict[tuple[str, str], tuple[int, Decimal, int]]]:
        """The platforms layer's family × jurisdiction matrix, keyed by the labels the page shows:
        (families, jurisdictions, (family, jurisdiction) → (platforms, amount in 万元, indicators))."""
        table: dict[tuple[str, str], tuple[int, Decimal, int]] = {}
        for cell in self.analysis.matrix():
            place = UNSTATED if cell["jurisdiction"] == UNKNOWN else str(cell["jurisdiction"])
            key = (family_name(self.family_labels, cell["family"]), place)
            table[key] = (int(cell["platforms"]), Decimal(cell["amount"]), int(cell["indicators"]))
        return sorted({f for f, _ in table}), sorted({j for _, j in table}), table


def family_name(family_labels: Mapping[str, str], key: str | None) -> str:
    """The label shown for a family key (UNSTATED when the platform has none)."""
    if key is None or key == UNKNOWN:
        return UNSTATED
    return family_labels.get(key, key)


def label_iris(analysis: Analysis) -> set[URIRef]:
    """The IRIs labelled once per build: platforms, relation properties and families (funding records,
    which grow with the filings, are labelled per request: ``label_shown``)."""
    wanted = {URIRef(str(n)) for n in analysis.graph.nodes}
    wanted |= set(RELATION_PROPERTIES.values())
    wanted |= {platform_family_iri(key) for key in FAMILIES}
    return wanted


def view(analysis: Analysis, labels: Mapping[URIRef, str]) -> Lineage:
    """The page's view of ``analysis``, its nodes and relations named by ``labels`` (IRI → label)."""
    family_labels = {key: labels.get(platform_family_iri(key), key) for key in FAMILIES}
    nodes: dict[URIRef, Node] = {}
    for name, data in analysis.graph.nodes(data=True):
        if "curated" not in data:
            continue  # an edge end no platform row described (added by networkx, not by the query)
        iri = URIRef(str(name))
        district = data.get("district")
        nodes[iri] = Node(
            iri,
            data.get("label") or labels.get(iri, local_name(iri)),
            "platform",
            family_name(family_labels, data.get("family")),
            str(district) if district else UNSTATED,
            bool(data.get("curated")),
        )
    relation_labels = {FUNDS: "资金支持 funds"}
    relation_labels.update({r: labels.get(p, r) for r, p in RELATION_PROPERTIES.items()})
    edges: dict[tuple[URIRef, str, URIRef], Edge] = {}
    listed: set[tuple[URIRef, str, URIRef, Evidence]] = set()  # a list lookup per statement is quadratic
    for u, v, key, data in analysis.graph.edges(keys=True, data=True):
        source, target = URIRef(str(u)), URIRef(str(v))
        if source not in nodes or target not in nodes:
            continue
        edge = edges.setdefault((source, data["relation"], target), Edge(source, data["relation"], target))
        lines = data.get("lines")
        evidence = Evidence(
            bool(data.get("curated")),
            URIRef(str(key)),
            data.get("filing"),
            (int(lines[0]), int(lines[1])) if lines else None,
            data.get("evidence"),
        )
        if (source, data["relation"], target, evidence) not in listed:
            listed.add((source, data["relation"], target, evidence))
            edge.evidence.append(evidence)
    for link in analysis.links:
        platform, record = URIRef(link.platform), URIRef(link.record)
        if link.kind not in _FUNDING_KINDS or platform not in nodes:
            continue
        funder = nodes.setdefault(record, Node(record, labels.get(record, local_name(record)), link.kind))
        if funder.amount is None:
            funder.amount = link.amount
        edges.setdefault((record, FUNDS, platform), Edge(record, FUNDS, platform))
    # the relations between platforms first, then the funding (the table's first page reads the lineage)
    ordered = sorted(edges.values(), key=lambda e: (e.relation == FUNDS, str(e.source), e.relation, str(e.target)))
    return Lineage(nodes, ordered, relation_labels, analysis, family_labels)


def load(ctx: WebContext) -> Lineage:
    """The lineage of the store, analysed by the platforms layer, its platforms and terms labelled; kept per
    build (funding records carry their IRI's local name until ``label_shown`` names the ones a page shows)."""

    def compute() -> Lineage:
        analysis = load_lineage(ctx.store)
        return view(analysis, best_labels(ctx.store, label_iris(analysis), ctx.settings.query_timeout))

    return per_build(ctx, "lineage", compute)


def label_shown(ctx: WebContext, lineage: Lineage, shown: Iterable[URIRef]) -> Lineage:
    """``lineage`` with the funding records among ``shown`` named by their labels in the store (one lookup
    for what a page shows, not for every record of the graph); the kept per-build view is not changed."""
    records = sorted({iri for iri in shown if iri in lineage.nodes and lineage.nodes[iri].kind != "platform"})
    labels = best_labels(ctx.store, records, ctx.settings.query_timeout) if records else {}
    nodes = {iri: replace(node, label=labels[iri]) if iri in labels else node for iri, node in lineage.nodes.items()}
    return Lineage(nodes, lineage.edges, lineage.relation_labels, lineage.analysis, lineage.family_labels)


@dataclass(frozen=True)
class Drawing:
    """What the page's graph draws of a selection, and what it leaves to the tables."""

    #: the drawn part; None when even the selection's platforms are more than ``limit``
    lineage: Lineage | None
    #: nodes of the selection not drawn (funding records, or everything when nothing is drawn)
    left_out: int
    limit: int


def drawing(shown: Lineage, limit: int) -> Drawing:
    """The whole selection when it has at most ``limit`` nodes, else its platforms and their relations alone
    when they fit, else nothing: the matrix and the relation table still show everything."""
    if len(shown.nodes) <= limit:
        return Drawing(shown, 0, limit)
    platforms = {iri for iri, node in shown.nodes.items() if node.kind == "platform"}
    if len(platforms) <= limit:
        relations = [e for e in shown.edges if e.relation != FUNDS]
        return Drawing(shown.subset(platforms, relations), len(shown.nodes) - len(platforms), limit)
    return Drawing(None, len(shown.nodes), limit)


#: one colour per relation (colour-blind-safe Okabe–Ito palette); the legend and the graph use the same
RELATION_COLOURS: dict[str, str] = {
    "sub_platform_of": "#0072B2",
    "pilot_of": "#D55E00",
    "component_of": "#009E73",
    "counterpart_of": "#CC79A7",
    "successor_of": "#E69F00",
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
    keep = set(nx.node_connected_component(g, focus))
    return lineage.subset(keep, [e for e in lineage.edges if e.source in keep and e.target in keep])


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
