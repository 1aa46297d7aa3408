"""What a build publishes beyond the filings, read back from the real store: printed amounts, the
DCAT/VoID catalogue, the curated organisation changes and pinyin labels."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, VOID

from budgetkg.commands.build import previous_issued
from budgetkg.rdf import published
from budgetkg.rdf.labels import PINYIN, pinyin
from budgetkg.rdf.namespaces import BKG, ORG
from budgetkg.rdf.validation import validate
from budgetkg.settings import DEFAULT_BASE_IRI, Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult

BASE = DEFAULT_BASE_IRI
PRINTED = """
PREFIX bkg: <https://w3id.org/budgetkg/def#>
PREFIX obeu-measure: <http://data.openbudgets.eu/ontology/dsd/measure/>
SELECT ?g ?label ?amount ?printed WHERE {
    GRAPH ?g { ?f a bkg:BudgetFigure ; bkg:printedLabel ?label ; obeu-measure:amount ?amount .
               OPTIONAL { ?f bkg:printedAmount ?printed } }
}"""


def _rows(store_dir: Path, query: str) -> SelectResult:
    store = open_store(Settings(store=str(store_dir)), workers=0)
    try:
        result = store.query(query)
    finally:
        store.close()
    assert isinstance(result, SelectResult) and not result.truncated
    return result


def test_every_stored_amount_keeps_its_printed_text(seed_store: Path) -> None:
    rows = _rows(seed_store, PRINTED).rows
    assert len(rows) >= 50
    for row in rows:
        amount, printed = row["amount"], row.get("printed")
        assert isinstance(amount, Literal) and isinstance(printed, Literal), row
        assert Decimal(str(printed).replace(",", "")) == amount.toPython()
    haizhu_project = [
        r for r in rows if str(r["g"]).endswith("/000_1727bbf5e7ead3fa") and str(r["label"]).startswith("项目支出")
    ]
    # the store canonicalises the value (2710.00 → 2710); the printed text is what the filing shows
    assert [(str(r["printed"]), r["amount"].toPython()) for r in haizhu_project] == [("2,710.00", Decimal("2710"))]


def test_catalogue_is_stored_valid_and_counts_the_store(seed_store: Path, seed_dataset: Dataset) -> None:
    catalog = Graph()
    for triple in seed_dataset.graph(published.void_graph_iri(BASE)):
        catalog.add(triple)
    assert validate(catalog, "catalog").conforms
    dataset = published.published_dataset_iri(BASE)
    counted = {str(s): catalog.value(s, VOID.triples) for s in catalog.objects(dataset, VOID.subset)}
    stored = {str(g.identifier): len(g) for g in seed_dataset.graphs() if len(g)}
    del stored[str(published.void_graph_iri(BASE))]  # the catalogue does not count itself
    assert {name: int(n) for name, n in counted.items() if isinstance(n, Literal)} == stored
    total = catalog.value(dataset, VOID.triples)
    assert isinstance(total, Literal) and total.toPython() == sum(stored.values())


def test_stored_class_partitions_equal_the_typed_resources_of_the_dump(seed_dataset: Dataset) -> None:
    # counted by rdflib over the dump (another engine than the one the build's counts are read from)
    vocabulary = published.vocabulary_graph_iri(BASE)
    ontology_terms = set(seed_dataset.graph(vocabulary).subject_objects(RDF.type))
    typed = {
        (s, o)
        for g in seed_dataset.graphs()
        if g.identifier != vocabulary
        for s, o in g.subject_objects(RDF.type)
        if isinstance(o, URIRef)
    } - ontology_terms
    expected: dict[URIRef, int] = {}
    for _, cls in typed:
        expected[cls] = expected.get(cls, 0) + 1
    catalog = seed_dataset.graph(published.void_graph_iri(BASE))
    dataset = published.published_dataset_iri(BASE)
    stated = {
        catalog.value(p, VOID["class"]): int(catalog.value(p, VOID.entities))  # type: ignore[arg-type]
        for p in catalog.objects(dataset, VOID.classPartition)
    }
    assert stated == expected
    assert int(catalog.value(dataset, VOID.entities)) == len({s for s, _ in typed})  # type: ignore[arg-type]


def test_a_rebuild_keeps_the_first_issue_date(seed_store: Path, seed_dataset: Dataset) -> None:
    catalog = seed_dataset.graph(published.void_graph_iri(BASE))
    issued = catalog.value(published.catalog_iri(BASE), DCTERMS.issued)
    assert isinstance(issued, Literal)
    store = open_store(Settings(store=str(seed_store)), workers=0)
    try:
        assert previous_issued(store, BASE) == issued.toPython()
    finally:
        store.close()


def test_no_previous_store_no_previous_issue(tmp_path: Path) -> None:
    store = open_store(Settings(store=str(tmp_path / "new")), workers=0)
    try:
        assert previous_issued(store, BASE) is None
    finally:
        store.close()


def test_the_rename_is_stored_with_its_source(seed_dataset: Dataset) -> None:
    organisations = seed_dataset.graph(URIRef(BASE + "graph/organisations"))
    [change] = organisations.subjects(ORG.originalOrganization, None)
    assert isinstance(organisations.value(change, DCTERMS.source), URIRef)
    original = organisations.value(change, ORG.originalOrganization)
    # the original organisation is the department that published the 番禺 filing
    assert any((None, DCTERMS.publisher, original) in g for g in seed_dataset.graphs())


def test_stored_platform_names_have_tone_marked_pinyin(seed_dataset: Dataset) -> None:
    registry = seed_dataset.graph(URIRef(BASE + "graph/platforms"))
    platforms = set(registry.subjects(RDF.type, BKG.Platform))
    assert platforms
    for platform in platforms:
        names = [n for n in registry.objects(platform, SKOS.prefLabel) if getattr(n, "language", None) == "zh-Hans"]
        pinyins = {str(p) for p in registry.objects(platform, SKOS.altLabel) if getattr(p, "language", None) == PINYIN}
        assert {pinyin(str(n)) for n in names} <= pinyins, platform
