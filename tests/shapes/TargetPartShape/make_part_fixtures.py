"""Regenerate the fixtures of the part shapes: `.venv/bin/python tests/shapes/TargetPartShape/make_part_fixtures.py`.

Writes tests/shapes/TargetPartShape/ and tests/shapes/TargetPartsShape/ the way tests/shapes/make_fixtures.py
writes the others: the graph of the small hand-made filing, here with 响应及时率's annual target stating
two parts (so that the part shapes have something to check), plus one SPARQL Update per fixture.
(Kept apart from make_fixtures.py, which another change owns; the two can be merged.)
"""

from __future__ import annotations

import sys
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

SHAPES = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(SHAPES), str(SHAPES.parent / "rdf")]

from handmade import BASE, SMALL_LINES, small_filing  # noqa: E402
from make_fixtures import fixture  # noqa: E402
from rdflib import Graph  # noqa: E402

from budgetkg.rdf.mapping import map_filing  # noqa: E402
from budgetkg.records import Target, TargetPart  # noqa: E402

PARTS = Target(
    "一般性操作≤5秒，一般性统计≤20%",
    "qualitative",
    parts=(
        TargetPart("一般性操作", "一般性操作≤5秒", "le", D("5"), max=D("5"), unit="s"),
        TargetPart("一般性统计", "一般性统计≤20%", "le", D("20"), max=D("20"), unit="%"),
    ),
    combine="all",
)
TARGET = "<https://kg.test/id/target/t1/响应及时率/annual>"
PART = "<https://kg.test/id/target/t1/响应及时率/annual/part/2>"

#: shape → (update keeping it valid, update tripping it)
CASES: dict[str, tuple[str, str]] = {
    "TargetPartShape": ("", f"DELETE WHERE {{ {PART} bkg:printedText ?x }}"),
    # a target with a single part is no several-part target
    "TargetPartsShape": ("", f"DELETE WHERE {{ {TARGET} bkg:targetPart {PART} }} ; DELETE WHERE {{ {PART} ?p ?o }}"),
}


def with_parts() -> Graph:
    filing = small_filing()
    indicator = replace(filing.indicators[0], annual_target=PARTS)
    return map_filing(replace(filing, indicators=(indicator,)), BASE, SMALL_LINES)


def main() -> None:
    for shape, (valid, invalid) in CASES.items():
        folder = SHAPES / shape
        folder.mkdir(exist_ok=True)
        (folder / "valid.ttl").write_text(
            f"# conforms to bkgsh:{shape}\n" + fixture(valid, with_parts).serialize(format="turtle"), encoding="utf-8"
        )
        (folder / "invalid.ttl").write_text(
            f"# trips: bkgsh:{shape}\n" + fixture(invalid, with_parts).serialize(format="turtle"), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
