"""The unit a table's amounts are printed in, and their exact conversion to 万元.

Records carry every amount in 万元, the forms' own unit.  A table may print its amounts in 元,
千元 or 亿元 instead: said in a header cell (``预算金额（元）``, ``总计（元）``) or on a ``单位：元``
line above the table.  Every reader (budget summary, key tasks, project tables) asks here, so the
rule and the factors exist once; a converted table is always said so in a Finding, never silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from budgetkg.parser.text import Text
from budgetkg.records import Finding

#: the exact factors from a printed unit to 万元
SCALE_TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "亿元": Decimal(10000)}
_UNIT_LINE = re.compile(r"(?:^|\s)(?:金额)?单位\s*[：:]\s*(万元|千元|亿元|元)\s*$")
#: a unit printed in a header cell: 总计（元）, 预算金额（万元）, or a cell of its own: （元）
HEADER_UNIT = re.compile(r"[（(]\s*(万元|千元|亿元|元)\s*[)）]")


def amount_label(cell: str) -> str:
    """An amount column's label without its unit (``财政拨款（元）`` → ``财政拨款``): amounts are read in 万元."""
    return HEADER_UNIT.sub("", cell).strip()


def to_wan(amount: Decimal, scale: Decimal) -> Decimal:
    """``amount`` times the exact factor to 万元; a converted amount drops the zeros the factor adds."""
    if scale == 1:
        return amount  # as printed: 1,250.00 stays 1250.00
    return Decimal(format((amount * scale).normalize(), "f"))


def header_units(line: str) -> list[str]:
    """The units a header line prints in its cells, left to right (``预算金额（元） … 预算金额（万元）``)."""
    return HEADER_UNIT.findall(line)


def printed_unit(text: Text, header_lines: Sequence[int]) -> tuple[str, int] | None:
    """(unit, line) of a table headed by ``header_lines``: the first unit its header cells print,
    else the last ``单位：…`` line above the header; None when the filing prints neither."""
    for number in header_lines:
        units = header_units(text.line(number))
        if units:
            return units[0], number
    for number in range(min(header_lines, default=1) - 1, 0, -1):
        match = _UNIT_LINE.search(text.line(number))
        if match:
            return match.group(1), number
    return None


def converted(table: str, unit: str, line: int) -> Finding:
    """The info Finding that the amounts of ``table`` (budget, task, project) were converted from ``unit``."""
    message = f"金额单位为{unit}，已换算为万元 / amounts printed in {unit}, converted to 万元"
    return Finding("info", message, (line, line), f"{table}_amount_unit_converted")


def amount_scale(
    text: Text, header_lines: Sequence[int], has_amounts: bool, table: str = "project"
) -> tuple[Decimal, list[Finding]]:
    """The exact factor to 万元 for the amounts of the table headed by ``header_lines``, and what to say.

    The unit is the one the header's cells print (``总计（元）``), else the last ``单位：…`` line
    before the header.  Without either the table is read in 万元, the form's unit, and a finding
    says so; a unit other than 万元 is converted, and said too.  ``table`` names the finding kinds
    (``project_amount_unit_converted``, ``task_amount_unit_assumed`` …).
    """
    found = printed_unit(text, header_lines)
    if found is not None:
        unit, number = found
        if unit == "万元" or not has_amounts:
            return SCALE_TO_WAN[unit], []
        return SCALE_TO_WAN[unit], [converted(table, unit, number)]
    if not has_amounts:
        return Decimal(1), []
    return Decimal(1), [assumed(table, header_lines[0])]


def assumed(table: str, line: int) -> Finding:
    """The info Finding that no unit is printed for the amounts of ``table``: read in 万元, the form's unit."""
    message = "未注明金额单位，按万元读取 / no unit printed: amounts read as 万元, the form's unit"
    return Finding("info", message, (line, line), f"{table}_amount_unit_assumed")
