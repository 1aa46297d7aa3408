"""The Jinja2 environment of the browser: autoescape and StrictUndefined on, formatting in tested filters."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from budgetkg.server import urls

TEMPLATES = Path(__file__).resolve().parents[3] / "web" / "templates"

#: 1 万元 = 10 000 元 (sdmx-attribute:unitMult 4)
YUAN_PER_WAN = Decimal(10000)

_COMPARATOR_SIGNS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "eq": "="}


def _decimal(value: Decimal | str | int) -> Decimal:
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None


def wan(value: Decimal | str | int) -> str:
    """An amount in 万元 as printed in the filings: thousands separators, two decimals."""
    return f"{_decimal(value):,.2f} 万元"


def yuan(value: Decimal | str | int) -> str:
    """The same amount in 元, exact (no float on the way)."""
    amount = _decimal(value) * YUAN_PER_WAN
    return f"{amount.quantize(Decimal('0.01')):,} 元"


def number(value: Decimal | str | int) -> str:
    """A plain decimal without exponent or trailing zeros (``95.00`` → ``95``)."""
    text = format(_decimal(value).normalize(), "f")
    return text


def iso_date(value: date | datetime | str) -> str:
    """Dates as YYYY-MM-DD (and times to the minute, UTC as stored)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def target(
    comparator: str | None,
    value: Decimal | str | None = None,
    minimum: Decimal | str | None = None,
    maximum: Decimal | str | None = None,
    unit: str | None = None,
) -> str:
    """A normalised target in one line: ``≥ 95 %``, ``10–20 天``; qualitative ones say so."""
    suffix = f" {unit}" if unit else ""
    if comparator in _COMPARATOR_SIGNS and value is not None:
        return f"{_COMPARATOR_SIGNS[comparator]} {number(value)}{suffix}"
    if comparator == "range" and minimum is not None and maximum is not None:
        return f"{number(minimum)}–{number(maximum)}{suffix}"
    if comparator == "attain":
        return "达到 (attain)"
    if comparator == "qualitative" or comparator is None:
        return "定性 (qualitative)"
    return f"{comparator} (not normalised)"


def local_name(iri: str) -> str:
    """The last segment of an IRI, for predicates and types without a label."""
    for sep in ("#", "/"):
        _, found, tail = str(iri).rpartition(sep)
        if found and tail:
            return tail
    return str(iri)


def make_environment(iri_map: urls.IriMap, templates: Path = TEMPLATES) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        wan=wan, yuan=yuan, number=number, iso_date=iso_date, local_name=local_name, doc=iri_map.document
    )
    env.globals.update(urls=urls, iri_map=iri_map, target=target, formats=urls.FORMATS)
    return env


def render(env: Environment, name: str, **context: Any) -> str:
    return env.get_template(name).render(**context)
