"""Form, department, year and sections from the text's structure."""

from __future__ import annotations

import pytest
from expected_records import FILINGS

from budgetkg.errors import InputError
from budgetkg.parser.layout import department_of, detect_layout
from budgetkg.parser.text import decode

OVERALL_TAIL = "\n一级指标 二级指标 三级指标 指标值\n产出指标\n"


def layout_of(body: str):
    return detect_layout(decode(body.encode(), "t.txt"))


def _real(prefix: str):
    path = next(p for p in FILINGS if p.name.startswith(prefix))
    return detect_layout(decode(path.read_bytes(), str(path)))


@pytest.mark.parametrize(
    ("title", "form"),
    [
        ("部门整体预算绩效目标表", "department_overall"),
        ("部门整体预算绩效目标申报表", "department_overall"),
        ("## 项目支出绩效目标表（含转移支付项目）", "project_table"),
        ("广州市某某局 2022 年项目支出绩效目标表（含转移支付项目）", "project_table"),
    ],
)
def test_form_from_the_title(title, form):
    body = f"{title}\n部门名称：广州市海珠区某某局\n"
    if form == "department_overall":
        body += OVERALL_TAIL
    else:
        body += "项目名称\t总计\t绩效目标\t绩效指标\n"
    assert layout_of(body).form == form


def test_form_from_a_header_row_when_the_title_is_lost():
    layout = layout_of("部门名称 广州市某某局\n" + OVERALL_TAIL)
    assert layout.form == "department_overall"


def test_both_titles_is_an_error_listing_both():
    with pytest.raises(InputError, match=r"line 1.*line 2"):
        layout_of("部门整体预算绩效目标表\n项目支出绩效目标表\n")


def test_no_structure_is_an_error():
    with pytest.raises(InputError, match="not a budget-performance filing"):
        layout_of("今天天气很好。\n我们去公园散步。\n")


@pytest.mark.parametrize(
    ("name", "level", "district"),
    [
        ("广州市海珠区政务服务数据管理局", "district", "海珠区"),
        ("番禺区政务服务数据管理局", "district", "番禺区"),
        ("广州市白云区政务服务数据管理局", "district", "白云区"),
        ("广州市政务服务数据管理局", "city", None),
        ("深圳市南山区教育局", "district", "南山区"),
    ],
)
def test_level_and_district_from_the_name(name, level, district):
    department = department_of(name)
    assert (department.level, department.district) == (level, district)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("部门整体预算绩效目标表\n广州市荔湾区某某局\n", "广州市荔湾区某某局"),  # alone after the title
        ("部门整体预算绩效目标申报表\n部门名称 广州市某某局(部门) 下属二级单位数 2\n", "广州市某某局"),
        ("## 项目支出绩效目标表\n部门名称：广州市某某局（本级）\n", "广州市某某局"),
    ],
)
def test_department_name_from_label_or_position(body, name):
    tail = OVERALL_TAIL if "部门整体" in body else "项目名称\t总计\t绩效目标\t绩效指标\n"
    assert layout_of(body + tail).department.name == name


def test_missing_department_is_an_error():
    with pytest.raises(InputError, match="department"):
        layout_of("部门整体预算绩效目标表\n\n基本支出 1 财政拨款 1\n" + OVERALL_TAIL)


def test_year_from_the_title():
    layout = layout_of("广州市某某局 2021 年项目支出绩效目标表\n项目名称\t总计\t绩效目标\t绩效指标\n")
    assert layout.year == 2021
    assert layout.department.name == "广州市某某局"


def test_year_from_the_goals_opening_is_inferred_and_said_so():
    body = "部门整体预算绩效目标表\n部门名称 某某区某某局\n总体绩效目标\n2024年，全面提升服务。\n" + OVERALL_TAIL
    layout = layout_of(body)
    assert layout.year == 2024
    [finding] = layout.findings
    assert (finding.kind, finding.severity, finding.lines) == ("year_inferred", "info", (4, 4))
    assert "line 4" in finding.message


def test_a_year_inside_other_text_is_not_the_budget_year():
    body = "部门整体预算绩效目标表\n部门名称 某某区某某局\n总体绩效目标\n完成2021年建设项目。\n" + OVERALL_TAIL
    layout = layout_of(body)
    assert layout.year is None and layout.findings == ()


@pytest.mark.parametrize(
    ("prefix", "budget", "goals", "tasks", "indicators"),
    [
        ("000", (5, 7), (14, 34), (40, 232), (233, 571)),
        ("002", (10, 18), (21, 22), (26, 84), (91, 519)),
        ("004", (10, 18), (22, 33), (37, 226), (233, 360)),
    ],
)
def test_sections_of_the_real_filings(prefix, budget, goals, tasks, indicators):
    sections = _real(prefix).sections
    assert (sections.budget, sections.goals, sections.tasks, sections.indicators) == (budget, goals, tasks, indicators)


def test_project_tables_have_no_overall_sections():
    assert _real("001").sections.tasks is None
    assert _real("003").year == 2022


@pytest.mark.parametrize(
    "title", ["部门（单位）整体支出绩效目标表", "2023年度部门整体支出绩效目标申报表", "整体支出绩效目标表"]
)
def test_other_wordings_of_the_overall_title(title):
    layout = layout_of(f"{title}\n部门名称：广州市天河区某某局\n{OVERALL_TAIL}")
    assert layout.form == "department_overall"
    assert layout.department.district == "天河区"


@pytest.mark.parametrize("line", ["预算年度：2025", "（2025年度）", "填报年度 2025年"])
def test_a_year_on_a_line_of_its_own_is_stated(line):
    body = f"部门整体预算绩效目标表\n{line}\n部门名称：广州市某某局\n总体绩效目标\n做好工作。\n{OVERALL_TAIL}"
    layout = layout_of(body)
    assert layout.year == 2025 and layout.findings == ()
    assert layout.sections.goals == (5, 5)


def test_department_alone_on_the_line_before_the_title():
    layout = layout_of(f"广州市越秀区某某局\n\n部门整体预算绩效目标表\n\n总体绩效目标\n{OVERALL_TAIL}")
    assert (layout.department.name, layout.department.district) == ("广州市越秀区某某局", "越秀区")


def test_a_level_not_readable_from_the_name_is_said_so():
    layout = layout_of(f"部门整体预算绩效目标表\n部门名称：广东省某某厅\n{OVERALL_TAIL}")
    assert layout.department.level == "city"
    [finding] = layout.findings
    assert (finding.kind, finding.severity, finding.lines) == ("level_assumed", "info", (2, 2))


def test_prose_citing_the_other_form_is_not_a_title():
    body = (
        "部门整体预算绩效目标表\n部门名称：广州市某某区某某局\n总体绩效目标\n"
        "按《项目支出绩效目标表》要求做好工作。\n"
        "各项目按照项目支出绩效目标表的要求逐项分解落实到具体工作任务中，确保年度目标按期完成并接受绩效监控与评价。\n"
        + OVERALL_TAIL
    )
    layout = layout_of(body)
    assert (layout.form, layout.title_line) == ("department_overall", 1)
    assert layout.sections.goals == (4, 5)


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("二〇二四年部门整体预算绩效目标申报表", 2024),
        ("二零二三年度部门整体预算绩效目标表", 2023),
        ("广州市天河区某某局二○二二年部门整体支出绩效目标表", 2022),
        ("广州市天河区某某局 2021 年度部门整体支出绩效目标表", 2021),
    ],
)
def test_a_year_in_chinese_or_arabic_numerals_in_the_title(title, year):
    layout = layout_of(f"{title}\n部门名称：广州市天河区某某局\n{OVERALL_TAIL}")
    assert layout.year == year and layout.findings == ()
    assert layout.department.name == "广州市天河区某某局"


@pytest.mark.parametrize(
    ("above", "year"),
    [
        ("广州市越秀区某某局\n2024年\n", 2024),  # department, then the year, each on its own line
        ("广州市越秀区某某局2024年度\n", 2024),  # both on one line
        ("广州市越秀区某某局 二〇二五年度\n", 2025),
        ("二〇二三年\n\n广州市越秀区某某局\n", 2023),  # the year above the department
        ("附件1\n广州市越秀区某某局\n", None),  # no year stated: none guessed
    ],
)
def test_department_and_year_printed_above_the_title(above, year):
    layout = layout_of(f"{above}\n部门整体预算绩效目标申报表\n\n总体绩效目标\n做好工作。\n{OVERALL_TAIL}")
    assert (layout.department.name, layout.department.district, layout.year) == ("广州市越秀区某某局", "越秀区", year)
    assert layout.findings == ()
    # the heading lines are neither goals nor budget rows: the goals are the one line under their label
    goal_line = above.count("\n") + 5
    assert (layout.sections.goals, layout.sections.budget) == ((goal_line, goal_line), None)


def test_a_labelled_department_wins_over_a_heading_above_the_title():
    body = f"广州市越秀区甲局\n部门整体预算绩效目标表\n部门名称：广州市越秀区乙局\n{OVERALL_TAIL}"
    assert layout_of(body).department.name == "广州市越秀区乙局"


def test_a_project_form_with_its_department_and_year_above_the_title():
    body = "广州市某某局\n二〇二二年\n项目支出绩效目标表\n项目名称\t总计\t绩效目标\t绩效指标\n"
    layout = layout_of(body)
    assert (layout.form, layout.department.name, layout.year) == ("project_table", "广州市某某局", 2022)


def test_an_indicator_header_one_title_per_line_starts_the_indicator_section():
    stacked = "\n一级指标\n\n二级指标\n三级指标\n\n实施周期指标值\n年度指标值\n产出指标\n"
    layout = layout_of(f"部门整体预算绩效目标表\n部门名称：广州市某某局\n{stacked}")
    assert layout.sections.indicators == (4, 11)


def test_an_indicator_header_one_title_per_line_with_no_rows_is_a_truncated_filing():
    with pytest.raises(InputError, match="no rows") as caught:
        layout_of("部门整体预算绩效目标表\n部门名称：广州市某某局\n一级指标\n二级指标\n三级指标\n\n")
    assert caught.value.line == 3


def test_titles_of_other_levels_alone_are_no_indicator_header():
    # 一级指标 alone followed by a label is a label run, not a header: nothing starts the table
    with pytest.raises(InputError, match="一级指标 二级指标"):
        layout_of("部门整体预算绩效目标表\n部门名称：广州市某某局\n总体绩效目标\n一级指标\n产出指标\n")


@pytest.mark.parametrize(
    "heading",
    [
        "广州市天河区某某局二○二二年部门整体支出绩效目标表",  # department and Chinese year in the title
        "填报单位：广州市天河区某某局\n二〇二二年度部门整体支出绩效目标表",  # a labelled line above
        "二〇二二年度部门整体支出绩效目标表\n填报单位：广州市天河区某某局",
    ],
)
def test_department_and_year_without_a_department_name_line(heading):
    layout = layout_of(f"{heading}\n总体绩效目标\n做好工作。\n{OVERALL_TAIL}")
    assert (layout.department.name, layout.department.district, layout.year) == ("广州市天河区某某局", "天河区", 2022)
    assert layout.findings == ()
