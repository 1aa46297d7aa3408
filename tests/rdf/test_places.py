"""Districts → Wikidata items from the curated registry; unknown places get no link."""

from __future__ import annotations

import pytest

from budgetkg.rdf.places import place_iri

WD = "http://www.wikidata.org/entity/"


@pytest.mark.parametrize(
    ("name", "item"),
    [
        ("海珠区", "Q1022913"),
        ("番禺", "Q948245"),
        ("白云区", "Q80946"),
        ("广州市", "Q16572"),
        ("广州市天河区", "Q917049"),
    ],
)
def test_known_places(name: str, item: str) -> None:
    assert str(place_iri(name)) == WD + item


def test_unknown_place_is_none() -> None:
    assert place_iri("某某区") is None
