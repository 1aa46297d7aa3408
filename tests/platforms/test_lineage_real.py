"""The lineage of the real filings named in issue 4, edge by edge, each with its evidence."""

from __future__ import annotations

import pytest
from platform_helpers import raw_lines

from budgetkg.platforms.links import FilingPlatforms, StatedIn
from budgetkg.platforms.registry import Registry


def stated(read: dict[str, FilingPlatforms], filing: str, source: str, relation: str, target: str) -> list[StatedIn]:
    return [
        s
        for s in read[filing].relations
        if (s.stated.subject.key, s.stated.relation, s.stated.object.key) == (source, relation, target)
    ]


def assert_evidence(read: dict[str, FilingPlatforms], filing: str, found: list[StatedIn], *words: str) -> None:
    """At least one statement; each quote and the filing lines it points to print every word given."""
    assert found
    path = read[filing].filing.source.path
    for statement in found:
        first, last = statement.lines
        assert 1 <= first <= last
        printed = raw_lines(path, first, last)
        for word in words:
            assert word in statement.stated.quote.replace(" ", "")
            assert word in printed.replace("“", "").replace("”", ""), (word, statement.lines)


@pytest.mark.parametrize("filing", ["000", "001"])
def test_canton_tower_platform_is_the_pilot_of_the_haizhu_sub_platform_of_suizhiguan(
    read: dict[str, FilingPlatforms], filing: str
) -> None:
    pilot = stated(read, filing, "canton-tower-platform", "pilot_of", "haizhu-hub")
    assert_evidence(read, filing, pilot, "试点", "广州塔景区智能化管理平台")
    sub = stated(read, filing, "haizhu-hub", "sub_platform_of", "sui-zhi-guan")
    assert_evidence(read, filing, sub, "分平台", "穗智管")


def test_digital_haizhu_map_carries_the_smart_community_theme(read: dict[str, FilingPlatforms]) -> None:
    theme = stated(read, "000", "haizhu-smart-community", "component_of", "digital-haizhu-map")
    assert_evidence(read, "000", theme, "智慧社区", "应用主题")


@pytest.mark.parametrize(
    ("part", "word"),
    [
        ("yu-zhi-guan-data-base", "数据底座"),
        ("yu-zhi-guan-comms", "融合通信平台"),
        ("yu-zhi-guan-video-cloud", "视频云平台"),
        ("yu-zhi-guan-visualisation", "可视化平台"),
        ("yu-zhi-guan-iot", "物联网平台"),
        ("yu-zhi-guan-ai", "AI平台"),
        ("yu-zhi-guan-data-middle", "数据中台"),
        ("yu-zhi-guan-applications", "N应用"),
    ],
)
def test_yuzhiguan_1_5_1_n_architecture(read: dict[str, FilingPlatforms], part: str, word: str) -> None:
    assert_evidence(read, "002", stated(read, "002", part, "component_of", "yu-zhi-guan"), word)


def test_yuzhiguan_town_street_sub_platform(read: dict[str, FilingPlatforms]) -> None:
    found = stated(read, "002", "yu-zhi-guan-university-town", "sub_platform_of", "yu-zhi-guan")
    assert_evidence(read, "002", found, "镇街分平台")
    assert any("大学城" in s.stated.quote for s in found)


@pytest.mark.parametrize(
    ("part", "word"),
    [
        ("smart-baiyun-digital-platform", "数字平台"),
        ("smart-baiyun-brain", "智慧大脑"),
        ("smart-baiyun-applications", "智慧应用"),
    ],
)
def test_smart_baiyun_platform_brain_and_applications(read: dict[str, FilingPlatforms], part: str, word: str) -> None:
    assert_evidence(read, "004", stated(read, "004", part, "component_of", "smart-baiyun"), word, "+")


def test_city_statements(read: dict[str, FilingPlatforms]) -> None:
    assert_evidence(
        read, "003", stated(read, "003", "yue-zheng-yi", "serves", "guangzhou-project-mgmt"), "粤政易", "对接"
    )
    online = stated(read, "003", "guangdong-gov-service-platform", "serves", "guangzhou-online-gov-platform")
    assert_evidence(read, "003", online, "省政务服务平台", "对接")


def test_curated_counterparts_of_suizhiguan_say_why(registry: Registry) -> None:
    curated = {(r.subject, r.relation, r.object): r.note for r in registry.relations}
    for hub in ("yu-zhi-guan", "baiyun-command"):
        assert curated[(hub, "counterpart_of", "sui-zhi-guan")]


def test_every_stated_relation_names_two_different_platforms(read: dict[str, FilingPlatforms]) -> None:
    for platforms in read.values():
        for statement in platforms.relations:
            assert statement.stated.subject != statement.stated.object


def records_linked_to(platforms: FilingPlatforms, key: str) -> set[str]:
    return {link.subject.kind for link in platforms.links if link.node.key == key}


def test_hotline_systems_of_each_jurisdiction(read: dict[str, FilingPlatforms]) -> None:
    # 海珠 prints its 12345 platform as 智能辅助 and once as 职能辅助: one node, linked to a task and a goal
    haizhu = [link for link in read["000"].links if link.node.key == "haizhu-12345-assistant"]
    assert {link.mention.how for link in haizhu} == {"local", "misprint"}
    assert {link.subject.kind for link in haizhu} == {"goal", "task"}
    assert {"task"} <= records_linked_to(read["004"], "baiyun-12345-smart")
    assert records_linked_to(read["004"], "baiyun-12345-analytics") == {"task"}
    assert records_linked_to(read["004"], "baiyun-12345-tickets") == {"task"}
    assert "project" in records_linked_to(read["003"], "guangzhou-12345-hotline")


def test_mentions_point_at_lines_that_print_them(read: dict[str, FilingPlatforms]) -> None:
    checked = 0
    for platforms in read.values():
        path = platforms.filing.source.path
        for link in platforms.links:
            first, last = link.lines
            printed = raw_lines(path, first, last)
            surface = "".join(link.mention.surface.split()).replace("“", "").replace("”", "")
            if surface in printed.replace("“", "").replace("”", ""):
                checked += 1
    total = sum(len(p.links) for p in read.values())
    assert checked == total
