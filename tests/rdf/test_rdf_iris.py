"""IRIs: readable, stable keys, independent of other files, valid in N-Triples."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pyoxigraph as ox
import pytest
from handmade import BASE, small_filing
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from budgetkg.rdf import iris
from budgetkg.records import Indicator, Project


def test_keys_are_readable_and_hierarchical() -> None:
    filing = small_filing("data/filings/004_c8ca.txt")
    project = filing.projects[0]
    indicator = project.indicators[0]
    assert str(iris.filing_iri(BASE, filing)) == BASE + "id/filing/004_c8ca"
    assert str(iris.graph_iri(BASE, filing)) == BASE + "graph/004_c8ca"
    assert str(iris.project_iri(BASE, filing, project)) == BASE + "id/project/004_c8ca/平台运维"
    assert str(iris.indicator_iri(BASE, filing, indicator, project)) == BASE + "id/indicator/004_c8ca/平台运维/系统数量"
    assert iris.target_iri(BASE, filing, indicator, "annual", project).endswith("/系统数量/annual")
    assert str(iris.goal_iri(BASE, filing, filing.goals[0])) == BASE + "id/goal/004_c8ca/1"


def test_base_is_configurable() -> None:
    filing = small_filing()
    assert str(iris.filing_iri("http://other.example/kg", filing)) == "http://other.example/kg/id/filing/t1"


def test_slug_drops_quotes_and_spaces_and_width() -> None:
    assert iris.slug("“数字海珠一张图“平台") == "数字海珠一张图-平台"
    assert iris.slug("ＡＢＣ  平台") == "abc-平台"
    assert iris.slug("“”") == "x"


def test_unsafe_characters_are_percent_encoded() -> None:
    filing = small_filing("weird name#1.txt")
    iri = iris.filing_iri(BASE, filing)
    assert " " not in iri and "#" not in iri
    Graph().parse(data=f'<{iri}> <http://x/p> "1" .', format="nt")  # a valid IRI for N-Triples


def test_reserved_graph_names_cannot_be_shadowed() -> None:
    filing = small_filing("data/build.txt")
    assert iris.graph_iri(BASE, filing) != iris.special_graph_iri(BASE, "build")


def test_siblings_with_the_same_name_get_ordinals() -> None:
    base = small_filing()
    twin = Indicator("产出指标", "数量指标", "系统数量", (13, 13))
    project = replace(base.projects[0], indicators=(*base.projects[0].indicators, twin))
    filing = replace(base, projects=(project,))
    first = iris.indicator_iri(BASE, filing, project.indicators[0], project)
    second = iris.indicator_iri(BASE, filing, twin, project)
    assert str(second) == str(first) + "-2"


def test_adding_rows_before_does_not_change_named_iris() -> None:
    """Keys come from names, not positions: a parser that finds an extra project keeps the others' IRIs."""
    filing = small_filing()
    before = iris.project_iri(BASE, filing, filing.projects[0])
    extra = Project("新项目", None, Decimal("1"), "", (10, 10))
    grown = replace(filing, projects=(extra, *filing.projects))
    assert iris.project_iri(BASE, grown, grown.projects[1]) == before


def test_iris_do_not_depend_on_other_filings() -> None:
    one, other = small_filing("a/000_x.txt"), small_filing("b/001_y.txt")
    assert iris.filing_iri(BASE, one) != iris.filing_iri(BASE, other)
    assert iris.department_iri(BASE, one.department.name) == iris.department_iri(BASE, other.department.name)


def test_own_level_suffix_names_the_same_department() -> None:
    assert iris.department_iri(BASE, "广州市海珠区政务服务数据管理局（本级）") == iris.department_iri(
        BASE, "广州市海珠区政务服务数据管理局"
    )


def test_record_not_in_filing_is_refused() -> None:
    filing = small_filing()
    stranger = Project("别处的项目", None, None, "", (1, 1))
    with pytest.raises(ValueError):
        iris.project_iri(BASE, filing, stranger)


@pytest.mark.parametrize(
    ("name", "level1", "key"),
    [
        ("产出指标", None, "output"),
        ("成本指标", None, "cost"),
        ("成本指标", "产出指标", "output-cost"),
        ("社会效益指标", None, "benefit-social"),
        ("经济成本指标", "成本指标", "cost-economic"),
    ],
)
def test_category_concepts(name: str, level1: str | None, key: str) -> None:
    assert str(iris.category_iri(name, level1)) == "https://w3id.org/budgetkg/def/category/" + key


def test_unknown_or_mismatched_category_is_none() -> None:
    assert iris.category_iri("不存在指标") is None
    assert iris.category_iri("社会效益指标", "产出指标") is None


def test_candidates_without_a_first_level_keep_every_reading() -> None:
    assert iris.candidate_iris("质量指标", None) == (iris.category_iri("质量指标"),)
    # 成本指标 as a 二级 exists only under 产出 (2015); the 2021 成本 is a 一级, never a candidate 二级
    assert iris.candidate_iris("成本指标", None) == (iris.category_iri("成本指标", "产出指标"),)
    assert iris.candidate_iris("社会效益指标", "产出指标") == ()


@settings(max_examples=200, deadline=None)
@given(name=st.text(min_size=0, max_size=80), stem=st.text(min_size=1, max_size=30))
def test_any_printed_name_gives_a_valid_iri(name: str, stem: str) -> None:
    """Unseen filings carry any characters: every minted IRI must still be one the store (Oxigraph,
    a strict RFC 3987 parser) accepts."""
    filing = small_filing(stem.replace("/", "_") + ".txt")
    project = Project(name, None, None, "", (1, 1))
    filing = replace(filing, projects=(project,))
    for iri in (
        iris.filing_iri(BASE, filing),
        iris.project_iri(BASE, filing, project),
        iris.department_iri(BASE, name),
    ):
        ox.NamedNode(str(iri))
