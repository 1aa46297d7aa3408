"""The SPARQL 1.1 Protocol at /sparql over real HTTP: a real uvicorn (``budgetkg serve``'s code) on
loopback, an embedded store built from tests/store/data, real clients (httpx, SPARQLWrapper, rdflib)."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from SPARQLWrapper import JSON as WRAPPER_JSON
from SPARQLWrapper import SPARQLWrapper

from budgetkg.server.app import create_app
from budgetkg.settings import Settings
from budgetkg.store.base import QueryResult
from budgetkg.store.embedded import EmbeddedStore

STORE_DATA = Path(__file__).parents[1] / "store" / "data"
GRAPHS = {
    "https://budgetkg.example.org/graph/haizhu": (STORE_DATA / "haizhu.nt").read_bytes(),
    "https://budgetkg.example.org/graph/panyu": (STORE_DATA / "panyu.nt").read_bytes(),
}
HAIZHU, PANYU = GRAPHS
TRIPLES = sum(len(Graph().parse(data=nt.decode(), format="nt")) for nt in GRAPHS.values())
AMOUNT = "http://data.openbudgets.eu/ontology/dsd/measure/amount"
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
TIMEOUT = 2.0
LIMIT = 10
AMOUNTS = f"SELECT ?obs ?v WHERE {{ ?obs <{AMOUNT}> ?v }} ORDER BY ?obs"
EXPECTED_AMOUNTS = {
    "https://budgetkg.example.org/obs/haizhu-project": Decimal("2710.00"),
    "https://budgetkg.example.org/obs/haizhu-total": Decimal("5281.09"),
    "https://budgetkg.example.org/obs/panyu-total": Decimal("14994.71"),
}
# every triple joined with every other 25 times over: runs for ages unless it is killed
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?a{i} ?b{i} ?c{i} ." for i in range(25)) + " }"
# the Panyu graph has fewer triples than LIMIT: CONSTRUCT answers come back whole
CONSTRUCT_PANYU = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{PANYU}> {{ ?s ?p ?o }} }}"

_SERVE = (
    "import argparse, sys\n"
    "from budgetkg.commands import serve\n"
    "from budgetkg.settings import load_settings\n"
    "parser = argparse.ArgumentParser(); serve.add_arguments(parser)\n"
    "sys.exit(serve.run(parser.parse_args(sys.argv[1:]), load_settings()))\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of /sparql on a real server process; stopped at the end of the module."""
    root = tmp_path_factory.mktemp("sparql-store")
    EmbeddedStore(root).replace_all(GRAPHS)
    port = _free_port()
    env = {**os.environ, "BUDGETKG_RESULT_LIMIT": str(LIMIT), "BUDGETKG_WORKERS": "2"}
    args = ["--store", str(root), "--port", str(port), "--timeout", str(TIMEOUT)]
    server = subprocess.Popen([sys.executable, "-c", _SERVE, *args], env=env)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _amounts_from_json(body: bytes) -> dict[str, Decimal]:
    document = json.loads(body)
    assert document["head"]["vars"] == ["obs", "v"]
    out = {}
    for row in document["results"]["bindings"]:
        assert row["v"]["datatype"] == str(XSD_DECIMAL)
        out[row["obs"]["value"]] = Decimal(row["v"]["value"])
    return out


def _by_value(graph: Graph) -> Graph:
    """Literals by value: decimals canonical (2710.00 = 2710), language tags lower-case (BCP 47)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD_DECIMAL:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD_DECIMAL)
        elif isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


# -- the three ways to send a query --------------------------------------------------------------


def test_get_post_form_and_post_body_give_the_same_answer(endpoint: str) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    answers = [
        httpx.get(endpoint, params={"query": AMOUNTS}, headers=accept),
        httpx.post(endpoint, data={"query": AMOUNTS}, headers=accept),
        httpx.post(endpoint, content=AMOUNTS.encode(), headers={**accept, "Content-Type": "application/sparql-query"}),
    ]
    for response in answers:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert _amounts_from_json(response.content) == EXPECTED_AMOUNTS


# -- result formats, each parsed back ------------------------------------------------------------


def test_select_as_xml_csv_and_tsv(endpoint: str) -> None:
    xml = httpx.get(endpoint, params={"query": AMOUNTS}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    parsed = Result.parse(io.BytesIO(xml.content), format="xml")
    assert {str(r[0]): r[1].toPython() for r in parsed} == EXPECTED_AMOUNTS  # type: ignore[index,union-attr]

    tsv = httpx.get(endpoint, params={"query": AMOUNTS}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    parsed = Result.parse(io.StringIO(tsv.text), format="tsv")
    assert {str(r[0]): r[1].toPython() for r in parsed} == EXPECTED_AMOUNTS  # type: ignore[index,union-attr]

    plain = httpx.get(endpoint, params={"query": AMOUNTS}, headers={"Accept": "text/csv"})
    assert plain.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(plain.text)))
    assert {r["obs"]: Decimal(r["v"]) for r in rows} == EXPECTED_AMOUNTS


def test_format_parameter_overrides_accept(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": AMOUNTS, "format": "csv"}, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == len(EXPECTED_AMOUNTS)


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/trig", "trig"),
    ],
)
def test_construct_in_every_rdf_format(endpoint: str, media_type: str, rdflib_format: str) -> None:
    response = httpx.get(endpoint, params={"query": CONSTRUCT_PANYU}, headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["vary"].lower().startswith("accept")
    if rdflib_format == "trig":
        graph = Graph()
        for s, p, o, _ in Dataset().parse(data=response.text, format="trig").quads():
            graph.add((s, p, o))
    else:
        graph = Graph().parse(data=response.text, format=rdflib_format)
    expected = Graph().parse(data=GRAPHS[PANYU].decode(), format="nt")
    assert isomorphic(_by_value(graph), _by_value(expected))


def test_ask_as_json_and_xml(endpoint: str) -> None:
    ask = f"ASK {{ ?x <{AMOUNT}> 14994.71 }}"
    as_json = httpx.get(endpoint, params={"query": ask}, headers={"Accept": "application/sparql-results+json"})
    assert json.loads(as_json.content)["boolean"] is True
    as_xml = httpx.get(endpoint, params={"query": ask.replace("14994.71", "1")}, headers={"Accept": "text/xml"})
    assert Result.parse(io.BytesIO(as_xml.content), format="xml").askAnswer is False


def test_406_for_what_cannot_be_produced(endpoint: str) -> None:
    select_as_turtle = httpx.get(endpoint, params={"query": AMOUNTS}, headers={"Accept": "text/turtle"})
    assert select_as_turtle.status_code == 406
    construct_as_csv = httpx.get(endpoint, params={"query": CONSTRUCT_PANYU}, headers={"Accept": "text/csv"})
    assert construct_as_csv.status_code == 406
    ask_as_csv = httpx.get(endpoint, params={"query": "ASK {}"}, headers={"Accept": "text/csv"})
    assert ask_as_csv.status_code == 406


# -- datasets ------------------------------------------------------------------------------------


def test_default_graph_is_the_union_and_protocol_graph_parameters_restrict_it(endpoint: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    accept = {"Accept": "application/sparql-results+json"}

    def number(params: dict[str, str | list[str]]) -> int:
        body = httpx.get(endpoint, params=params, headers=accept).json()
        return int(body["results"]["bindings"][0]["n"]["value"])

    assert number({"query": count}) == TRIPLES
    panyu_only = len(Graph().parse(data=GRAPHS[PANYU].decode(), format="nt"))
    assert number({"query": count, "default-graph-uri": PANYU}) == panyu_only
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert number({"query": graphs}) == 2
    assert number({"query": graphs, "named-graph-uri": HAIZHU}) == 1


# -- refusals and errors -------------------------------------------------------------------------


def test_writes_are_refused(endpoint: str) -> None:
    update = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
    assert httpx.post(endpoint, data={"update": update}).status_code == 403
    sparql_update = httpx.post(endpoint, content=update, headers={"Content-Type": "application/sparql-update"})
    assert sparql_update.status_code == 403
    assert "read-only" in sparql_update.text
    assert httpx.post(endpoint, data={"query": "LOAD <http://example.org/x.ttl>"}).status_code == 403
    for method in ("PUT", "DELETE", "PATCH"):
        response = httpx.request(method, endpoint, params={"graph": HAIZHU}, content=b"<urn:a> <urn:b> <urn:c> .")
        assert response.status_code == 405
        assert "GET" in response.headers["allow"]
    # nothing was written
    ask = httpx.get(endpoint, params={"query": "ASK { <urn:a> <urn:b> <urn:c> }", "format": "json"})
    assert ask.json()["boolean"] is False


def test_malformed_query_is_400_with_message_and_position(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "1:" in response.text  # line:column of the error
    assert "Traceback" not in response.text


def test_missing_query_is_400_but_a_browser_gets_the_form(endpoint: str) -> None:
    assert httpx.get(endpoint).status_code == 400
    page = httpx.get(endpoint, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<form method="post"' in page.text and 'name="query"' in page.text


def test_unexpected_errors_are_500_and_leak_nothing(tmp_path: Path) -> None:
    class BrokenStore(EmbeddedStore):
        # stands in for a bug: a real engine cannot be made to fail this way on demand
        def query(
            self,
            sparql: str,
            *,
            default_graph_uris: Sequence[str] = (),
            named_graph_uris: Sequence[str] = (),
            timeout: float | None = None,
            all_rows: bool = False,
        ) -> QueryResult:
            raise RuntimeError("secret internal detail /etc/passwd")

    settings = Settings(store=str(tmp_path))
    with TestClient(create_app(settings, BrokenStore(tmp_path))) as client:
        response = client.get("/sparql", params={"query": "ASK {}"})
    assert response.status_code == 500
    assert "secret" not in response.text and "RuntimeError" not in response.text


def test_cors(endpoint: str) -> None:
    origin = {"Origin": "https://yasgui.example"}
    simple = httpx.get(endpoint, params={"query": "ASK {}"}, headers=origin)
    assert simple.headers["access-control-allow-origin"] == "*"
    assert "x-result-truncated" in simple.headers["access-control-expose-headers"].lower()
    preflight = httpx.options(
        endpoint,
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


# -- limits --------------------------------------------------------------------------------------


def test_result_limit_is_announced_in_header_and_body(endpoint: str) -> None:
    everything = "SELECT * WHERE { ?s ?p ?o }"
    cut = httpx.get(endpoint, params={"query": everything}, headers={"Accept": "application/sparql-results+json"})
    assert cut.headers["x-result-limit"] == str(LIMIT)
    assert cut.headers["x-result-truncated"] == "true"
    body = cut.json()
    assert len(body["results"]["bindings"]) == LIMIT
    assert body["budgetkg"]["truncated"] is True
    xml = httpx.get(endpoint, params={"query": everything}, headers={"Accept": "application/sparql-results+xml"})
    assert "truncated" in xml.text.split("<sparql", 1)[0]  # the notice precedes the results
    whole = httpx.get(endpoint, params={"query": AMOUNTS}, headers={"Accept": "application/sparql-results+json"})
    assert whole.headers["x-result-truncated"] == "false"
    assert "budgetkg" not in whole.json()


def test_runaway_query_is_stopped_while_others_are_served(endpoint: str) -> None:
    outcome: dict[str, float | int] = {}

    def runaway() -> None:
        started = time.monotonic()
        response = httpx.post(endpoint, data={"query": RUNAWAY}, timeout=30)
        outcome["status"] = response.status_code
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)  # the runaway is now busy in its worker
    started = time.monotonic()
    simple = httpx.get(endpoint, params={"query": AMOUNTS, "format": "json"}, timeout=5)
    simple_seconds = time.monotonic() - started
    thread.join(timeout=30)
    assert simple.status_code == 200 and _amounts_from_json(simple.content) == EXPECTED_AMOUNTS
    assert simple_seconds < 1.0
    assert outcome["status"] == 504
    assert outcome["seconds"] <= TIMEOUT + 1.0
    # the killed worker was replaced: the endpoint keeps answering, twice in parallel
    time.sleep(0.5)
    for _ in range(2):
        assert httpx.get(endpoint, params={"query": "ASK {}", "format": "json"}).json()["boolean"] is True


# -- real clients --------------------------------------------------------------------------------


def test_sparqlwrapper_client(endpoint: str) -> None:
    wrapper = SPARQLWrapper(endpoint)
    wrapper.setQuery(AMOUNTS)
    wrapper.setReturnFormat(WRAPPER_JSON)
    document = wrapper.query().convert()
    assert isinstance(document, dict)
    got = {b["obs"]["value"]: Decimal(b["v"]["value"]) for b in document["results"]["bindings"]}
    assert got == EXPECTED_AMOUNTS


def test_rdflib_sparqlstore_client(endpoint: str) -> None:
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    rows = list(graph.query(AMOUNTS))
    assert {str(r[0]): r[1].toPython() for r in rows} == EXPECTED_AMOUNTS  # type: ignore[index,union-attr]
    construct = Graph(store=SPARQLStore(endpoint)).query(CONSTRUCT_PANYU)  # asks for generic XML
    assert construct.graph is not None
    expected = Graph().parse(data=GRAPHS[PANYU].decode(), format="nt")
    assert isomorphic(_by_value(construct.graph), _by_value(expected))
