"""The unit vocabulary and its one QUDT mapping."""

from __future__ import annotations

from budgetkg.parser.targets import parse_target
from budgetkg.parser.units import (
    BANDWIDTH_SPELLINGS,
    COUNT_CODES,
    QUDT_UNIT,
    UNIT_SPELLINGS,
    per_period,
    qudt_unit,
)

#: codes that deliberately have no QUDT unit (money is stated through the budget cube)
NO_QUDT = {"万元", "元", "工作日", "百分点", "亩"}


def test_every_code_is_mapped_or_deliberately_not() -> None:
    codes = set(UNIT_SPELLINGS.values()) | set(BANDWIDTH_SPELLINGS.values())
    assert {"/年", "次/年", "件/小时"} <= set(QUDT_UNIT)
    assert codes - set(QUDT_UNIT) == NO_QUDT
    assert codes >= COUNT_CODES


def test_the_design_mapping() -> None:
    expected = {"%": "PERCENT", "s": "SEC", "天": "DAY", "小时": "HR", "TB": "TeraBYTE", "Mbps": "MegaBIT-PER-SEC",
                "个": "NUM", "次": "NUM", "/年": "NUM-PER-YR", "次/年": "NUM-PER-YR", "月": "MO"}  # fmt: skip
    assert {code: qudt_unit(code) for code in expected} == expected
    assert qudt_unit(None) is None
    assert qudt_unit("万元") is None


def test_rates_only_for_counts() -> None:
    assert per_period(None, "年") == "/年"
    assert per_period("件", "年") == "件/年"
    assert per_period("次", "季") == "次/季度"
    assert per_period("%", "年") is None
    assert per_period("次", "世纪") is None
    assert qudt_unit("次/小时") == "NUM-PER-HR"
    assert qudt_unit("次/季度") is None  # no QUDT unit: the RDF layer keeps the code as text


def test_every_code_a_target_yields_is_known() -> None:
    texts = ["≥98%", "<=5s", "≦8小时", "≥6个月", "≥=100000/年", "2200M以上", "≥40TB", "大于85分", "≥500件/年"]
    units = {parse_target(text, "带宽").unit for text in texts}
    assert None not in units
    assert units <= set(QUDT_UNIT)
