"""``budgetkg query`` from the shell: a real subprocess on a real embedded store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from budgetkg.store.embedded import EmbeddedStore

DATA = Path(__file__).parents[1] / "store" / "data"
AMOUNTS = "SELECT ?obs ?v WHERE { ?obs <http://data.openbudgets.eu/ontology/dsd/measure/amount> ?v } ORDER BY ?obs"
EXPECTED = {
    "https://budgetkg.example.org/obs/haizhu-project": Decimal("2710.00"),
    "https://budgetkg.example.org/obs/haizhu-total": Decimal("5281.09"),
    "https://budgetkg.example.org/obs/panyu-total": Decimal("14994.71"),
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("query-store")
    EmbeddedStore(root).replace_all({f"urn:graph:{p.stem}": p.read_bytes() for p in DATA.glob("*.nt")})
    return root


def _query(store_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "budgetkg", "query", "--store", str(store_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_json_csv_and_table(store_dir: Path) -> None:
    as_json = _query(store_dir, AMOUNTS, "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    bindings = json.loads(as_json.stdout)["results"]["bindings"]
    assert {b["obs"]["value"]: Decimal(b["v"]["value"]) for b in bindings} == EXPECTED
    as_csv = _query(store_dir, AMOUNTS, "--format", "csv")
    assert {r["obs"]: Decimal(r["v"]) for r in csv.DictReader(io.StringIO(as_csv.stdout))} == EXPECTED
    table = _query(store_dir, AMOUNTS).stdout.splitlines()
    assert table[0].split() == ["obs", "v"] and table[-1] == f"({len(EXPECTED)} rows)"
    assert {line.split()[0]: Decimal(line.split()[1]) for line in table[2:-1]} == EXPECTED


def test_bad_query_is_one_line_on_stderr_and_exit_2(store_dir: Path) -> None:
    done = _query(store_dir, "SELECT * WHERE { ?s ?p }")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "1:" in done.stderr and "Traceback" not in done.stderr


def test_named_queries_are_listed(store_dir: Path) -> None:
    listing = _query(store_dir, "--list")
    assert listing.returncode == 0
    assert len(listing.stdout.splitlines()) >= 12
