"""What a 项目支出 table's header words say each column holds, and the unit its amounts are in.

Both layouts name their columns in a header (tabbed cells or space-separated words); the readers
map every header word to a role here, so a filing that orders, adds or omits columns is read by
its header, never by fixed positions.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetkg.parser.text import Text

Role = str  # one of: name, department, unit, goal, indicators, amount, other

# checked in order: 资金使用单位 is a unit column although it says 资金
_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("name", re.compile(r"^项目名称")),
    ("indicators", re.compile(r"^绩效指标")),
    ("goal", re.compile(r"^(绩效目标|项目目标|年度目标)")),
    ("department", re.compile(r"^(主管部门|主管单位)")),
    ("unit", re.compile(r"^(预算单位|资金使用单位|实施单位|项目单位|单位名称)")),
    ("amount", re.compile(r"(总计|合计|小计|拨款|资金|金额|经费|收入|预算数|万元)")),
)

#: amounts printed under ``单位：…`` are turned into 万元 with these exact factors
_SCALE_TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "亿元": Decimal(10000)}
_UNIT_LINE = re.compile(r"(?:^|\s)(?:金额)?单位\s*[：:]\s*(万元|千元|亿元|元)\s*$")

#: cells that print "nothing" in an amount column
NIL = frozenset({"-", "—", "–", "－", "/", "／", "——"})


def column_role(word: str) -> Role:
    """The role of a header word; ``other`` for a column the reader does not use."""
    word = word.strip()
    return next((role for role, pattern in _ROLES if pattern.search(word)), "other")


def amount_scale(text: Text, before: int) -> tuple[Decimal, str | None, int | None]:
    """The factor to 万元 of the last ``单位：…`` line before 1-based line ``before``.

    Returns (factor, printed unit or None when the filing states none, its line).  With no unit
    line the table is taken to be in 万元, the form's standard unit.
    """
    for number in range(min(before, len(text.lines)), 0, -1):
        match = _UNIT_LINE.search(text.line(number))
        if match:
            return _SCALE_TO_WAN[match.group(1)], match.group(1), number
    return Decimal(1), None, None
