"""Each lineage pattern on sentences no filing contains, with platforms no seed names."""

from __future__ import annotations

from synthetic import TIANHE, synthetic_registry

from budgetkg.platforms.lineage_text import Node, extract
from budgetkg.platforms.mentions import find_mentions, view_of


def relations(text: str, topic: str | None = None) -> set[tuple[str, str, str]]:
    registry = synthetic_registry()
    view = view_of(text)
    mentions = find_mentions(view, registry, TIANHE)
    parents = {name: Node(key, "") for name, (key, _) in registry.names_in_scope(TIANHE).items()}
    stated = extract(view, mentions, Node(topic, "") if topic else None, parents)
    return {(s.subject.key or s.subject.name, s.relation, s.object.key or s.object.name) for s in stated}


def test_pilot() -> None:
    text = "把天河公园智慧管理平台建设作为“城智枢”城市运行管理中枢天河分平台的试点项目，逐步推开。"
    assert ("th-park", "pilot_of", "th-hub") in relations(text)


def test_sub_platform_by_name_and_by_position() -> None:
    assert ("th-hub", "sub_platform_of", "hub") in relations("推进“城智枢”天河分平台建设。")
    assert relations("“城智枢”建设街道分平台数量。") == {("th-street", "sub_platform_of", "hub")}
    # no platform before it in the sentence: the record's topic is the parent
    assert relations("建设街道分平台示范项目。", topic="th-hub") == {("th-street", "sub_platform_of", "th-hub")}


def test_list_after_include_are_components_of_the_topic() -> None:
    text = "两大支撑平台包括：感知平台、时空一张图；"
    assert relations(text, topic="th-hub") == {
        ("th-sensors", "component_of", "th-hub"),
        ("th-map", "component_of", "th-hub"),
    }


def test_counted_parts_need_an_architecture() -> None:
    text = "以1+1为总体架构：一个数据湖，一个感知平台。"
    assert relations(text, topic="th-hub") == {
        ("th-lake", "component_of", "th-hub"),
        ("th-sensors", "component_of", "th-hub"),
    }
    assert relations("建成一个数据湖。", topic="th-hub") == set()  # a count alone states no architecture


def test_platform_builds_its_part() -> None:
    assert relations("“城智枢”建设数据湖数量。") == {("th-lake", "component_of", "hub")}
    # 建设 followed by another verb is not a build of the next platform
    assert ("hub", "component_of", "th-park") not in relations("天河公园智慧管理平台建设作为城智枢的延伸。")


def test_theme_of_a_platform() -> None:
    text = "推进天河区时空一张图建设，打造“天河区智慧停车管理平台”应用主题。"
    assert ("天河区智慧停车管理平台", "component_of", "th-map") in relations(text)


def test_serves() -> None:
    assert ("th-lake", "serves", "th-map") in relations("以数据湖基础数据为依托实现的天河区时空一张图。")
    assert ("id", "serves", "th-park") in relations("与统一身份认证平台账号认证对接。", topic="th-park")
    assert ("th-lake", "serves", "th-map") in relations("天河区时空一张图接入数据湖。")


def test_successor() -> None:
    assert ("th-map", "successor_of", "天河区电子地图系统") in relations("由天河区电子地图系统升级为天河区时空一张图。")
    assert ("th-map", "successor_of", "天河区电子地图系统") in relations("天河区时空一张图取代天河区电子地图系统。")


def test_no_relation_without_structure() -> None:
    assert relations("数据湖、感知平台和天河公园智慧管理平台稳定运行。") == set()
