"""What /lineage draws and lists as the lineage grows: the whole graph at the seed data, its platforms alone or
nothing past the drawing limit (said on the page), a paged relation table, evidence lists cut with a count.

The page runs over the real graph of the five filings; the limits are lowered (the drawing limit through
Settings, the others by ``monkeypatch`` of the module's constants) to put that small graph past them, as N×
the data would."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from page_reading import read
from rdflib import URIRef

from budgetkg.platforms.analysis import Lineage as Analysis
from budgetkg.platforms.analysis import Link, load_lineage
from budgetkg.server import lineage
from budgetkg.server.app import create_app
from budgetkg.server.labels import best_labels
from budgetkg.settings import Settings
from budgetkg.store.base import Store

_ISLAND = re.compile(r'<script type="application/json" id="lineage-data">(.*?)</script>', re.S)


def drawn_elements(html: str) -> list[dict[str, Any]]:
    """The Cytoscape elements the page hands its script (empty when it draws no graph)."""
    found = _ISLAND.search(html)
    return [] if found is None else [e["data"] for e in json.loads(found.group(1))]


def drawn_nodes(html: str) -> dict[str, str]:
    """Drawn node IRI → its kind."""
    return {e["id"]: e["kind"] for e in drawn_elements(html) if "source" not in e}


def page(client: TestClient, params: dict[str, Any] | None = None) -> str:
    response = client.get("/lineage", params=params, headers={"accept": "text/html"})
    assert response.status_code == 200
    return response.text


def test_the_seed_data_draws_the_whole_lineage(real: TestClient, real_store: Store) -> None:
    analysis = load_lineage(real_store)
    funders = {link.record for link in analysis.links if link.kind in ("project", "task")}
    nodes = drawn_nodes(page(real))
    assert {n for n, kind in nodes.items() if kind == "platform"} == set(analysis.graph.nodes)
    assert {n for n, kind in nodes.items() if kind != "platform"} == funders
    assert len(nodes) <= Settings().lineage_max_nodes
    assert "lineage-not-drawn" not in page(real)


def drawing_at_most(settings: Settings, store: Store, nodes: int) -> TestClient:
    """A browser whose /lineage draws at most ``nodes`` nodes (BUDGETKG_LINEAGE_MAX_NODES)."""
    return TestClient(create_app(replace(settings, lineage_max_nodes=nodes), store))


def test_past_the_limit_the_platforms_are_drawn_alone_and_the_page_says_so(
    real_settings: Settings, real_store: Store
) -> None:
    analysis = load_lineage(real_store)
    platforms = analysis.graph.number_of_nodes()
    with drawing_at_most(real_settings, real_store, platforms) as client:
        html = page(client)
    nodes = drawn_nodes(html)
    assert set(nodes) == set(analysis.graph.nodes) and set(nodes.values()) == {"platform"}
    assert all(e["relation"] != lineage.FUNDS for e in drawn_elements(html) if "source" in e)
    funders = len({link.record for link in analysis.links if link.kind in ("project", "task")})
    note = read(html).text
    assert f"{funders} funding projects and tasks are not drawn" in note
    assert f"more than the {platforms} the graph draws" in note


def test_when_even_the_platforms_are_too_many_nothing_is_drawn_and_the_reader_is_asked_to_pick(
    real_settings: Settings, real_store: Store
) -> None:
    with drawing_at_most(real_settings, real_store, 3) as client:
        html = page(client)
        assert drawn_elements(html) == [] and 'id="cy"' not in html
        shown = read(html)
        assert "no graph is drawn: pick a family or jurisdiction" in shown.text
        assert len(shown.table("matrix").rows) > 1 and len(shown.table("edges").rows) > 1
        # a selection small enough is drawn again: the family with the fewest platforms in the matrix
        platforms = {
            row[0].text: sum(int(cell.text.split(" 个平台")[0]) for cell in row[1:] if "个平台" in cell.text)
            for row in shown.table("matrix").rows[1:]
        }
        family = min(platforms, key=lambda f: platforms[f])
        assert platforms[family] <= 3, "every family of the seed data has more than 3 platforms"
        assert drawn_nodes(page(client, {"family": family}))


def test_a_filtered_selection_draws_only_its_platforms_and_their_funders(real: TestClient) -> None:
    everything = drawn_elements(page(real))
    family = next(e["family"] for e in everything if e.get("kind") == "platform" and e["family"] != lineage.UNSTATED)
    chosen = drawn_elements(page(real, {"family": family}))
    platforms = [e for e in chosen if e.get("kind") == "platform"]
    assert platforms and all(e["family"] == family for e in platforms)
    assert len(platforms) < len([e for e in everything if e.get("kind") == "platform"])


def _table_rows(html: str) -> list[tuple[str, ...]]:
    return [tuple(" ".join(c.links) or c.text for c in row[:3]) for row in read(html).table("edges").rows[1:]]


def test_the_relation_table_is_paged_and_its_links_keep_the_selection(real: TestClient) -> None:
    whole = _table_rows(page(real, {"size": 200}))
    first = page(real, {"size": 10})
    assert len(_table_rows(first)) == 10 and f"showing 1–10 of {len(whole)} relations" in read(first).text
    seen, html = [], first
    while True:  # follow the "next" links to the end, as a reader without JavaScript would
        seen.extend(_table_rows(html))
        following = [href for href, text in read(html).links if text.startswith("下一页")]
        if not following:
            break
        html = real.get(following[0], headers={"accept": "text/html"}).text
    assert seen == whole
    families = [e["family"] for e in drawn_elements(page(real)) if e.get("kind") == "platform"]
    two = sorted(set(families))[:2]
    narrowed = page(real, {"family": two, "size": 1})
    following = [href for href, text in read(narrowed).links if text.startswith("下一页")]
    assert following and sorted(parse_qs(urlsplit(following[0]).query)["family"]) == two


def test_relations_restated_by_many_filings_list_a_few_statements_and_count_the_rest(
    real: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = lineage.view(load_lineage_of(real), {})
    restated = max(everything.edges, key=lambda e: len(e.evidence))
    assert len(restated.evidence) > 1, "the seed data restates no relation"
    monkeypatch.setattr(lineage, "MAX_EVIDENCE", 1)
    text = read(page(real, {"size": 200})).text
    assert f"{len(restated.evidence) - 1} more statements of this relation are not listed" in text


def load_lineage_of(client: TestClient) -> Analysis:
    return load_lineage(client.app.state.store)  # type: ignore[attr-defined]


def _many_funders(funders: int) -> Analysis:
    """Two related platforms and ``funders`` projects funding the first."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for key in ("a", "b"):
        graph.add_node(f"urn:p:{key}", label=key, family=None, level=None, district=None, curated=True)
    graph.add_edge("urn:p:a", "urn:p:b", key="urn:st:1", relation="sub_platform_of", curated=True)
    links = [Link("urn:p:a", f"urn:r:{i}", "project", Decimal(i)) for i in range(funders)]
    return Analysis(graph, links)


@pytest.mark.parametrize(("limit", "drawn", "left_out"), [(5, 5, 0), (4, 2, 3), (1, None, 5)])
def test_drawing_keeps_the_whole_then_the_platforms_then_nothing(limit: int, drawn: int | None, left_out: int) -> None:
    shown = lineage.view(_many_funders(3), {})
    drawing = lineage.drawing(shown, limit)
    assert (len(drawing.lineage.nodes) if drawing.lineage else None, drawing.left_out) == (drawn, left_out)
    if drawing.lineage is not None:
        ends = {end for e in drawing.lineage.edges for end in (e.source, e.target)}
        assert ends <= set(drawing.lineage.nodes)


def test_shown_funders_are_named_by_their_labels_in_the_store(real: TestClient, real_store: Store) -> None:
    funders = {URIRef(e["id"]): e["label"] for e in drawn_elements(page(real)) if e.get("kind") in ("project", "task")}
    assert funders
    assert funders == best_labels(real_store, funders)
