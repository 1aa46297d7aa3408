"""Filings (预算绩效目标表 as text) → typed records (``budgetkg.records.Filing``).

``parse_file``/``parse_bytes`` raise ``InputError`` (``FILE:LINE: message``) for a filing that
cannot be read; ``parse_paths`` parses many and returns each one's result or error, so that one
broken filing never spoils the others.  Nothing here knows about RDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict

from budgetkg.errors import InputError
from budgetkg.parser.checks import check
from budgetkg.parser.indicator_table import read_indicator_table
from budgetkg.parser.layout import Layout, detect_layout
from budgetkg.parser.overall import read_budget, read_goals
from budgetkg.parser.project_table import read_project_table
from budgetkg.parser.tasks import read_tasks
from budgetkg.parser.text import Text, decode
from budgetkg.records import Department, Filing, Form, Indicator, Source


class _Identity(TypedDict):
    source: Source
    form: Form
    department: Department
    year: int | None


def _identity(text: Text, layout: Layout) -> _Identity:
    """What every filing record starts with: its source, form, department and year."""
    return {
        "source": Source(path=text.path, sha256=text.sha256, encoding=text.encoding),
        "form": layout.form,
        "department": layout.department,
        "year": layout.year,
    }


def _department_overall(text: Text, layout: Layout) -> Filing:
    sections = layout.sections
    budget, findings = read_budget(text, sections)
    goals = read_goals(text, sections)
    tasks, task_findings = read_tasks(text, sections)
    findings += task_findings
    indicators: list[Indicator] = []
    # detect_layout has made sure a 部门整体 filing has its indicator table
    if sections.indicators is not None:
        indicators, indicator_findings = read_indicator_table(text, *sections.indicators)
        findings += indicator_findings
    return Filing(
        **_identity(text, layout),
        budget=tuple(budget),
        goals=tuple(goals),
        tasks=tuple(tasks),
        indicators=tuple(indicators),
        findings=(*layout.findings, *findings, *check(budget, tasks, [])),
    )


def _project_table(text: Text, layout: Layout) -> Filing:
    projects, budget, findings = read_project_table(text, layout.department)
    return Filing(
        **_identity(text, layout),
        budget=tuple(budget),
        projects=tuple(projects),
        findings=(*layout.findings, *findings, *check(budget, [], projects)),
    )


def parse_bytes(data: bytes, path: str) -> Filing:
    """One filing's raw bytes as records; ``path`` names it in records and errors."""
    text = decode(data, path)
    layout = detect_layout(text)
    if layout.form == "department_overall":
        return _department_overall(text, layout)
    return _project_table(text, layout)


def parse_file(path: str | Path) -> Filing:
    """Read and parse one filing; an unreadable file is an ``InputError`` too."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(name, 0, f"cannot read: {error.strerror or error}") from None
    return parse_bytes(data, name)


def parse_paths(paths: Iterable[str | Path]) -> list[Filing | InputError]:
    """Each path's Filing, or the InputError that stopped it, in the order given."""
    results: list[Filing | InputError] = []
    for path in paths:
        try:
            results.append(parse_file(path))
        except InputError as error:
            results.append(error)
    return results


__all__ = ["InputError", "parse_bytes", "parse_file", "parse_paths"]
