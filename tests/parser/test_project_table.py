"""The 项目支出绩效目标表 reader against the real filings (hand-written fixtures) and synthetic quirks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from project_fixtures import actual_budget, actual_project, expected_budget, expected_project, load

from budgetkg.errors import InputError
from budgetkg.parser import parse_file
from budgetkg.parser.project_table import read_project_table
from budgetkg.parser.targets import parse_target
from budgetkg.parser.text import Text, decode
from budgetkg.records import Department, Finding

ROOT = Path(__file__).resolve().parents[2]
FILINGS = ROOT / "data" / "filings"
EXPECTED = Path(__file__).parent / "expected"
QUIRKS = Path(__file__).parent / "quirks"

# the department each filing's header names (the orchestrator detects it; given here so this
# test exercises only the project table)
DEPARTMENTS = {
    "001_4e5792c3d5397443": Department("广州市海珠区政务服务数据管理局（本级）", "district", "海珠区"),
    "003_11d3bda62f573b8b": Department("广州市政务服务数据管理局", "city", None),
}
QUIRK_DEPARTMENT = Department("某市某某局", "city", None)


def _read(path: Path) -> Text:
    return decode(path.read_bytes(), str(path))


def _parse(stem: str) -> tuple[Any, Any, list[Finding]]:
    return read_project_table(_read(FILINGS / f"{stem}.txt"), DEPARTMENTS[stem])


@pytest.mark.parametrize("stem", sorted(DEPARTMENTS))
def test_real_filing_matches_hand_written_fixture(stem: str) -> None:
    fixture = load(EXPECTED / stem / "projects.json")
    projects, budget, _ = _parse(stem)
    assert [p.name for p in projects] == [p["name"] for p in fixture["projects"]]
    for got, want in zip(projects, fixture["projects"], strict=True):
        assert actual_project(got) == expected_project(want), got.name
    assert actual_budget(budget) == expected_budget(fixture)


def test_001_counts_and_total() -> None:
    projects, budget, findings = _parse("001_4e5792c3d5397443")
    assert len(projects) == 5
    assert sum(len(p.indicators) for p in projects) == 41
    total = sum((p.amount for p in projects if p.amount is not None), Decimal(0))
    assert total == Decimal("1250.00") == next(b.amount for b in budget if b.label == "合计")
    # numbering 1..17 on one row and 18..26 on its continuation row is one sequence: nothing to report
    assert findings == []


def test_003_counts_and_numbering_findings() -> None:
    projects, budget, findings = _parse("003_11d3bda62f573b8b")
    assert len(projects) == 20
    assert sum(len(p.indicators) for p in projects) == 101
    assert budget == [] and all(p.amount is None for p in projects)
    # two restarts (…5、…。1、… and …3、…。1、…) and one list that starts at 2; nothing else
    assert {(f.kind, f.severity, f.lines) for f in findings} == {
        ("project_indicator_numbering", "info", (58, 58)),
        ("project_indicator_numbering", "info", (362, 364)),
        ("project_indicator_numbering", "warning", (142, 142)),
    }
    assert len(findings) == 3


@pytest.mark.parametrize("stem", sorted(DEPARTMENTS))
def test_targets_are_normalised_by_parse_target(stem: str) -> None:
    projects, _, _ = _parse(stem)
    for indicator in (i for p in projects for i in p.indicators):
        for target in (indicator.period_target, indicator.annual_target):
            if target is not None:
                assert target == parse_target(target.text, indicator.name)


def test_changed_number_and_name_change_the_records() -> None:
    path = FILINGS / "001_4e5792c3d5397443.txt"
    original = path.read_text(encoding="utf-8")
    changed = original.replace("583.95", "584.95").replace("服务人次", "服务人数")
    assert changed != original
    projects, _, _ = read_project_table(decode(changed.encode(), str(path)), DEPARTMENTS[path.stem])
    assert projects[0].amount == Decimal("584.95")
    assert [i.name for i in projects[0].indicators][2] == "服务人数"


# --- synthetic quirks: tests/parser/quirks/project_<name>/{input.txt, expected.json} ---------
# (the folder is shared with the other forms' quirks; ours carry the project_ prefix)

QUIRK_NAMES = sorted(p.name for p in QUIRKS.glob("project_*") if (p / "input.txt").exists())


@pytest.mark.parametrize("name", QUIRK_NAMES)
def test_quirk(name: str) -> None:
    folder = QUIRKS / name
    expected = load(folder / "expected.json")
    text = _read(folder / "input.txt")
    if "error" in expected:
        with pytest.raises(InputError) as raised:
            read_project_table(text, QUIRK_DEPARTMENT)
        assert raised.value.line == expected["error"]["line"]
        assert expected["error"]["contains"] in raised.value.message
        assert str(raised.value).startswith(f"{text.path}:{expected['error']['line']}: ")
        return
    projects, budget, findings = read_project_table(text, QUIRK_DEPARTMENT)
    assert [actual_project(p) for p in projects] == [expected_project(p) for p in expected["projects"]]
    assert actual_budget(budget) == expected_budget(expected)
    got_findings = {(f.kind, f.severity, f.lines) for f in findings}
    want_findings = {(f["kind"], f["severity"], tuple(f["lines"])) for f in expected.get("findings", [])}
    assert got_findings == want_findings


def test_reordered_columns_give_the_same_records() -> None:
    """001 with every tabbed line's columns reversed: positions come from the header, not from habit."""
    path = FILINGS / "001_4e5792c3d5397443.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    reordered = "\n".join("\t".join(reversed(line.split("\t"))) if "\t" in line else line for line in lines)
    projects, budget, _ = read_project_table(decode(reordered.encode(), str(path)), DEPARTMENTS[path.stem])
    fixture = load(EXPECTED / path.stem / "projects.json")
    assert [actual_project(p) for p in projects] == [expected_project(p) for p in fixture["projects"]]
    assert sorted(actual_budget(budget)) == sorted(expected_budget(fixture))


@pytest.mark.parametrize("stem", sorted(DEPARTMENTS))
def test_whole_parser_carries_the_projects(stem: str) -> None:
    """Through ``parse_file`` (layout detection included) the projects are the fixture's too."""
    filing = parse_file(FILINGS / f"{stem}.txt")
    fixture = load(EXPECTED / stem / "projects.json")
    assert filing.form == "project_table"
    assert [actual_project(p) for p in filing.projects] == [expected_project(p) for p in fixture["projects"]]
