"""A small made-up registry for the structural tests: a city hub and a district (天河) that no seed names."""

from __future__ import annotations

from rdflib import Graph

from budgetkg.platforms.registry import Registry, registry_from_graph

TIANHE = "http://www.wikidata.org/entity/Q917049"
CITY = "http://www.wikidata.org/entity/Q16572"

TURTLE = """
@prefix bkg: <https://w3id.org/budgetkg/def#> .
@prefix reg: <https://w3id.org/budgetkg/registry/platform/> .
@prefix family: <https://w3id.org/budgetkg/def/platform-family/> .
@prefix level: <https://w3id.org/budgetkg/def/level/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
wd:Q16572 skos:prefLabel "广州市"@zh-Hans .
wd:Q917049 skos:prefLabel "天河区"@zh-Hans .
reg:hub a bkg:Platform ; skos:prefLabel "城智枢"@zh-Hans ; skos:altLabel "城智枢城市运行管理中枢"@zh-Hans ;
    bkg:family family:city-operation-hub ; bkg:platformLevel level:city ; dct:spatial wd:Q16572 .
reg:th-hub a bkg:Platform ; skos:prefLabel "天河区城市运行管理中枢"@zh-Hans ; skos:altLabel "城智枢天河分平台"@zh-Hans ;
    bkg:family family:city-operation-hub ; bkg:platformLevel level:district ; dct:spatial wd:Q917049 .
reg:th-park a bkg:Platform ; skos:prefLabel "天河公园智慧管理平台"@zh-Hans ;
    bkg:family family:city-operation-hub ; bkg:platformLevel level:district ; dct:spatial wd:Q917049 .
reg:th-lake a bkg:Platform ; skos:prefLabel "天河区数据湖"@zh-Hans ; bkg:localLabel "数据湖"@zh-Hans ;
    bkg:family family:data-platform ; dct:spatial wd:Q917049 .
reg:th-map a bkg:Platform ; skos:prefLabel "天河区时空一张图"@zh-Hans ; bkg:localLabel "时空一张图"@zh-Hans ;
    bkg:family family:map-gis ; dct:spatial wd:Q917049 .
reg:th-sensors a bkg:Platform ; skos:prefLabel "天河区感知平台"@zh-Hans ; bkg:localLabel "感知平台"@zh-Hans ;
    bkg:family family:common-support ; dct:spatial wd:Q917049 .
reg:th-street a bkg:Platform ; skos:prefLabel "天河区街道分平台"@zh-Hans ; bkg:localLabel "街道分平台"@zh-Hans ;
    bkg:family family:city-operation-hub ; bkg:platformLevel level:street ; dct:spatial wd:Q917049 .
reg:id a bkg:Platform ; skos:prefLabel "统一身份认证平台"@zh-Hans ; bkg:family family:online-government-services .
"""


def synthetic_registry() -> Registry:
    return registry_from_graph(Graph().parse(data=TURTLE, format="turtle"), "synthetic")
