"""Search: Chinese substrings, aliases, pinyin spellings and English, ranked and grouped; also JSON."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from rdflib.term import URIRef

from budgetkg.server.search import SearchIndex, grouped, keys_for, normalise
from budgetkg.settings import Settings
from budgetkg.store import Store, open_store
from budgetkg.store.base import SelectResult

GOOD = URIRef("http://test.example/id/department/good")
EVIL = URIRef("http://test.example/id/department/evil")


@pytest.fixture(scope="module")
def index(tricky_settings: Settings) -> SearchIndex:
    return SearchIndex.build(open_store(tricky_settings, workers=0), thing_base="http://test.example/id/")


def test_normalise_folds_width_case_and_spaces() -> None:
    assert normalise(" ＳＺＧ  Platform ") == "szgplatform"


def test_keys_cover_every_pinyin_spelling() -> None:
    keys = {key for _, key in keys_for("穗智管")}
    assert {"穗智管", "suizhiguan", "suìzhìguǎn", "sui4zhi4guan3", "szg"} <= keys
    assert keys_for("Platform") == [("label", "platform")]


@pytest.mark.parametrize(
    "q", ["穗智管", "智管", "szg", "SZG", "suizhiguan", "sui zhi guan", "suìzhìguǎn", "sui4zhi4guan3", "suizhi"]
)
def test_one_entity_found_by_every_spelling(index: SearchIndex, q: str) -> None:
    hits = index.search(q)
    assert hits and hits[0].iri == GOOD


def test_english_label_and_alias(index: SearchIndex) -> None:
    assert [h.iri for h in index.search("evil")] == [EVIL]
    assert [h.iri for h in index.search("quoted")] == [EVIL]
    assert index.search("config")[0].matched.startswith("alias")


def test_ranking_prefers_exact_over_prefix_over_substring(index: SearchIndex) -> None:
    exact = index.search("穗智管运营中心")[0]
    prefix = index.search("穗智管")[0]
    inner = index.search("运营")[0]
    assert exact.score > prefix.score > inner.score


def test_groups_by_kind(index: SearchIndex) -> None:
    hits = index.search("合计") + index.search("穗智管")
    groups = grouped(hits)
    assert set(groups) == {"budget", "department"}
    assert [h.group for h in groups["budget"]] == ["budget"]


def test_empty_and_unmatched(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("zzzzqqq") == []


def test_json_and_html_endpoints(tricky: TestClient) -> None:
    data = tricky.get("/search.json", params={"q": "szg"}).json()
    assert data["results"][0]["iri"] == str(GOOD)
    assert data["results"][0]["href"] == "/doc/department/good"
    html = tricky.get("/search", params={"q": "szg"})
    assert html.status_code == 200
    assert 'href="/doc/department/good"' in html.text


def test_hits_say_where_they_sit(index: SearchIndex) -> None:
    # {base}id/budget/evil/total: kind "budget", context "evil", key "total"
    assert index.search("合计")[0].context == "evil"
    assert index.search("穗智管")[0].context == ""


@pytest.mark.parametrize("q", ["szg", "suizhiguan", "suì zhì guǎn", "穗智管"])
def test_the_real_platform_is_found_by_pinyin_and_initials(real: TestClient, real_store: Store, q: str) -> None:
    result = real_store.query(
        "SELECT ?p WHERE { ?p a <https://w3id.org/budgetkg/def#Platform> ; "
        '<http://www.w3.org/2000/01/rdf-schema#label> "穗智管"@zh-Hans }'
    )
    assert isinstance(result, SelectResult) and len(result.rows) == 1
    hits = real.get("/search.json", params={"q": q}).json()["results"]
    assert hits and hits[0]["iri"] == str(result.rows[0]["p"])


def test_vocabulary_terms_are_found_but_grouped_after_the_data(real: TestClient) -> None:
    hits = real.get("/search.json", params={"q": "数字平台"}).json()["results"]
    groups = [h["group"] for h in hits]
    assert "vocabulary" in groups and "Platform" in groups
    first_term = groups.index("vocabulary")
    assert all(g == "vocabulary" for g in groups[first_term:])  # every data hit comes first
    assert "https://w3id.org/budgetkg/def#Platform" in [h["iri"] for h in hits]  # the class, by its zh-Hans label
    page = real.get("/search", params={"q": "数字平台"}).text
    assert "词汇术语" in page


def test_the_endpoint_row_limit_does_not_cut_the_index(real_settings: Settings) -> None:
    # the seed graph has hundreds of labelled entities; a row limit of 5 protects endpoint clients only
    tiny = open_store(replace(real_settings, result_limit=5), workers=0)
    full = open_store(real_settings, workers=0)
    cut_index = SearchIndex.build(tiny, thing_base=real_settings.base_iri + "id/")
    full_index = SearchIndex.build(full, thing_base=real_settings.base_iri + "id/")
    assert len(full_index.entries) > 5
    assert [e.iri for e in cut_index.entries] == [e.iri for e in full_index.entries]
    assert cut_index.complete and cut_index.search("szg")


def test_search_json_says_whether_the_index_is_complete(real: TestClient) -> None:
    assert real.get("/search.json", params={"q": "szg"}).json()["indexComplete"] is True
