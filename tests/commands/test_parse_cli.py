"""``budgetkg parse``: the real CLI in a subprocess, its JSON contract and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILINGS = sorted((ROOT / "data" / "filings").glob("*.txt"))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "budgetkg", "parse", *args], capture_output=True, text=True, timeout=60, check=False
    )


def _json(stdout: str):
    return json.loads(stdout, parse_float=Decimal)


def test_one_file_gives_one_object():
    run = _cli("--format", "json", str(FILINGS[4]))
    assert run.returncode == 0, run.stderr
    document = _json(run.stdout)
    assert document["form"] == "department_overall"
    assert document["department"] == {
        "name": "广州市白云区政务服务数据管理局",
        "level": "district",
        "district": "白云区",
    }
    assert sum(task["amount"] for task in document["tasks"]) == Decimal("11142.06")
    assert document["source"]["path"] == str(FILINGS[4])
    assert set(document) >= {
        "source",
        "form",
        "department",
        "year",
        "budget",
        "goals",
        "tasks",
        "projects",
        "indicators",
        "findings",
    }


def test_several_files_give_an_array_in_order():
    run = _cli("--format", "json", *map(str, FILINGS))
    assert run.returncode == 0, run.stderr
    documents = _json(run.stdout)
    assert [d["form"] for d in documents] == [
        "department_overall",
        "project_table",
        "department_overall",
        "project_table",
        "department_overall",
    ]
    assert [d["year"] for d in documents] == [None, None, 2023, 2022, None]


def test_good_files_are_output_when_others_fail(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    run = _cli("--format", "json", str(FILINGS[0]), str(bad))
    assert run.returncode == 1
    documents = _json(run.stdout)
    assert len(documents) == 1 and len(documents[0]["tasks"]) == 10
    assert run.stderr == f"{bad}:1: empty file\n"


def test_all_failing_gives_an_empty_array_and_exit_1(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    run = _cli("--format", "json", str(bad), str(tmp_path / "missing.txt"))
    assert run.returncode == 1
    assert _json(run.stdout) == []
    assert len(run.stderr.splitlines()) == 2


def test_text_is_the_default_and_names_what_was_found():
    run = _cli(str(FILINGS[2]))
    assert run.returncode == 0
    assert "番禺区政务服务数据管理局" in run.stdout
    assert "year: 2023" in run.stdout
    assert "budget_parts_vs_total" in run.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(run.stdout)


def test_no_file_is_a_usage_error():
    assert _cli().returncode == 2
