"""Any table-like text is read without an exception, and every record stays inside the table.

Lines are drawn from the pieces such tables are made of (labels whole, split or glued, header
rows, names, values, description lines, page numbers, blank lines) in random order: the reader
may find nothing sensible, but it must never crash nor point outside the lines it was given.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkg.parser.indicator_table import read_indicator_table
from budgetkg.parser.text import Text

PIECES = [
    "",
    "一级指标 二级指标 三级指标 指标值",
    "一级指标 二级指标 三级指标 实施周期指标值 年度指标值",
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因",
    "实施周期指标值 年度指标值",
    "绩效指标",
    "产出指标",
    "产",
    "出",
    "指",
    "标",
    "数量指标",
    "成本指标",
    "社会效益",
    "指标",
    "满意度指标 服务对象满意度指标",
    "质量指标 验收合格率 100%",
    ">=98%绩效指标",
    "年度重点",
    "工作任务",
    "“城市运行平台”接入视",
    "频数量",
    ">=60",
    "不低于95%",
    "培训次数 4次",
    "新建站点数量 10个 5个",
    "按时完成率 ≥95% 90% 10 8 工期延误",
    "完成周期计划数。 标准：100%",
    "完成周期计划数。",
    "标准：全年培训覆盖窗口",
    "指标内容：保障系统全年正常运行。",
    "上线服务事项 完成周期计划数。 标准：不少于200项。",
    "覆盖单位≧30个",
    "覆盖单位≧",
    "30个",
    "全流程闭环管理，提升服务推动政务数据共享、电子证照和电子材料",
    "- 3 -",
    "1、新建站点数量 10个 5个",
    "填报人：王某",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60))
def test_any_table_like_text_is_read_without_an_exception(lines: list[str]) -> None:
    text = Text("fuzz.txt", tuple(lines), "utf-8", "0" * 64)
    indicators, findings = read_indicator_table(text, 1, len(lines))
    for indicator in indicators:
        assert 1 <= indicator.lines[0] <= indicator.lines[1] <= len(lines)
        assert indicator.level2 is None or not indicator.level2_candidates
    for finding in findings:
        assert finding.lines is None or 1 <= finding.lines[0] <= finding.lines[1] <= len(lines)
