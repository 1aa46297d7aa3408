"""The platform lineage as a networkx graph, read from any Store by SPARQL (embedded or remote).

``load_lineage(store)`` runs the three queries of ``queries/platforms/``, reading every row (``all_rows``:
sums and paths over part of the links would be wrong; ``.truncated`` says when a server's own cap still cut
one), and returns a ``Lineage``:

* ``.graph``      MultiDiGraph: node = platform IRI (label, family, level, district, curated); one edge per
                  relation statement (relation, curated, evidence, filing, lines), keyed by the statement IRI;
* ``.trees()``    per family, the platforms of that family with no parent, each with the platforms that are
                  its sub-platforms, pilots or components (of any family), recursively;
* ``.components()`` weakly connected groups of related platforms;
* ``.path(a, b)`` how A is related to B: the shortest chain of relations, each step with its direction;
* ``.matrix()``   family × jurisdiction: platforms, the amount of the distinct projects/tasks linked to them
                  (each counted once per cell, Decimal 万元) and the number of distinct linked indicators;
* ``.to_json()`` / ``.to_graphml()`` what ``budgetkg lineage`` prints.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

import networkx as nx
from rdflib.term import Literal

from budgetkg.errors import ConfigError, NotFound, StoreError
from budgetkg.platforms.registry import load_registry
from budgetkg.platforms.vocabulary import PROPERTY_RELATIONS, TREE_RELATIONS
from budgetkg.queries import QUERIES_DIR
from budgetkg.rdf.iris import slug
from budgetkg.rdf.namespaces import BKG
from budgetkg.store.base import SelectResult, Store, Term

UNKNOWN = "unknown"
_KINDS = {
    str(BKG.Project): "project",
    str(BKG.KeyTask): "task",
    str(BKG.Indicator): "indicator",
    str(BKG.PerformanceGoal): "goal",
}


@cache
def lineage_query(name: str) -> str:
    """The text of ``queries/platforms/<name>.rq``."""
    return (QUERIES_DIR / "platforms" / f"{name}.rq").read_text(encoding="utf-8")


def _registry_keys(name: str) -> set[str]:
    """Registry keys ``name`` designates, in any jurisdiction (a registry that cannot be read gives none)."""
    try:
        registry = load_registry()
    except ConfigError:
        return set()
    found = {registry.resolve(name, place).key for place in (None, *registry.places)}
    return {key for key in found if key is not None}


def _select(store: Store, name: str) -> SelectResult:
    # every row: the analysis (matrix sums, components, paths) is wrong on a part of the graph, and the
    # endpoint's row limit protects its clients, not this code; a server's own cap still sets truncated
    result = store.query(lineage_query(name), all_rows=True)
    if not isinstance(result, SelectResult):
        raise StoreError(f"queries/platforms/{name}.rq did not answer with a table")
    return result


def _text(row: Mapping[str, Term], key: str) -> str | None:
    value = row.get(key)
    return None if value is None else str(value)


def _tail(iri: str | None) -> str | None:
    return None if iri is None else iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _bool(row: Mapping[str, Term], key: str) -> bool:
    value = row.get(key)
    return bool(value.toPython()) if isinstance(value, Literal) else False


@dataclass(frozen=True)
class Link:
    platform: str
    record: str
    kind: str
    amount: Decimal | None


@dataclass
class Lineage:
    graph: nx.MultiDiGraph[str]
    links: list[Link] = field(default_factory=list)
    #: True when the store cut a result short: the lineage is then incomplete and callers must say so
    truncated: bool = False

    # ---------------------------------------------------------------- lookups

    def _nodes(self) -> list[tuple[str, dict[str, Any]]]:
        return [(str(node), dict(self.graph.nodes[node])) for node in sorted(self.graph.nodes)]

    def node_id(self, name: str) -> str:
        """A platform IRI from its IRI, zh-Hans label, registry key or any registry name (an alias, or a
        local name that only one jurisdiction uses); NotFound lists close labels."""
        if name in self.graph:
            return name
        keys = {slug(key) for key in _registry_keys(name)}
        for node, data in self._nodes():
            if data.get("label") == name or _tail(node) == name or (len(keys) == 1 and _tail(node) in keys):
                return str(node)
        close = sorted(str(d.get("label")) for _, d in self._nodes() if name in str(d.get("label")))
        hint = f" (did you mean: {', '.join(close[:5])})" if close else ""
        raise NotFound(f"no platform {name!r}{hint}")

    # ---------------------------------------------------------------- analyses

    def trees(self) -> dict[str, list[dict[str, Any]]]:
        """family → forest of {id, label, relation, children} (relation: how the child joins its parent)."""
        forests: dict[str, list[dict[str, Any]]] = {}
        for node, data in self._nodes():
            if any(d["relation"] in TREE_RELATIONS for _, _, d in self.graph.out_edges(node, data=True)):
                continue  # not a root: it hangs under its parent's tree
            tree = self._subtree(node, None, set())
            if tree["children"] or data.get("curated"):
                forests.setdefault(data.get("family") or UNKNOWN, []).append(tree)
        return forests

    def _subtree(self, node: str, relation: str | None, seen: set[str]) -> dict[str, Any]:
        seen = seen | {node}
        children = [
            self._subtree(child, d["relation"], seen)
            for child, _, d in sorted(self.graph.in_edges(node, data=True), key=lambda e: str(e[0]))
            if d["relation"] in TREE_RELATIONS and child not in seen
        ]
        unique = {c["id"] + "|" + c["relation"]: c for c in children}
        return {
            "id": node,
            "label": self.graph.nodes[node].get("label"),
            "relation": relation,
            "children": list(unique.values()),
        }

    def components(self) -> list[set[str]]:
        """Groups of platforms connected by any relation (isolated platforms left out), largest first."""
        groups = [set(map(str, c)) for c in nx.weakly_connected_components(self.graph) if len(c) > 1]
        return sorted(groups, key=lambda g: (-len(g), sorted(g)))

    def path(self, a: str, b: str) -> list[dict[str, Any]]:
        """The shortest chain of relations between two platforms (IRI, label or key); [] when unrelated."""
        source, target = self.node_id(a), self.node_id(b)
        undirected: nx.Graph[str] = nx.Graph()
        undirected.add_nodes_from(self.graph.nodes)
        for u, v, d in self.graph.edges(data=True):
            undirected.add_edge(u, v, relation=d["relation"], forward=(u, v))
        try:
            nodes = nx.shortest_path(undirected, source, target)
        except nx.NetworkXNoPath:
            return []
        steps = []
        for u, v in itertools.pairwise(nodes):
            data = undirected.edges[u, v]
            head, tail = data["forward"]
            steps.append(
                {
                    "from": u,
                    "to": v,
                    "relation": data["relation"],
                    "forward": (head, tail) == (u, v),
                    "from_label": self.graph.nodes[u].get("label"),
                    "to_label": self.graph.nodes[v].get("label"),
                }
            )
        return steps

    def matrix(self) -> list[dict[str, Any]]:
        """family × jurisdiction cells, see the module docstring; amount is a Decimal (万元)."""
        cells: dict[tuple[str, str], dict[str, Any]] = {}
        for node, data in self._nodes():
            key = (data.get("family") or UNKNOWN, data.get("district") or UNKNOWN)
            cell = cells.setdefault(key, {"platforms": set(), "records": {}, "indicators": set()})
            cell["platforms"].add(node)
        by_platform: dict[str, list[Link]] = {}
        for link in self.links:
            by_platform.setdefault(link.platform, []).append(link)
        for cell in cells.values():
            for platform in cell["platforms"]:
                for link in by_platform.get(platform, []):
                    if link.kind in ("project", "task") and link.amount is not None:
                        cell["records"][link.record] = link.amount  # a record linked twice counts once
                    elif link.kind == "indicator":
                        cell["indicators"].add(link.record)
        return [
            {
                "family": family,
                "jurisdiction": place,
                "platforms": len(cell["platforms"]),
                "amount": sum(cell["records"].values(), Decimal(0)),
                "indicators": len(cell["indicators"]),
            }
            for (family, place), cell in sorted(cells.items())
        ]

    # ---------------------------------------------------------------- renderings

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``budgetkg lineage`` (amounts as exact decimal strings)."""
        nodes = [
            {
                "id": n,
                "label": d.get("label"),
                "family": d.get("family"),
                "level": d.get("level"),
                "district": d.get("district"),
                "curated": bool(d.get("curated")),
            }
            for n, d in self._nodes()
        ]
        edges = [
            {
                "source": u,
                "target": v,
                "relation": d["relation"],
                "evidence": d.get("evidence"),
                "filing": d.get("filing"),
                "lines": d.get("lines"),
                "curated": d["curated"],
            }
            for u, v, d in sorted(
                self.graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"], str(e[2].get("lines")))
            )
        ]
        matrix = [dict(cell, amount=str(cell["amount"])) for cell in self.matrix()]
        return {"nodes": nodes, "edges": edges, "matrix": matrix, "truncated": self.truncated}

    def to_graphml(self) -> str:
        """GraphML (attributes without values are left out: GraphML has no null)."""
        clean: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for node, data in self._nodes():
            clean.add_node(node, **{k: v for k, v in data.items() if v is not None})
        for u, v, key, data in self.graph.edges(keys=True, data=True):
            attrs = {k: (f"{v_[0]}-{v_[1]}" if k == "lines" else v_) for k, v_ in data.items() if v_ is not None}
            clean.add_edge(u, v, key=key, **attrs)
        out = io.BytesIO()
        nx.write_graphml(clean, out, encoding="utf-8")
        return out.getvalue().decode("utf-8")


def load_lineage(store: Store) -> Lineage:
    """The lineage subgraph of ``store`` (see the module docstring)."""
    nodes, edges, links = (
        _select(store, "lineage_nodes"),
        _select(store, "lineage_edges"),
        _select(store, "lineage_links"),
    )
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for row in nodes.rows:
        node = str(row["platform"])
        if node in graph:
            continue  # a discovered platform named by two filings appears once per graph
        graph.add_node(
            node,
            label=_text(row, "label"),
            family=_tail(_text(row, "family")),
            level=_tail(_text(row, "level")),
            district=_text(row, "placeLabel"),
            curated=_bool(row, "curated"),
        )
    for row in sorted(edges.rows, key=lambda r: str(r["statement"])):  # the query leaves the order to us
        relation = PROPERTY_RELATIONS.get(str(row["relation"]))
        if relation is None:
            continue
        first, last = row.get("first"), row.get("last")
        lines = [int(str(first)), int(str(last))] if first is not None and last is not None else None
        graph.add_edge(
            str(row["source"]),
            str(row["target"]),
            key=str(row["statement"]),
            relation=relation,
            curated=_bool(row, "curated"),
            evidence=_text(row, "quote") or _text(row, "note"),
            filing=_text(row, "filingName") or _text(row, "filing"),
            lines=lines,
        )
    found = {
        Link(
            str(row["platform"]),
            str(row["record"]),
            _KINDS.get(str(row["kind"]), "other"),
            Decimal(str(row["amount"])) if row.get("amount") is not None else None,
        )
        for row in links.rows
    }
    truncated = nodes.truncated or edges.truncated or links.truncated
    # the query leaves repeats and order to this code (cheaper here than in the engine at N× the data)
    ordered = sorted(found, key=lambda link: (link.platform, link.record, link.kind, str(link.amount)))
    return Lineage(graph, ordered, truncated)
