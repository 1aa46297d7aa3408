"""Regenerate tests/shapes/<Shape>/{valid,invalid}.ttl: `.venv/bin/python tests/shapes/make_fixtures.py`.

Each fixture is the graph of a small hand-made filing (tests/rdf/handmade.py) plus one SPARQL Update:
for valid.ttl one that exercises the shape and still conforms, for invalid.ttl one that trips it.  The
fixtures are written out as Turtle and checked in, so a reader sees the data each shape is tested on;
test_shapes.py only reads them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "rdf"))

from dataclasses import replace  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from decimal import Decimal as D  # noqa: E402

from handmade import BASE, SMALL_LINES, small_filing  # noqa: E402
from rdflib import Graph  # noqa: E402

from budgetkg.rdf import iris  # noqa: E402
from budgetkg.rdf.catalog import BuildTimes, catalog_graph  # noqa: E402
from budgetkg.rdf.mapping import map_filing  # noqa: E402
from budgetkg.rdf.namespaces import PREFIXES  # noqa: E402
from budgetkg.rdf.organisations import organisations_graph  # noqa: E402
from budgetkg.rdf.serialize import canonical_ntriples  # noqa: E402
from budgetkg.records import Target, TargetPart  # noqa: E402

PREFIX = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items()) + (
    f"PREFIX id: <{BASE}id/>\n"
    "PREFIX cat: <https://w3id.org/budgetkg/def/category/>\n"
    "PREFIX cmp: <https://w3id.org/budgetkg/def/comparator/>\n"
    "PREFIX role: <https://w3id.org/budgetkg/def/budget-role/>\n"
)
F = "<https://kg.test/id/filing/t1>"
T = "?t"
ANNUAL = "<https://kg.test/id/target/t1/平台运维/系统数量/annual>"
PERIOD = "<https://kg.test/id/target/t1/平台运维/系统数量/period>"
IND = "<https://kg.test/id/indicator/t1/平台运维/系统数量>"
OPEN = "<https://kg.test/id/indicator/t1/响应及时率>"
PROJ = "<https://kg.test/id/project/t1/平台运维>"
DEPT = "<https://kg.test/id/department/广州市海珠区政务服务数据管理局>"
INFERENCE = f"""INSERT DATA {{ <https://kg.test/id/inference/t1/x> a bkg:CategoryInference ; bkg:inferredFor {OPEN} ;
    bkg:inferredCategory cat:output-quality ; prov:wasDerivedFrom {IND} ; rdfs:comment "推断"@zh-Hans }}"""


def figure(label: str) -> str:
    return f"<https://kg.test/id/budget/t1/{label}>"


def set_value(node: str, predicate: str, old: str, new: str) -> str:
    return f"DELETE DATA {{ {node} {predicate} {old} }} ; INSERT DATA {{ {node} {predicate} {new} }}"


def set_amount(node: str, old: str, new: str) -> str:
    """A changed amount, printed text and value together (else PrintedAmountShape trips instead)."""
    return (
        set_value(node, "obeu-measure:amount", f'"{old}"^^xsd:decimal', f'"{new}"^^xsd:decimal')
        + " ; "
        + set_value(node, "bkg:printedAmount", f'"{old}"', f'"{new}"')
    )


def set_amounts(where: str, new: str) -> str:
    """Every figure matched by ``where`` (binding ?a) gets the amount ``new``, printed and as a value."""
    return (
        f"DELETE {{ ?a obeu-measure:amount ?x ; bkg:printedAmount ?p }} "
        f'INSERT {{ ?a obeu-measure:amount "{new}"^^xsd:decimal ; bkg:printedAmount "{new}" }} '
        f"WHERE {{ {where} ?a obeu-measure:amount ?x ; bkg:printedAmount ?p . }}"
    )


#: shape → (update keeping it valid, update tripping it)
CASES: dict[str, tuple[str, str]] = {
    "FilingShape": (
        set_value(F, "bkg:fiscalYear", '"2023"^^xsd:gYear', '"2024"^^xsd:gYear'),
        f'DELETE DATA {{ {F} bkg:fiscalYear "2023"^^xsd:gYear }}',
    ),
    "DepartmentShape": ("", f"DELETE WHERE {{ {DEPT} bkg:governmentLevel ?l }}"),
    "ProvenanceShape": ("", set_value(IND, "bkg:firstLine", "12", "13")),
    "BudgetFigureShape": (
        set_value(figure("其他资金"), "obeu-measure:amount", '"0.00"^^xsd:decimal', '"0"^^xsd:decimal'),
        set_value(figure("其他资金"), "obeu-measure:amount", '"0.00"^^xsd:decimal', '"-1.00"^^xsd:decimal'),
    ),
    "GoalShape": ("", "DELETE { ?g dct:description ?d } WHERE { ?g a bkg:PerformanceGoal ; dct:description ?d }"),
    "TaskShape": ("", 'INSERT { ?t rdfs:label "第二个名称"@zh-Hans } WHERE { ?t a bkg:KeyTask }'),
    "ProjectShape": ("", f"DELETE DATA {{ {F} bkg:hasProject {PROJ} }}"),
    "IndicatorShape": ("", f"DELETE DATA {{ {PROJ} bkg:hasIndicator {IND} }}"),
    "IndicatorStatedOrCandidatesShape": (
        f"DELETE WHERE {{ {OPEN} bkg:candidateCategory ?c }} ; "
        f"INSERT DATA {{ {OPEN} bkg:level2Category cat:output-quality }}",
        f"INSERT DATA {{ {IND} bkg:candidateCategory cat:output-quality }}",
    ),
    "TargetShape": ("", f"DELETE WHERE {{ {PERIOD} bkg:printedText ?x }}"),
    "PercentTargetShape": (
        set_value(ANNUAL, "schema:value", '"95"^^xsd:decimal', '"100"^^xsd:decimal')
        + " ; "
        + set_value(ANNUAL, "schema:maxValue", '"95"^^xsd:decimal', '"100"^^xsd:decimal'),
        set_value(ANNUAL, "schema:maxValue", '"95"^^xsd:decimal', '"292"^^xsd:decimal')
        + " ; "
        + set_value(ANNUAL, "schema:value", '"95"^^xsd:decimal', '"292"^^xsd:decimal'),
    ),
    "SingleValueTargetShape": (
        set_value(PERIOD, "bkg:comparator", "cmp:ge", "cmp:attain") + f" ; DELETE WHERE {{ {PERIOD} schema:value ?v }}",
        f"DELETE WHERE {{ {PERIOD} schema:value ?v }}",
    ),
    "RangeTargetShape": (
        set_value(ANNUAL, "bkg:comparator", "cmp:eq", "cmp:range") + f" ; DELETE WHERE {{ {ANNUAL} schema:value ?v }}",
        set_value(ANNUAL, "bkg:comparator", "cmp:eq", "cmp:range")
        + f" ; DELETE WHERE {{ {ANNUAL} schema:value ?v }} ; DELETE WHERE {{ {ANNUAL} schema:maxValue ?v }}",
    ),
    "FindingShape": (
        "",
        'DELETE WHERE { ?f bkg:severity ?s } ; INSERT { ?f bkg:severity "fatal" } WHERE { ?f a bkg:Finding }',
    ),
    "PrintedAmountShape": ("", set_value(figure("合计"), "bkg:printedAmount", '"200.00"', '"250.00"')),
    "CategoryInferenceShape": (INFERENCE, INFERENCE + " ; DELETE WHERE { ?i bkg:inferredFor ?x }"),
    "BudgetPartsVsTotalShape": (
        "",
        set_amount(figure("财政拨款"), "300.00", "0"),
    ),
    "TasksVsProjectSpendingShape": (
        "",
        set_amounts("?a bkg:budgetLine role:planned .", "150.00"),
    ),
    "ProjectsVsTotalShape": (
        "",
        set_amount(figure("合计"), "200.00", "250.00"),
    ),
    "ProjectFundingVsTotalShape": (
        "",
        set_amounts(f"{PROJ} bkg:allocation ?a . ?a bkg:budgetLine ?l . FILTER (?l != role:total)", "180.00"),
    ),
    "FilingFormShape": (
        "",
        set_value(F, "bkg:form", "<https://w3id.org/budgetkg/def/form/department-overall>", "bkg:Other"),
    ),
    "GovernmentLevelShape": (
        "",
        set_value(DEPT, "bkg:governmentLevel", "<https://w3id.org/budgetkg/def/level/district>", "bkg:Province"),
    ),
    "ComparatorShape": ("", set_value(PERIOD, "bkg:comparator", "cmp:ge", "cmp:about")),
    "TargetPeriodShape": (
        "",
        set_value(
            PERIOD, "bkg:targetPeriod", "<https://w3id.org/budgetkg/def/target-period/implementation>", "bkg:Quarter"
        ),
    ),
    "BudgetLineShape": ("", set_value(figure("合计"), "bkg:budgetLine", "role:total", "bkg:Unknown")),
    "IndicatorCategoryShape": ("", set_value(IND, "bkg:level1Category", "cat:output", "cat:output-quality")),
    "IndicatorCategoryHierarchyShape": (
        "",
        set_value(IND, "bkg:level2Category", "cat:output-quantity", "cat:benefit-social"),
    ),
    "CategoryInferenceTargetShape": (INFERENCE, INFERENCE.replace("cat:output-quality", "bkg:Guess")),
}


DATASET = "<https://kg.test/id/catalog/budgetkg>"
#: shape of shapes/catalog.ttl → (update keeping it valid, update tripping it), applied to catalogue()
CATALOG_CASES: dict[str, tuple[str, str]] = {
    "CatalogShape": ("", "DELETE { ?c dct:license ?l } WHERE { ?c a dcat:Catalog ; dct:license ?l }"),
    "PublishedDatasetShape": (
        "",
        f"DELETE WHERE {{ {DATASET} void:triples ?n }} ; INSERT DATA {{ {DATASET} void:triples 5 }}",
    ),
    "VoidSubsetShape": (
        "",
        "DELETE { ?g void:triples ?n } WHERE { ?g a void:Dataset ; dct:source ?f ; void:triples ?n }",
    ),
    "DistributionShape": ("", "DELETE { ?d dcat:accessURL ?u } WHERE { ?d a dcat:Distribution ; dcat:accessURL ?u }"),
    "DataServiceShape": ("", "DELETE { ?s dcat:endpointURL ?u } WHERE { ?s a dcat:DataService ; dcat:endpointURL ?u }"),
}


#: shape of shapes/organisations.ttl → updates, applied to the curated organisation changes
ORGANISATION_CASES: dict[str, tuple[str, str]] = {
    "OrganisationChangeShape": ("", "DELETE { ?c dct:source ?s } WHERE { ?c a org:ChangeEvent ; dct:source ?s }"),
}


def catalogue() -> Graph:
    """The catalogue a build of small_filing() alone writes (fixed times: fixtures do not change)."""
    filing = small_filing()
    loaded = {str(iris.graph_iri(BASE, filing)): canonical_ntriples(map_filing(filing, BASE, SMALL_LINES))}
    when = datetime(2026, 1, 1, tzinfo=UTC)
    return catalog_graph(BASE, loaded, [filing], BuildTimes(started=when, modified=when, issued=when))


#: a target stating two parts (bkg:targetPart), so the part shapes have something to check
PARTS = Target(
    "一般性操作≤5秒，一般性统计≤20%",
    "qualitative",
    parts=(
        TargetPart("一般性操作", "一般性操作≤5秒", "le", D("5"), max=D("5"), unit="s"),
        TargetPart("一般性统计", "一般性统计≤20%", "le", D("20"), max=D("20"), unit="%"),
    ),
    combine="all",
)
PARTS_TARGET = "<https://kg.test/id/target/t1/响应及时率/annual>"
PART = "<https://kg.test/id/target/t1/响应及时率/annual/part/2>"
PART_CASES: dict[str, tuple[str, str]] = {
    "TargetPartShape": ("", f"DELETE WHERE {{ {PART} bkg:printedText ?x }}"),
    # a target with a single part is no several-part target
    "TargetPartsShape": (
        "",
        f"DELETE WHERE {{ {PARTS_TARGET} bkg:targetPart {PART} }} ; DELETE WHERE {{ {PART} ?p ?o }}",
    ),
}


def with_parts() -> Graph:
    """The small filing's graph with 响应及时率's annual target stating two parts."""
    filing = small_filing()
    indicator = replace(filing.indicators[0], annual_target=PARTS)
    return map_filing(replace(filing, indicators=(indicator,)), BASE, SMALL_LINES)


def small_graph() -> Graph:
    return map_filing(small_filing(), BASE, SMALL_LINES)


def fixture(update: str, start: Callable[[], Graph] = small_graph) -> Graph:
    graph = start()
    if update:
        graph.update(PREFIX + update)
    return graph


def main() -> None:
    cases = [(shape, updates, small_graph) for shape, updates in CASES.items()]
    cases += [(shape, updates, catalogue) for shape, updates in CATALOG_CASES.items()]
    cases += [(shape, updates, lambda: organisations_graph(BASE)) for shape, updates in ORGANISATION_CASES.items()]
    cases += [(shape, updates, with_parts) for shape, updates in PART_CASES.items()]
    for shape, (valid, invalid), start in cases:
        folder = HERE / shape
        folder.mkdir(exist_ok=True)
        (folder / "valid.ttl").write_text(
            f"# conforms to bkgsh:{shape}\n" + fixture(valid, start).serialize(format="turtle"), encoding="utf-8"
        )
        (folder / "invalid.ttl").write_text(
            f"# trips: bkgsh:{shape}\n" + fixture(invalid, start).serialize(format="turtle"), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
