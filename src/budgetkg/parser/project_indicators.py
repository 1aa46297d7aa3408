"""Indicators written inline in one table cell, as the 项目支出 forms print them.

Spellings, told apart by what follows the number:

* coded, with both levels: ``1、2-效益指标,22-社会效益,NAME；实施周期指标值:X,年度指标值:Y；``
* 一级 only: ``1、效益指标：NAME，年度指标值：VALUE。``
* both levels in one label: ``1、产出指标-数量指标：NAME，…``; weights ``效益指标(30分)`` are ignored.

How the cell is split, and why it is safe with the filings' punctuation:

1. Indicator *starts* are found first: a number and ``、`` (or ``．``/``.``; or ``指标1：``, ``(1)``,
   ``①``, ``一、``), then a label that the framework knows as a 一级 (``canonical_level1``), then
   ``,``/``，`` (a 二级 label follows, kept when the framework knows it or it carries a code like the
   一级's) or ``:``/``：`` (no 二级).
   Only a known 一级 label makes a start, so numbers inside names or values (``《舆情月报》12期``,
   ``解决1-2个``, ``第1、2期``, ``99.5%``) never split an indicator.  A cell with no numbered start
   may hold unnumbered indicators: a label at the cell's start or after ``；``/``。``.
2. Each indicator's *body* runs to the next start.  Inside it the target labels
   (``实施周期指标值:``/``实施期指标值:`` for the period, ``年度指标值:``/``年度目标值:``/``指标值:`` for
   the year) are the only cut points: the name is what comes before the first label, each value
   what follows its label.  Names may therefore contain commas and parentheses and values may
   contain ``；`` (three reports listed in one value) without being cut.
3. Separators around the pieces (``；`` ``;`` ``,`` ``，`` ``。`` and the stray ``.`` of the PDF
   extraction next to a name) are stripped; everything else is kept as printed.

Where only the 一级 is printed, ``level2`` is null and ``level2_candidates`` lists that 一级's 二级
from the framework: the category is never guessed.  Targets are normalised by ``parse_target``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from budgetkg.categories import LEVEL2_BY_LEVEL1, canonical_level1, canonical_level2
from budgetkg.parser.numbers import chinese_numeral
from budgetkg.parser.project_cells import Joined
from budgetkg.parser.targets import parse_target
from budgetkg.records import Finding, Indicator, Lines, Target

_T = TypeVar("_T")

# a number (not the tail of a longer number or decimal) and 、 (or the ． / . some forms print)
# … or ``指标1：`` (the number after the word 指标, then a colon), ``(1)``/``（1）``, ``①``, or ``一、``
_NUMBER = re.compile(
    r"(?:指标\s*(?P<tagged>\d+)\s*[:：]|[（(]\s*(?P<paren>\d+)\s*[)）]|(?P<circled>[①-⑳])"
    r"|(?<![\d.])(?P<plain>\d+)\s*[、．.]|(?<![\u4e00-\u9fff])(?P<chinese>[一二三四五六七八九十]{1,3})\s*、)\s*"
)
# where an unnumbered indicator may start: the cell's start or after a clause stop
_UNNUMBERED = re.compile(r"(?:^|(?<=[；;。]))\s*")
# a category label up to its separator; labels are short and carry no clause punctuation
_LABEL = re.compile(r"([^,，;；:：、。\s]{1,20}?)\s*([,，:：])\s*")
_CODE = re.compile(r"^\d+\s*[-－]")
_BOTH_LEVELS = re.compile(r"^(.+?)[-－/／·（(](.+?)[)）]?$")
# target labels; the 实施… ones are the whole implementation period, the others the year
_TARGET_LABEL = re.compile(r"(实施周期指标值|实施期指标值|年度指标值|年度目标值|指标值)\s*[:：]\s*")
_NAME_STRIP = " \t,，;；.。"
_VALUE_STRIP = " \t,，;；。"


@dataclass(frozen=True)
class Numbered:
    """An indicator with the number it was printed under (for the numbering checks)."""

    number: int | None  # None: printed without a number
    indicator: Indicator


@dataclass(frozen=True)
class _Start:
    at: int  # where the number starts
    body: int  # where the name starts
    number: int | None
    level1: str
    printed_level2: str | None


def _start_at(text: str, at: int, label_at: int, number: int | None) -> _Start | None:
    """The indicator whose number starts at ``at`` and whose 一级 label starts at ``label_at``, if any."""
    first = _LABEL.match(text, label_at)
    if first is None:
        return None
    level1, printed = _levels(first.group(1))
    if level1 is None:
        return None
    body = first.end()
    if printed is None and first.group(2) in ",，":
        second = _LABEL.match(text, first.end())
        # a 二级 label is one the framework knows, or one carrying a code like the 一级's (29-…)
        if second is not None and second.group(2) in ",，":
            label = second.group(1)
            if canonical_level2(label) is not None or (_CODE.match(label) and _CODE.match(first.group(1))):
                printed, body = label, second.end()
    return _Start(at, body, number, level1, printed)


def _levels(label: str) -> tuple[str | None, str | None]:
    """(一级, printed 二级) of a label: ``效益指标`` or both levels in one, ``产出指标-数量指标``."""
    level1 = canonical_level1(label)
    if level1 is not None:
        return level1, None
    both = _BOTH_LEVELS.match(label)
    if both and canonical_level1(both.group(1)) and canonical_level2(both.group(2)):
        return canonical_level1(both.group(1)), both.group(2)
    return None, None


def _number(match: re.Match[str]) -> int | None:
    if match["circled"]:
        return ord(match["circled"]) - ord("①") + 1
    if match["chinese"]:
        return chinese_numeral(match["chinese"])
    return int(match["tagged"] or match["paren"] or match["plain"])


def _starts(text: str) -> list[_Start]:
    """Numbered starts; only when there are none, unnumbered ones (a label at the start or after ；/。)."""
    numbered = [s for m in _NUMBER.finditer(text) if (s := _start_at(text, m.start(), m.end(), _number(m)))]
    if numbered:
        return numbered
    return [s for m in _UNNUMBERED.finditer(text) if (s := _start_at(text, m.end(), m.end(), None))]


def _with_next(items: list[_T]) -> list[tuple[_T, _T | None]]:
    """Each item with the one after it (None after the last); empty for no items."""
    return list(zip(items, [*items[1:], None], strict=False))


def _target(value: str | None, name: str) -> Target | None:
    return parse_target(value, name) if value else None


def _indicator(joined: Joined, start: _Start, end: int, findings: list[Finding]) -> Indicator:
    body = joined.text[start.body : end]
    lines = joined.lines(start.at, end)
    labels = list(_TARGET_LABEL.finditer(body))
    name = (body[: labels[0].start()] if labels else body).strip(_NAME_STRIP)
    period: str | None = None
    annual: str | None = None
    for label, following in _with_next(labels):
        value = body[label.end() : following.start() if following else len(body)].strip(_VALUE_STRIP)
        if label.group(1).startswith("实施"):
            period = value or None
        else:
            annual = value or None
    if not labels:
        findings.append(Finding("warning", f"指标“{name}”没有指标值 / no target", lines, "project_indicator_no_target"))
    return build_indicator(start.level1, start.printed_level2, name, (period, annual), lines, findings)


def build_indicator(
    level1: str | None,
    printed_level2: str | None,
    name: str,
    targets: tuple[str | None, str | None],
    lines: Lines,
    findings: list[Finding],
) -> Indicator:
    """An indicator from its read pieces: canonical levels, candidates where 二级 is unknown, targets.

    ``level1`` is canonical (or None when not printed); ``printed_level2`` as printed.  An unknown
    二级 stays null with the 一级's candidates; a 二级 filed under another 一级 is kept and reported.
    """
    level2 = canonical_level2(printed_level2) if printed_level2 else None
    if printed_level2 and level2 is None:
        message = f"二级“{printed_level2}”不在指标框架中 / 二级 label not in the framework; level2 left null"
        findings.append(Finding("warning", message, lines, "project_indicator_level2_unknown"))
    if level1 is not None and level2 is not None and level2 not in LEVEL2_BY_LEVEL1[level1]:
        message = f"二级“{printed_level2}”不属于一级“{level1}” / 二级 not under its 一级"
        findings.append(Finding("warning", message, lines, "project_indicator_level_mismatch"))
    candidates = LEVEL2_BY_LEVEL1[level1] if level2 is None and level1 is not None else ()
    period, annual = targets
    return Indicator(
        level1=level1,
        level2=level2,
        level2_candidates=candidates,
        name=name,
        lines=lines,
        period_target=_target(period, name),
        annual_target=_target(annual, name),
    )


def read_indicator_cell(joined: Joined) -> tuple[list[Numbered], list[Finding]]:
    """Every indicator of one cell's text, in printed order, with findings on what could not be read."""
    findings: list[Finding] = []
    starts = _starts(joined.text)
    leading = joined.text[: starts[0].at if starts else len(joined.text)]
    if leading.strip(_VALUE_STRIP):
        findings.append(
            Finding(
                "warning",
                f"指标栏中未识别的文字 / text in the indicator cell not read as an indicator: {leading.strip()[:40]}",
                joined.lines(0, len(leading)),
                "project_unread_text",
            )
        )
    numbered = [
        Numbered(start.number, _indicator(joined, start, following.at if following else len(joined.text), findings))
        for start, following in _with_next(starts)
    ]
    return numbered, findings


def check_numbering(numbered: list[Numbered], project: str) -> list[Finding]:
    """Numbering that starts past 1 or jumps is a warning (a lost indicator?); a restart at 1 is noted."""
    findings: list[Finding] = []
    previous: int | None = None
    for item in (n for n in numbered if n.number is not None):
        lines = item.indicator.lines
        if previous is None and item.number != 1:
            message = f"项目“{project}”的指标编号从{item.number}开始 / indicator numbering starts at {item.number}"
            findings.append(Finding("warning", message, lines, "project_indicator_numbering"))
        elif previous is not None and item.number == 1:
            message = f"项目“{project}”的指标编号重新从1开始 / indicator numbering restarts at 1"
            findings.append(Finding("info", message, lines, "project_indicator_numbering"))
        elif previous is not None and item.number != previous + 1:
            message = (
                f"项目“{project}”的指标编号从{previous}跳到{item.number} / "
                f"indicator numbering jumps from {previous} to {item.number}"
            )
            findings.append(Finding("warning", message, lines, "project_indicator_numbering"))
        previous = item.number
    return findings


def starts_indicator(text: str) -> bool:
    """Whether ``text`` opens an indicator (a number, ``、`` and a known 一级 label)."""
    match = _NUMBER.match(text)
    return match is not None and _start_at(text, match.start(), match.end(), _number(match)) is not None
