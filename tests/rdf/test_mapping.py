"""records → RDF, compared as graphs (isomorphism) against hand-written Turtle."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from handmade import BASE, small_filing
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import PROV, RDF

from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, OBEU_MEASURE
from budgetkg.records import BudgetFigure, Department, Filing, Indicator, Project, Source, Target

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
