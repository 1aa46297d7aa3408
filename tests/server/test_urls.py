"""Request paths ↔ IRIs, and the paths built for documents."""

from __future__ import annotations

import pytest

from budgetkg.server import urls

MAP = urls.IriMap("https://kg.example/base/")


def test_local_iri_round_trips_through_its_document_path() -> None:
    iri = "https://kg.example/base/id/platform/穗智管"
    path = MAP.document(iri)
    assert path == "/doc/platform/%E7%A9%97%E6%99%BA%E7%AE%A1"
    raw = path.removeprefix(urls.DOC_PREFIX)
    assert iri in MAP.iri_candidates(raw)
    assert MAP.thing(iri) == "/id/platform/%E7%A9%97%E6%99%BA%E7%AE%A1"


def test_percent_encoded_iri_keeps_its_encoding() -> None:
    iri = "https://kg.example/base/id/project/001/a%2Fb"
    raw = MAP.document(iri).removeprefix(urls.DOC_PREFIX)
    assert MAP.iri_candidates(raw)[0] == iri


def test_foreign_iri_goes_through_resource() -> None:
    path = MAP.document("http://www.wikidata.org/entity/Q16572", "ttl")
    assert path == "/resource?iri=http%3A%2F%2Fwww.wikidata.org%2Fentity%2FQ16572&format=ttl"
    with pytest.raises(ValueError):
        MAP.thing("http://www.wikidata.org/entity/Q16572")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("platform/x.ttl", ("platform/x", "ttl")),
        ("platform/x.jsonld", ("platform/x", "jsonld")),
        ("platform/x.html", ("platform/x", "html")),
        ("platform/x.y", ("platform/x.y", None)),
        ("platform/x", ("platform/x", None)),
        (".ttl", (".ttl", None)),
    ],
)
def test_split_suffix(raw: str, expected: tuple[str, str | None]) -> None:
    assert urls.split_suffix(raw) == expected


def test_query_strings_are_encoded() -> None:
    assert urls.search("a&b=c") == "/search?q=a%26b%3Dc"
    assert urls.search(None) == "/search"
    assert urls.sparql("SELECT * {}", "csv") == "/sparql?query=SELECT+%2A+%7B%7D&format=csv"


def test_with_query_extends_an_existing_query_string() -> None:
    assert urls.with_query("/resource?iri=x", offset=50) == "/resource?iri=x&offset=50"
    assert urls.with_query("/doc/a", offset=None) == "/doc/a"
