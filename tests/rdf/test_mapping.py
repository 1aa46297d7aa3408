"""records → RDF, compared as graphs (isomorphism) against hand-written Turtle."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

from handmade import BASE, small_filing
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import PROV, RDF

from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, OBEU_MEASURE
from budgetkg.rdf.validation import validate
from budgetkg.records import BudgetFigure, Department, Filing, Indicator, Project, Source, Target, TargetPart

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
EXPECTED = Path(__file__).resolve().parent / "expected"


#: the lines handmade_project_table() was read from (line 5: 合计, line 6: the project row)
PROJECT_LINES = (
    "项目支出绩效目标表",
    "",
    "项目名称 总计 财政拨款",
    "",
    "合计 10.50",
    "数据平台 10.50 10.50 建成",
    "按时完成率 ≥95%",
)


def handmade_project_table() -> Filing:
    return Filing(
        source=Source(path="some/dir/p1.txt", sha256="b" * 64, encoding="gb18030"),
        form="project_table",
        department=Department("广州市政务服务数据管理局", "city", None),
        year=None,
        budget=(BudgetFigure("合计", D("10.50"), (5, 5)),),
        projects=(
            Project(
                name="数据平台",
                unit=None,
                amount=D("10.50"),
                goal="建成",
                lines=(6, 7),
                indicators=(
                    Indicator(
                        "产出指标",
                        "时效指标",
                        "按时完成率",
                        (7, 7),
                        annual_target=Target("≥95%", "ge", D("95"), min=D("95"), unit="%"),
                    ),
                ),
                funding=(BudgetFigure("财政拨款", D("10.50"), (6, 6)),),
            ),
        ),
    )


def _explain(got: Graph, expected: Graph) -> str:
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    return "unexpected:\n" + only_got.serialize(format="nt") + "\nmissing:\n" + only_expected.serialize(format="nt")


def test_project_table_maps_to_expected_graph() -> None:
    got = map_filing(handmade_project_table(), BASE, PROJECT_LINES)
    expected = Graph().parse(EXPECTED / "project_table.ttl", format="turtle")
    assert isomorphic(got, expected), _explain(got, expected)


def test_amounts_keep_printed_scale() -> None:
    graph = map_filing(handmade_project_table(), BASE)
    amounts = set(graph.objects(None, OBEU_MEASURE.amount))
    assert amounts == {Literal("10.50", datatype=XSD_DECIMAL)}
    assert all(isinstance(a, Literal) and a.toPython() == D("10.5") for a in amounts)


def test_every_derived_node_has_filing_and_lines() -> None:
    graph = map_filing(small_filing(), BASE)
    kinds = (BKG.PerformanceGoal, BKG.KeyTask, BKG.Project, BKG.Indicator, BKG.Target, BKG.BudgetFigure)
    nodes = [n for kind in kinds for n in graph.subjects(RDF.type, kind)]
    assert len(nodes) >= 6
    for node in nodes:
        assert graph.value(node, PROV.wasDerivedFrom) is not None, node
        first, last = graph.value(node, BKG.firstLine), graph.value(node, BKG.lastLine)
        assert isinstance(first, Literal) and isinstance(last, Literal), node
        assert 1 <= first.toPython() <= last.toPython()


def test_candidates_are_not_categories() -> None:
    graph = map_filing(small_filing(), BASE)
    open_indicator = next(s for s in graph.subjects(RDF.type, BKG.Indicator) if str(s).endswith("/响应及时率"))
    assert graph.value(open_indicator, BKG.level2Category) is None
    assert len(set(graph.objects(open_indicator, BKG.candidateCategory))) == 2


def test_no_blank_nodes_and_same_graph_twice() -> None:
    one, two = map_filing(small_filing(), BASE), map_filing(small_filing(), BASE)
    assert not any(t.__class__.__name__ == "BNode" for triple in one for t in triple)
    assert set(one) == set(two)


def test_path_does_not_leak_into_graph() -> None:
    here, there = small_filing("/home/a/t1.txt"), small_filing("relative/t1.txt")
    assert set(map_filing(here, BASE)) == set(map_filing(there, BASE))


#: 003 line 256 prints this; the first clause (three UPS into two) is a change, not a target
SEVERAL_PARTS = Target(
    "整合三台UPS为两台，报废三台UPS",
    "qualitative",
    parts=(
        TargetPart(None, "整合三台UPS为两台", "qualitative"),
        TargetPart("报废UPS", "报废三台UPS", "eq", D("3"), D("3"), D("3"), "台"),
    ),
    combine="all",
)


def _with_target(target: Target) -> Filing:
    filing = handmade_project_table()
    project = filing.projects[0]
    indicator = replace(project.indicators[0], annual_target=target)
    return replace(filing, projects=(replace(project, indicators=(indicator,)),))


def _target_subgraph(graph: Graph) -> Graph:
    """The triples about the one target and its parts."""
    target = next(graph.subjects(RDF.type, BKG.Target))
    nodes = {target, *graph.objects(target, BKG.targetPart)}
    subgraph = Graph()
    for triple in graph:
        if triple[0] in nodes:
            subgraph.add(triple)
    return subgraph


def test_a_target_with_parts_maps_to_expected_graph() -> None:
    got = _target_subgraph(map_filing(_with_target(SEVERAL_PARTS), BASE, PROJECT_LINES))
    expected = Graph().parse(EXPECTED / "target_parts.ttl", format="turtle")
    assert isomorphic(got, expected), _explain(got, expected)


def test_a_target_with_parts_validates_and_its_parts_are_checked() -> None:
    graph = map_filing(_with_target(SEVERAL_PARTS), BASE, PROJECT_LINES)
    outcome = validate(graph, "p1")
    assert outcome.conforms, [r.message for r in outcome.results]
    # a part that lost its text is caught like a target that lost it
    part = URIRef("https://kg.test/id/target/p1/数据平台/按时完成率/annual/part/2")
    graph.remove((part, BKG.printedText, None))
    assert not validate(graph, "p1").conforms


def test_targets_without_parts_gain_no_part_triples() -> None:
    graph = map_filing(handmade_project_table(), BASE, PROJECT_LINES)
    assert not list(graph.triples((None, BKG.targetPart, None)))
    assert not list(graph.triples((None, BKG.partsCombine, None)))
