"""Curated organisation changes: stated with a source, on the IRIs the mapper mints."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from budgetkg.errors import ConfigError
from budgetkg.rdf import iris
from budgetkg.rdf.labels import PINYIN
from budgetkg.rdf.namespaces import BKG, ORG
from budgetkg.rdf.organisations import organisations_graph
from budgetkg.rdf.validation import validate

BASE = "https://kg.test/"


def test_every_change_has_a_source_and_conforms() -> None:
    graph = organisations_graph(BASE)
    changes = list(graph.subjects(RDF.type, ORG.ChangeEvent))
    assert changes
    for change in changes:
        assert isinstance(graph.value(change, DCTERMS.source), URIRef)
        assert (change, BKG.unstated, DCTERMS.date) in graph or graph.value(change, DCTERMS.date) is not None
    assert validate(graph, "organisations").conforms


def test_panyu_rename_meets_the_mapped_department() -> None:
    graph = organisations_graph(BASE)
    old, new = "番禺区政务服务数据管理局", "番禺区政务服务和数据管理局"
    change = iris.organisation_change_iri(BASE, old)
    assert graph.value(change, ORG.originalOrganization) == iris.department_iri(BASE, old)
    assert graph.value(change, ORG.resultingOrganization) == iris.department_iri(BASE, new)
    department = iris.department_iri(BASE, new)
    assert {getattr(lbl, "language", None) for lbl in graph.objects(department, RDFS.label)} == {"zh-Hans"}
    assert {getattr(lbl, "language", None) for lbl in graph.objects(department, SKOS.altLabel)} == {PINYIN}


def test_base_is_the_deployments() -> None:
    graph = organisations_graph("https://elsewhere.example/x/")
    assert all(str(s).startswith("https://elsewhere.example/x/id/") for s in graph.subjects(RDF.type, ORG.ChangeEvent))


def test_broken_curated_file_is_a_config_error(tmp_path: Path) -> None:
    broken = tmp_path / "changes.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"changes\.ttl"):
        organisations_graph(BASE, broken)
