"""Which form a filing is, whose it is, for which year, and where its sections lie.

Everything here is read from the STRUCTURE of the text — title lines (``…绩效目标(申报)表``),
labelled header lines (``部门名称 …``), table header rows — never from a file's name or from
wording particular to one filing.

Year: only a year the filing states about itself counts as stated — a title such as
``2022 年项目支出绩效目标表``, ``2023年度部门整体…`` or ``二〇二四年部门整体…`` (Chinese numerals are
read by ``numbers.read_year``), a heading line above the title (``广州市XX局 2024年度``), or a line
of its own before the tables (``预算年度：2023``, ``（2023年度）``).  A 部门整体 filing may state no
year there but open its 总体绩效目标 with ``2023年，…``: the goals of a budget-performance form are
written for the budget year, so that year is taken, and an info Finding(kind="year_inferred")
says so and from which line.  Years met anywhere else (project names such as
``2021年建设项目``, targets) are history or plans, not the budget year, and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from budgetkg.errors import InputError
from budgetkg.parser.amount_units import amount_label
from budgetkg.parser.indicator_header import header_end
from budgetkg.parser.numbers import YEAR, read_year
from budgetkg.parser.text import Text
from budgetkg.records import Department, Finding, Form, Level, Lines

# a form title: 部门整体预算绩效目标表, 部门整体预算绩效目标申报表, 2022 年项目支出绩效目标表（含转移支付项目）
_TITLE = re.compile(r"(部门(?:[（(]单位[)）])?整体|单位整体|整体支出|项目支出)[^，。；]{0,12}绩效目标[^，。；]{0,4}表")
# what may follow a title on its line (（含转移支付项目）), and what never precedes one (prose, 《citation》)
_TITLE_END = re.compile(r"(?:[（(][^（）()]*[)）])?")
_PROSE = re.compile(r"[，。；、《]")
_TITLE_YEAR = re.compile(rf"(?<!\d)({YEAR})\s*年")
# whatever precedes the year or the form words in a title is the department: 广州市XX局 2022 年项目支出…
_TITLE_PREFIX = re.compile(rf"^(?P<org>.+?)\s*(?:(?:{YEAR})\s*年度?\s*)?(?:部门|单位整体|整体支出|项目支出)")
# a year the filing states on a line of its own (spaces removed): 预算年度：2023, 填报年度2023年, （2023年度）
_YEAR_LABEL = re.compile(rf"^(?:(?:预算年度|填报年度|年度)[：:]?)?[（(]?({YEAR})年?度?[)）]?$")
# a heading line above the title: the department, the year, or both (广州市XX局 / 2024年 / 广州市XX局二〇二四年度)
_HEADING = re.compile(rf"^(?P<org>[^\s\d]\S*?)?\s*(?:(?P<year>{YEAR})\s*年度?)?$")

# the attachment number printed above a form's title: 附件2, 附件2.
_ATTACHMENT = re.compile(r"^附件\s*\d*[.．:：]?$")
# a labelled department line: 部门名称：X / 单位名称 X / 填报单位：X
_DEPARTMENT_LABEL = re.compile(r"^(?:部门名称|单位名称|填报单位|申报单位)\s*[：:]?\s*(?P<value>\S.*)?$")
# organisations end in one of these words; used to accept an unlabelled name line after the title
_ORG_SUFFIX = re.compile(r"(局|委员会|委|办公室|办|中心|厅|院|所|站|队|馆|会|部|处|署|政府)$")
# annotations printed after a name: (部门), （本级）; they qualify the filing, not the organisation
_NAME_ANNOTATION = re.compile(r"\s*[（(][^（）()]{1,4}[）)]\s*$")
# an optional city/province prefix, then the district: 广州市海珠区…, 番禺区…
_DISTRICT = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?[省市])?(?P<district>[\u4e00-\u9fff]{1,4}?[区县])")
_GOAL_YEAR = re.compile(rf"^\s*({YEAR})\s*年度?\s*[，,：:]")

# header rows of the two forms' tables
_TASK_HEADER_WORDS = frozenset({"", "名称", "主要实施内容", "拟投入的资金", "期望达到的目标", "（概述）", "(概述)"})
_PROJECT_HEADER = re.compile(r"项目名称.*绩效目标.*绩效指标")

# section labels of the 部门整体 form (compared with spaces removed)
LABELS = frozenset(
    {"单位名称", "部门名称", "预算整体情况", "总体绩效目标", "年度重点工作任务", "年度重点", "工作任务", "绩效指标"}
)
OTHER_TASKS = "其他需完成的任务"  # the optional last row of the task table: 其他需完成的任务（可选填）


@dataclass(frozen=True)
class Sections:
    """1-based inclusive line ranges of a 部门整体 filing's parts; None where the part is absent."""

    budget: Lines | None = None
    goals: Lines | None = None
    tasks: Lines | None = None
    indicators: Lines | None = None
    #: the optional 其他需完成的任务（可选填） row after the key tasks: its label line to the next section
    other_tasks: Lines | None = None
    #: lines of section labels printed one character per line (总/体/绩/效/目/标)
    label_lines: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Layout:
    form: Form
    department: Department
    year: int | None
    title_line: int
    sections: Sections
    findings: tuple[Finding, ...] = ()


def compact(line: str) -> str:
    """A line without any whitespace, for comparing labels."""
    return "".join(line.split())


def is_label(line: str) -> bool:
    """A 部门整体 section label such as 总体绩效目标, or the split 年度重点 / 工作任务."""
    bare = compact(line)
    return bare in LABELS or bare.startswith(OTHER_TASKS)


def is_task_header(line: str) -> bool:
    """A line of the 年度重点工作任务 table's header (名称 主要实施内容 拟投入的资金（万元）…)."""
    words = line.split()
    if not words:
        return False
    # the amount column's title may carry any unit (拟投入的资金（元）, a cell （千元） of its own)
    return all(amount_label(w) in _TASK_HEADER_WORDS or w == "期望达到的目标（概述）" for w in words)


def is_indicator_header(text: Text, number: int) -> bool:
    """Whether the 绩效指标 table's header row starts on line ``number`` (on one line or one title per line)."""
    return header_end(text.lines, number - 1) is not None


def is_budget_header(line: str) -> bool:
    """The budget summary's header rows: 部门预算支出 预算金额（万元） 收入来源 预算金额（万元）."""
    return "预算金额" in line


def _find_titles(text: Text) -> list[tuple[int, Form]]:
    found: list[tuple[int, Form]] = []
    for number, line in enumerate(text.lines, start=1):
        bare = compact(line)  # titles are often letter-spaced: 部 门 整 体 …
        match = _TITLE.search(bare)
        # a title stands alone: nothing after it but an annotation; prose citing a form is no title
        if match and _TITLE_END.fullmatch(bare[match.end() :]) and not _PROSE.search(bare[: match.start()]):
            found.append((number, "project_table" if match.group(1) == "项目支出" else "department_overall"))
    return found


def _form_from_headers(text: Text) -> tuple[int, Form] | None:
    """The form named by a table header row, for filings whose title was lost in extraction."""
    for number, line in enumerate(text.lines, start=1):
        if _PROJECT_HEADER.search(line):
            return number, "project_table"
        if "主要实施内容" in line or is_indicator_header(text, number):
            return number, "department_overall"
    return None


def detect_form(text: Text) -> tuple[int, Form]:
    """(line of the title or header that decides, form); InputError when no structure says."""
    titles = _find_titles(text)
    forms = {form for _, form in titles}
    if len(forms) > 1:
        where = ", ".join(f"line {n}: {form}" for n, form in titles)
        raise InputError(text.path, titles[0][0], f"titles of both forms found ({where})")
    if titles:
        return titles[0]
    from_header = _form_from_headers(text)
    if from_header is None:
        raise InputError(
            text.path,
            1,
            "no 部门整体/项目支出 绩效目标表 title and no table header row: not a budget-performance filing",
        )
    return from_header


def clean_name(raw: str) -> str:
    """The organisation name of a department cell: first field, annotations such as （本级） dropped."""
    name = raw.strip().split()[0] if raw.strip() else ""
    return _NAME_ANNOTATION.sub("", name)


def department_of(name: str) -> Department:
    """Level and district from the name's structure: a ``…区``/``…县`` component makes it a district's."""
    match = _DISTRICT.match(name)
    if match:
        return Department(name=name, level="district", district=match.group("district"))
    level: Level = "city"
    return Department(name=name, level=level, district=None)


def _labelled_department(text: Text) -> tuple[int, str] | None:
    for number, line in enumerate(text.lines, start=1):
        match = _DEPARTMENT_LABEL.match(line.strip().lstrip("#").strip())
        if match and match.group("value"):
            name = clean_name(match.group("value"))
            if _ORG_SUFFIX.search(name):
                return number, name
    return None


def _headings_above(text: Text, title_line: int) -> list[tuple[int, re.Match[str]]]:
    """The heading lines above the title, nearest first: each a department, a year or both."""
    found: list[tuple[int, re.Match[str]]] = []
    for number in range(title_line - 1, 0, -1):
        line = text.line(number).strip().lstrip("#").strip()
        match = _HEADING.match(line) if line else None
        if match and (match.group("org") or match.group("year")):
            found.append((number, match))
    return found


def heading_lines(text: Text, title_line: int) -> frozenset[int]:
    """Lines above a title that head the form (the department, the year, 附件2): never goals or rows.

    Only above a real title: a filing whose title was lost is located by a table header instead,
    and what stands above that is content.
    """
    if not _TITLE.search(compact(text.line(title_line))):
        return frozenset()
    found: set[int] = set()
    for number, heading in _headings_above(text, title_line):
        org = heading.group("org") or ""
        if heading.group("year") or _organisation(org) or _ATTACHMENT.match(org):
            found.add(number)
    return frozenset(found)


def _organisation(line: str) -> str | None:
    """The organisation a line names on its own (one field ending like one), else None."""
    name = clean_name(line)
    if len(line.split()) == 1 and _ORG_SUFFIX.search(name) and not is_label(line):
        return name
    return None


def _department_near_title(text: Text, title_line: int) -> tuple[int, str] | None:
    """The name printed in the title itself, alone on the first line after it, or on a heading
    line above it (``广州市XX局``, ``广州市XX局2024年度``)."""
    title = text.line(title_line).strip().lstrip("#").strip()
    prefix = _TITLE_PREFIX.match(title)
    if prefix:
        name = clean_name(prefix.group("org"))
        if _ORG_SUFFIX.search(name):
            return title_line, name
    after = next((n for n in range(title_line + 1, len(text.lines) + 1) if text.line(n).strip()), None)
    if after is not None and (name_after := _organisation(text.line(after).strip())):
        return after, name_after
    for number, heading in _headings_above(text, title_line):
        name_above = _organisation(heading.group("org") or "")
        if name_above:
            return number, name_above
    return None


def find_department(text: Text, title_line: int) -> tuple[int, Department]:
    """(line the name was read from, department)."""
    found = _labelled_department(text) or _department_near_title(text, title_line)
    if found is None:
        raise InputError(
            text.path, title_line, "department name not found (no 部门名称/单位名称 line, none in the title)"
        )
    return found[0], department_of(found[1])


def _stated_year(text: Text, title_line: int) -> int | None:
    """The year in the title, on a heading line above it, or on a labelled line (预算年度：2023)
    before any table starts."""
    match = _TITLE_YEAR.search(text.line(title_line))
    if match:
        return read_year(match.group(1))
    for _, heading in _headings_above(text, title_line):
        if heading.group("year"):
            return read_year(heading.group("year"))
    for number, line in enumerate(text.lines, start=1):
        if is_indicator_header(text, number) or _PROJECT_HEADER.search(line) or "主要实施内容" in line:
            break
        labelled = _YEAR_LABEL.match(compact(line))
        if labelled:
            return read_year(labelled.group(1))
    return None


def _first_line(text: Text, first: int, last: int, test: Callable[[str], bool]) -> int | None:
    for number in range(first, last + 1):
        if test(text.line(number)):
            return number
    return None


def _span(numbers: list[int]) -> Lines | None:
    return (min(numbers), max(numbers)) if numbers else None


#: one ``LABEL AMOUNT`` pair of the budget summary; a row is one or more of them and nothing else
_PAIR = r"[^\s\d]\S*\s+-?[\d,]+(?:\.\d+)?"
BUDGET_PAIR = re.compile(r"(?P<label>[^\s\d]\S*)\s+(?P<amount>-?[\d,]+(?:\.\d+)?)(?=\s|$)")
_BUDGET_ROW = re.compile(rf"{_PAIR}(?:\s+{_PAIR})*")


# the summary's own labels: a row whose amount is missing or unreadable (``其他资金 -``) is still one
_BUDGET_LABEL = re.compile(r"^\S*(?:支出|拨款|资金|合计|总计)(?:\s|$)")


def is_budget_row(line: str) -> bool:
    """A budget summary row: label/amount pairs (``基本支出 2,571.09 财政拨款 0``), or a line opening with
    a budget label followed by a space (``其他资金 -``) — never a line of prose."""
    stripped = line.strip()
    return bool(_BUDGET_ROW.fullmatch(stripped) or (_BUDGET_LABEL.match(stripped) and len(stripped.split()) <= 4))


def vertical_labels(text: Text, last: int) -> frozenset[int]:
    """Lines 1..last that spell a section label one character per line (年/度/重/点/…)."""
    found: set[int] = set()
    run: list[int] = []
    for number in range(1, last + 2):
        line = compact(text.line(number)) if number <= last else ""
        if len(line) == 1 and "\u4e00" <= line <= "\u9fff":
            run.append(number)
            continue
        spelled = "".join(compact(text.line(n)) for n in run)
        if len(run) > 1 and (spelled in LABELS or spelled.startswith(OTHER_TASKS)):
            found.update(run)
        run = []
    return frozenset(found)


def _spelled_other_tasks(text: Text, labels: frozenset[int], after: int) -> int | None:
    """The first line of 其他需完成的任务 spelled one character per line after line ``after``, if any."""
    starts = sorted(n for n in labels if n > after and n - 1 not in labels)
    for start in starts:
        run = range(start, start + len(OTHER_TASKS))
        if all(n in labels for n in run) and "".join(compact(text.line(n)) for n in run) == OTHER_TASKS:
            return start
    return None


def overall_sections(text: Text, title_line: int, department_line: int) -> Sections:
    """Line ranges of the 部门整体 form's budget summary, goals, key tasks and indicator table."""
    total = len(text.lines)
    indicator_header = next((n for n in range(1, total + 1) if is_indicator_header(text, n)), None)
    task_header = _first_line(text, 1, indicator_header or total, lambda s: "主要实施内容" in s)
    before_tasks = (task_header or indicator_header or total + 1) - 1
    labels = vertical_labels(text, (indicator_header or total + 1) - 1)
    headings = heading_lines(text, title_line)

    budget_lines: list[int] = []
    goal_lines: list[int] = []
    for number in range(1, before_tasks + 1):
        line = text.line(number)
        if (
            not line.strip()
            or number in (title_line, department_line)
            or number in headings
            or number in labels
            or is_label(line)
            or is_budget_header(line)
            or _YEAR_LABEL.match(compact(line))
        ):
            continue
        if is_budget_row(line):
            budget_lines.append(number)
        else:
            goal_lines.append(number)

    tasks: Lines | None = None
    other_tasks: Lines | None = None
    if task_header is not None:
        end = indicator_header or total + 1
        stop = _first_line(text, task_header, end - 1, lambda s: compact(s).startswith(OTHER_TASKS))
        stop = min((n for n in (stop, _spelled_other_tasks(text, labels, task_header)) if n is not None), default=None)
        if stop is not None:
            other_tasks = (stop, end - 1)
            end = stop
        tasks = (task_header, end - 1)
    indicators = (indicator_header, total) if indicator_header is not None else None
    return Sections(
        budget=_span(budget_lines),
        goals=_span(goal_lines),
        tasks=tasks,
        indicators=indicators,
        other_tasks=other_tasks,
        label_lines=labels,
    )


def check_complete(text: Text, sections: Sections) -> None:
    """A 部门整体 filing cut short: its indicator table missing, or a header row with nothing under it."""
    total = len(text.lines)
    if sections.indicators is None:
        raise InputError(
            text.path,
            total,
            "部门整体 form ends without its 绩效指标 table (no 一级指标 二级指标 header row): truncated filing?",
        )
    header = sections.indicators[0]
    last_title = (header_end(text.lines, header - 1) or header - 1) + 1
    if not any(text.line(n).strip() for n in range(last_title + 1, total + 1)):
        raise InputError(text.path, header, "绩效指标 table header with no rows under it: truncated filing?")


def _goal_year(text: Text, goals: Lines | None) -> tuple[int, Finding] | None:
    if goals is None:
        return None
    match = _GOAL_YEAR.match(text.line(goals[0]))
    if not match:
        return None
    year = read_year(match.group(1))
    if year is None:  # pragma: no cover - _GOAL_YEAR only matches what read_year reads
        return None
    message = (
        f"年度取自第{goals[0]}行总体绩效目标开头的“{year}年” / "
        f"year {year} inferred from the 总体绩效目标 opening '{year}年' at line {goals[0]} (no year in the title)"
    )
    return year, Finding(severity="info", message=message, lines=(goals[0], goals[0]), kind="year_inferred")


def detect_layout(text: Text) -> Layout:
    """Form, department, year and (for 部门整体) section ranges of a decoded filing."""
    title_line, form = detect_form(text)
    department_line, department = find_department(text, title_line)
    year = _stated_year(text, title_line)
    findings: list[Finding] = []
    if department.level == "city" and "市" not in department.name:
        findings.append(
            Finding(
                severity="info",
                message=f"部门名称“{department.name}”中没有市、区、县：级别记为 city / "
                "no 市, 区 or 县 in the department name: level recorded as city",
                lines=(department_line, department_line),
                kind="level_assumed",
            )
        )
    sections = Sections()
    if form == "department_overall":
        sections = overall_sections(text, title_line, department_line)
        check_complete(text, sections)
        if year is None:
            inferred = _goal_year(text, sections.goals)
            if inferred is not None:
                year = inferred[0]
                findings.append(inferred[1])
    return Layout(
        form=form,
        department=department,
        year=year,
        title_line=title_line,
        sections=sections,
        findings=tuple(findings),
    )
