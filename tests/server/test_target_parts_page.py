"""An indicator whose target states several quantities shows the parts under the printed target on its page,
each with its label, its printed text and its own normalised reading (the graph's bkg:targetPart nodes)."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient
from rdflib.term import Literal

from budgetkg.store import Store
from budgetkg.store.base import SelectResult

PARTS = """
PREFIX bkg: <https://w3id.org/budgetkg/def#>
SELECT ?indicator ?target ?ordinal ?label ?printed ?combine WHERE {
  ?indicator bkg:annualTarget|bkg:periodTarget ?target .
  ?target bkg:targetPart ?part .
  ?part bkg:ordinal ?ordinal ; bkg:printedText ?printed .
  OPTIONAL { ?part bkg:partLabel ?label }
  OPTIONAL { ?target bkg:partsCombine ?combine }
}
ORDER BY ?indicator ?target ?ordinal
"""


def test_every_part_of_a_several_part_target_is_on_its_indicator_page(real: TestClient, real_store: Store) -> None:
    result = real_store.query(PARTS, all_rows=True)
    assert isinstance(result, SelectResult) and result.rows, "the seed graph has several-part targets"
    indicator = result.rows[0]["indicator"]
    parts = [row for row in result.rows if row["indicator"] == indicator]
    assert len(parts) >= 2
    page = html.unescape(real.get(str(indicator).replace("http://kg.test/id/", "/doc/")).text)
    for row in parts:
        assert str(row["printed"]) in page
        label = row.get("label")
        if isinstance(label, Literal):
            assert f"{int(row['ordinal'])}. {label}" in page
    # the whole says how its parts combine, where the filing says it
    wording = {"all": "分项全部达到", "any": "任一分项达到"}
    for combine in {str(row["combine"]) for row in parts if "combine" in row}:
        assert wording[combine] in page
