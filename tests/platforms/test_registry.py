from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from budgetkg.errors import ConfigError
from budgetkg.platforms.registry import Registry, load_registry, registry_from_graph
from budgetkg.platforms.vocabulary import FAMILIES, LEVELS
from budgetkg.records import Department

WD = "http://www.wikidata.org/entity/"
HAIZHU, PANYU, BAIYUN, GUANGZHOU = WD + "Q1022913", WD + "Q948245", WD + "Q80946", WD + "Q16572"


def test_registry_covers_every_family_and_only_known_terms(registry: Registry) -> None:
    families = {entry.family for entry in registry.platforms.values()}
    assert set(FAMILIES) <= families
    assert {entry.level for entry in registry.platforms.values()} - {None} <= set(LEVELS)
    assert {entry.place for entry in registry.platforms.values()} - {None} <= set(registry.places)
    for relation in registry.relations:
        assert relation.note, relation.key  # a curated relation always says why


def test_every_label_resolves_to_its_own_platform(registry: Registry) -> None:
    for entry in registry.platforms.values():
        for name in (entry.label, *entry.alt_labels, *entry.hidden_labels):
            assert registry.resolve(name, entry.place).key == entry.key, name
        for name in entry.local_labels:
            assert registry.resolve(name, entry.place).key == entry.key, name


def test_misprint_resolves_to_the_same_platform(registry: Registry) -> None:
    right = registry.resolve("12345热线管理智能辅助平台", HAIZHU)
    wrong = registry.resolve("12345热线管理职能辅助平台", HAIZHU)
    assert right.key == wrong.key == "haizhu-12345-assistant"
    assert (right.how, wrong.how) == ("local", "misprint")


def test_local_labels_only_count_in_their_own_jurisdiction(registry: Registry) -> None:
    assert registry.resolve("数据中台", PANYU).key == "yu-zhi-guan-data-middle"
    assert registry.resolve("数据中台", BAIYUN).key is None
    assert registry.resolve("政务云", HAIZHU).key == "haizhu-gov-cloud"
    assert registry.resolve("政务云", BAIYUN).key == "baiyun-gov-cloud"


def test_fuzzy_only_for_long_names_and_says_so(registry: Registry) -> None:
    typo = registry.resolve("智慧白云地理讯息平台", None)  # 信 → 讯
    assert (typo.key, typo.how) == ("baiyun-gis", "fuzzy")
    assert registry.resolve("禺智管", None).key == "yu-zhi-guan"
    assert registry.resolve("穗智管", None).key == "sui-zhi-guan"
    assert registry.resolve("粤智管", None).key is None  # one edit from both, and short: never merged


def test_ambiguous_name_resolves_to_neither_and_lists_both() -> None:
    turtle = """
        @prefix bkg: <https://w3id.org/budgetkg/def#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix reg: <https://w3id.org/budgetkg/registry/platform/> .
        reg:a a bkg:Platform ; skos:prefLabel "甲区智慧停车管理平台"@zh-Hans .
        reg:b a bkg:Platform ; skos:prefLabel "乙区智慧停车管理平台"@zh-Hans .
    """
    registry = registry_from_graph(Graph().parse(data=turtle, format="turtle"), "test")
    resolved = registry.resolve("丙区智慧停车管理平台", None)
    assert resolved.key is None
    assert set(resolved.candidates) == {"a", "b"}


def test_place_of_a_department(registry: Registry) -> None:
    assert registry.place_of(Department("广州市海珠区政务服务数据管理局", "district", "海珠区")) == HAIZHU
    assert registry.place_of(Department("x", "district", "番禺")) == PANYU
    assert registry.place_of(Department("广州市政务服务数据管理局", "city", None)) == GUANGZHOU
    assert registry.place_of(Department("某某局", "district", "不存在区")) is None


@pytest.mark.parametrize(
    "turtle",
    [
        "this is not turtle",
        "@prefix bkg: <https://w3id.org/budgetkg/def#> . <http://elsewhere/x> a bkg:Platform .",
        """@prefix bkg: <https://w3id.org/budgetkg/def#> . @prefix reg: <https://w3id.org/budgetkg/registry/platform/> .
           @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
           reg:a a bkg:Platform ; <http://www.w3.org/2004/02/skos/core#prefLabel> "甲"@zh-Hans .
           <https://w3id.org/budgetkg/registry/relation/r> a rdf:Statement ; rdf:subject reg:a ;
               rdf:predicate bkg:serves ; rdf:object reg:missing .""",
    ],
)
def test_a_broken_registry_is_a_config_error_naming_the_file(tmp_path: Path, turtle: str) -> None:
    path = tmp_path / "registry.ttl"
    path.write_text(turtle, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"registry\.ttl"):
        load_registry(path)
