"""Every shape has a conforming and a non-conforming fixture; the latter names the shape it trips.

valid.ttl must give no result from its shape and no violation at all; invalid.ttl must give a result
whose source shape is the named one (or one of its property shapes).  Every node shape of shapes/
must have a folder here, so a new shape cannot go untested.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from budgetkg.rdf.namespaces import SH
from budgetkg.rdf.validation import Outcome, validate
from budgetkg.rdf.vocabulary import SHAPES_DIR, shapes

HERE = Path(__file__).resolve().parent
SHAPES_NS = "https://w3id.org/budgetkg/shapes#"
OUR_FILES = ("budgetkg.ttl", "codelists.ttl", "indicator-categories.ttl", "catalog.ttl", "organisations.ttl")
FOLDERS = sorted(p for p in HERE.iterdir() if (p / "invalid.ttl").is_file())


def _outcome(path: Path) -> Outcome:
    return validate(Graph().parse(path, format="turtle"), "fixture")


def _named_shape(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# trips: bkgsh:"), f"{path} must name the shape it trips on its first line"
    return SHAPES_NS + first.removeprefix("# trips: bkgsh:").strip()


def test_every_node_shape_has_fixtures() -> None:
    # shapes/platforms.ttl is tested by its owner; these are the shapes of our three ontology files
    ours = Graph()
    for name in OUR_FILES:
        ours.parse(SHAPES_DIR / name, format="turtle")
    named = {str(s).removeprefix(SHAPES_NS) for s in ours.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
    assert named == {p.name for p in FOLDERS}


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_valid_fixture_conforms(folder: Path) -> None:
    outcome = _outcome(folder / "valid.ttl")
    shape = SHAPES_NS + folder.name
    assert outcome.conforms, [r.message for r in outcome.results if r.severity == "violation"]
    assert not [r for r in outcome.results if r.shape == shape]


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_invalid_fixture_trips_its_shape(folder: Path) -> None:
    shape = _named_shape(folder / "invalid.ttl")
    assert shape == SHAPES_NS + folder.name
    outcome = _outcome(folder / "invalid.ttl")
    tripped = {r.shape for r in outcome.results}
    property_shapes = {str(p) for p in shapes().objects(URIRef(shape), SH.property)}
    assert tripped & ({shape} | property_shapes), f"{folder.name} tripped only {sorted(tripped)}"


@pytest.mark.parametrize(
    "shape",
    [
        "PercentTargetShape",
        "BudgetPartsVsTotalShape",
        "TasksVsProjectSpendingShape",
        "ProjectsVsTotalShape",
        "ProjectFundingVsTotalShape",
    ],
)
def test_printed_data_quality_is_a_warning_not_a_violation(shape: str) -> None:
    """What the filing prints (a gap, a 292%) is surfaced while the filing still loads."""
    outcome = _outcome(HERE / shape / "invalid.ttl")
    assert outcome.conforms
    assert {r.severity for r in outcome.results if r.shape == SHAPES_NS + shape} == {"warning"}
