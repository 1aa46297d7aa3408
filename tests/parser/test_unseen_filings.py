"""Filings the parser has never seen: hand-written 预算绩效目标表 of other Guangzhou departments.

Each folder under ``unseen/`` holds an ``input.txt`` written by hand the way another district or a
市 department publishes its form (the real-world variants of DESIGN.md §1: weights in labels,
self-evaluation columns, 一级 one character per line, 指标N: prefixes, units inside values, an OCR
slip, GB18030 + CRLF, full-width digits, no 年度重点工作任务, amounts in 元, the year in the
title, labels after rows …) and an ``expected.json`` written by reading that input: every record
the parser must produce, with its lines, and every finding.

Compact spellings in ``expected.json`` (parsed here into Decimals before comparing):

* budget figure: ``"LABEL AMOUNT LINE"`` (LABEL may contain spaces: ``合计 财政拨款``);
* goal: ``"FIRST-LAST TEXT"``; task: ``[lines, name, amount, content, expected]`` (amount null: none);
* indicator: ``"FIRST-LAST|一级|二级|三级 name|period target|annual target"`` where 二级 is a name,
  ``?`` (null, candidates = all 二级 of the 一级) or ``A,B`` (null, candidates A and B), and a
  target is ``-`` (none), ``qualitative``, ``attain``, ``COMPARATOR VALUE UNIT`` (unit ``-``:
  none) or ``range MIN MAX UNIT``;
* finding: ``"KIND FIRST-LAST"``; the list is the exact multiset of the filing's findings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from budgetkg.categories import LEVEL2_BY_LEVEL1
from budgetkg.errors import InputError
from budgetkg.parser import parse_bytes
from budgetkg.parser.targets import parse_target
from budgetkg.records import Filing, Indicator, Target, to_json

UNSEEN = Path(__file__).parent / "unseen"
CASES = sorted(p for p in UNSEEN.iterdir() if (p / "input.txt").is_file())


def _parse(case: Path) -> Filing:
    path = case / "input.txt"
    return parse_bytes(path.read_bytes(), str(path))


def _expected(case: Path) -> dict[str, Any]:
    data = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _lines(span: str) -> tuple[int, int]:
    first, last = span.split("-")
    return int(first), int(last)


def _edited(case: str, *edits: tuple[str, str]) -> Filing:
    """The case's input with each ``(old, new)`` edit made (``old`` must be printed there), parsed."""
    text = (UNSEEN / case / "input.txt").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return parse_bytes(text.encode(), f"{case}-edited.txt")


def _target(spec: str) -> tuple[str, Decimal | None, Decimal | None, Decimal | None, str | None] | None:
    """(comparator, value, min, max, unit) as the contract states them for a compact target spelling."""
    if spec == "-":
        return None
    words = spec.split()
    comparator = words[0]
    if comparator in ("qualitative", "attain"):
        return comparator, None, None, None, None
    if comparator == "range":
        return comparator, None, Decimal(words[1]), Decimal(words[2]), None if words[3] == "-" else words[3]
    value, unit = Decimal(words[1]), None if words[2] == "-" else words[2]
    low = value if comparator in ("ge", "gt", "eq") else None
    high = value if comparator in ("le", "lt", "eq") else None
    return comparator, value, low, high, unit


def _target_of(target: Target | None) -> tuple[str, Decimal | None, Decimal | None, Decimal | None, str | None] | None:
    if target is None:
        return None
    return target.comparator, target.value, target.min, target.max, target.unit


def _indicator_spec(spec: str) -> tuple[Any, ...]:
    lines, level1, level2, name, period, annual = spec.split("|")
    candidates: tuple[str, ...] = ()
    if level2 == "?":
        level2, candidates = "", LEVEL2_BY_LEVEL1[level1]
    elif "," in level2:
        level2, candidates = "", tuple(level2.split(","))
    return _lines(lines), level1, level2 or None, candidates, name, _target(period), _target(annual)


def _indicator_got(indicator: Indicator) -> tuple[Any, ...]:
    return (
        indicator.lines,
        indicator.level1,
        indicator.level2,
        indicator.level2_candidates,
        indicator.name,
        _target_of(indicator.period_target),
        _target_of(indicator.annual_target),
    )


def _budget_spec(spec: str) -> tuple[str, Decimal, tuple[int, int]]:
    label, amount, line = spec.rsplit(" ", 2)
    return label, Decimal(amount), (int(line), int(line))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_records_are_those_read_by_hand(case: Path) -> None:
    filing, expected = _parse(case), _expected(case)
    assert filing.source.encoding == expected["encoding"]
    assert filing.form == expected["form"]
    assert (filing.department.name, filing.department.level, filing.department.district) == tuple(
        expected["department"]
    )
    assert filing.year == expected["year"]
    assert [(b.label, b.amount, b.lines) for b in filing.budget] == [_budget_spec(b) for b in expected["budget"]]
    assert [(g.lines, g.text) for g in filing.goals] == [
        (_lines(g.split(" ", 1)[0]), g.split(" ", 1)[1]) for g in expected.get("goals", [])
    ]
    assert [(t.lines, t.name, t.amount, t.content, t.expected) for t in filing.tasks] == [
        (_lines(lines), name, None if amount is None else Decimal(amount), content, goal)
        for lines, name, amount, content, goal in expected.get("tasks", [])
    ]
    assert [_indicator_got(i) for i in filing.indicators] == [
        _indicator_spec(i) for i in expected.get("indicators", [])
    ]
    descriptions = expected.get("descriptions", [None] * len(filing.indicators))
    assert [i.description for i in filing.indicators] == descriptions
    projects = expected.get("projects", [])
    assert len(filing.projects) == len(projects)
    for project, want in zip(filing.projects, projects, strict=True):
        assert (project.lines, project.name, project.unit, project.goal) == (
            _lines(want["lines"]),
            want["name"],
            want["unit"],
            want["goal"],
        )
        assert project.amount == (None if want["amount"] is None else Decimal(want["amount"]))
        assert [(f.label, f.amount) for f in project.funding] == [
            (label, Decimal(amount)) for label, amount in (f.rsplit(" ", 1) for f in want["funding"])
        ]
        assert [_indicator_got(i) for i in project.indicators] == [_indicator_spec(i) for i in want["indicators"]]
    got_findings = sorted((f.kind, f.lines) for f in filing.findings)
    assert got_findings == sorted((k, _lines(span)) for k, span in (f.split(" ") for f in expected["findings"]))


def _compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_record_is_printed_on_the_lines_it_names(case: Path) -> None:
    """Provenance that can be checked: a record's own words stand on the line range it cites."""
    filing = _parse(case)
    text = (case / "input.txt").read_bytes().decode(filing.source.encoding)
    lines = text.replace("\r\n", "\n").split("\n")

    def span(first: int, last: int) -> str:
        assert 1 <= first <= last <= len(lines)
        return _compact("".join(lines[first - 1 : last]))

    for figure in filing.budget:
        assert figure.label.split()[0] in span(*figure.lines)
    for task in filing.tasks:
        assert _compact(task.name) in span(*task.lines)
    indicators = [*filing.indicators, *(i for p in filing.projects for i in p.indicators)]
    assert indicators
    for indicator in indicators:
        assert _compact(indicator.name) in span(*indicator.lines)
    for project in filing.projects:
        assert _compact(project.name) in span(*project.lines)


def test_the_cli_prints_the_same_records_as_json() -> None:
    """The whole pipeline through ``budgetkg parse --format json``: one JSON array, exact amounts."""
    inputs = [str(case / "input.txt") for case in CASES]
    done = subprocess.run(
        [sys.executable, "-m", "budgetkg", "parse", "--format", "json", *inputs],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout, parse_float=Decimal)
    assert isinstance(printed, list) and len(printed) == len(CASES) >= 10
    for case, record in zip(CASES, printed, strict=True):
        filing = _parse(case)
        assert record == json.loads(json.dumps(to_json(filing)), parse_float=Decimal)
        assert [Decimal(str(b["amount"])) for b in record["budget"]] == [b.amount for b in filing.budget]


def test_the_cli_reads_the_good_filings_and_names_the_bad_one(tmp_path: Path) -> None:
    good = CASES[0] / "input.txt"
    cut = tmp_path / "cut.txt"
    source = (UNSEEN / "nansha_department_without_tasks" / "input.txt").read_text(encoding="utf-8").split("\n")
    header = next(n for n, line in enumerate(source, 1) if line.startswith("一级指标"))
    cut.write_text("\n".join(source[:header]) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "budgetkg", "parse", "--format", "json", str(good), str(cut)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith(f"{cut}:{header}: ")
    assert "Traceback" not in done.stderr
    printed = json.loads(done.stdout, parse_float=Decimal)
    printed = printed if isinstance(printed, list) else [printed]
    assert [p["source"]["path"] for p in printed] == [str(good)]


def _same_records(a: Filing, b: Filing) -> None:
    assert asdict(replace(a, source=b.source)) == asdict(b)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_the_gb18030_crlf_filing_reads_the_same_in_any_encoding(encoding: str) -> None:
    case = UNSEEN / "tianhe_department_gb18030_crlf"
    original = _parse(case)
    assert original.source.encoding == "gb18030"
    text = (case / "input.txt").read_bytes().decode("gb18030")
    assert "\r\n" in text
    variant = parse_bytes(text.replace("\r\n", "\n").encode(encoding), "variant.txt")
    assert variant.source.encoding == encoding
    _same_records(original, variant)


def test_full_width_digits_and_comparators_read_as_their_half_width_twins() -> None:
    case = UNSEEN / "yuexiu_project_fullwidth_bom"
    original = _parse(case)
    text = (case / "input.txt").read_bytes().decode("utf-8-sig")
    half: dict[str, str | int | None] = {chr(0xFF10 + d): str(d) for d in range(10)}
    half.update({"％": "%", "＞": ">", "＜": "<", "＝": "="})
    twin = text.translate(str.maketrans(half))
    for wide, narrow in (("，", ","), ("．", "."), ("：", ":"), ("－", "-")):
        # the full-width separators of numbers and codes, only between digits (names keep their ，)
        for d in "0123456789":
            for e in "0123456789":
                twin = twin.replace(f"{d}{wide}{e}", f"{d}{narrow}{e}")
    assert twin != text
    _same_records(original, parse_bytes(twin.encode("utf-8"), "twin.txt"))


def test_an_indicator_cell_shifted_into_the_goal_column_is_reported_not_read_silently() -> None:
    case = UNSEEN / "nansha_project_continued_rows"
    data = (case / "input.txt").read_bytes()
    shifted = data.replace(b"\t\t\t\t\t\t<p>3", b"\t\t\t\t\t<p>3")  # one tab lost: the cell moves left
    assert shifted != data
    filing = parse_bytes(shifted, "shifted.txt")
    project = filing.projects[0]
    assert [i.name for i in project.indicators] == ["资助高新技术企业数量", "带动企业研发投入"]
    assert [(f.kind, f.lines) for f in filing.findings if f.severity == "warning"] == [
        ("project_goal_like_indicator", (13, 13))
    ]


def test_a_changed_number_in_an_unseen_filing_changes_the_record() -> None:
    changed = _edited("liwan_department_shifted_levels", ("≤3.5% ≤3.5%", "≤4.5% ≤3.5%"))
    original = _parse(UNSEEN / "liwan_department_shifted_levels")
    rate = next(i for i in changed.indicators if i.name == "城镇登记失业率")
    assert rate.period_target is not None and rate.period_target.value == Decimal("4.5")
    assert rate.annual_target is not None and rate.annual_target.value == Decimal("3.5")
    assert [i for i in changed.indicators if i.name != "城镇登记失业率"] == [
        i for i in original.indicators if i.name != "城镇登记失业率"
    ]


def test_a_department_filing_cut_before_its_indicator_rows_is_an_input_error() -> None:
    case = UNSEEN / "huangpu_department_vertical_level1"
    lines = (case / "input.txt").read_text(encoding="utf-8").split("\n")
    header = next(n for n, line in enumerate(lines, 1) if line.startswith("一级指标"))
    with pytest.raises(InputError) as caught:
        parse_bytes("\n".join(lines[:header]).encode(), "cut.txt")
    assert (caught.value.path, caught.value.line) == ("cut.txt", header)


# --- variants of the unseen filings that were once known failures (layout.py, overall.py, tasks.py) ----


def test_a_year_in_chinese_numerals_in_the_title_is_read() -> None:
    filing = _edited(
        "liwan_department_shifted_levels", ("部门整体预算绩效目标申报表", "二〇二四年部门整体预算绩效目标申报表")
    )
    assert filing.year == 2024


def test_a_department_budget_printed_in_yuan_is_converted_and_reported() -> None:
    filing = _edited(
        "liwan_department_shifted_levels",
        ("（万元）", "（元）"),
        ("2,950.00", "29,500,000.00"),
        ("5,150.00", "51,500,000.00"),
        ("2,200.00", "22,000,000.00"),
    )
    original = _parse(UNSEEN / "liwan_department_shifted_levels")
    assert [(b.label, b.amount) for b in filing.budget] == [(b.label, b.amount) for b in original.budget]
    # the task header says （元） too: its amounts, printed unchanged, are now a ten-thousandth
    assert [t.amount for t in filing.tasks] == [t.amount / 10000 for t in original.tasks if t.amount is not None]
    converted = sorted((f.kind, f.lines) for f in filing.findings if f.kind.endswith("_unit_converted"))
    assert converted == [("budget_amount_unit_converted", (7, 7)), ("task_amount_unit_converted", (19, 19))]


def test_an_indicator_header_printed_one_title_per_line_is_read() -> None:
    header = "一级指标 二级指标 三级指标 实施周期指标值 年度指标值"
    filing = _edited("liwan_department_shifted_levels", (header, header.replace(" ", "\n")))
    assert [i.name for i in filing.indicators] == [
        i.name for i in _parse(UNSEEN / "liwan_department_shifted_levels").indicators
    ]


def test_inline_cells_that_split_two_ways_are_reported_with_their_candidates() -> None:
    """Column widths that do not decide where 预算单位 ends and 项目名称 begins: a warning lists the splits."""
    filing = _edited(
        "huangpu_project_inline_wrapped_cells",
        ("广州市黄埔区建设\n\n工程质量安全监督\n\n站\n", "广州市黄埔区建设工\n\n程质量安全监督站\n"),
    )
    warnings = [f for f in filing.findings if f.kind == "project_cells_ambiguous"]
    assert len(warnings) == 1 and warnings[0].lines == filing.projects[0].lines
    assert "广州市黄埔区建设工程质量安全监督站" in warnings[0].message  # the right split is among the candidates


def test_a_growth_above_100_percent_is_no_slip() -> None:
    filing = _edited(
        "huangpu_department_prefixes_ocr",
        ("指标4:网上办理事项办结率 292% 292%", "指标4:网上办件量同比增长 150% 150%"),
    )
    grown = next(i for i in filing.indicators if i.name == "网上办件量同比增长")
    assert grown.annual_target is not None and grown.annual_target.value == Decimal(150)
    assert not [f for f in filing.findings if f.kind == "target_percent_above_100"]


#: target spellings met while writing the unseen filings: (printed, comparator, value, unit)
UNSEEN_TARGETS = [
    ("≥20万吨", "ge", "200000", "吨"),
    ("≥1.5万亩", "ge", "15000", "亩"),
    ("≤0.9‰", "le", "0.9", "‰"),
    ("≥50万页", "ge", "500000", "页"),
    ("≥20场次", "ge", "20", "场次"),
    ("≥ 8000 件", "ge", "8000", "件"),
    ("98 %", "eq", "98", "%"),
    ("≥0.5级", "qualitative", None, None),  # 级: no unit the parser knows — never a bare 0.5
    ("不超过10000元/人", "qualitative", None, None),  # per person: no period, so not read as 元
    ("≥9O%", "qualitative", None, None),  # OCR: letter O for 0
    ("l00%", "qualitative", None, None),  # OCR: letter l for 1
    ("≥95.%", "qualitative", None, None),  # a stray point between number and unit
    ("面向政府用户≥50或面向公众用户≥200", "qualitative", None, None),
    ("IPv6支持率100%", "eq", "100", "%"),
    ("大于0即可", "gt", "0", None),
]


@pytest.mark.parametrize(("printed", "comparator", "value", "unit"), UNSEEN_TARGETS, ids=[t[0] for t in UNSEEN_TARGETS])
def test_unseen_target_spellings(printed: str, comparator: str, value: str | None, unit: str | None) -> None:
    target = parse_target(printed)
    assert (target.text, target.comparator, target.unit) == (printed, comparator, unit)
    assert target.value == (None if value is None else Decimal(value))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_filing_cut_or_missing_a_line_gives_records_or_one_clear_error(case: Path) -> None:
    """Damage anywhere (the file cut after line k, or line k lost): a Filing or an InputError, never a crash."""
    original = _parse(case)
    lines = (case / "input.txt").read_bytes().decode(original.source.encoding).replace("\r\n", "\n").split("\n")
    errors = 0
    for k in range(1, len(lines)):
        for variant in (lines[:k], lines[: k - 1] + lines[k:]):
            try:
                parse_bytes("\n".join(variant).encode(), "damaged.txt")
            except InputError as error:
                errors += 1
                assert str(error).startswith("damaged.txt:") and "\n" not in str(error)
                assert 0 <= error.line <= len(variant)
    assert errors > 0  # cutting before the tables must be an error, not an empty filing


def test_a_unit_printed_in_the_amount_headers_converts_like_a_unit_line() -> None:
    original = _parse(UNSEEN / "tianhe_project_tsv_yuan")
    changed = _edited(
        "tianhe_project_tsv_yuan", ("单位：元", ""), ("\t总计\t财政拨款\t", "\t总计（元）\t财政拨款（元）\t")
    )
    assert changed.projects == original.projects
    assert changed.budget == original.budget
    assert [(f.kind, f.lines) for f in changed.findings] == [("project_amount_unit_converted", (7, 7))]


def test_a_row_printing_one_target_of_two_is_reported() -> None:
    filing = _edited(
        "liwan_department_shifted_levels", ("职业技能培训人次 ≥8000人次 ≥8000人次", "职业技能培训人次 ≥8000人次")
    )
    row = next(i for i in filing.indicators if i.name == "职业技能培训人次")
    assert row.annual_target is None and row.period_target is not None
    assert [(f.kind, f.lines) for f in filing.findings if f.severity == "warning"] == [
        ("target_column_uncertain", (29, 29))
    ]


def test_short_labels_read_the_same_without_blank_lines() -> None:
    case = UNSEEN / "city_department_short_labels"
    lines = (case / "input.txt").read_text(encoding="utf-8").split("\n")
    header = next(n for n, line in enumerate(lines) if line.startswith("一级指标"))
    packed = lines[: header + 1] + [line for line in lines[header + 1 :] if line.strip()]
    filing = parse_bytes("\n".join(packed).encode(), "packed.txt")
    original = _parse(case)
    assert len(original.indicators) == 5
    assert [replace(i, lines=(0, 0)) for i in filing.indicators] == [
        replace(i, lines=(0, 0)) for i in original.indicators
    ]
