"""Variants of the real filings: what must not change the records, and what must."""

from __future__ import annotations

import codecs
import re
from decimal import Decimal

import pytest
from expected_records import FILINGS, expected, records, without_lines

from budgetkg.parser import parse_bytes
from budgetkg.parser.cells import display_width

IDS = [p.stem[:3] for p in FILINGS]


def _text(prefix: str) -> str:
    return next(p for p in FILINGS if p.name.startswith(prefix)).read_text(encoding="utf-8")


def _parse_text(text: str):
    return parse_bytes(text.encode("utf-8"), "variant.txt")


ENCODINGS = {
    "gb18030": lambda s: s.encode("gb18030"),
    "utf-16-bom": lambda s: s.encode("utf-16"),
    "utf-16-le": lambda s: s.encode("utf-16-le"),
    "utf-8-bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "crlf": lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    "crlf-gbk": lambda s: s.replace("\n", "\r\n").encode("gb18030"),
}


@pytest.mark.parametrize("variant", sorted(ENCODINGS))
@pytest.mark.parametrize("path", FILINGS, ids=IDS)
def test_re_encoded_and_crlf_give_the_same_records(path, variant):
    text = path.read_text(encoding="utf-8")
    original = parse_bytes(text.encode("utf-8"), "f.txt")
    assert records(parse_bytes(ENCODINGS[variant](text), "f.txt")) == records(original)


def to_full_width(text: str) -> str:
    """What a full-width typist would print: digits, Latin letters, %<>=+ and in-number separators."""
    between = {".": "．", ",": "，", ":": "：", "-": "－", "/": "／"}
    text = re.sub(r"(?<=\d)[.,:\-/](?=\d)", lambda m: between[m.group(0)], text)
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and (c.isalnum() or c in "%<>=+") else c for c in text)


@pytest.mark.parametrize("path", FILINGS, ids=IDS)
def test_full_width_gives_the_same_records(path):
    text = path.read_text(encoding="utf-8")
    full = to_full_width(text)
    assert full != text
    assert records(_parse_text(full)) == records(_parse_text(text))


def _replace_lines(text: str, first: int, last: int, new: list[str]) -> str:
    lines = text.split("\n")
    lines[first - 1 : last] = new
    return "\n".join(lines)


def test_unwrapped_goals_give_the_same_records():
    text = _text("000")
    lines = text.split("\n")
    goals = "".join(lines[13:34])  # lines 14-34: eight goals wrapped at the page width
    one_per_line = re.sub(r"(?=目标\d+：)", "\n", goals).strip().split("\n")
    assert len(one_per_line) == 8
    variant = _replace_lines(text, 14, 34, one_per_line)
    assert without_lines(records(_parse_text(variant))) == without_lines(records(_parse_text(text)))


def test_task_table_without_blank_lines_gives_the_same_records():
    text = _text("004")
    lines = text.split("\n")
    squeezed = [line for line in lines[38:225] if line.strip()]  # lines 39-225: the task rows
    variant = _replace_lines(text, 39, 225, squeezed)
    assert without_lines(records(_parse_text(variant))) == without_lines(records(_parse_text(text)))


def test_task_cells_wrapped_at_another_width_give_the_same_records():
    text = _text("002")
    lines = text.split("\n")
    expected_cell = "".join(line.strip() for line in lines[47:54])  # lines 48-54: first row's 期望达到的目标
    rewrapped = [expected_cell[i : i + 30] for i in range(0, len(expected_cell), 30)]
    variant = _replace_lines(text, 48, 54, rewrapped)
    assert without_lines(records(_parse_text(variant))) == without_lines(records(_parse_text(text)))


def test_one_budget_pair_per_line_gives_the_same_figures():
    text = _text("000")
    variant = _replace_lines(text, 5, 7, ["基本支出 2,571.09", "财政拨款 0", "", "项目支出 2,710.00", "其他资金 0"])
    parsed, original = _parse_text(variant), _parse_text(text)
    as_set = lambda filing: {(b.label, b.amount) for b in filing.budget}  # noqa: E731
    assert as_set(parsed) == as_set(original)
    assert len(parsed.budget) == 4


def test_labels_before_their_sections_and_goals_before_budget_give_the_same_records():
    # 000 prints its labels after their content; 002 and 004 print them before: both must read alike
    text = _text("000")
    lines = text.split("\n")
    budget, goals, title = lines[2:7], lines[13:34], lines[10:12]
    reordered = [*title, "", "总体绩效目标", *goals, "", "预算整体情况", "", *budget, ""]
    variant = "\n".join([*reordered, *lines[36:]])
    assert without_lines(records(_parse_text(variant))) == without_lines(records(_parse_text(text)))


def test_a_changed_amount_changes_the_task_and_the_finding():
    text = _text("000")
    changed = _parse_text(text.replace("\n246.63\n", "\n246.64\n"))
    original = _parse_text(text)
    assert changed.tasks[0].amount == Decimal("246.64") != original.tasks[0].amount
    assert changed.tasks[1:] == original.tasks[1:]
    [finding] = [f for f in changed.findings if f.kind == "tasks_vs_project_spending"]
    assert "2,582.31" in finding.message


def test_a_changed_department_name_changes_the_district():
    text = _text("000").replace("广州市海珠区政务服务数据管理局\n", "广州市荔湾区政务服务数据管理局\n", 1)
    department = _parse_text(text).department
    assert (department.name, department.district) == ("广州市荔湾区政务服务数据管理局", "荔湾区")


def test_a_changed_budget_figure_changes_the_budget_and_its_balance():
    text = _text("002").replace("基本支出 1,163.71", "基本支出 1,263.71")
    filing = _parse_text(text)
    assert filing.budget[0].amount == Decimal("1263.71")
    # spending now equals sources: the 番禺 gap finding disappears
    assert not [f for f in filing.findings if f.kind == "budget_parts_vs_total"]


def test_a_changed_task_name_changes_the_name():
    text = _text("004").replace("政务云经费\n", "政务云服务经费\n")
    assert _parse_text(text).tasks[-1].name == "政务云服务经费"


def test_labels_printed_one_character_per_line_are_still_labels():
    text = _text("000")
    vertical = text.replace("\n总体绩效目标\n", "\n总\n体\n绩\n效\n目\n标\n", 1)
    # the two labels inside the task table (a third one stands in the indicator table: not ours)
    vertical = vertical.replace("\n年度重点\n工作任务\n", "\n年\n度\n重\n点\n工\n作\n任\n务\n", 2)
    assert vertical.count("\n年\n度\n") == 2
    assert without_lines(records(_parse_text(vertical))) == without_lines(records(_parse_text(text)))


def test_a_letter_spaced_title_and_amounts_with_their_unit():
    text = _text("004")
    variant = text.replace("部门整体预算绩效目标申报表", "部 门 整 体 预 算 绩 效 目 标 申 报 表")
    variant = variant.replace("\n358.00\n", "\n358.00万元\n")
    assert records(_parse_text(variant)) == records(_parse_text(text))


def _wrap(text: str, columns: int) -> list[str]:
    """Wrap as a PDF column does: at a display width of ``columns`` CJK characters (ASCII is half)."""
    lines, line = [], ""
    # a space is kept between its neighbours: an extractor drops spaces at a line break
    for unit in re.findall(r"\S +\S|\S", text):
        if display_width(line + unit) > 2 * columns:
            lines.append(line)
            line = ""
        line += unit
    return [*lines, line] if line else lines


def _render_tasks(tasks: list[dict], style: str, widths: tuple[int, int, int]) -> list[str]:
    """The hand-written fixture tasks printed again as an extractor would, in one of three styles."""
    lines: list[str] = []
    for task in tasks:
        cells = [
            _wrap(task["name"], widths[0]),
            _wrap(task["content"], widths[1]),
            [str(task["amount"])],
            _wrap(task["expected"], widths[2]),
        ]
        for cell in cells:
            if style == "blocks":  # 000: a blank line between cells
                lines += [*cell, ""]
            elif style == "spaced":  # 004: a blank line after every line
                lines += [line for text in cell for line in (text, "")]
            else:  # tight: no blank lines at all
                lines += cell
    return lines


# the three 部门整体 filings' task rows (lines) and widths (in CJK characters) of name/content/expected
REGIONS = {"000": (48, 231), "002": (28, 83), "004": (39, 225)}
REWRAPS = [
    (prefix, style, (name, content, 22))
    for prefix in REGIONS
    for style in ("blocks", "spaced", "tight")
    for name in (8, 10, 13)
    for content in (15, 18)
    # a layout without any blank line only tells columns apart by width
    if style != "tight" or content >= 1.5 * name
]


@pytest.mark.parametrize(("prefix", "style", "widths"), REWRAPS, ids=[f"{p}-{s}-{w[0]}-{w[1]}" for p, s, w in REWRAPS])
def test_task_tables_rewrapped_from_the_fixtures_give_the_fixtures(prefix, style, widths):
    path = next(p for p in FILINGS if p.name.startswith(prefix))
    tasks = expected(path.stem, "tasks")
    if prefix == "004":  # its third row prints the content beside the amount; keep that row as printed
        tasks = [t for t in tasks if t["amount"] != Decimal("4431.81")]
    variant = _replace_lines(_text(prefix), *REGIONS[prefix], _render_tasks(tasks, style, widths))
    parsed = without_lines(records(_parse_text(variant))["tasks"])
    assert parsed == without_lines(tasks)
