"""Cutting wrapped cell lines back into cells: the width rules, the anchor, misfits, ties."""

from __future__ import annotations

import pytest

from budgetkg.parser.cells import display_width
from budgetkg.parser.project_cells import Fragment, Joined, is_page_number, split_cells


def cut(lines: list[str], count: int, anchor: str | None = None) -> list[list[str]]:
    """Every best cut, as the joined texts of its cells."""
    fragments = [Fragment(i + 1, text) for i, text in enumerate(lines)]
    return [["".join(f.text for f in cell) for cell in split] for split in split_cells(fragments, count, anchor)]


GOAL = "这是一个足够长的绩效目标段落，用于测试单元格的划分规则和边界。"


@pytest.mark.parametrize(
    ("lines", "count", "anchor", "expected"),
    [
        # a short line ends a cell: 局 closes 主管部门, 务 closes the name
        (
            [
                "广州市政务服务数据管理",
                "局",
                "广州市政务服务数据管理",
                "局",
                "广州市政务服务数据管理局数",
                "字政府运营中心穗智管运营服",
                "务",
                GOAL,
            ],
            4,
            None,
            [
                [
                    "广州市政务服务数据管理局",
                    "广州市政务服务数据管理局",
                    "广州市政务服务数据管理局数字政府运营中心穗智管运营服务",
                    GOAL,
                ]
            ],
        ),
        # a line wider than the one before it belongs to a wider column
        (
            ["某市某某局", "某市中心", "某市中心2023", "年平台项目", GOAL],
            4,
            "某市某某局",
            [["某市某某局", "某市中心", "某市中心2023年平台项目", GOAL]],
        ),
        # a number moved whole to the next line does not make its predecessor short
        (
            ["某局", "某中心", "广州市政务服务数据管理局", "2020年信息化建设项目", GOAL],
            4,
            None,
            [["某局", "某中心", "广州市政务服务数据管理局2020年信息化建设项目", GOAL]],
        ),
        # equal widths: three cuts are as good; the anchor keeps those whose first cell repeats
        (
            ["甲乙丙丁", "戊己庚辛", "壬癸子丑", "寅卯", GOAL],
            4,
            "甲乙丙丁",
            [["甲乙丙丁", "戊己庚辛", "壬癸子丑寅卯", GOAL], ["甲乙丙丁", "戊己庚辛壬癸子丑", "寅卯", GOAL]],
        ),
        (["甲"], 2, None, []),
    ],
)
def test_split_cells(lines: list[str], count: int, anchor: str | None, expected: list[list[str]]) -> None:
    assert cut(lines, count, anchor) == expected


def test_misfit_cells_count_against_a_cut() -> None:
    fragments = [Fragment(i, t) for i, t in enumerate(["某某系统升级改造", "项目", "120.50", GOAL])]
    plain = split_cells(fragments, 3)
    checked = split_cells(fragments, 3, misfit=lambda index, text: index == 1 and not text.replace(".", "").isdigit())
    assert len(plain) > 1  # by width alone 项目 / 120.50 could be one cell
    assert [[f.text for f in cell] for cell in checked[0]] == [["某某系统升级改造", "项目"], ["120.50"], [GOAL]]
    assert len(checked) == 1


def test_a_long_last_cell_is_cut() -> None:
    # 2000 goal lines: the search is bounded (non-last cells span at most MAX_CELL_LINES lines)
    fragments = [Fragment(i, "某" * (5 if i < 3 else 40)) for i in range(2000)]
    best = split_cells(fragments, 4)[0]
    assert [len(cell) for cell in best] == [1, 1, 1, 1997]


def test_joined_keeps_lines() -> None:
    joined = Joined.of([Fragment(3, "年度"), Fragment(5, "指标值：1 ")])
    assert joined.text == "年度指标值：1 "
    assert joined.lines(0, 2) == (3, 3)
    assert joined.lines(0, len(joined.text)) == (3, 5)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("- 3 -", True), ("— 12 —", True), ("第3页 共9页", True), ("3/9", True), ("8", False), ("3、", False)],
)
def test_page_numbers(line: str, expected: bool) -> None:
    assert is_page_number(line) is expected


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("数据", 4),
        ("ab1%", 4),
        ("“数据”", 8),  # Chinese fonts print the ambiguous quotes full-width: the task thresholds count them so
        ("１２％", 6),  # full-width forms
        (" 数 ", 4),  # whitespace counts as printed
        ("", 0),
        ("广州12345", 9),
    ],
)
def test_display_width_of_every_kind_of_character(text: str, columns: int) -> None:
    assert display_width(text) == columns
