"""Names that try to break pages render as text; user input never breaks SPARQL (checked on a real engine)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.term import Literal, URIRef

from budgetkg.server.sparql_text import UnsafeTerm, bind, iri_ref, string_literal
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult, Store

EVIL = "http://test.example/id/department/evil"
EVIL_ZH = "<script>alert('x')</script>部门"
EVIL_EN = 'Evil "quoted" {{ 7*7 }} Dept'


class _Page(HTMLParser):
    """Collects script elements and the text of the page (entities decoded)."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def store(tricky_settings: Settings) -> Store:
    return open_store(tricky_settings, workers=0)


def _echo(store: Store, term_text: str) -> object:
    result = store.query(f"SELECT ?x WHERE {{ VALUES ?x {{ {term_text} }} }}")
    assert isinstance(result, SelectResult)
    return result.rows[0]["x"]


@settings(max_examples=150, deadline=None)
@given(text=st.text())
def test_any_text_survives_as_a_literal(store: Store, text: str) -> None:
    # what goes in as a literal comes back unchanged: nothing in it can close the literal
    assert str(_echo(store, string_literal(text))) == text


@given(text=st.text(min_size=1), lang=st.sampled_from(["zh-Hans", "en", "zh-Latn-pinyin"]))
@settings(max_examples=50, deadline=None)
def test_language_tagged_literal(store: Store, text: str, lang: str) -> None:
    echoed = _echo(store, string_literal(text, lang))
    assert isinstance(echoed, Literal)
    assert (str(echoed), (echoed.language or "").lower()) == (text, lang.lower())


@pytest.mark.parametrize("bad", ["http://x/>} ; DROP ALL", "http://x/ y", 'http://x/"', "", "http://x/{z}", "a\\b"])
def test_iri_ref_refuses_text_that_would_end_the_iri(bad: str) -> None:
    with pytest.raises(UnsafeTerm):
        iri_ref(bad)


def test_iri_ref_accepts_chinese_iris(store: Store) -> None:
    iri = "http://test.example/id/platform/穗智管"
    assert _echo(store, iri_ref(iri)) == URIRef(iri)


def test_language_tag_is_checked() -> None:
    with pytest.raises(UnsafeTerm):
        string_literal("x", 'en" } DROP ALL {')


def test_bind_needs_its_placeholder() -> None:
    with pytest.raises(KeyError):
        bind("SELECT * WHERE { ?s ?p ?o }", {"this": [URIRef("http://x/")]})
    bound = bind("SELECT * WHERE { VALUES ?s { UNDEF } }", {"s": ['a"b']}, limit=5, offset=10)
    assert 'VALUES ?s { "a\\"b" }' in bound
    assert bound.endswith("LIMIT 5\nOFFSET 10")


def test_hostile_names_render_as_text(tricky: TestClient) -> None:
    response = tricky.get("/doc/department/evil", headers={"accept": "text/html"})
    assert response.status_code == 200
    page = parse(response.text)
    assert page.scripts == []  # the entity page loads no script, so any script element is injected
    text = "".join(page.text)
    assert EVIL_ZH in text
    assert EVIL_EN in text  # {{ 7*7 }} stays as printed: templates are never built from data
    assert "49" not in text


def test_hostile_message_and_alias_render_as_text(tricky: TestClient) -> None:
    text = "".join(parse(tricky.get("/validation").text).text)
    assert "<b>not bold</b> & friends" in text
    hits = tricky.get("/search.json", params={"q": "config"}).json()["results"]
    assert [h["iri"] for h in hits] == ["http://test.example/id/department/good"]


@pytest.mark.parametrize(
    "q", ['" } ; DROP ALL ; #', "<script>alert(1)</script>", "{{ 7*7 }}", "\\", "'", "%00", "穗\n智"]
)
def test_search_input_never_breaks(tricky: TestClient, q: str) -> None:
    html = tricky.get("/search", params={"q": q})
    assert html.status_code == 200
    assert parse(html.text).scripts == []
    assert q.strip() in "".join(parse(html.text).text) or "\n" in q
    assert tricky.get("/search.json", params={"q": q}).json()["query"] == q


@pytest.mark.parametrize(
    "path",
    [
        "/doc/department/evil%3E%20%7D",
        "/id/department/%22%20%7D%20DROP",
        "/resource?iri=http%3A%2F%2Fx%2F%3E%20%7D",
        "/resource?iri=" + "%7B%7B7*7%7D%7D",
    ],
)
def test_hostile_iris_are_not_found(tricky: TestClient, path: str) -> None:
    response = tricky.get(path, headers={"accept": "text/html"})
    assert response.status_code == 404
    assert "Traceback" not in response.text
    assert parse(response.text).scripts == []


def test_fixture_file_is_the_one_loaded() -> None:
    assert (Path(__file__).parent / "data" / "tricky.trig").read_text(encoding="utf-8").count(EVIL) >= 2


def test_hostile_paging_parameters_show_the_first_page(tricky: TestClient) -> None:
    for params in (
        {"dir": "out", "p": "http://x/> } DROP ALL {", "offset": "0"},
        {"dir": "in", "p": "x", "offset": "-1"},
    ):
        response = tricky.get("/doc/department/evil", params=params, headers={"accept": "text/html"})
        assert response.status_code == 200
        assert EVIL_ZH in "".join(parse(response.text).text)
