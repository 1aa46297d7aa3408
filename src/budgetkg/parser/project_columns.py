"""What a 项目支出 table's header words say each column holds, and the unit its amounts are in.

Both layouts name their columns in a header (tabbed cells or space-separated words); the readers
map every header word to a role here, so a filing that orders, adds or omits columns is read by
its header, never by fixed positions.  The unit amounts are printed in: ``amount_units``.
"""

from __future__ import annotations

import re

Role = str  # name, department, unit, goal, indicators, level1/level2/level3/period/annual, amount, other

#: the roles of the columns that hold one indicator per row
INDICATOR_COLUMNS: tuple[Role, ...] = ("level1", "level2", "level3", "period", "annual")

# checked in order: 资金使用单位 is a unit column although it says 资金
_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("name", re.compile(r"^项目名称")),
    # one indicator per row, its levels and values in columns of their own
    ("level1", re.compile(r"^一级指标")),
    ("level2", re.compile(r"^二级指标")),
    ("level3", re.compile(r"^(三级指标|绩效指标名称|指标名称)")),
    ("period", re.compile(r"^(实施周期|实施期)(指标值|目标值)")),
    ("annual", re.compile(r"^(年度指标值|年度目标值|指标值|目标值)")),
    # all indicators written into one cell
    ("indicators", re.compile(r"^绩效指标")),
    ("goal", re.compile(r"^(绩效目标|项目目标|年度目标)")),
    ("department", re.compile(r"^(主管部门|主管单位)")),
    ("unit", re.compile(r"^(预算单位|资金使用单位|实施单位|项目单位|单位名称)")),
    ("amount", re.compile(r"(总计|合计|小计|拨款|资金|金额|经费|收入|预算数|万元)")),
)

#: cells that print "nothing" in an amount column
NIL = frozenset({"-", "—", "–", "－", "/", "／", "——"})


def column_role(word: str) -> Role:
    """The role of a header word; ``other`` for a column the reader does not use."""
    word = word.strip()
    return next((role for role, pattern in _ROLES if pattern.search(word)), "other")
