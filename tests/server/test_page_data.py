"""The page-data helpers on their own: totals, charts, lineage analysis, source excerpts, term display."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, URIRef

from budgetkg.server.budgets import BASIC, PROJECT, TOTAL, FilingBudget
from budgetkg.server.charts import BAR_AREA, bar_chart
from budgetkg.server.lineage import (
    FUNDS,
    RELATION_COLOURS,
    Edge,
    Evidence,
    Lineage,
    Node,
    component_of,
    cytoscape_elements,
)
from budgetkg.server.present import AMOUNT_PREDICATES, show
from budgetkg.server.provenance import file_name, read_lines
from budgetkg.server.urls import IriMap

F = URIRef("http://x.test/id/filing/f")


def test_total_prefers_the_printed_total_then_the_sum_and_never_guesses() -> None:
    printed = FilingBudget(F, "f", None, {TOTAL: {Decimal("1250.00")}, BASIC: {Decimal("1")}})
    assert printed.total == (Decimal("1250.00"), "印出的合计 printed total")
    summed = FilingBudget(F, "f", None, {BASIC: {Decimal("2571.09")}, PROJECT: {Decimal("2710.00")}})
    assert summed.total[0] == Decimal("5281.09") and "sum" in summed.total[1]
    assert FilingBudget(F, "f", None, {BASIC: {Decimal("1")}}).total[0] is None
    ambiguous = FilingBudget(F, "f", None, {TOTAL: {Decimal("1"), Decimal("2")}})
    value, basis = ambiguous.total
    assert value is None and "1.00" in basis and "2.00" in basis


def test_bars_scale_to_the_largest_and_unknown_values_get_none() -> None:
    chart = bar_chart("t", [("a", Decimal("50"), None), ("b", Decimal("100"), "/b"), ("c", None, None)])
    widths = [bar.width for bar in chart.bars]
    assert widths == [BAR_AREA // 2, BAR_AREA, 0]
    assert chart.bars[2].value is None
    assert chart.height > 0 and len({bar.y for bar in chart.bars}) == 3


def _lineage() -> Lineage:
    def p(key: str, family: str, where: str) -> Node:
        return Node(URIRef(f"http://x.test/id/platform/{key}"), key, "platform", family, where)

    hub, sub, pilot, other = (
        p("hub", "hub", "广州市"),
        p("sub", "hub", "海珠区"),
        p("pilot", "hub", "海珠区"),
        p("o", "map", "白云区"),
    )
    project = Node(URIRef("http://x.test/id/project/x"), "x", "project", amount=Decimal("439.63"))
    nodes = {n.iri: n for n in (hub, sub, pilot, other, project)}
    edges = [
        Edge(sub.iri, "subPlatformOf", hub.iri, [Evidence(False, None, "000", (59, 64), "quote")]),
        Edge(pilot.iri, "pilotOf", sub.iri, [Evidence(True)]),
        Edge(project.iri, FUNDS, pilot.iri),
        Edge(project.iri, FUNDS, sub.iri),
    ]
    return Lineage(nodes, edges, {})


def test_filters_and_components() -> None:
    lineage = _lineage()
    only_map = lineage.filtered({"map"}, set())
    assert [n.label for n in only_map.nodes.values()] == ["o"]
    assert not only_map.edges
    haizhu = lineage.filtered(set(), {"海珠区"})
    assert {n.label for n in haizhu.nodes.values()} == {"sub", "pilot", "x"}
    edge = lineage.edges[0]
    assert edge.extracted and not edge.curated and lineage.edges[1].curated
    component = component_of(lineage, URIRef("http://x.test/id/platform/hub"))
    assert "o" not in {n.label for n in component.nodes.values()}
    assert [n.label for n in lineage.platforms()] == ["hub", "o", "pilot", "sub"]


def test_path_follows_platform_relations_in_either_direction() -> None:
    lineage = _lineage()
    base = "http://x.test/id/platform/"
    steps = lineage.path(URIRef(base + "hub"), URIRef(base + "pilot"))
    assert steps is not None
    assert [(s[1], s[2]) for s in steps] == [("subPlatformOf", False), ("pilotOf", False)]
    assert lineage.path(URIRef(base + "hub"), URIRef(base + "o")) is None
    assert lineage.path(URIRef(base + "hub"), URIRef("http://x.test/id/project/x")) is None  # records are not platforms


def test_matrix_counts_a_record_once_per_cell() -> None:
    families, places, cells = _lineage().matrix()
    assert families == ["hub", "map"] and "海珠区" in places
    # the project funds two 海珠 hub platforms: its amount is counted once in that cell
    assert cells[("hub", "海珠区")] == (2, Decimal("439.63"), 0)
    assert cells[("hub", "广州市")] == (1, Decimal(0), 0)


def test_cytoscape_elements_carry_links_colours_and_kinds() -> None:
    lineage = _lineage()
    href = {iri: f"/doc/{n.label}" for iri, n in lineage.nodes.items()}
    elements = cytoscape_elements(lineage, href)
    nodes = [e["data"] for e in elements if "source" not in e["data"]]
    edges = [e["data"] for e in elements if "source" in e["data"]]
    assert {n["href"] for n in nodes} == set(href.values())
    assert {n["kind"] for n in nodes} == {"platform", "project"}
    assert {e["colour"] for e in edges if e["relation"] == FUNDS} == {RELATION_COLOURS[FUNDS]}
    assert [e["extracted"] for e in edges if e["relation"] == "pilotOf"] == [False]


def test_excerpts_read_only_named_files_inside_the_filings_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one\ntwo\nthree\n", encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes("第一行\n第二行\n".encode("gb18030"))
    assert read_lines(tmp_path, "a.txt", 2, 3) == (((2, "two"), (3, "three")), False)
    assert read_lines(tmp_path, "gbk.txt", 2, 2)[0] == ((2, "第二行"),)
    assert read_lines(tmp_path, "../a.txt", 1, 1) == ((), False)
    assert read_lines(tmp_path, "missing.txt", 1, 1) == ((), False)
    assert file_name(Literal("data/filings/x.txt")) == "x.txt"
    assert file_name(URIRef("file:///etc/../data/y.txt")) == "y.txt"
    assert file_name(Literal("../../etc/passwd")) == "passwd"


def test_show_formats_amounts_numbers_links_and_text() -> None:
    iri_map = IriMap("http://x.test/")
    amount = next(iter(AMOUNT_PREDICATES))
    shown = show(Literal("439.63", datatype=XSD.decimal), None, iri_map, amount)
    assert (shown.kind, shown.text, shown.note) == ("amount", "439.63 万元", "4,396,300.00 元")
    assert show(Literal("95.00", datatype=XSD.decimal), None, iri_map).text == "95"
    link = show(URIRef("http://x.test/id/platform/a"), "A", iri_map)
    assert (link.kind, link.href, link.text) == ("link", "/doc/platform/a", "A")
    assert show(Literal("穗智管", lang="zh-Hans"), None, iri_map).lang == "zh-Hans"
    assert show(BNode(), None, iri_map).kind == "blank"
