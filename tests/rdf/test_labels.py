"""Labels in zh-Hans, en (where the vocabulary has English) and pinyin with tone marks."""

from __future__ import annotations

from handmade import BASE, SMALL_LINES, small_filing
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from budgetkg.rdf.labels import PINYIN, add_pinyin_to_class, pinyin
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, CV


def _labels(graph: Graph, node: URIRef) -> dict[str | None, set[str]]:
    """Language → labels: rdfs:label, and the pinyin skos:altLabel."""
    found: dict[str | None, set[str]] = {}
    for label in [*graph.objects(node, RDFS.label), *graph.objects(node, SKOS.altLabel)]:
        assert isinstance(label, Literal)
        found.setdefault(label.language, set()).add(str(label))
    return found


def test_pinyin_has_tone_marks_and_is_deterministic() -> None:
    assert pinyin("海珠区") == "hǎi zhū qū"
    assert pinyin("广州12345政府服务热线") == pinyin("广州12345政府服务热线")
    assert pinyin("广州12345热线") == "guǎng zhōu 12345 rè xiàn"


def test_no_chinese_no_pinyin() -> None:
    assert pinyin("ABC 123") is None


def test_named_things_carry_chinese_and_pinyin_labels() -> None:
    graph = map_filing(small_filing(), BASE, SMALL_LINES)
    kinds = (CV.PublicOrganisation, BKG.KeyTask, BKG.Project, BKG.Indicator)
    nodes = [n for kind in kinds for n in graph.subjects(RDF.type, kind) if isinstance(n, URIRef)]
    assert len(nodes) >= 5
    for node in nodes:
        labels = _labels(graph, node)
        [chinese] = labels["zh-Hans"]
        assert labels[PINYIN] == {pinyin(chinese)}, node
        # one rdfs:label per thing and language: queries reading "the" label get one row
        assert {getattr(x, "language", None) for x in graph.objects(node, RDFS.label)} == {"zh-Hans"}
    department = URIRef(BASE + "id/department/广州市海珠区政务服务数据管理局")
    assert _labels(graph, department)[PINYIN] == {"guǎng zhōu shì hǎi zhū qū zhèng wù fú wù shù jù guǎn lǐ jú"}


def test_budget_figures_get_english_from_the_code_list_only() -> None:
    graph = map_filing(small_filing(), BASE, SMALL_LINES)
    basic = _labels(graph, URIRef(BASE + "id/budget/t1/基本支出"))
    assert basic["zh-Hans"] == {"基本支出"}
    assert basic["en"] == {"basic expenditure"}


def test_canonical_names_of_a_class_get_pinyin() -> None:
    graph = Graph()
    platform, other = URIRef(BASE + "id/platform/sui-zhi-guan"), URIRef(BASE + "id/x")
    graph.add((platform, RDF.type, BKG.Platform))
    graph.add((platform, SKOS.prefLabel, Literal("穗智管", lang="zh-Hans")))
    graph.add((platform, SKOS.prefLabel, Literal("Suizhiguan", lang="en")))
    graph.add((other, SKOS.prefLabel, Literal("穗智管", lang="zh-Hans")))  # not a platform: untouched
    add_pinyin_to_class(graph, BKG.Platform)
    assert set(graph.objects(platform, SKOS.altLabel)) == {Literal("suì zhì guǎn", lang=PINYIN)}
    assert not set(graph.objects(other, SKOS.altLabel))
