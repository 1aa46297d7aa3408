"""The 部门整体预算绩效目标表's budget summary and 总体绩效目标 (its key tasks: ``tasks``).

Summary amounts are read in the unit their column's header cell prints (``预算金额（元）``), else a
``单位：…`` line's, else 万元, and converted exactly to 万元 (``amount_units``), said in a finding.
"""

from __future__ import annotations

from budgetkg.parser.amount_units import SCALE_TO_WAN, assumed, converted, header_units, printed_unit, to_wan
from budgetkg.parser.cells import Line, is_numbered, join_cell, span_of, without_numbering
from budgetkg.parser.checks import warning
from budgetkg.parser.layout import BUDGET_PAIR, Sections, is_budget_header, is_budget_row, is_label
from budgetkg.parser.numbers import parse_amount
from budgetkg.parser.text import Text
from budgetkg.records import BudgetFigure, Finding, Goal


def _pair_units(text: Text, header: int | None, first: int) -> tuple[list[str], int | None]:
    """The unit of each label/amount pair of the rows under ``header``, and the line that says so.

    A header prints one unit per amount column (``预算金额（万元）``, twice side by side); without
    one, a ``单位：…`` line above the summary says it; without either the form's 万元 holds.
    """
    units = header_units(text.line(header)) if header is not None else []
    if units:
        return units, header
    found = printed_unit(text, [header or first])
    return ([found[0]], found[1]) if found else (["万元"], None)


def read_budget(text: Text, sections: Sections) -> tuple[list[BudgetFigure], list[Finding]]:
    """Every label/amount pair of the budget summary, two per line where printed side by side.

    Amounts are converted exactly to 万元 from the unit their column's header prints (an info
    finding says so).  A label whose amount cannot be read (``其他资金 -``) gives no figure and a
    warning: unknown is not zero.
    """
    if sections.budget is None:
        return [], []
    figures: list[BudgetFigure] = []
    findings: list[Finding] = []
    first, last = sections.budget
    header: int | None = None
    for number in range(1, last + 1):
        line = text.line(number)
        if is_budget_header(line):
            header = number  # the header the rows below it are read under
            continue
        if number < first or not is_budget_row(line):
            continue
        units, stated = _pair_units(text, header, first)
        pairs = list(BUDGET_PAIR.finditer(line))
        for index, match in enumerate(pairs):
            amount = parse_amount(match.group("amount"))
            unit = units[min(index, len(units) - 1)]
            if amount is not None:
                amount = to_wan(amount, SCALE_TO_WAN[unit])
                figures.append(BudgetFigure(label=match.group("label"), amount=amount, lines=(number, number)))
            said = assumed("budget", first) if stated is None else converted("budget", unit, stated)
            if (stated is None or unit != "万元") and said not in findings:
                findings.append(said)
        unread = [word for word in line.split() if not word[0].isdigit()]
        if len(unread) > len(pairs):
            findings.append(
                warning(
                    "budget_amount_unreadable",
                    f"预算表第{number}行有金额无法读取：“{line.strip()}”",
                    f"budget line {number} has a label without a readable amount: {line.strip()!r}",
                    (number, number),
                )
            )
    return figures, findings


def read_goals(text: Text, sections: Sections) -> list[Goal]:
    """Numbered goals (目标1：…) one each, numbering removed; otherwise the paragraph as one goal."""
    if sections.goals is None:
        return []
    first, last = sections.goals
    lines = [Line(n, text.line(n)) for n in range(first, last + 1)]
    lines = [
        line
        for line in lines
        if not line.blank
        and not is_label(line.text)
        and not is_budget_row(line.text)
        and line.number not in sections.label_lines
    ]
    groups: list[list[Line]] = []
    for line in lines:
        if is_numbered(line.text) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    goals: list[Goal] = []
    for group in groups:
        body = join_cell(group)
        goals.append(Goal(text=without_numbering(body), lines=span_of(group)))
    return goals
