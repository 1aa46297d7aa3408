"""The vocabulary: parses, has its metadata, labels and definitions, and agrees with code and shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, VANN

from budgetkg.rdf import iris
from budgetkg.rdf.codelists import budget_line
from budgetkg.rdf.namespaces import BKG, BKG_CONCEPTS, SH
from budgetkg.rdf.vocabulary import ONTOLOGY_DIR, SHAPES_DIR

OURS = ("budgetkg.ttl", "codelists.ttl", "indicator-categories.ttl")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, SKOS.Concept, SKOS.ConceptScheme)


def _load(*names: str, folder: Path = ONTOLOGY_DIR) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(folder / name, format="turtle")
    return graph


@pytest.mark.parametrize("name", OURS)
def test_file_parses(name: str) -> None:
    assert len(_load(name)) > 50


def test_ontology_metadata() -> None:
    graph = _load("budgetkg.ttl")
    ontology = URIRef("https://w3id.org/budgetkg/def")
    assert (ontology, RDF.type, OWL.Ontology) in graph
    assert graph.value(ontology, OWL.versionInfo) is not None
    assert graph.value(ontology, URIRef("http://purl.org/dc/terms/license")) is not None
    assert str(graph.value(ontology, VANN.preferredNamespacePrefix)) == "bkg"


@pytest.mark.parametrize("name", OURS)
def test_every_term_has_zh_and_en_labels_and_a_definition(name: str) -> None:
    graph = _load(name)
    terms = {s for kind in TERM_TYPES for s in graph.subjects(RDF.type, kind)}
    assert terms
    for term in terms:
        languages = {getattr(label, "language", None) for label in graph.objects(term, RDFS.label)}
        assert {"zh-Hans", "en"} <= languages, term
        definitions = list(graph.objects(term, SKOS.definition)) + list(graph.objects(term, RDFS.comment))
        assert any(isinstance(d, Literal) and d.language == "en" for d in definitions), term


def test_category_concepts_match_the_iri_module() -> None:
    graph = _load("indicator-categories.ttl")
    scheme = URIRef(BKG_CONCEPTS + "category")
    declared = {str(c).rsplit("/", 1)[-1] for c in graph.subjects(SKOS.inScheme, scheme)}
    assert declared == set(iris.category_keys())
    for key, (name, parent) in iris.category_keys().items():
        concept = URIRef(BKG_CONCEPTS + "category/" + key)
        labels = {str(label) for p in (SKOS.prefLabel, SKOS.altLabel) for label in graph.objects(concept, p)}
        assert name in labels, (key, name)
        if parent is not None:
            assert graph.value(concept, SKOS.broader) == iris.category_iri(parent)


def test_code_list_concepts_exist_for_every_records_code() -> None:
    graph = _load("codelists.ttl")
    codes = [iris.comparator_iri(c) for c in ("ge", "gt", "le", "lt", "eq", "range", "attain", "qualitative")]
    codes += [iris.period_iri("period"), iris.period_iri("annual"), iris.level_iri("city"), iris.level_iri("district")]
    codes += [iris.form_iri("department_overall"), iris.form_iri("project_table")]
    for code in codes:
        assert (code, RDF.type, SKOS.Concept) in graph, code


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("基本支出", "expenditure-type/basic"),
        ("项目支出", "expenditure-type/project"),
        ("财政拨款", "funding-source/fiscal-appropriation"),
        ("财政专户拨款", "funding-source/special-account"),
        ("其他资金", "funding-source/other"),
        ("财政专项资金", "funding-source/special-fund"),
        ("区本级使用资金", "budget-level/own-level"),
        ("总计", "budget-role/total"),
        ("合 计", "budget-role/total"),
    ],
)
def test_printed_budget_labels_map_to_concepts(label: str, key: str) -> None:
    assert budget_line(label) == URIRef(BKG_CONCEPTS + key)


def test_unknown_budget_label_stays_unknown() -> None:
    assert budget_line("广州市海珠区政务服务数据管理局 财政拨款") is None


def _in_lists(shapes: Graph, path: URIRef) -> list[set[URIRef]]:
    found = []
    for shape in shapes.subjects(SH.path, path):
        for head in shapes.objects(shape, SH["in"]):
            found.append({m for m in Collection(shapes, head) if isinstance(m, URIRef)})
    return found


@pytest.mark.parametrize(
    ("path", "schemes"),
    [
        (BKG.form, ("form",)),
        (BKG.governmentLevel, ("level",)),
        (BKG.comparator, ("comparator",)),
        (BKG.targetPeriod, ("target-period",)),
        (BKG.budgetLine, ("expenditure-type", "funding-source", "budget-level", "budget-role")),
    ],
)
def test_code_list_shapes_list_exactly_the_scheme_members(path: URIRef, schemes: tuple[str, ...]) -> None:
    ontology = _load("codelists.ttl")
    members = {
        c for s in schemes for c in ontology.subjects(SKOS.inScheme, URIRef(BKG_CONCEPTS + s)) if isinstance(c, URIRef)
    }
    lists = _in_lists(_load("codelists.ttl", folder=SHAPES_DIR), path)
    assert lists == [members]


def test_category_shapes_list_the_scheme_levels() -> None:
    ontology = _load("indicator-categories.ttl")
    level1 = set(ontology.subjects(BKG.level, Literal(1)))
    level2 = set(ontology.subjects(BKG.level, Literal(2)))
    shapes = _load("indicator-categories.ttl", folder=SHAPES_DIR)
    assert _in_lists(shapes, BKG.level1Category) == [level1]
    assert level2 in _in_lists(shapes, BKG.level2Category)
    assert _in_lists(shapes, BKG.candidateCategory) == [level2]
    assert _in_lists(shapes, BKG.inferredCategory) == [level1 | level2]
