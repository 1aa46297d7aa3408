"""Typed records between the parser and everything after it.

These dataclasses are the JSON contract of ``budgetkg parse --format json`` (see ``to_json``).
The parser fills them; the RDF mapper, the platform finder and the tests read them.  Nothing
here knows about text layout or RDF.

Line numbers are 1-based line numbers of the decoded input file; ``lines`` is always
``(first, last)``, inclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

Form = Literal["department_overall", "project_table"]
Level = Literal["city", "district"]
Comparator = Literal["ge", "gt", "le", "lt", "eq", "range", "attain", "qualitative"]
Severity = Literal["info", "warning", "error"]
#: how the parts of a several-part target combine: all must be met (；，、) or any one (或)
Combine = Literal["all", "any"]
Lines = tuple[int, int]

#: the comparators whose target carries a single number in ``value``
SINGLE_VALUE_COMPARATORS: frozenset[str] = frozenset({"ge", "gt", "le", "lt", "eq"})


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    encoding: str


@dataclass(frozen=True)
class Department:
    name: str
    level: Level
    district: str | None


@dataclass(frozen=True)
class BudgetFigure:
    """One label/amount pair of the budget summary, amount in 万元 exactly as printed."""

    label: str
    amount: Decimal
    lines: Lines


@dataclass(frozen=True)
class Goal:
    text: str
    lines: Lines


@dataclass(frozen=True)
class Task:
    """A 年度重点工作任务 row."""

    name: str
    content: str
    amount: Decimal | None
    expected: str
    lines: Lines


@dataclass(frozen=True)
class TargetPart:
    """One measurable part of a target that states several (``一般性操作≤5秒`` of ``一般性操作≤5秒，…``).

    ``label`` is the printed words naming what is measured (``一般性操作``, ``《舆情月报》``), None when
    the part states no number (it is then ``qualitative`` or ``attain`` with its ``text``).  The other
    fields mean what they mean in ``Target``.
    """

    label: str | None
    text: str
    comparator: Comparator
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Target:
    """A normalised target value; ``text`` is always the printed text.

    ``value`` is set for ge/gt/le/lt/eq; ``min``/``max`` for range (and mirror ``value`` for the
    one-sided comparators: ge/gt set ``min``, le/lt set ``max``, eq sets both).
    ``unit`` is a short code such as ``%``, ``s``, ``天``, ``个``, ``Mbps``, ``TB``; ``None`` when
    the text states none.  Multipliers (万, 亿) are applied to the value.

    A text stating several measurable parts (``面向政府用户≥50或面向公众用户≥200``) is ``qualitative``
    as a whole, with one ``TargetPart`` per part in ``parts`` and ``combine`` saying whether ``all``
    parts or ``any`` one must be met (None: the text mixes both and states no precedence).  Every
    other target has ``parts == ()`` and ``combine is None``.
    """

    text: str
    comparator: Comparator
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    unit: str | None = None
    parts: tuple[TargetPart, ...] = ()
    combine: Combine | None = None


@dataclass(frozen=True)
class Indicator:
    level1: str | None
    level2: str | None
    name: str
    lines: Lines
    level2_candidates: tuple[str, ...] = ()
    description: str | None = None
    period_target: Target | None = None
    annual_target: Target | None = None


@dataclass(frozen=True)
class Project:
    name: str
    unit: str | None
    amount: Decimal | None
    goal: str
    lines: Lines
    indicators: tuple[Indicator, ...] = ()
    #: other amount columns as printed (财政拨款, 财政专户拨款, 其他资金 …), label → amount
    funding: tuple[BudgetFigure, ...] = ()


@dataclass(frozen=True)
class Finding:
    severity: Severity
    message: str
    lines: Lines | None = None
    #: a machine-readable kind, e.g. "budget_parts_vs_total"
    kind: str = "note"


@dataclass(frozen=True)
class Filing:
    source: Source
    form: Form
    department: Department
    year: int | None
    budget: tuple[BudgetFigure, ...] = ()
    goals: tuple[Goal, ...] = ()
    tasks: tuple[Task, ...] = ()
    projects: tuple[Project, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    findings: tuple[Finding, ...] = field(default=())


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        # exact decimal as a JSON number: int when integral, else float built from the exact text
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def to_json(filing: Filing) -> dict[str, Any]:
    """The documented JSON shape of one parsed filing."""
    data = _jsonable(asdict(filing))
    assert isinstance(data, dict)
    return data
