"""Amounts printed in 元/千元/亿元: converted exactly to 万元 in every table, and always said so."""

from __future__ import annotations

from decimal import Decimal

import pytest
from expected_records import FILINGS

from budgetkg.parser import parse_bytes, parse_file
from budgetkg.parser.amount_units import to_wan
from budgetkg.records import Filing

_BUDGET_HEADER = "部门预算支出 预算金额（万元） 收入来源 预算金额（万元）"
_TASK_HEADER = "名称 主要实施内容 拟投入的资金（万元） 期望达到的目标（概述）"


def _seed(prefix: str) -> tuple[str, Filing]:
    path = next(p for p in FILINGS if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8"), parse_file(path)


def _converted(filing: Filing) -> list[tuple[str, tuple[int, int] | None]]:
    return sorted((f.kind, f.lines) for f in filing.findings if f.kind.endswith("_unit_converted"))


def _edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


@pytest.mark.parametrize(("unit", "factor"), [("元", 10000), ("千元", 10), ("亿元", Decimal("0.0001"))])
def test_a_budget_summary_in_another_unit_is_converted_exactly(unit: str, factor: Decimal) -> None:
    text, original = _seed("004")
    header = _BUDGET_HEADER.replace("万元", unit)
    lines = text.split("\n")
    # every amount of the first summary block (lines 10-14) printed in the new unit
    for index in range(9, 14):
        lines[index] = " ".join(
            f"{Decimal(w.replace(',', '')) * factor:f}" if w[0].isdigit() else w for w in lines[index].split()
        )
    changed = parse_bytes(_edit("\n".join(lines), _BUDGET_HEADER, header).encode(), "yuan.txt")
    assert [(b.label, b.amount) for b in changed.budget] == [(b.label, b.amount) for b in original.budget]
    assert ("budget_amount_unit_converted", (8, 8)) in _converted(changed)
    # the second block's header still says 万元: its rows are not converted, and nothing else changed
    assert changed.tasks == original.tasks and changed.indicators == original.indicators


def test_each_amount_column_takes_the_unit_its_own_header_cell_prints() -> None:
    text, original = _seed("004")
    changed_text = _edit(text, _BUDGET_HEADER, "部门预算支出 预算金额（元） 收入来源 预算金额（万元）")
    changed_text = _edit(changed_text, "基本支出 1,422.84", "基本支出 14,228,400")
    changed_text = _edit(changed_text, "项目支出 12,993.72", "项目支出 129,937,200.00")
    changed = parse_bytes(changed_text.encode(), "mixed.txt")
    figures = {b.label: b.amount for b in changed.budget}
    assert figures["基本支出"] == Decimal("1422.84") and figures["项目支出"] == Decimal("12993.72")
    assert figures["财政拨款"] == Decimal("14416.56")  # the right column stayed in 万元
    assert [(b.label, b.amount) for b in changed.budget] == [(b.label, b.amount) for b in original.budget]


def test_a_unit_line_above_a_summary_without_units_converts_it() -> None:
    text, original = _seed("004")
    changed = parse_bytes(
        _edit(text, _BUDGET_HEADER, "单位：千元\n部门预算支出 预算金额 收入来源 预算金额").encode(), "unit-line.txt"
    )
    first = {b.label: b.amount for b in changed.budget}
    assert first["基本支出"] == Decimal("142.284")  # 1,422.84 千元
    assert ("budget_amount_unit_converted", (8, 8)) in _converted(changed)
    assert len(changed.budget) == len(original.budget)


def test_key_tasks_in_yuan_are_converted_and_said_so() -> None:
    text, original = _seed("004")
    changed = parse_bytes(_edit(text, _TASK_HEADER, _TASK_HEADER.replace("万元", "元")).encode(), "tasks.txt")
    assert [t.amount for t in changed.tasks] == [
        to_wan(t.amount, Decimal("0.0001")) for t in original.tasks if t.amount
    ]
    assert [(t.name, t.content, t.expected) for t in changed.tasks] == [
        (t.name, t.content, t.expected) for t in original.tasks
    ]
    assert _converted(changed) == [("task_amount_unit_converted", (37, 37))]


def test_a_task_unit_printed_on_its_own_header_line_is_read() -> None:
    text, _ = _seed("004")
    wrapped = _TASK_HEADER.replace("拟投入的资金（万元）", "拟投入的资金") + "\n（千元）"
    changed = parse_bytes(_edit(text, _TASK_HEADER, wrapped).encode(), "wrapped.txt")
    assert _converted(changed) == [("task_amount_unit_converted", (38, 38))]
    assert Decimal("443.181") in [t.amount for t in changed.tasks]  # 4,431.81 千元


def test_the_seeds_print_their_amounts_in_wan_and_are_not_converted() -> None:
    for path in FILINGS:
        assert _converted(parse_file(path)) == []


def test_tables_printing_no_unit_are_read_in_wan_and_said_so() -> None:
    text, original = _seed("004")
    bare = _edit(text, _BUDGET_HEADER, "部门预算支出 预算金额 收入来源 预算金额")
    bare = bare.replace("预算金额（万元）", "预算金额")  # the second block's header too
    bare = _edit(bare, _TASK_HEADER, _TASK_HEADER.replace("（万元）", ""))
    changed = parse_bytes(bare.encode(), "bare.txt")
    assert changed.budget == original.budget and changed.tasks == original.tasks
    assert [f for f in changed.findings if f.severity == "warning"] == [
        f for f in original.findings if f.severity == "warning"
    ]
    assumed = sorted((f.kind, f.lines) for f in changed.findings if f.kind.endswith("_unit_assumed"))
    assert assumed == [("budget_amount_unit_assumed", (10, 10)), ("task_amount_unit_assumed", (37, 37))]
