"""The page-data helpers on their own: totals, charts, lineage analysis, source excerpts, term display."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import networkx as nx
from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, URIRef

from budgetkg.platforms.analysis import Lineage as Analysis
from budgetkg.platforms.analysis import Link
from budgetkg.rdf.iris import platform_family_iri
from budgetkg.server.budgets import BASIC, PROJECT, TOTAL, FilingBudget
from budgetkg.server.charts import BAR_AREA, bar_chart
from budgetkg.server.lineage import FUNDS, RELATION_COLOURS, Evidence, Lineage, component_of, cytoscape_elements, view
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


P = "http://x.test/id/platform/"
R = "http://x.test/id/project/x"


def _analysis() -> Analysis:
    """A small lineage as the platforms layer loads it: 穗智管-like hub, a 海珠 sub-platform, its pilot."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for key, family, where in (("hub", "city-operation-hub", "广州市"), ("sub", "city-operation-hub", "海珠区"),
                               ("pilot", "city-operation-hub", "海珠区"), ("o", "map-gis", "白云区")):  # fmt: skip
        graph.add_node(P + key, label=key, family=family, level=None, district=where, curated=True)
    graph.add_edge(P + "sub", P + "hub", key="http://x.test/id/st/1", relation="sub_platform_of", curated=False,
                   evidence="quote", filing="000", lines=[59, 64])  # fmt: skip
    graph.add_edge(P + "pilot", P + "sub", key="http://x.test/id/st/2", relation="pilot_of", curated=True,
                   evidence=None, filing=None, lines=None)  # fmt: skip
    links = [Link(P + "pilot", R, "project", Decimal("439.63")), Link(P + "sub", R, "project", Decimal("439.63")),
             Link(P + "sub", "http://x.test/id/indicator/i", "indicator", None)]  # fmt: skip
    return Analysis(graph, links)


def _lineage() -> Lineage:
    labels = {platform_family_iri("city-operation-hub"): "城市运行管理中枢", URIRef(R): "x"}
    return view(_analysis(), labels)


def test_the_view_names_nodes_families_and_funders_from_the_labels() -> None:
    lineage = _lineage()
    assert lineage.nodes[URIRef(P + "hub")].family == "城市运行管理中枢"
    assert lineage.nodes[URIRef(P + "o")].family == "map-gis"  # no label in the store: the key, not a guess
    funder = lineage.nodes[URIRef(R)]
    assert (funder.kind, funder.label, funder.amount) == ("project", "x", Decimal("439.63"))
    assert [e.relation for e in lineage.edges].count(FUNDS) == 2
    first = next(e for e in lineage.edges if e.relation == "sub_platform_of")
    assert first.evidence == [Evidence(False, URIRef("http://x.test/id/st/1"), "000", (59, 64), "quote")]


def test_filters_and_components() -> None:
    lineage = _lineage()
    only_map = lineage.filtered({"map-gis"}, set())
    assert [n.label for n in only_map.nodes.values()] == ["o"]
    assert not only_map.edges
    haizhu = lineage.filtered(set(), {"海珠区"})
    assert {n.label for n in haizhu.nodes.values()} == {"sub", "pilot", "x"}
    sub_of = next(e for e in lineage.edges if e.relation == "sub_platform_of")
    pilot_of = next(e for e in lineage.edges if e.relation == "pilot_of")
    assert sub_of.extracted and not sub_of.curated and pilot_of.curated
    component = component_of(lineage, URIRef(P + "hub"))
    assert "o" not in {n.label for n in component.nodes.values()}
    assert [n.label for n in lineage.platforms()] == ["hub", "o", "pilot", "sub"]


def test_path_is_the_platforms_layers_answer_in_either_direction() -> None:
    lineage = _lineage()
    steps = lineage.path(URIRef(P + "hub"), URIRef(P + "pilot"))
    assert steps is not None
    assert [(s[1], s[2]) for s in steps] == [("sub_platform_of", False), ("pilot_of", False)]
    assert steps == [
        (URIRef(s["from"]), s["relation"], s["forward"], URIRef(s["to"]))
        for s in _analysis().path(P + "hub", P + "pilot")
    ]
    assert lineage.path(URIRef(P + "hub"), URIRef(P + "o")) is None
    assert lineage.path(URIRef(P + "hub"), URIRef(R)) is None  # records are not platforms
    assert lineage.path(URIRef(P + "hub"), URIRef(P + "hub")) == []


def test_matrix_is_the_platforms_layers_matrix_under_the_shown_labels() -> None:
    families, places, cells = _lineage().matrix()
    assert families == ["map-gis", "城市运行管理中枢"] and "海珠区" in places
    # the project funds two 海珠 hub platforms: its amount is counted once in that cell
    assert cells[("城市运行管理中枢", "海珠区")] == (2, Decimal("439.63"), 1)
    assert cells[("城市运行管理中枢", "广州市")] == (1, Decimal(0), 0)
    expected = {(c["platforms"], c["amount"], c["indicators"]) for c in _analysis().matrix()}
    assert set(cells.values()) == expected


def test_cytoscape_elements_carry_links_colours_and_kinds() -> None:
    lineage = _lineage()
    href = {iri: f"/doc/{n.label}" for iri, n in lineage.nodes.items()}
    elements = cytoscape_elements(lineage, href)
    nodes = [e["data"] for e in elements if "source" not in e["data"]]
    edges = [e["data"] for e in elements if "source" in e["data"]]
    assert {n["href"] for n in nodes} == set(href.values())
    assert {n["kind"] for n in nodes} == {"platform", "project"}
    assert {e["colour"] for e in edges if e["relation"] == FUNDS} == {RELATION_COLOURS[FUNDS]}
    assert [e["extracted"] for e in edges if e["relation"] == "pilot_of"] == [False]


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
