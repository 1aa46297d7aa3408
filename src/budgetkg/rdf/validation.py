"""SHACL validation of one filing's graph, in memory (pyshacl is ~20× slower over a store-backed graph).

``validate(graph)`` runs every shapes file (shapes/*.ttl) and returns plain ``Result`` records in a
stable order; ``report_graph`` turns them into the triples of ``{base}graph/validation`` with IRIs
instead of pyshacl's blank nodes, so the stored report is deterministic too.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from budgetkg.errors import ConfigError
from budgetkg.rdf import iris
from budgetkg.rdf.namespaces import BKG, SH, bind_prefixes
from budgetkg.rdf.vocabulary import shapes

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class Result:
    severity: str  # violation | warning | info
    focus: str
    shape: str
    path: str | None
    #: language tag → message (zh-Hans and en where the shape gives both)
    messages: tuple[tuple[str, str], ...]
    value: str | None
    filing: str  # filing key (iris.path_key)

    @property
    def message(self) -> str:
        """Both languages on one line, Chinese first."""
        ordered = sorted(self.messages, key=lambda m: (m[0] != "zh-Hans", m[0], m[1]))
        return " / ".join(text for _, text in ordered)


@dataclass(frozen=True)
class Outcome:
    results: tuple[Result, ...]
    seconds: float

    @property
    def conforms(self) -> bool:
        """True when nothing is a violation (warnings and infos are allowed)."""
        return not any(r.severity == "violation" for r in self.results)


def validate(data: Graph, filing: str, shapes_graph: Graph | None = None) -> Outcome:
    """Validate ``data`` (one filing's graph, in memory) against every shape; ``filing`` is its key."""
    started = time.perf_counter()
    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes() if shapes_graph is None else shapes_graph,
        inference="none",  # the shapes target the classes the mapper asserts: no entailment needed
        abort_on_first=False,
        allow_warnings=True,
    )
    seconds = time.perf_counter() - started
    if not isinstance(report, Graph):  # pyshacl reports broken shapes instead of a report
        raise ConfigError(f"the SHACL shapes cannot run: {report}")
    return Outcome(tuple(sorted(_results(report, filing), key=_order)), seconds)


def _order(result: Result) -> tuple[str, str, str, str, str]:
    return (result.filing, result.focus, result.shape, result.path or "", result.message)


def _results(report: Graph, filing: str) -> Iterable[Result]:
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(node, SH.resultSeverity)
        messages = tuple(
            sorted(
                (getattr(m, "language", None) or _language(str(m)), str(m))
                for m in report.objects(node, SH.resultMessage)
                if isinstance(m, Literal)
            )
        )
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        yield Result(
            severity=SEVERITIES.get(severity, str(severity)) if isinstance(severity, URIRef) else "violation",
            focus=str(report.value(node, SH.focusNode)),
            shape=_shape_name(report, report.value(node, SH.sourceShape)),
            path=str(path) if isinstance(path, URIRef) else None,
            messages=messages,
            value=None if value is None else str(value),
            filing=filing,
        )


def _language(message: str) -> str:
    """pyshacl drops the language tag of a message once it substitutes {?vars}.  Our shapes write every
    English message starting with an ASCII character and every Chinese one with a Chinese character,
    which is how the tag is restored here."""
    return "en" if message[:1].isascii() else "zh-Hans"


def _shape_name(report: Graph, shape: Node | None) -> str:
    """A shape's IRI; for an anonymous property shape, the IRI of the node shape holding it."""
    if isinstance(shape, URIRef):
        return str(shape)
    graph = shapes()
    parent = graph.value(None, SH.property, shape) if shape is not None else None
    return str(parent) if isinstance(parent, URIRef) else "https://w3id.org/budgetkg/shapes#anonymous"


def report_graph(base: str, results: Iterable[Result], filing_iris: dict[str, URIRef]) -> Graph:
    """The stored report: one ``sh:ValidationResult`` per result, numbered per filing in report order."""
    graph = bind_prefixes(Graph())
    counters: dict[str, int] = {}
    for result in sorted(results, key=_order):
        counters[result.filing] = counters.get(result.filing, 0) + 1
        node = iris.validation_result_iri(base, result.filing, counters[result.filing])
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.resultSeverity, _severity_iri(result.severity)))
        graph.add((node, SH.focusNode, URIRef(result.focus)))
        graph.add((node, SH.sourceShape, URIRef(result.shape)))
        if result.path is not None:
            graph.add((node, SH.resultPath, URIRef(result.path)))
        for lang, text in result.messages:
            graph.add((node, SH.resultMessage, Literal(text, lang=lang or None)))
        if result.value is not None:
            graph.add((node, SH.value, Literal(result.value)))
        filing_node = filing_iris.get(result.filing)
        if filing_node is not None:
            graph.add((node, BKG.aboutFiling, filing_node))
    return graph


def _severity_iri(severity: str) -> URIRef:
    for iri, name in SEVERITIES.items():
        if name == severity:
            return iri
    return SH.Violation
