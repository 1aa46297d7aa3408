"""The 部门整体 form's budget, goals and key tasks against fixtures written by reading the filings."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from expected_records import FILINGS, PARTS, actual, expected

from budgetkg.parser import parse_bytes, parse_file

CASES = [(path, part) for path in FILINGS for part in PARTS]


@pytest.mark.parametrize(("path", "part"), CASES, ids=[f"{p.stem[:3]}-{part}" for p, part in CASES])
def test_filing_matches_its_hand_written_fixture(path, part):
    assert actual(parse_file(path), part) == expected(path.stem, part)


@pytest.mark.parametrize(
    ("prefix", "count", "total"),
    [("000", 10, Decimal("2582.30")), ("002", 2, Decimal("6822.10")), ("004", 8, Decimal("11142.06"))],
)
def test_task_counts_and_sums(prefix, count, total):
    filing = parse_file(next(p for p in FILINGS if p.name.startswith(prefix)))
    assert len(filing.tasks) == count
    assert sum(t.amount for t in filing.tasks if t.amount is not None) == total


def _filing(prefix: str) -> bytes:
    return next(p for p in FILINGS if p.name.startswith(prefix)).read_bytes()


def test_amount_on_the_content_line_is_read_and_not_kept_in_the_content():
    filing = parse_bytes(_filing("004"), "004.txt")
    task = next(t for t in filing.tasks if t.amount == Decimal("4431.81"))
    assert task.content == "信息化项目存量合同款必要支出"
    assert task.name == "信息化项目合同存量款项"


def test_an_address_number_at_a_line_end_is_not_an_amount():
    # 002 prints “（亚运大道 550” at the end of a content line: no decimals, so not an amount
    filing = parse_bytes(_filing("002"), "002.txt")
    assert all(t.amount != Decimal("550") for t in filing.tasks)
    assert "亚运大道 550号" in filing.tasks[0].content


def test_task_table_labels_printed_mid_table_are_not_text():
    filing = parse_bytes(_filing("000"), "000.txt")
    assert not any("年度重点" in t.name + t.content + t.expected for t in filing.tasks)


def test_numbered_goals_lose_their_numbering_and_a_paragraph_stays_one_goal():
    numbered = parse_bytes(_filing("000"), "000.txt").goals
    assert [g.text[:4] for g in numbered[:2]] == ["“广州塔", "“数字海"]
    assert numbered[3].text == "持续优化政务服务，全面提升我区政务服务水平。"
    paragraph = parse_bytes(_filing("004"), "004.txt").goals
    assert len(paragraph) == 1 and paragraph[0].lines == (22, 33)


def test_budget_pairs_side_by_side_keep_their_own_line():
    budget = parse_bytes(_filing("002"), "002.txt").budget
    assert [(b.label, b.lines) for b in budget[:2]] == [("基本支出", (10, 10)), ("财政拨款", (10, 10))]


def test_goals_numbered_with_chinese_numerals():
    body = (
        "部门整体预算绩效目标表\n部门名称：广州市某某局\n总体绩效目标\n一、做好第一件事，\n继续做好。\n"
        "二、做好第二件事。\n（三）做好第三件事。\n一级指标 二级指标 三级指标 指标值\n产出指标\n"
    )
    goals = parse_bytes(body.encode(), "g.txt").goals
    assert [(g.text, g.lines) for g in goals] == [
        ("做好第一件事，继续做好。", (4, 5)),
        ("做好第二件事。", (6, 6)),
        ("做好第三件事。", (7, 7)),
    ]


def test_one_line_rows_split_at_their_amount():
    body = (
        "部门整体预算绩效目标申报表\n部门名称 广州市某某区某某局\n年度重点工作任务\n"
        "名称 主要实施内容 拟投入的资金（万元） 期望达到的目标（概述）\n"
        "政务云经费 提供政务云资源租赁服务。 950.00 开通服务器550台及以上。\n"
        "热线经费 保障12345热线运行。 1,245.70 接通率达到95%以上。\n"
        "一级指标 二级指标 三级指标 指标值\n产出指标\n"
    )
    tasks = parse_bytes(body.encode(), "rows.txt").tasks
    assert [(t.name, t.content, t.amount, t.expected, t.lines) for t in tasks] == [
        ("政务云经费", "提供政务云资源租赁服务。", Decimal("950.00"), "开通服务器550台及以上。", (5, 5)),
        ("热线经费", "保障12345热线运行。", Decimal("1245.70"), "接通率达到95%以上。", (6, 6)),
    ]


def test_an_empty_row_is_reported_not_a_crash():
    body = (
        "部门整体预算绩效目标申报表\n部门名称 广州市某某区某某局\n"
        "名称 主要实施内容 拟投入的资金（万元） 期望达到的目标（概述）\n"
        "某任务\n\n某内容。\n\n10.00\n\n20.00\n\n达到目标。\n"
        "一级指标 二级指标 三级指标 指标值\n产出指标\n"
    )
    filing = parse_bytes(body.encode(), "empty-row.txt")
    assert [t.amount for t in filing.tasks] == [Decimal("10.00"), Decimal("20.00")]
    assert filing.tasks[1].lines == (10, 12)
    missing = [f for f in filing.findings if f.kind == "task_cell_missing"]
    assert len(missing) == 3  # row 1 lacks its expected goal; row 2 its name and content


def test_an_unreadable_budget_amount_is_no_figure_and_a_warning():
    text = _filing("000").decode()
    filing = parse_bytes(text.replace("项目支出 2,710.00 其他资金 0", "项目支出 2,710.00 其他资金 -").encode(), "b.txt")
    assert [b.label for b in filing.budget] == ["基本支出", "财政拨款", "项目支出"]
    [finding] = [f for f in filing.findings if f.kind == "budget_amount_unreadable"]
    assert finding.lines == (7, 7)
    assert len(filing.goals) == 8  # the row did not leak into the goals


def _with_other_tasks(prefix: str, rows: str) -> str:
    text = _filing(prefix).decode("utf-8")
    row = "其他需完成的任务（可选\n\n填）\n"
    assert row in text
    return text.replace(row, row + rows)


def test_an_empty_other_tasks_row_gives_no_task_and_no_finding():
    for prefix in ("002", "004"):
        filing = parse_bytes(_filing(prefix), f"{prefix}.txt")
        assert "其他需完成的任务" not in [t.name for t in filing.tasks]
        assert "task_other_read" not in [f.kind for f in filing.findings]


def test_text_in_the_other_tasks_row_is_read_as_a_task_without_amount():
    original = parse_bytes(_filing("002"), "002.txt")
    filing = parse_bytes(_with_other_tasks("002", "\n完成政务数据共享平台\n日常运维。\n").encode(), "other.txt")
    assert filing.tasks[:-1] == original.tasks
    other = filing.tasks[-1]
    assert (other.name, other.content, other.amount, other.expected) == (
        "其他需完成的任务",
        "完成政务数据共享平台日常运维。",
        None,
        "",
    )
    assert other.lines == (85, 90)
    [said] = [f for f in filing.findings if f.kind == "task_other_read"]
    assert (said.severity, said.lines) == ("info", (85, 90))
    assert filing.indicators == tuple(replace(i, lines=(i.lines[0] + 3, i.lines[1] + 3)) for i in original.indicators)


def test_an_amount_line_in_the_other_tasks_row_is_its_amount():
    filing = parse_bytes(_with_other_tasks("004", "\n档案数字化\n\n120.50\n").encode(), "other.txt")
    other = filing.tasks[-1]
    assert (other.name, other.content, other.amount) == ("其他需完成的任务", "档案数字化", Decimal("120.50"))
    # a priced row counts with the key tasks against 项目支出
    spending = next(f for f in filing.findings if f.kind == "tasks_vs_project_spending")
    assert "11,262.56" in spending.message  # 11,142.06 + 120.50


def test_an_other_tasks_row_spelled_one_character_per_line_is_read_too():
    text = _filing("004").decode("utf-8")
    row = "其他需完成的任务（可选\n\n填）\n"
    spelled = "\n".join("其他需完成的任务") + "\n\n档案数字化\n"
    filing = parse_bytes(text.replace(row, spelled).encode(), "spelled.txt")
    original = parse_bytes(_filing("004"), "004.txt")
    assert filing.tasks[:-1] == original.tasks  # the last task's expected goal does not swallow the row
    other = filing.tasks[-1]
    assert (other.name, other.content, other.amount) == ("其他需完成的任务", "档案数字化", None)
    assert other.lines == (227, 236)  # from the first character of the title to the text
