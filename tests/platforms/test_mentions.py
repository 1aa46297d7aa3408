from __future__ import annotations

import pytest
from synthetic import TIANHE, synthetic_registry

from budgetkg.platforms.mentions import find_mentions, view_of


def found(text: str, place: str | None = TIANHE) -> list[tuple[str | None, str, str]]:
    """(registry key, canonical name, how) of each mention, in text order."""
    return [(m.key, m.name, m.how) for m in find_mentions(view_of(text), synthetic_registry(), place)]


def test_registry_names_longest_first_across_quotes_and_line_breaks() -> None:
    text = "推进天河区城市运行管理中枢（“城智枢”天河\n分平台）建设"
    assert [(k, h) for k, _, h in found(text)] == [("th-hub", "label"), ("th-hub", "label")]


def test_surface_keeps_the_printed_text() -> None:
    mentions = find_mentions(view_of("依托“城智枢”  建设"), synthetic_registry(), None)
    assert [m.surface for m in mentions] == ["城智枢"]


def test_local_label_needs_its_jurisdiction() -> None:
    assert found("建设数据湖")[0][0] == "th-lake"
    assert found("建设数据湖", place=None) == []  # no head word, no registry name in scope: nothing


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("通过建设天河区智慧停车管理平台，提升效率", "天河区智慧停车管理平台"),  # cut after the verb
        ("对广州市排水监测系统进行改造", "广州市排水监测系统"),  # cut after 对
        ("建设5大河长制巡查平台", "河长制巡查平台"),  # leading count dropped
        ("“河湖长制”平台运行率", "河湖长制平台"),  # quoted name + head word
        ("上报到省排污许可系统的数据", "省排污许可系统"),
    ],
)
def test_names_built_like_platform_names_are_discovered(text: str, name: str) -> None:
    assert found(text) == [(None, name, "discovered")]


@pytest.mark.parametrize(
    "text",
    [
        "对接各业务系统",
        "保障信息系统正常运行",
        "建设智能化管理平台及基础支撑平台",
        "在平台上建设",
        "系统故障响应率",
        "完成热线两大子系统新建",
    ],
)
def test_generic_names_are_not_platforms(text: str) -> None:
    assert found(text) == []


def test_a_long_misspelt_registry_name_resolves_fuzzily() -> None:
    assert found("优化天河公园智慧管里平台") == [("th-park", "天河公园智慧管里平台", "fuzzy")]
