"""Running the real ``budgetkg`` CLI in a subprocess, and reading a dump back as a Dataset."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import Dataset

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "filings").glob("*.txt"))


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "budgetkg", *args], capture_output=True, timeout=300, check=False, cwd=ROOT
    )


def dump(store: Path, fmt: str = "nquads") -> bytes:
    run = cli("dump", "--store", str(store), "--format", fmt)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout


def dataset(store: Path) -> Dataset:
    data = Dataset()
    data.parse(data=dump(store), format="nquads")
    return data
