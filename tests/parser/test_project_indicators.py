"""One indicator cell → indicators: the cut points, table-driven from the spellings seen in filings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkg.categories import LEVEL2_BY_LEVEL1
from budgetkg.parser.project_cells import Fragment, Joined
from budgetkg.parser.project_indicators import Numbered, check_numbering, read_indicator_cell, starts_indicator

# (cell text, [(number, level1, level2, name, period text, annual text)], finding kinds)
CASES: list[tuple[str, list[tuple[int | None, str, str | None, str, str | None, str | None]], set[str]]] = [
    (
        "1、2-效益指标,22-社会效益,舆情监控；实施周期指标值:《月报》12期；《季报》4期。；年度指标值:《月报》12期；",
        [(1, "效益指标", "社会效益指标", "舆情监控", "《月报》12期；《季报》4期", "《月报》12期")],
        set(),
    ),
    (
        "1、1-产出指标,11-数量指标,数量(个),含外部系统；实施周期指标值:≥10,年度指标值:≥5；",
        [(1, "产出指标", "数量指标", "数量(个),含外部系统", "≥10", "≥5")],
        set(),
    ),
    (
        "1、产出指标-数量指标：接入数，年度指标值：5个。2、效益指标(30分)：满意率，实施期指标值：90%，年度目标值：95%。",
        [(1, "产出指标", "数量指标", "接入数", None, "5个"), (2, "效益指标", None, "满意率", "90%", "95%")],
        set(),
    ),
    (
        "1、产出指标：第1、2期完成率，年度指标值：99.5%。2、产出指标：可用率，年度指标值：100%。",
        [(1, "产出指标", None, "第1、2期完成率", None, "99.5%"), (2, "产出指标", None, "可用率", None, "100%")],
        set(),
    ),
    (
        "2-效益指标,22-社会效益,办件量；年度指标值:≥1000件；1-产出指标,13-时效指标,办结率；年度指标值:100%；",
        [
            (None, "效益指标", "社会效益指标", "办件量", None, "≥1000件"),
            (None, "产出指标", "时效指标", "办结率", None, "100%"),
        ],
        set(),
    ),
    (
        "1、产出指标,社会效益指标,错配；年度指标值:1；2、2-效益指标,29-奇怪效益,未知；年度指标值:2；3、产出指标：无值。",
        [
            (1, "产出指标", "社会效益指标", "错配", None, "1"),
            (2, "效益指标", None, "未知", None, "2"),
            (3, "产出指标", None, "无值", None, None),
        ],
        {"project_indicator_level_mismatch", "project_indicator_no_target"},
    ),
    (
        "说明文字。1、满意度指标：满意度，年度指标值：≥90%。",
        [(1, "满意度指标", None, "满意度", None, "≥90%")],
        {"project_unread_text"},
    ),
]


@pytest.mark.parametrize(("cell", "expected", "kinds"), CASES)
def test_indicator_cell(
    cell: str, expected: list[tuple[int | None, str, str | None, str, str | None, str | None]], kinds: set[str]
) -> None:
    numbered, findings = read_indicator_cell(Joined.of([Fragment(7, cell)]))
    got = [
        (
            n.number,
            n.indicator.level1,
            n.indicator.level2,
            n.indicator.name,
            n.indicator.period_target.text if n.indicator.period_target else None,
            n.indicator.annual_target.text if n.indicator.annual_target else None,
        )
        for n in numbered
    ]
    assert got == expected
    assert all(n.indicator.lines == (7, 7) for n in numbered)
    for n in numbered:  # only the 一级 printed (or an unknown 二级): the framework's options, never a guess
        want = () if n.indicator.level2 is not None else LEVEL2_BY_LEVEL1[n.indicator.level1 or ""]
        assert n.indicator.level2_candidates == want
    assert {f.kind for f in findings} - {"project_indicator_level2_unknown"} == kinds


def test_indicator_lines_follow_the_broken_lines() -> None:
    fragments = [
        Fragment(10, "1、效益指标：甲，年度"),
        Fragment(12, "指标值：1个。2"),
        Fragment(14, "、产出指标：乙，年度指标值：2个。"),
    ]
    numbered, _ = read_indicator_cell(Joined.of(fragments))
    assert [(n.indicator.name, n.indicator.lines) for n in numbered] == [("甲", (10, 12)), ("乙", (12, 14))]


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("1、效益指标：甲", True),
        ("12．产出指标：乙", True),
        ("2022年广州12345", False),
        ("1、2期完成率", False),
        ("8", False),
    ],
)
def test_starts_indicator(text: str, opens: bool) -> None:
    assert starts_indicator(text) is opens


def test_numbering_findings() -> None:
    def numbered(*numbers: int) -> list[Numbered]:
        cell = "".join(f"{n}、产出指标：指标{n}，年度指标值：{n}。" for n in numbers)
        return read_indicator_cell(Joined.of([Fragment(1, cell)]))[0]

    assert check_numbering(numbered(1, 2, 3), "p") == []
    assert [(f.severity, f.kind) for f in check_numbering(numbered(1, 2, 1), "p")] == [
        ("info", "project_indicator_numbering")
    ]
    assert [f.severity for f in check_numbering(numbered(2, 3), "p")] == ["warning"]
    assert [f.severity for f in check_numbering(numbered(1, 3), "p")] == ["warning"]


# --- property: any names and values built from the filings' punctuation come back intact -------

_STRIP = " \t,，;；.。"
_piece = st.text(alphabet="甲乙丙数量率平台（）()，,；;%≥<=0123456789 年期", min_size=1, max_size=12).filter(
    lambda s: s.strip(_STRIP) == s and s.strip() == s
)
_LEVELS = [
    ("1-产出指标", "11-数量指标", "产出指标", "数量指标"),
    ("2-效益指标", "22-社会效益", "效益指标", "社会效益指标"),
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LEVELS), _piece, _piece, _piece), min_size=1, max_size=5))
def test_coded_cells_round_trip(items: list[tuple[tuple[str, str, str, str], str, str, str]]) -> None:
    cell = " ".join(
        f"{n}、{l1},{l2},{name}；实施周期指标值:{period},年度指标值:{annual}；"
        for n, ((l1, l2, _, _), name, period, annual) in enumerate(items, 1)
    )
    numbered, findings = read_indicator_cell(Joined.of([Fragment(1, cell)]))
    got = [
        (n.indicator.level1, n.indicator.level2, n.indicator.name, n.indicator.period_target, n.indicator.annual_target)
        for n in numbered
    ]
    want = [(c1, c2, name, period, annual) for (_, _, c1, c2), name, period, annual in items]
    assert [(a, b, c, d.text if d else None, e.text if e else None) for a, b, c, d, e in got] == want
    assert findings == []
