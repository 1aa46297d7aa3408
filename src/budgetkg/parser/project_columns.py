"""What a 项目支出 table's header words say each column holds, and the unit its amounts are in.

Both layouts name their columns in a header (tabbed cells or space-separated words); the readers
map every header word to a role here, so a filing that orders, adds or omits columns is read by
its header, never by fixed positions.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetkg.parser.text import Text
from budgetkg.records import Finding

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

#: amounts printed under ``单位：…`` are turned into 万元 with these exact factors
_SCALE_TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "亿元": Decimal(10000)}
_UNIT_LINE = re.compile(r"(?:^|\s)(?:金额)?单位\s*[：:]\s*(万元|千元|亿元|元)\s*$")
#: a unit printed in an amount column's header cell: 总计（元）
_HEADER_UNIT = re.compile(r"[（(]\s*(万元|千元|亿元|元)\s*[)）]")

#: cells that print "nothing" in an amount column
NIL = frozenset({"-", "—", "–", "－", "/", "／", "——"})


def column_role(word: str) -> Role:
    """The role of a header word; ``other`` for a column the reader does not use."""
    word = word.strip()
    return next((role for role, pattern in _ROLES if pattern.search(word)), "other")


def amount_label(cell: str) -> str:
    """An amount column's label without its unit (``财政拨款（元）`` → ``财政拨款``): amounts are read in 万元."""
    return _HEADER_UNIT.sub("", cell).strip()


def to_wan(amount: Decimal, scale: Decimal) -> Decimal:
    """``amount`` times the exact factor to 万元; a converted amount drops the zeros the factor adds."""
    if scale == 1:
        return amount  # as printed: 1,250.00 stays 1250.00
    return Decimal(format((amount * scale).normalize(), "f"))


def amount_scale(text: Text, header_line: int, has_amounts: bool) -> tuple[Decimal, list[Finding]]:
    """The exact factor to 万元 for the amounts of the table headed at ``header_line``, and what to say.

    The unit is the one the header row's cells print (``总计（元）``), else the last ``单位：…`` line
    before the header.  Without either the table is read in 万元, the form's unit, and a finding
    says so; a unit other than 万元 is converted, and said too.
    """
    for number in range(min(header_line, len(text.lines)), 0, -1):
        pattern = _HEADER_UNIT if number == header_line else _UNIT_LINE
        match = pattern.search(text.line(number))
        if match is None:
            continue
        printed = match.group(1)
        if printed == "万元" or not has_amounts:
            return _SCALE_TO_WAN[printed], []
        message = f"金额单位为{printed}，已换算为万元 / amounts printed in {printed}, converted to 万元"
        return _SCALE_TO_WAN[printed], [Finding("info", message, (number, number), "project_amount_unit_converted")]
    if not has_amounts:
        return Decimal(1), []
    message = "未注明金额单位，按万元读取 / no 单位 line: amounts read as 万元, the form's unit"
    return Decimal(1), [Finding("info", message, (header_line, header_line), "project_amount_unit_assumed")]
