"""SHACL findings from the stored validation report, for the entity pages and the report page.

The report page is paged in SPARQL: one query orders the result nodes and takes a page of them
(``validation.rq`` with LIMIT/OFFSET), one reads those results' details (``findings_of.rq``) and one counts
them by severity (``validation_counts.rq``), so a page costs the same however long the report grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rdflib.term import Literal, URIRef

from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels, iris_of, language_rank
from budgetkg.server.paging import Page, page_of
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


@dataclass(frozen=True)
class FindingsPage:
    findings: list[Finding]
    #: severity → how many results of the whole report have it, most severe first
    by_severity: dict[str, int]
    page: Page

    @property
    def unshown(self) -> int:
        """Results of this page that could not be shown (a blank-node result cannot be looked up by name)."""
        return self.page.last - self.page.offset - len(self.findings)


def _select(ctx: WebContext, query: str) -> SelectResult:
    result = ctx.store.query(query, timeout=ctx.settings.query_timeout, all_rows=True)
    assert isinstance(result, SelectResult)
    return result


def _severity(value: object) -> str:
    return local_name(value) if isinstance(value, URIRef) else "Violation"


def _findings(ctx: WebContext, query: str) -> dict[str, Finding]:
    """result node → its finding, from rows of (result, severity, message, path, shape, focus)."""
    result = _select(ctx, query)
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
                _severity(severity),
                (),
                show(focus, labels.get(focus) if isinstance(focus, URIRef) else None, ctx.iri_map),
                show(path, labels.get(path), ctx.iri_map) if isinstance(path, URIRef) else None,
                local_name(shape) if isinstance(shape, URIRef) else None,
            ),
        )
    return {
        k: replace(f, messages=tuple((str(m), m.language) for m in sorted(set(messages.get(k, [])), key=_rank)))
        for k, f in found.items()
    }


def findings_about(ctx: WebContext, iri: URIRef) -> list[Finding]:
    found = _findings(ctx, bind(page_query("entity_findings"), {"this": [iri]}))
    return sorted(found.values(), key=lambda f: (f.rank, f.focus.text, f.messages))


def severity_counts(ctx: WebContext) -> dict[str, int]:
    """Severity → how many results of the stored report have it, most severe first."""
    counted: dict[str, int] = {}
    for row in _select(ctx, page_query("validation_counts")).rows:
        severity = _severity(row.get("severity"))
        counted[severity] = counted.get(severity, 0) + int(row["n"])
    return dict(sorted(counted.items(), key=lambda kv: (_SEVERITY_ORDER.get(kv[0], 3), kv[0])))


def _page_results(ctx: WebContext, page: Page) -> Sequence[URIRef]:
    ordered = _select(ctx, bind(page_query("validation"), limit=page.size, offset=page.offset))
    return [r for r in (row["result"] for row in ordered.rows) if isinstance(r, URIRef)]


def findings_page(
    ctx: WebContext, requested: int | None, size: int | None, *, default_size: int, path: str
) -> FindingsPage:
    """One page of the report's findings, in the report's order, and the counts of the whole report."""
    by_severity = severity_counts(ctx)
    page = page_of(requested, size, sum(by_severity.values()), default_size=default_size, path=path)
    results = _page_results(ctx, page) if page.total else []
    found = _findings(ctx, bind(page_query("findings_of"), {"result": results})) if results else {}
    return FindingsPage([found[str(r)] for r in results if str(r) in found], by_severity, page)
