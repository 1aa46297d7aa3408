"""A filing naming platforms the registry does not know (a synthetic record, as the parser would give it)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from platform_helpers import BASE
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from budgetkg.platforms.graph import node_key, platform_graphs
from budgetkg.platforms.lineage_text import Node
from budgetkg.platforms.registry import Registry
from budgetkg.rdf import iris
from budgetkg.rdf.labels import PINYIN, pinyin
from budgetkg.rdf.namespaces import BKG
from budgetkg.records import Department, Filing, Indicator, Project, Source

TIANHE = URIRef("http://www.wikidata.org/entity/Q917049")
TEXT = """项目名称\t总计\t绩效目标
停车管理经费\t120.50\t建设天河区智慧停车管理平台，接入“统一预约叫号评价系统”。
\t\t1、产出指标,统一预约叫取号评价系统部署数量;年度指标值:≥10
"""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Filing:
    path = tmp_path_factory.mktemp("tianhe") / "900_tianhe.txt"
    path.write_text(TEXT, encoding="utf-8")
    indicator = Indicator("产出指标", None, "统一预约叫取号评价系统部署数量", (3, 3))
    project = Project(
        name="停车管理经费",
        unit=None,
        amount=Decimal("120.50"),
        goal="建设天河区智慧停车管理平台，接入“统一预约叫号评价系统”。",
        lines=(2, 2),
        indicators=(indicator,),
    )
    return Filing(
        source=Source(str(path), "0" * 64, "utf-8"),
        form="project_table",
        department=Department("广州市天河区政务服务数据管理局", "district", "天河区"),
        year=2024,
        projects=(project,),
    )


@pytest.fixture(scope="module")
def graph(synthetic: Filing, registry: Registry) -> Graph:
    return platform_graphs([synthetic], BASE, registry).per_filing[synthetic.source.path]


def discovered(graph: Graph) -> dict[str, URIRef]:
    return {
        str(graph.value(node, SKOS.prefLabel)): node
        for node in graph.subjects(BKG.curated, Literal(False))
        if isinstance(node, URIRef) and (node, RDF.type, BKG.Platform) in graph
    }


def test_unknown_platform_is_a_discovered_node_linked_to_its_project(synthetic: Filing, graph: Graph) -> None:
    nodes = discovered(graph)
    parking = nodes["天河区智慧停车管理平台"]
    project = iris.project_iri(BASE, synthetic, synthetic.projects[0])
    assert (project, BKG.concernsPlatform, parking) in graph
    assert (parking, RDF.type, BKG.Platform) in graph
    assert (parking, PROV.wasDerivedFrom, iris.filing_iri(BASE, synthetic)) in graph
    # its place is inferred, and says from what
    assert graph.value(parking, DCTERMS.spatial) == TIANHE
    assert graph.value(parking, BKG.placeInferredFrom) is not None
    # one place for pinyin labels (rdf/labels.py): tone-marked, as skos:altLabel, never a second rdfs:label
    assert set(graph.objects(parking, SKOS.altLabel)) >= {Literal(pinyin("天河区智慧停车管理平台"), lang=PINYIN)}
    assert {getattr(label, "language", None) for label in graph.objects(parking, RDFS.label)} == {"zh-Hans"}
    mention = graph.value(predicate=BKG.mentionOf, object=parking)
    assert graph.value(mention, BKG.mentionIn) == project
    assert (graph.value(mention, BKG.firstLine), graph.value(mention, BKG.lastLine)) == (Literal(2), Literal(2))


def test_name_variants_collapse_into_one_node(synthetic: Filing, graph: Graph) -> None:
    nodes = discovered(graph)
    assert set(nodes) == {"天河区智慧停车管理平台", "统一预约叫号评价系统"}
    booking = nodes["统一预约叫号评价系统"]
    assert Literal("统一预约叫取号评价系统", lang="zh-Hans") in set(graph.objects(booking, SKOS.altLabel))
    indicator = iris.indicator_iri(BASE, synthetic, synthetic.projects[0].indicators[0], synthetic.projects[0])
    assert (indicator, BKG.concernsPlatform, booking) in graph
    fuzzy = [m for m in graph.subjects(BKG.mentionIn, indicator) if graph.value(m, BKG.mentionOf) == booking]
    assert [str(graph.value(m, BKG.resolution)) for m in fuzzy] == ["fuzzy"]
    # the project's text says it connects to the booking system: a stated relation
    assert (booking, BKG.serves, nodes["天河区智慧停车管理平台"]) in graph


def test_long_discovered_names_sharing_a_head_stay_two_platforms() -> None:
    head = "天河区城市更新与历史文化街区保护利用综合管理服务"
    one, two = node_key(Node(None, head + "甲平台"), "天河区"), node_key(Node(None, head + "乙平台"), "天河区")
    assert iris.platform_iri(BASE, one) != iris.platform_iri(BASE, two)
