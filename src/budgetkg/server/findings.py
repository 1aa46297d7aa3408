"""SHACL findings from the stored validation report, for the entity pages and the report page."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.term import Literal, URIRef

from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels
from budgetkg.server.present import Shown, show
from budgetkg.server.render import local_name
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Finding:
    severity: str
    message: str
    focus: Shown
    path: Shown | None
    shape: str | None

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.get(self.severity, 3)


def _findings(ctx: WebContext, query: str) -> list[Finding]:
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    shown = {t for row in result.rows for t in (row.get("focus"), row.get("path")) if isinstance(t, URIRef)}
    labels = best_labels(ctx.store, shown)
    found: dict[str, Finding] = {}
    for row in result.rows:
        severity, message, path, shape = (row.get(k) for k in ("severity", "message", "path", "shape"))
        focus = row["focus"]
        finding = Finding(
            local_name(severity) if isinstance(severity, URIRef) else "Violation",
            str(message) if isinstance(message, Literal) else "",
            show(focus, labels.get(focus) if isinstance(focus, URIRef) else None, ctx.iri_map),
            show(path, labels.get(path), ctx.iri_map) if isinstance(path, URIRef) else None,
            local_name(shape) if isinstance(shape, URIRef) else None,
        )
        # one result may carry several messages (languages): keep one finding per result node
        found.setdefault(str(row["result"]), finding)
    return sorted(found.values(), key=lambda f: (f.rank, f.focus.text, f.message))


def findings_about(ctx: WebContext, iri: URIRef) -> list[Finding]:
    return _findings(ctx, bind(page_query("entity_findings"), {"this": [iri]}))


def all_findings(ctx: WebContext) -> list[Finding]:
    return _findings(ctx, page_query("validation"))
