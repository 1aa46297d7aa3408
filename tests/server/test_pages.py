"""The browser's pages over the graph of the five real filings: what they show is what the store holds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from page_reading import read, wan_amounts, yuan_amounts
from rdflib.namespace import SKOS
from rdflib.term import Literal, URIRef

from budgetkg.platforms.analysis import load_lineage
from budgetkg.rdf.vocabulary import ontology
from budgetkg.server.app import create_app
from budgetkg.server.urls import IriMap
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult, Store

BKG = "https://w3id.org/budgetkg/def#"
PREFIXES = f"""PREFIX bkg: <{BKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX obeu: <http://data.openbudgets.eu/ontology/dsd/measure/>
PREFIX sh: <http://www.w3.org/ns/shacl#>
PREFIX dct: <http://purl.org/dc/terms/>
"""
KINDS = ["Filing", "Project", "KeyTask", "PerformanceGoal", "Indicator", "Target", "Platform", "BudgetFigure"]


def rows(store: Store, query: str) -> list[dict[str, object]]:
    result = store.query(PREFIXES + query)
    assert isinstance(result, SelectResult)
    return [dict(r) for r in result.rows]


def doc(settings: Settings, iri: object) -> str:
    return IriMap(settings.base_iri).document(str(iri))


def html(client: TestClient, path: str) -> str:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == 200, path
    return response.text


@pytest.mark.parametrize("kind", KINDS)
def test_an_entity_of_every_kind_has_its_page(
    real: TestClient, real_store: Store, real_settings: Settings, kind: str
) -> None:
    found = rows(real_store, f"SELECT ?x WHERE {{ ?x a bkg:{kind} }} ORDER BY ?x LIMIT 1")
    assert found, f"the real graph has no bkg:{kind}"
    page = read(html(real, doc(real_settings, found[0]["x"])))
    # labels, or for unlabelled nodes what they print (a target's printed text)
    named = f"SELECT ?l WHERE {{ <{found[0]['x']}> rdfs:label|skos:prefLabel|bkg:printedText ?l }}"
    labels = {str(r["l"]) for r in rows(real_store, named)}
    assert page.h1 in labels | {str(found[0]["x"])}


def test_department_and_category_pages(real: TestClient, real_store: Store, real_settings: Settings) -> None:
    dept = rows(real_store, "SELECT ?d WHERE { ?f a bkg:Filing ; dct:publisher ?d } LIMIT 1")[0]["d"]
    assert (
        "部门" in read(html(real, doc(real_settings, dept))).text
        or "政务" in read(html(real, doc(real_settings, dept))).h1
    )
    category = URIRef("https://w3id.org/budgetkg/def/category/output")
    page = read(html(real, doc(real_settings, category)))
    # the store's label when it holds the vocabulary, else the label the ontology declares
    labels = {str(r["l"]) for r in rows(real_store, f"SELECT ?l WHERE {{ <{category}> rdfs:label|skos:prefLabel ?l }}")}
    labels |= {str(label) for label in ontology().objects(category, SKOS.prefLabel) if label.language == "zh-Hans"}
    assert page.h1 in labels


def test_project_page_shows_amounts_targets_and_source_lines(
    real: TestClient, real_store: Store, real_settings: Settings
) -> None:
    # the project with the largest printed total, whatever its name
    project = rows(
        real_store,
        """SELECT ?p ?amount ?first ?last ?source WHERE {
             ?p a bkg:Project ; bkg:allocation ?f ; bkg:firstLine ?first ; bkg:lastLine ?last ;
                <http://www.w3.org/ns/prov#wasDerivedFrom> ?filing .
             ?filing dct:source ?source .
             ?f obeu:amount ?amount ; bkg:budgetLine <https://w3id.org/budgetkg/def/budget-role/total> .
           } ORDER BY DESC(?amount) LIMIT 1""",
    )[0]
    page = read(html(real, doc(real_settings, project["p"])))
    expected = Decimal(str(project["amount"]))
    amounts = page.table("amounts")
    assert expected in wan_amounts(" ".join(c.text for row in amounts.rows for c in row))
    assert expected * 10000 in yuan_amounts(" ".join(c.text for row in amounts.rows for c in row))
    # the source excerpt is the filing's own lines first..last
    lines = (Path(real_settings.filings_dir) / str(project["source"])).read_text(encoding="utf-8").splitlines()
    first, last = int(str(project["first"])), int(str(project["last"]))
    for number in range(first, last + 1):
        assert lines[number - 1].strip()[:40] in page.text.replace("\n", " ") or not lines[number - 1].strip()
    assert (f"第 {first}–{last} 行" if last != first else f"第 {first} 行") in page.text


def test_indicator_page_shows_target_printed_and_normalised(
    real: TestClient, real_store: Store, real_settings: Settings
) -> None:
    found = rows(
        real_store,
        """SELECT ?i ?printed ?value WHERE {
             ?i bkg:annualTarget ?t . ?t bkg:printedText ?printed ;
                bkg:comparator <https://w3id.org/budgetkg/def/comparator/ge> ; <https://schema.org/value> ?value .
           } ORDER BY ?i LIMIT 1""",
    )[0]
    table = read(html(real, doc(real_settings, found["i"]))).table("targets")
    cells = [[c.text.strip() for c in row] for row in table.rows[1:]]
    printed = [row[1] for row in cells]
    assert str(found["printed"]) in printed
    normalised = cells[printed.index(str(found["printed"]))][2]
    assert normalised.startswith("≥ ")
    assert Decimal(normalised.split()[1]) == Decimal(str(found["value"]))


def test_paging_of_a_large_link_group(real: TestClient, real_store: Store, real_settings: Settings) -> None:
    category = "https://w3id.org/budgetkg/def/category/output"
    members = {str(r["i"]) for r in rows(real_store, f"SELECT ?i WHERE {{ ?i bkg:level1Category <{category}> }}")}
    assert len(members) > 50, "the seed graph should give this category more than one page"
    seen: set[str] = set()
    path: str | None = doc(real_settings, category) + f"&dir=in&p={BKG}level1Category&offset=0"
    pages = 0
    while path:
        page = read(html(real, path))
        group = next(
            row
            for t in page.tables
            if "links" in t.classes
            for row in t.rows
            if any("level1Category" in link for link in row[0].links)
        )
        assert int(group[1].text) == len(members)
        links = [href for href in group[2].links if "/doc/indicator/" in href]
        assert 0 < len(links) <= 50
        iri_map = IriMap(real_settings.base_iri)
        seen.update(iri_map.iri_candidates(h.removeprefix("/doc/").split("?")[0])[-1] for h in links)
        nxt = [href for href, text in page.links if "Next" in text and "level1Category" in href]
        path = nxt[0].replace("&amp;", "&") if nxt else None
        pages += 1
    assert pages >= 2
    assert seen == members


#: the typed resources of the store counted live, an ontology term's own typing left out (the build states them)
LIVE_COUNTS = """SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s a ?type }} FILTER(?g != <{vocabulary}>)
  FILTER NOT EXISTS {{ GRAPH <{vocabulary}> {{ ?s a ?type }} }}
}} GROUP BY ?type"""


def live_counts(store: Store, base: str) -> dict[str, int]:
    found = rows(store, LIVE_COUNTS.format(vocabulary=base + "graph/vocabulary"))
    return {str(r["type"]): int(str(r["n"])) for r in found}


def test_home_counts_are_those_of_the_stored_graph(
    real: TestClient, real_store: Store, real_settings: Settings
) -> None:
    page = read(html(real, "/"))
    shown = {}
    for row in page.table("counts").rows[1:]:
        [href] = row[0].links  # the type's own page: /resource?iri=… or /doc/…
        query = parse_qs(urlsplit(href).query)
        iri = query["iri"][0] if "iri" in query else IriMap(real_settings.base_iri).iri_candidates(href[5:])[-1]
        shown[iri] = int(row[1].text)
    assert shown == live_counts(real_store, real_settings.base_iri)
    assert shown[BKG + "Platform"] > 0 and shown[BKG + "Filing"] == 5


def test_home_budget_totals(real: TestClient, real_store: Store) -> None:
    page = read(html(real, "/"))
    # the 番禺 filing prints 基本支出 and 项目支出; the page shows their sum, labelled as a sum
    parts = rows(
        real_store,
        """SELECT DISTINCT ?b ?amount WHERE { ?f a bkg:Filing ; dct:publisher ?d ; bkg:hasBudgetFigure ?b .
             ?d bkg:districtName "番禺区" . ?b obeu:amount ?amount ; bkg:budgetLine ?line .
             VALUES ?line { <https://w3id.org/budgetkg/def/expenditure-type/basic>
                            <https://w3id.org/budgetkg/def/expenditure-type/project> } }""",
    )
    expected = sum((Decimal(str(r["amount"])) for r in parts), Decimal(0))
    panyu = [row for row in page.table("departments").rows[1:] if row[0].text.strip() == "番禺区"]
    assert len(panyu) == 1
    assert wan_amounts(panyu[0][3].text) == [expected]
    assert "sum" in panyu[0][4].text
    # 番禺 has one department-wide filing: its jurisdiction's total is that filing's total
    [panyu_total] = [row for row in page.table("jurisdictions").rows[1:] if row[0].text.strip() == "番禺区"]
    assert wan_amounts(panyu_total[3].text) == [expected]


def test_validation_page_lists_every_result(real: TestClient, real_store: Store) -> None:
    results = rows(real_store, "SELECT DISTINCT ?r WHERE { ?r a sh:ValidationResult ; sh:focusNode ?f }")
    page = read(html(real, "/validation"))
    shown = page.table("findings").rows[1:] if results else []
    assert len(shown) == len(results)


def test_compare_page_puts_every_indicator_of_a_kind_side_by_side(real: TestClient, real_store: Store) -> None:
    kind = "https://w3id.org/budgetkg/def/category/output-quantity"
    indicators = {
        str(r["i"])
        for r in rows(
            real_store,
            f"""SELECT ?i WHERE {{ ?i a bkg:Indicator ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?f .
                  ?f dct:publisher ?d .
                  {{ ?i bkg:level2Category <{kind}> }} UNION {{ ?i bkg:level1Category <{kind}> }} }}""",
        )
    }
    page = read(html(real, "/compare?kind=output-quantity"))
    linked = {href for href, _ in page.links if href.startswith("/doc/indicator/")}
    assert len(linked) == len(indicators) > 0
    assert "<svg" in real.get("/compare").text


def test_lineage_page_shows_relations_and_answers_how_related(
    real: TestClient, real_store: Store, real_settings: Settings
) -> None:
    relations = rows(
        real_store,
        """SELECT ?s ?o WHERE { ?st a bkg:PlatformRelationStatement ;
              <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
              <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> bkg:subPlatformOf ;
              <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o } LIMIT 1""",
    )
    s, o = relations[0]["s"], relations[0]["o"]
    page = read(real.get("/lineage").text)
    edges = page.table("edges").rows[1:]
    assert any(doc(real_settings, s) in row[0].links and doc(real_settings, o) in row[2].links for row in edges)
    answer = read(real.get("/lineage", params={"a": str(s), "b": str(o)}).text)
    assert "分平台" in answer.text  # the relation's zh-Hans label, read from the vocabulary graph
    assert doc(real_settings, o) in [href for href, _ in answer.links]


def test_query_page_runs_the_query_in_its_url(real: TestClient, real_store: Store) -> None:
    query = PREFIXES + "SELECT ?p WHERE { ?p a bkg:Platform }"
    expected = len(rows(real_store, "SELECT ?p WHERE { ?p a bkg:Platform }"))
    response = real.get("/query", params={"query": query})
    page = read(response.text)
    assert len(page.table("results").rows) - 1 == min(expected, 500)
    downloads = [href for href, text in page.links if text in ("CSV", "JSON")]
    assert len(downloads) == 2 and all(h.startswith("/sparql?query=") for h in downloads)
    assert "10 秒" in page.text or f"{int(real_store_timeout(real))} 秒" in page.text
    bad = real.get("/query", params={"query": "SELEC nonsense"})
    assert bad.status_code == 400
    assert "Traceback" not in bad.text


def real_store_timeout(client: TestClient) -> float:
    return float(client.app.state.settings.query_timeout)  # type: ignore[attr-defined]


def test_error_pages_leak_nothing(real_settings: Settings, real_store: Store) -> None:
    app = create_app(real_settings, real_store)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret-detail /etc/passwd")

    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/boom", headers={"accept": "text/html"})
    assert response.status_code == 500
    assert "secret-detail" not in response.text and "Traceback" not in response.text
    missing = client.get("/no/such/page", headers={"accept": "text/html"})
    assert missing.status_code == 404
    assert read(missing.text).h1.startswith("404")


def test_literals_of_the_graph_are_decimal_not_float(real_store: Store) -> None:
    amounts = rows(real_store, "SELECT ?a WHERE { ?b obeu:amount ?a } LIMIT 5")
    assert all(isinstance(r["a"], Literal) and "E" not in str(r["a"]) for r in amounts)


@pytest.mark.parametrize("alias", ["skos:altLabel", "skos:hiddenLabel"])
def test_search_finds_platforms_by_their_aliases(real: TestClient, real_store: Store, alias: str) -> None:
    found = rows(real_store, f"SELECT ?p ?name WHERE {{ ?p a bkg:Platform ; {alias} ?name }} ORDER BY ?p LIMIT 5")
    assert found, f"the registry gives no platform a {alias}"
    for row in found:
        hits = real.get("/search.json", params={"q": str(row["name"])}).json()["results"]
        assert str(row["p"]) in [h["iri"] for h in hits[:3]]


def test_lineage_matrix_agrees_with_the_platforms_layer(real: TestClient, real_store: Store) -> None:
    # the page redoes the matrix over the same queries (see server/lineage.py): both must agree
    cells = load_lineage(real_store).matrix()
    page = read(real.get("/lineage").text)
    rows_ = page.table("matrix").rows[1:]
    shown = sorted(a for row in rows_ for cell in row[1:] for a in wan_amounts(cell.text))
    assert shown == sorted(Decimal(c["amount"]) for c in cells if Decimal(c["amount"]) > 0)
    counted = [int(cell.text.split(" 个平台")[0]) for row in rows_ for cell in row[1:] if "个平台" in cell.text]
    assert sum(counted) == sum(int(c["platforms"]) for c in cells)
    indicators = [
        int(cell.text.split(" 个指标")[0].split()[-1]) for row in rows_ for cell in row[1:] if "个指标" in cell.text
    ]
    assert sum(indicators) == sum(int(c["indicators"]) for c in cells)


def test_a_store_not_built_yet_is_a_clear_503(tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "empty"))
    client = TestClient(create_app(settings, open_store(settings, workers=0)), raise_server_exceptions=False)
    for path in ("/", "/search?q=x", "/lineage", "/doc/platform/x"):
        response = client.get(path, headers={"accept": "text/html"})
        assert response.status_code == 503
        assert "budgetkg build" in read(response.text).text and "Traceback" not in response.text
