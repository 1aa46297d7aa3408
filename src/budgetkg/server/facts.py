"""Key facts shown at the top of an entity page: amounts in 万元 with their yuan value, and targets as
printed beside their normalised form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from rdflib.term import Literal, URIRef

from budgetkg.server import render
from budgetkg.server.context import WebContext
from budgetkg.server.labels import best_labels, iris_of
from budgetkg.server.present import amount
from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult, Term


@dataclass(frozen=True)
class Amount:
    figure: URIRef
    label: str
    value: Decimal


@dataclass(frozen=True)
class TargetFact:
    target: URIRef
    period: str | None
    printed: str
    normalised: str
    #: set on a part of a several-part target: its position (1-based) and the words naming what it measures
    ordinal: int | None = None
    part_label: str | None = None
    #: on a several-part target: "all" (every part must be met) or "any" (one suffices)
    combine: str | None = None


def _rows(ctx: WebContext, name: str, iri: URIRef) -> SelectResult:
    result = ctx.store.query(bind(page_query(name), {"this": [iri]}), timeout=ctx.settings.query_timeout)
    assert isinstance(result, SelectResult)
    return result


def _text(term: Term | None) -> str | None:
    return str(term) if isinstance(term, Literal) else None


def amounts_of(ctx: WebContext, iri: URIRef) -> list[Amount]:
    rows = _rows(ctx, "amounts", iri).rows
    lines = best_labels(ctx.store, iris_of(rows, "line"))
    found: dict[URIRef, Amount] = {}
    for row in rows:
        figure, value = row["figure"], row["amount"]
        number = amount(value) if isinstance(value, Literal) else None
        if not isinstance(figure, URIRef) or number is None:
            continue
        line = row.get("line")
        label = _text(row.get("label")) or (lines.get(line) if isinstance(line, URIRef) else None) or "金额"
        found.setdefault(figure, Amount(figure, label, number))
    return list(found.values())


def _decimal(term: Term | None) -> Decimal | None:
    return amount(term) if isinstance(term, Literal) else None


def normalised_target(row: Mapping[str, Term]) -> str:
    """The normalised form of a target row (variables comparator, value, min, max, unit)."""
    comparator = row.get("comparator")
    return render.target(
        render.local_name(comparator) if isinstance(comparator, URIRef) else None,
        _decimal(row.get("value")),
        _decimal(row.get("min")),
        _decimal(row.get("max")),
        _text(row.get("unit")),
    )


def targets_of(ctx: WebContext, iri: URIRef) -> list[TargetFact]:
    rows = _rows(ctx, "targets", iri).rows
    periods = best_labels(ctx.store, iris_of(rows, "period"))
    found: dict[URIRef, TargetFact] = {}
    for row in rows:
        target, period = row["target"], row.get("period")
        if not isinstance(target, URIRef):
            continue
        normalised = normalised_target(row)
        period_label = periods.get(period) if isinstance(period, URIRef) else None
        ordinal = row.get("ordinal")
        found.setdefault(
            target,
            TargetFact(
                target,
                period_label,
                str(row["printed"]),
                normalised,
                ordinal=int(ordinal) if isinstance(ordinal, Literal) else None,
                part_label=_text(row.get("part")),
                combine=_text(row.get("combine")),
            ),
        )
    return list(found.values())
