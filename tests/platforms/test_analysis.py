"""The lineage read back from a real Oxigraph store by SPARQL, analysed with networkx."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from platform_helpers import BASE

from budgetkg.errors import NotFound
from budgetkg.platforms.analysis import UNKNOWN, Lineage, lineage_query, load_lineage
from budgetkg.platforms.graph import node_key
from budgetkg.platforms.links import FilingPlatforms
from budgetkg.platforms.registry import Registry
from budgetkg.rdf import iris
from budgetkg.store.base import SelectResult
from budgetkg.store.embedded import EmbeddedStore


def key_iri(key: str) -> str:
    return str(iris.platform_iri(BASE, key))


def test_matrix_amounts_equal_the_sums_of_the_linked_figures(
    lineage: Lineage, read: dict[str, FilingPlatforms], registry: Registry
) -> None:
    """Recomputed from the parsed records (not from the store): each project/task counted once per cell."""
    amounts: dict[tuple[str, str], dict[tuple[str, int], Decimal]] = {}
    indicators: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for platforms in read.values():
        place = registry.places.get(platforms.place or "")
        for link in platforms.links:
            node = lineage.graph.nodes[
                str(iris.platform_iri(BASE, node_key(link.node, place.label if place else None)))
            ]
            cell = (node["family"] or UNKNOWN, node["district"] or UNKNOWN)
            record = (platforms.filing.source.path, id(link.subject.record))
            amount = getattr(link.subject.record, "amount", None)
            if link.subject.kind in ("project", "task") and amount is not None:
                amounts.setdefault(cell, {})[record] = amount
            if link.subject.kind == "indicator":
                indicators.setdefault(cell, set()).add(record)
    matrix = {(c["family"], c["jurisdiction"]): c for c in lineage.matrix()}
    assert any(c["amount"] > 0 for c in matrix.values())
    for cell, row in matrix.items():
        assert row["amount"] == sum(amounts.get(cell, {}).values(), Decimal(0)), cell
        assert row["indicators"] == len(indicators.get(cell, set())), cell
    platforms = sum(row["platforms"] for row in matrix.values())
    assert platforms == lineage.graph.number_of_nodes()


def test_lineage_trees_per_family(lineage: Lineage) -> None:
    hubs = {tree["id"]: tree for tree in lineage.trees()["city-operation-hub"]}
    city = hubs[key_iri("sui-zhi-guan")]
    haizhu = {c["id"]: c for c in city["children"]}[key_iri("haizhu-hub")]
    assert haizhu["relation"] == "sub_platform_of"
    pilot = {c["id"]: c for c in haizhu["children"]}[key_iri("canton-tower-platform")]
    assert pilot["relation"] == "pilot_of"
    panyu = {c["id"]: c["relation"] for c in hubs[key_iri("yu-zhi-guan")]["children"]}
    for part in ("data-base", "comms", "video-cloud", "visualisation", "iot", "ai", "data-middle", "applications"):
        assert panyu[key_iri(f"yu-zhi-guan-{part}")] == "component_of"
    assert panyu[key_iri("yu-zhi-guan-university-town")] == "sub_platform_of"


def test_how_is_a_related_to_b(lineage: Lineage) -> None:
    steps = lineage.path("广州塔景区智能化管理平台", "禺智管")
    assert steps[0]["from"] == key_iri("canton-tower-platform")
    assert steps[-1]["to"] == key_iri("yu-zhi-guan")
    for step in steps:  # every step is a real edge, in the direction it says
        u, v = (step["from"], step["to"]) if step["forward"] else (step["to"], step["from"])
        assert any(d["relation"] == step["relation"] for d in lineage.graph.get_edge_data(u, v).values())
    assert [s["relation"] for s in steps] == ["pilot_of", "counterpart_of"]
    assert lineage.path("sui-zhi-guan", "sui-zhi-guan") == []
    with pytest.raises(NotFound):
        lineage.path("no such platform", "禺智管")


def test_components(lineage: Lineage) -> None:
    hubs = {key_iri(k) for k in ("sui-zhi-guan", "yu-zhi-guan", "baiyun-command", "haizhu-hub")}
    assert any(hubs <= group for group in lineage.components())


def test_edges_keep_evidence_and_provenance(lineage: Lineage) -> None:
    edges = list(lineage.graph.edges(data=True))
    extracted = [d for _, _, d in edges if not d["curated"]]
    curated = [d for _, _, d in edges if d["curated"]]
    assert extracted and curated
    assert all(d["evidence"] and d["filing"] and d["lines"][0] <= d["lines"][1] for d in extracted)
    assert all(d["evidence"] and d["filing"] is None and d["lines"] is None for d in curated)


def test_json_shape(lineage: Lineage) -> None:
    data = json.loads(json.dumps(lineage.to_json(), ensure_ascii=False))
    assert set(data["nodes"][0]) == {"id", "label", "family", "level", "district", "curated"}
    assert set(data["edges"][0]) == {"source", "target", "relation", "evidence", "filing", "lines", "curated"}
    assert set(data["matrix"][0]) == {"family", "jurisdiction", "platforms", "amount", "indicators"}
    assert {Decimal(c["amount"]) for c in data["matrix"]} == {c["amount"] for c in lineage.matrix()}


def test_graphml_round_trip(lineage: Lineage) -> None:
    back = nx.read_graphml(io.BytesIO(lineage.to_graphml().encode("utf-8")))
    assert back.number_of_nodes() == lineage.graph.number_of_nodes()
    assert back.number_of_edges() == lineage.graph.number_of_edges()


def test_path_accepts_any_registry_name(lineage: Lineage) -> None:
    # an alias and a misprint of registry names resolve to their nodes
    assert lineage.node_id("穗智管海珠分平台") == key_iri("haizhu-hub")
    assert lineage.node_id("12345热线管理职能辅助平台") == key_iri("haizhu-12345-assistant")
    assert [s["relation"] for s in lineage.path("穗智管海珠分平台", "穗智管")] in (
        ["sub_platform_of"],
        ["counterpart_of"],
    )


def test_the_analysis_reads_past_the_endpoints_row_limit(store_dir: Path, lineage: Lineage) -> None:
    """The row limit protects the endpoint's clients: an analysis over a part of the links would sum wrong."""
    limit = len(lineage.links) // 3
    store = EmbeddedStore(store_dir, result_limit=limit)
    try:
        cut = store.query(lineage_query("lineage_links"))
        assert isinstance(cut, SelectResult) and cut.truncated and len(cut.rows) == limit
        whole = load_lineage(store)
    finally:
        store.close()
    assert not whole.truncated and len(whole.links) == len(lineage.links) > limit
    assert whole.to_json() == lineage.to_json()


def test_linked_amounts_are_the_project_totals_and_task_allocations(store_dir: Path, lineage: Lineage) -> None:
    """Read back apart from lineage_links.rq: a project's 总计 figure, a key task's allocation, nothing else."""
    store = EmbeddedStore(store_dir)
    try:
        result = store.query(
            """PREFIX bkg: <https://w3id.org/budgetkg/def#>
            SELECT ?record ?amount WHERE {
              ?record bkg:allocation ?figure . ?figure <http://data.openbudgets.eu/ontology/dsd/measure/amount> ?amount
              { ?record a bkg:KeyTask } UNION {
                ?record a bkg:Project . ?figure bkg:budgetLine <https://w3id.org/budgetkg/def/budget-role/total> }
            }""",
            all_rows=True,
        )
    finally:
        store.close()
    assert isinstance(result, SelectResult)
    expected = {str(row["record"]): Decimal(str(row["amount"])) for row in result.rows}
    linked = {link.record: link.amount for link in lineage.links}
    assert any(amount is not None for amount in linked.values())
    assert linked == {record: expected.get(record) for record in linked}
