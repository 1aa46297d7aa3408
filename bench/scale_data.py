"""Synthetic N-fold copies of a built budgetkg graph, for the scale benchmark — not a test.

Reads a store built by ``budgetkg build`` and returns its named graphs (IRI → N-Triples bytes) with
``factor - 1`` extra copies of every filing, ready for ``Store.replace_all``.  Copy ``k`` of the
dataset is made by rewriting, line by line:

* every filing key (the last path segment of a filing's named graph, found through the build
  graph's ``prov:wasDerivedFrom`` links to ``bkg:Filing`` nodes, never by name) → ``KEY-x<k>``, in
  IRIs and in literals alike, so filings, projects, indicators, targets, findings, inferences and
  their named graphs are new entities;
* every department IRI → ``IRI-x<k>``, and the department is re-homed to another district found in
  the graph (a Wikidata place with a ``区`` label), with its ``districtName``, ``dct:spatial`` and
  labels following, so per-district aggregates see new groups rather than bigger old ones;
* every ``obeu-measure:amount`` multiplied by ``1 + k % 7``: an integer factor keeps each filing's
  sums consistent (a + b = c stays true) while copies differ.

Triples of the shared graphs (links, validation, build) that mention a filing key are copied into
the same shared graph, rewritten; vocabulary, platforms, organisations and catalog stay single: they
describe the schema and the curated registries, which do not grow with the number of filings.
Departments are described inside each filing's graph, so they are copied (and re-homed) with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
FILING = "https://w3id.org/budgetkg/def#Filing"
DISTRICT_NAME = "https://w3id.org/budgetkg/def#districtName"
SPATIAL = "http://purl.org/dc/terms/spatial"
ORGANIZATION = "http://www.w3.org/ns/org#Organization"
AMOUNT = "<http://data.openbudgets.eu/ontology/dsd/measure/amount>"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_DECIMAL = re.compile(r'"(-?\d+(?:\.\d+)?)"\^\^<' + re.escape(XSD_DECIMAL) + ">")
_WIKIDATA = re.compile(r"<http://www\.wikidata\.org/entity/Q\d+>")
_FILINGS = f"""SELECT ?graph WHERE {{
  GRAPH ?g {{ ?graph <{PROV_DERIVED}> ?filing }} GRAPH ?h {{ ?filing a <{FILING}> }}
}}"""
_DEPARTMENTS = f"""SELECT DISTINCT ?org ?district WHERE {{
  ?org a <{ORGANIZATION}> OPTIONAL {{ ?org <{DISTRICT_NAME}> ?district }}
}}"""
_DISTRICTS = f"""SELECT DISTINCT ?place ?name WHERE {{
  ?place <{SKOS_PREF}> ?name
  FILTER(STRSTARTS(STR(?place), "http://www.wikidata.org/") && STRENDS(STR(?name), "区"))
}} ORDER BY ?name"""


@dataclass(frozen=True)
class Seed:
    """The built graph, as N-Triples lines per named graph, plus what a copy must rewrite."""

    graphs: dict[str, list[str]]
    #: filing key → its named graph IRI
    filings: dict[str, str]
    #: department IRI → its printed district name ("" for city-level departments)
    departments: dict[str, str]
    #: (Wikidata IRI, Chinese name) of the districts copies are re-homed to
    districts: tuple[tuple[str, str], ...]


def read_seed(version_dir: Path) -> Seed:
    """Read a published store version (``STORE/current``) read-only."""
    store = ox.Store.read_only(str(version_dir))
    graphs: dict[str, list[str]] = {}
    for name in store.named_graphs():
        assert isinstance(name, ox.NamedNode)
        text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
        assert text is not None
        graphs[name.value] = text.decode("utf-8").splitlines()
    filings = {}
    for row in _select(store, _FILINGS):
        graph = _value(row, "graph")
        if graph in graphs:
            filings[graph.rstrip("/").rsplit("/", 1)[-1]] = graph
    departments = {_value(row, "org"): _value(row, "district") for row in _select(store, _DEPARTMENTS)}
    districts = tuple((_value(row, "place"), _value(row, "name")) for row in _select(store, _DISTRICTS))
    if not filings or not districts:
        raise SystemExit(f"{version_dir}: no filing graphs or no districts found: is it a budgetkg build?")
    return Seed(graphs, filings, departments, districts)


def _select(store: ox.Store, sparql: str) -> list[ox.QuerySolution]:
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def _value(row: ox.QuerySolution, variable: str) -> str:
    """The lexical value of a bound term, "" when unbound."""
    term = row[variable]
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else ""


def _copy_line(line: str, seed: Seed, k: int) -> str:
    """One N-Triples line of copy ``k``: new filing keys, new departments, scaled amounts."""
    for key in seed.filings:
        if key in line:
            line = line.replace(key, f"{key}-x{k}")
    if "/department/" in line:
        old_district = seed.departments.get(line.split(" ", 1)[0][1:-1])
        if old_district:  # a district department's own description: re-home it
            line = _rehome(line, old_district, seed.districts[k % len(seed.districts)])
        for org in seed.departments:
            line = line.replace(f"<{org}>", f"<{org}-x{k}>")
    if AMOUNT in line:
        factor = 1 + k % 7
        line = _DECIMAL.sub(lambda m: f'"{Decimal(m.group(1)) * factor}"^^<{XSD_DECIMAL}>', line)
    return line


def _rehome(line: str, old_district: str, new: tuple[str, str]) -> str:
    """A department-description line moved to the district ``new`` = (Wikidata IRI, name)."""
    place, district = new
    subject, predicate, rest = line.split(" ", 2)
    if predicate == f"<{SPATIAL}>":
        return f"{subject} {predicate} {_WIKIDATA.sub(f'<{place}>', rest)}"
    # labels, districtName: the printed district name is part of the department's name (the
    # subject IRI keeps its -x<k> form: pages must find the department under one IRI)
    return f"{subject} {predicate} {rest.replace(old_district, district)}"


def scaled_graphs(seed: Seed, factor: int) -> dict[str, bytes]:
    """The seed's graphs plus ``factor - 1`` rewritten copies of every filing."""
    out: dict[str, list[str]] = {name: list(lines) for name, lines in seed.graphs.items()}
    filing_graphs = set(seed.filings.values())
    for k in range(1, factor):
        for name, lines in seed.graphs.items():
            if name in filing_graphs:
                out[_copy_line(f"<{name}>", seed, k)[1:-1]] = [_copy_line(line, seed, k) for line in lines]
            else:
                out[name] += (_copy_line(line, seed, k) for line in lines if any(key in line for key in seed.filings))
    return {name: ("\n".join(lines) + "\n").encode("utf-8") for name, lines in out.items()}
