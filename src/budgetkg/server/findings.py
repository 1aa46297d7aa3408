"""SHACL findings from the stored validation report, for the entity pages and the report page."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rdflib.term import Literal, URIRef

from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels, iris_of, language_rank
from budgetkg.server.present import Shown, show
from budgetkg.server.render import local_name
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Finding:
    severity: str
    #: (text, language) of each message the result carries, Chinese first
    messages: tuple[tuple[str, str | None], ...]
    focus: Shown
    path: Shown | None
    shape: str | None

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.get(self.severity, 3)


def _rank(message: Literal) -> tuple[int, str]:
    return (language_rank(message), str(message))


def _findings(ctx: WebContext, query: str) -> list[Finding]:
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    labels = best_labels(ctx.store, iris_of(result.rows, "focus", "path"))
    found: dict[str, Finding] = {}
    messages: dict[str, list[Literal]] = {}
    for row in result.rows:
        severity, message, path, shape = (row.get(k) for k in ("severity", "message", "path", "shape"))
        focus = row["focus"]
        key = str(row["result"])
        if isinstance(message, Literal):
            messages.setdefault(key, []).append(message)
        # one result may carry several messages (languages): one finding per result node
        found.setdefault(
            key,
            Finding(
                local_name(severity) if isinstance(severity, URIRef) else "Violation",
                (),
                show(focus, labels.get(focus) if isinstance(focus, URIRef) else None, ctx.iri_map),
                show(path, labels.get(path), ctx.iri_map) if isinstance(path, URIRef) else None,
                local_name(shape) if isinstance(shape, URIRef) else None,
            ),
        )
    complete = [
        replace(f, messages=tuple((str(m), m.language) for m in sorted(set(messages.get(k, [])), key=_rank)))
        for k, f in found.items()
    ]
    return sorted(complete, key=lambda f: (f.rank, f.focus.text, f.messages))


def findings_about(ctx: WebContext, iri: URIRef) -> list[Finding]:
    return _findings(ctx, bind(page_query("entity_findings"), {"this": [iri]}))


def all_findings(ctx: WebContext) -> list[Finding]:
    return _findings(ctx, page_query("validation"))
