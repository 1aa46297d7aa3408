"""build / validate / dump never show a traceback: a closed pipe, a corrupt or unusable store, a missing
path each end with a one-line message (or silently, for the pipe) and a documented exit code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from buildrun import ROOT, SEEDS, cli

EXIT_CANNOT_RUN = 2


def _one_line_error(run: subprocess.CompletedProcess[bytes], where: str) -> None:
    err = run.stderr.decode()
    assert run.returncode == EXIT_CANNOT_RUN, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and where in lines[0], err


@pytest.mark.parametrize(("command", "fmt"), [("dump", "nquads"), ("dump", "turtle"), ("validate", "json")])
def test_reader_closing_the_pipe_is_not_an_error(seed_store: Path, command: str, fmt: str) -> None:
    """``budgetkg dump | head``: the reader goes away after a few bytes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "budgetkg", command, "--store", str(seed_store), "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    head = process.stdout.read(100)
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=300) == 0, err
    assert len(head) == 100
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err


def _corrupt_copy(seed_store: Path, tmp_path: Path) -> Path:
    store = tmp_path / "corrupt"
    shutil.copytree(seed_store, store, symlinks=True)
    version = store / os.readlink(store / "current")
    for table in version.glob("*.sst"):
        table.write_bytes(b"not a table")
    return store


@pytest.mark.parametrize("command", ["dump", "validate"])
def test_corrupt_store_is_one_line(seed_store: Path, tmp_path: Path, command: str) -> None:
    store = _corrupt_copy(seed_store, tmp_path)
    run = cli(command, "--store", str(store))
    _one_line_error(run, str(store))
    assert not run.stdout


@pytest.mark.parametrize("command", ["dump", "validate"])
def test_store_that_is_a_file_is_one_line(tmp_path: Path, command: str) -> None:
    path = tmp_path / "store"
    path.write_text("not a store", encoding="utf-8")
    _one_line_error(cli(command, "--store", str(path)), str(path))


def test_build_into_an_unusable_place_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    run = cli("build", "--store", str(blocker / "store"), str(SEEDS[1]))
    _one_line_error(run, str(blocker / "store"))


@pytest.mark.parametrize("command", ["dump", "validate"])
def test_missing_store_is_one_line(tmp_path: Path, command: str) -> None:
    _one_line_error(cli(command, "--store", str(tmp_path / "none")), str(tmp_path / "none"))


def test_missing_input_is_one_line(tmp_path: Path) -> None:
    _one_line_error(cli("build", "--store", str(tmp_path / "s"), str(tmp_path / "no.txt")), "no.txt")
