"""The inline layout re-wrapped at other column widths reads back to the same records.

The hand-written 003 fixture is printed again as a PDF extractor would print it with other column
widths (cells wrapped by display width, Latin words and numbers never broken, with or without
blank lines between lines).  The structural cell rules must find the same projects: a test that
the parser reads structure, not the seed's particular line breaks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from project_fixtures import actual_project, expected_project, load

from budgetkg.parser.project_cells import display_width
from budgetkg.parser.project_table import read_project_table
from budgetkg.parser.text import decode
from budgetkg.records import Department

FIXTURE = Path(__file__).parent / "expected" / "003_11d3bda62f573b8b" / "projects.json"
DEPARTMENT = Department("广州市政务服务数据管理局", "city", None)
# a Latin word or one character; a space glues its neighbours (an extractor strips line-end spaces)
_TOKEN = re.compile(r"(?:[A-Za-z0-9.%]+|\S)(?:\s+(?:[A-Za-z0-9.%]+|\S))*")


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap by display width; ASCII words (and text around a space) move whole to the next line."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if line and display_width(line + token) > width:
            lines.append(line)
            line = ""
        line += token
    return [*lines, line] if line else lines


def indicator_text(indicators: list[dict[str, Any]]) -> str:
    return "".join(
        f"{n}、{i['level1']}：{i['name']}，年度指标值：{i['annual_target']}。" for n, i in enumerate(indicators, 1)
    )


def render(fixture: dict[str, Any], widths: tuple[int, int, int, int, int], blank: bool) -> str:
    department, unit, name, goal, indicators = widths
    out = ["广州市政务服务数据管理局 2022 年项目支出绩效目标表", "", "主管部门 预算单位 项目名称 绩效目标 绩效指标", ""]
    for project in fixture["projects"]:
        cells = [
            wrap(DEPARTMENT.name, department),
            wrap(project["unit"], unit),
            wrap(project["name"], name),
            wrap(project["goal"], goal),
            wrap(indicator_text(project["indicators"]), indicators),
        ]
        for line in (line for cell in cells for line in cell):
            out.extend([line, ""] if blank else [line])
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("widths", "blank"),
    [
        ((22, 22, 26, 90, 134), True),  # the seed's own widths
        ((16, 16, 20, 60, 100), False),
        ((12, 18, 30, 70, 80), True),
    ],
)
def test_rewrapped_inline_table_gives_the_same_projects(widths: tuple[int, int, int, int, int], blank: bool) -> None:
    fixture = load(FIXTURE)
    text = decode(render(fixture, widths, blank).encode("utf-8"), "rewrapped.txt")
    projects, _, _ = read_project_table(text, DEPARTMENT)
    got = [actual_project(p, with_lines=False) for p in projects]
    want = [expected_project(p, with_lines=False) for p in fixture["projects"]]
    assert [p["name"] for p in got] == [p["name"] for p in want]
    assert got == want
