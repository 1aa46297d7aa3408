"""``budgetkg validate``: exit codes, the JSON contract, the Turtle report; real store, real CLI."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from buildrun import cli
from rdflib import Graph

from budgetkg.rdf import iris
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import SH
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.records import BudgetFigure, Department, Filing, Source
from budgetkg.settings import DEFAULT_BASE_IRI, Settings
from budgetkg.store import open_store

SHAPES = "https://w3id.org/budgetkg/shapes#"


def test_seeds_conform_with_the_expected_warnings(seed_store: Path) -> None:
    run = cli("validate", "--store", str(seed_store), "--format", "json")
    assert run.returncode == 0, run.stderr.decode()
    report = json.loads(run.stdout)
    assert report["conforms"] is True
    assert set(report["results"][0]) == {"severity", "focus", "shape", "path", "message", "filing"}
    gaps = {
        r["filing"][:3]: r["message"] for r in report["results"] if r["shape"] == SHAPES + "BudgetPartsVsTotalShape"
    }
    assert set(gaps) == {"000", "002"}
    assert "财政专项资金" in gaps["002"] and "100" in gaps["002"]
    assert "财政拨款 0" in gaps["000"] and "5281.09" in gaps["000"]
    assert all(r["severity"] == "warning" for r in report["results"])


def test_turtle_report_is_a_shacl_graph(seed_store: Path) -> None:
    run = cli("validate", "--store", str(seed_store), "--format", "turtle")
    assert run.returncode == 0
    graph = Graph().parse(data=run.stdout.decode(), format="turtle")
    severities = set(graph.objects(None, SH.resultSeverity))
    assert severities == {SH.Warning}


def test_violations_exit_1(tmp_path: Path) -> None:
    bad = Filing(
        source=Source("x/neg.txt", "d" * 64, "utf-8"),
        form="department_overall",
        department=Department("某区某局", "district", None),
        year=None,
        budget=(BudgetFigure("项目支出", Decimal("-1"), (2, 2)),),
    )
    store = open_store(Settings(store=str(tmp_path / "store")), workers=0)
    store.replace_all(
        {str(iris.graph_iri(DEFAULT_BASE_IRI, bad)): canonical_ntriples(map_filing(bad, DEFAULT_BASE_IRI))}
    )
    store.close()
    run = cli("validate", "--store", str(tmp_path / "store"), "--format", "json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["conforms"] is False
    [violation] = [r for r in report["results"] if r["severity"] == "violation"]
    assert violation["filing"] == "neg" and violation["path"].endswith("/measure/amount")


def test_no_store_cannot_run(tmp_path: Path) -> None:
    run = cli("validate", "--store", str(tmp_path / "missing"))
    assert run.returncode == 2
    assert run.stderr.decode().count("\n") == 1 and "Traceback" not in run.stderr.decode()
