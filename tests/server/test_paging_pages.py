"""Paging of the home, compare and validation pages: every department, finding and compare column is on
exactly one page, no page renders more than the size it is allowed, and each says what part it shows.

Over the real graph with tiny pages (the five filings hold few departments and findings), and over a
synthetic store holding more departments and findings than the largest page allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from page_reading import Page, read

from budgetkg.server.app import create_app
from budgetkg.server.paging import MAX_SIZE, page_of
from budgetkg.server.urls import IriMap
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult, Store

BKG = "https://w3id.org/budgetkg/def#"
SH = "http://www.w3.org/ns/shacl#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SYNTHETIC_BASE = "http://many.test/"
#: more than the largest page, so a page that rendered everything would show
MANY = MAX_SIZE + 57
SHOWING = re.compile(r"showing (\d+)–(\d+) of (\d+)")


def _iris(store: Store, query: str) -> set[str]:
    result = store.query(query, all_rows=True)
    assert isinstance(result, SelectResult) and not result.truncated
    return {str(row["x"]) for row in result.rows}


def _html(client: TestClient, path: str) -> Page:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == 200, path
    return read(response.text)


def _walk(client: TestClient, first: str, pager: str) -> Iterator[Page]:
    """Every page from ``first`` on, following the pager's "Next" links (``pager`` names the list)."""
    path: str | None = first
    seen = 0
    while path is not None:
        page = _html(client, path)
        yield page
        seen += 1
        assert seen <= MANY, "the pager never ends"
        path = next((href for href, text in page.links if text.startswith("下一页") and pager in href), None)


def _showing(page: Page, what: str) -> tuple[int, int, int]:
    shown = [m for m in SHOWING.finditer(page.text) if page.text[m.end() :].lstrip().startswith(what)]
    assert len(shown) == 1, f"no 'showing x–y of n {what}' on the page"
    first, last, total = (int(g) for g in shown[0].groups())
    return first, last, total


def _department_pages(client: TestClient, settings: Settings, first: str) -> list[set[str]]:
    iri_map = IriMap(settings.base_iri)
    pages = []
    for page in _walk(client, first, "page="):
        links = {cell.links[0] for row in page.table("departments").rows[1:] for cell in row[1:2] if cell.links}
        start, last, _ = _showing(page, "departments")
        assert len(links) == last - start + 1
        pages.append(links)
    departments = [{iri_map.iri_candidates(href.removeprefix("/doc/"))[-1] for href in links} for links in pages]
    return departments


def _exactly_once(pages: list[set[str]], expected: set[str]) -> None:
    everything = [item for page in pages for item in page]
    assert len(everything) == len(set(everything)), "an item is on two pages"
    assert set(everything) == expected


def test_page_of_clamps_size_and_number() -> None:
    assert page_of(None, None, 0, default_size=50).first == 0
    huge = page_of(1, 10**9, 10**6, default_size=50)
    assert huge.size == MAX_SIZE and huge.last == MAX_SIZE and huge.pages == -(-(10**6) // MAX_SIZE)
    past = page_of(999, 10, 25, default_size=10)
    assert (past.number, past.first, past.last, past.next_href) == (3, 21, 25, None)
    assert page_of(0, -5, 25, default_size=10).number == 1 and page_of(0, -5, 25, default_size=10).size == 1
    kept = page_of(2, 10, 25, default_size=10, path="/compare", keep={"kind": "output", "other": None})
    assert kept.previous_href == "/compare?kind=output&page=1" and kept.next_href == "/compare?kind=output&page=3"


def test_home_departments_each_on_one_page(real: TestClient, real_store: Store, real_settings: Settings) -> None:
    departments = _iris(real_store, f"SELECT DISTINCT ?x WHERE {{ ?f a <{BKG}Filing> ; <{DCT}publisher> ?x }}")
    assert len(departments) >= 3
    pages = _department_pages(real, real_settings, "/?size=1")
    assert len(pages) == len(departments)
    _exactly_once(pages, departments)


def test_validation_findings_each_on_one_page(real: TestClient, real_store: Store) -> None:
    results = _iris(real_store, f"SELECT ?x WHERE {{ ?x a <{SH}ValidationResult> ; <{SH}focusNode> ?f }}")
    rows = []
    for page in _walk(real, "/validation?size=2", "page="):
        shown = page.table("findings").rows[1:]
        assert len(shown) <= 2
        start, last, total = _showing(page, "findings")
        assert (last - start + 1, total) == (len(shown), len(results))
        rows.extend(tuple(cell.text for cell in row) for row in shown)
    assert len(rows) == len(results)


def test_compare_columns_each_on_one_page(real: TestClient, real_store: Store) -> None:
    kind = "https://w3id.org/budgetkg/def/category/output-quantity"
    departments = _iris(
        real_store,
        f"""SELECT DISTINCT ?x WHERE {{ ?i a <{BKG}Indicator> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?f .
              ?f <{DCT}publisher> ?x .
              {{ ?i <{BKG}level2Category> <{kind}> }} UNION {{ ?i <{BKG}level1Category> <{kind}> }} }}""",
    )
    indicators_per_page: list[set[str]] = []
    for page in _walk(real, "/compare?kind=output-quantity&size=1", "kind=output-quantity"):
        start, last, total = _showing(page, "departments (columns)")
        assert (last - start + 1, total) == (1, len(departments))
        indicators_per_page.append({href for href, _ in page.links if href.startswith("/doc/indicator/")})
    assert len(indicators_per_page) == len(departments) >= 2
    # every indicator of the kind is in exactly one column (one page), as on the unpaged page
    whole = {href for href, _ in _html(real, f"/compare?kind=output-quantity&size={MAX_SIZE}").links}
    _exactly_once(indicators_per_page, {href for href in whole if href.startswith("/doc/indicator/")})


def _synthetic_graphs(base: str) -> dict[str, bytes]:
    """MANY departments, each publishing one filing, and MANY findings about them, in two districts."""
    lines = []
    for n in range(MANY):
        dept, filing = f"<{base}id/department/d{n:03d}>", f"<{base}id/filing/f{n:03d}>"
        lines += [
            f"{filing} <{RDF_TYPE}> <{BKG}Filing> .",
            f"{filing} <{DCT}publisher> {dept} .",
            f'{dept} <{BKG}districtName> "{"海珠区" if n % 2 else "白云区"}" .',
            f"<{base}id/finding/r{n:03d}> <{RDF_TYPE}> <{SH}ValidationResult> .",
            f"<{base}id/finding/r{n:03d}> <{SH}focusNode> {dept} .",
            f"<{base}id/finding/r{n:03d}> <{SH}resultSeverity> <{SH}{'Warning' if n % 3 else 'Violation'}> .",
            f'<{base}id/finding/r{n:03d}> <{SH}resultMessage> "finding {n}"@en .',
        ]
    return {f"{base}graph/many": ("\n".join(lines) + "\n").encode()}


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Settings]]:
    settings = Settings(store=str(tmp_path_factory.mktemp("many") / "store"), base_iri=SYNTHETIC_BASE, workers=1)
    store = open_store(settings, workers=0)
    store.replace_all(_synthetic_graphs(SYNTHETIC_BASE))
    with TestClient(create_app(settings, store), follow_redirects=False) as client:
        yield client, settings
    store.close()


def test_no_page_renders_more_than_the_largest_size(many: tuple[TestClient, Settings]) -> None:
    client, _ = many
    home = _html(client, "/?size=100000")
    assert len({row[1].links[0] for row in home.table("departments").rows[1:]}) == MAX_SIZE
    assert _showing(home, "departments") == (1, MAX_SIZE, MANY)
    validation = _html(client, "/validation?size=100000")
    assert len(validation.table("findings").rows[1:]) == MAX_SIZE
    assert _showing(validation, "findings") == (1, MAX_SIZE, MANY)
    # the per-jurisdiction totals stay whole: one line per jurisdiction, counting every department
    totals = home.table("jurisdictions").rows[1:]
    assert sorted(int(row[1].text) for row in totals) == [MANY // 2, MANY - MANY // 2]


def test_default_pages_cover_every_department_and_finding_once(many: tuple[TestClient, Settings]) -> None:
    client, settings = many
    expected = {f"{SYNTHETIC_BASE}id/department/d{n:03d}" for n in range(MANY)}
    pages = _department_pages(client, settings, "/")
    assert len(pages) > 1 and all(len(page) <= MAX_SIZE for page in pages)
    _exactly_once(pages, expected)
    messages: list[set[str]] = []
    severities = []
    for page in _walk(client, "/validation", "page="):
        rows = page.table("findings").rows[1:]
        messages.append({row[3].text.strip() for row in rows})
        severities += [row[0].text.strip() for row in rows]
    assert len(messages) > 1
    _exactly_once(messages, {f"finding {n}" for n in range(MANY)})
    # violations first, across pages
    assert severities == sorted(severities, key=lambda s: s != "Violation")


def test_a_store_without_catalogue_says_it_has_no_counts(many: tuple[TestClient, Settings]) -> None:
    client, _ = many
    home = _html(client, "/")
    assert not home.table("counts").rows[1:]
    assert "states no counts" in home.text


def test_pages_past_the_end_show_the_last_page(many: tuple[TestClient, Settings], tmp_path: Path) -> None:
    client, _ = many
    last = _html(client, "/validation?page=999")
    first, end, total = _showing(last, "findings")
    assert end == total == MANY and first > 1
