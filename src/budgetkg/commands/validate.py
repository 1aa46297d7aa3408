"""``budgetkg validate [--store DIR] [--format text|json|turtle]``: re-validate what the store holds.

Each filing's named graph is read back and validated on its own, in memory, against every shape
(and the cross-filing links and the DCAT/VoID catalogue too).  Exit 0 when there is no violation (warnings allowed),
1 with violations, 2 when it could not run (no store, empty store, unreadable graph).
JSON: ``{"conforms": bool, "results": [{"severity", "focus", "shape", "path", "message", "filing"}]}``.
"""

from __future__ import annotations

import argparse
import json
import sys

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from budgetkg.commands._stored import opened, read_graph, special_graphs
from budgetkg.rdf.namespaces import BKG
from budgetkg.rdf.validation import Result, report_graph, validate
from budgetkg.settings import Settings

HELP = "validate the stored graph against the SHACL shapes"
EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", help="store directory or SPARQL endpoint URL (default: Settings.store)")
    parser.add_argument("--format", choices=("text", "json", "turtle"), default="text", help="report format")


def stored_results(settings: Settings, store_location: str | None) -> tuple[list[Result], dict[str, URIRef]]:
    """Every result of validating each stored filing graph (and the links and catalogue graphs), and the
    filings seen."""
    special = special_graphs(settings.base_iri)
    results: list[Result] = []
    filings: dict[str, URIRef] = {}
    #: the special graphs that have shapes of their own (the others are reports and registries)
    checked = {special["links"]: "links", special["catalog"]: "catalog", special["organisations"]: "organisations"}
    with opened(settings, store_location) as store:
        for name in store.graph_names():
            if URIRef(name) in special.values() and URIRef(name) not in checked:
                continue
            graph = read_graph(store, name)
            key = checked.get(URIRef(name), "filing")
            for node in graph.subjects(RDF.type, BKG.Filing):
                identifier = graph.value(node, DCTERMS.identifier)
                if isinstance(node, URIRef) and isinstance(identifier, Literal):
                    key = str(identifier)
                    filings[key] = node
            results.extend(validate(graph, key).results)
    return results, filings


def as_json(results: list[Result]) -> dict[str, object]:
    return {
        "conforms": not any(r.severity == "violation" for r in results),
        "results": [
            {
                "severity": r.severity,
                "focus": r.focus,
                "shape": r.shape,
                "path": r.path,
                "message": r.message,
                "filing": r.filing,
            }
            for r in results
        ],
    }


def run(args: argparse.Namespace, settings: Settings) -> int:
    results, filings = stored_results(settings, args.store)
    if args.format == "json":
        json.dump(as_json(results), sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "turtle":
        sys.stdout.write(report_graph(settings.base_iri, results, filings).serialize(format="turtle"))
    else:
        for r in results:
            print(f"{r.severity}: {r.filing}: {r.message} [{r.focus}]")
        violations = sum(1 for r in results if r.severity == "violation")
        print(f"{len(filings)} filings: {violations} violations, {len(results) - violations} warnings or notes")
    return EXIT_PROBLEMS if any(r.severity == "violation" for r in results) else EXIT_OK
