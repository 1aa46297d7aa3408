"""Builds swap in atomically: a build killed with SIGKILL half-way leaves the previous store served."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sample_graphs import GRAPHS

from budgetkg.errors import StoreError
from budgetkg.store import versions
from budgetkg.store.base import SelectResult
from budgetkg.store.embedded import EmbeddedStore

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EXPECTED = sum(nt.count(b"\n") for nt in GRAPHS.values())

# a child process that builds a big store into the same directory (slow enough to be killed mid-way)
_BUILDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from budgetkg.store.embedded import EmbeddedStore
    lines = "".join(f'<urn:s:{i}> <urn:p:{i % 7}> "value {i}" .\\n' for i in range(int(sys.argv[2])))
    EmbeddedStore(Path(sys.argv[1])).replace_all({"urn:graph:big": lines.encode()})
    """
)


def _count(store: EmbeddedStore) -> int:
    result = store.query(COUNT)
    assert isinstance(result, SelectResult)
    return int(result.rows[0]["n"])


def _building_dirs(root: Path) -> list[Path]:
    return [p for p in (root / versions.VERSIONS).iterdir() if versions.BUILDING in p.name]


def test_build_killed_half_way_leaves_previous_store_served(tmp_path: Path) -> None:
    root = tmp_path / "store"
    EmbeddedStore(root).replace_all(GRAPHS)
    before = versions.current_version(root)
    reader = EmbeddedStore(root, workers=1)  # the server's configuration: queries in a worker process
    try:
        assert _count(reader) == EXPECTED
        child = subprocess.Popen([sys.executable, "-c", _BUILDER, str(root), "3000000"])
        deadline = time.monotonic() + 60
        while not _building_dirs(root) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _building_dirs(root), "the build never started"
        time.sleep(1.0)  # let it write part of the new store
        assert child.poll() is None, "the build finished before it could be killed: make it bigger"
        os.kill(child.pid, signal.SIGKILL)
        child.wait()

        assert versions.current_version(root) == before
        assert _count(reader) == EXPECTED  # the running reader still serves the old store
        assert _count(EmbeddedStore(root)) == EXPECTED  # and so does a freshly opened one
        assert _building_dirs(root), "the killed build's directory should still be there (for the next build)"

        EmbeddedStore(root).replace_all({"urn:graph:small": b"<urn:a> <urn:b> <urn:c> .\n"})
        assert not _building_dirs(root), "the next build removes what the killed one left"
        assert _count(reader) == 1  # readers reopen the newly published version
    finally:
        reader.close()


def test_failed_build_keeps_previous_store_and_cleans_up(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = EmbeddedStore(root)
    store.replace_all(GRAPHS)
    before = versions.current_version(root)
    with pytest.raises(StoreError, match="build failed, previous store kept"):
        store.replace_all({"urn:graph:bad": b"<urn:a> <urn:b> this is not N-Triples .\n"})
    assert versions.current_version(root) == before
    assert _count(store) == EXPECTED
    assert not _building_dirs(root)


def test_old_versions_are_collected(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = EmbeddedStore(root)
    for i in range(4):
        store.replace_all({"urn:graph:g": f"<urn:a> <urn:b> <urn:c{i}> .\n".encode()})
    published = [p for p in (root / versions.VERSIONS).iterdir() if versions.BUILDING not in p.name]
    # the current version and the one before it (readers may still hold it open)
    assert len(published) == 2
    assert versions.current_version(root) in published
    assert _count(store) == 1
