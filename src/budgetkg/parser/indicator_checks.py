"""Plausibility of indicator targets: what a careful reader would query, reported, never repaired.

A percentage above 100 in a share (完成率, 覆盖率, 满意度 …) cannot be met: it is most often an
extraction slip (``≥92%`` read as ``292%`` when the comparator became a digit).  The target keeps
what was printed; a warning points at the line.  Growth figures (增长, 提升 …) may exceed 100 and
are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from budgetkg.records import Finding, Indicator, Target

_HUNDRED = Decimal(100)
#: names of quantities that may legitimately exceed 100 %
_GROWTH = re.compile(r"增长|增幅|增速|提升|提高|增加|同比|环比|倍")


def _above_hundred(target: Target | None) -> bool:
    if target is None or target.unit != "%":
        return False
    return any(v is not None and v > _HUNDRED for v in (target.value, target.min, target.max))


def implausible_percentages(indicators: Iterable[Indicator]) -> list[Finding]:
    """A warning for each indicator whose target is a share above 100 %."""
    findings: list[Finding] = []
    for indicator in indicators:
        if _GROWTH.search(indicator.name):
            continue
        for target in (indicator.period_target, indicator.annual_target):
            if target is not None and _above_hundred(target):
                message = (
                    f"指标“{indicator.name}”的目标值“{target.text}”超过100%：请核对原文（可能是“≥”被识别为数字） / "
                    f"target {target.text!r} of {indicator.name!r} is above 100%: check the filing "
                    "(an extraction slip such as ≥92% read as 292%?)"
                )
                findings.append(Finding("warning", message, indicator.lines, "target_percent_above_100"))
                break
    return findings


def one_target_of_two(indicators: Iterable[Indicator]) -> list[Finding]:
    """A warning for each row printing one target where the table has two target columns.

    Plain text does not say which cell was left empty; the value stays where the reader put it
    (the first column) and the warning says that the other one is as likely.
    """
    findings: list[Finding] = []
    for indicator in indicators:
        period, annual = indicator.period_target, indicator.annual_target
        only = period or annual
        if only is None or (period is not None and annual is not None):
            continue
        printed = only.text
        message = (
            f"指标“{indicator.name}”只有一个指标值“{printed}”：无法确定属于实施周期还是年度 / "
            f"{indicator.name!r} prints one target {printed!r} for two target columns: "
            f"read as {'实施周期' if period else '年度'}, but the other column is as likely"
        )
        findings.append(Finding("warning", message, indicator.lines, "target_column_uncertain"))
    return findings
