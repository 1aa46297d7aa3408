"""``budgetkg lineage`` end to end through the CLI, against the real store of the fixtures."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from budgetkg.cli import main
from budgetkg.store.embedded import EmbeddedStore


def test_json(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "--store", str(store_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"nodes", "edges", "matrix"} <= set(data)
    relations = {e["relation"] for e in data["edges"]}
    assert {"sub_platform_of", "pilot_of", "component_of", "counterpart_of", "serves"} <= relations


def test_graphml(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "--store", str(store_dir), "--format", "graphml"]) == 0
    graph = nx.read_graphml(io.BytesIO(capsys.readouterr().out.encode("utf-8")))
    assert graph.number_of_edges() > 0


def test_path(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "--store", str(store_dir), "--path", "海珠区城市运行管理中枢", "穗智管"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert [s["relation"] for s in steps] in (["sub_platform_of"], ["counterpart_of"])


def test_unknown_platform_is_one_line_and_exit_2(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "--store", str(store_dir), "--path", "没有这个平台", "穗智管"]) == 2
    err = capsys.readouterr().err
    assert "没有这个平台" in err and len(err.strip().splitlines()) == 1


def test_a_store_without_platforms_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = EmbeddedStore(tmp_path / "other")
    store.replace_all({"https://budgetkg.example.org/graph/x": b"<urn:a> <urn:b> <urn:c> .\n"})
    store.close()
    assert main(["lineage", "--store", str(tmp_path / "other")]) == 1
    assert "no platforms" in capsys.readouterr().err


def test_an_unreadable_store_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "--store", str(tmp_path / "missing")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_low_result_limit_does_not_cut_the_lineage(
    store_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["lineage", "--store", str(store_dir)]) == 0
    whole = json.loads(capsys.readouterr().out)
    monkeypatch.setenv("BUDGETKG_RESULT_LIMIT", "5")  # fewer rows than the lineage has platforms
    assert main(["lineage", "--store", str(store_dir)]) == 0
    limited = json.loads(capsys.readouterr().out)
    assert limited == whole and len(whole["nodes"]) > 5 and not whole["truncated"]
