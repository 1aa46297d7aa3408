"""The same lineage read from a real remote SPARQL endpoint (Virtuoso): the analysis only speaks SPARQL."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from platform_helpers import BASE

from budgetkg.platforms.analysis import Lineage, load_lineage
from budgetkg.platforms.graph import PlatformGraphs
from budgetkg.rdf import iris
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.records import Filing
from budgetkg.store import remote
from budgetkg.store.remote import RemoteStore

# the throw-away Virtuoso helper of the store contract tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from virtuoso import available, start_virtuoso  # type: ignore[import-not-found]

pytestmark = pytest.mark.virtuoso


@pytest.fixture(scope="module")
def remote_lineage(
    tmp_path_factory: pytest.TempPathFactory, filings: dict[str, Filing], graphs: PlatformGraphs
) -> Iterator[Lineage]:
    if not available():
        pytest.skip("VIRTUOSO MISSING: install Debian virtuoso-opensource (scripts/install-system.sh)")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso-lineage"))
    store = RemoteStore(server.sparql_auth_url, user="dba", password=server.password, timeout=30.0)
    try:
        with pytest.MonkeyPatch.context() as patch:
            # Virtuoso rejects 2000-triple INSERTs of these graphs (SP031 "generated SQL text has exceeded 10000
            # lines"); smaller batches load (reported to the store owner)
            patch.setattr(remote, "CHUNK", 300)
            content = {str(iris.special_graph_iri(BASE, "platforms")): canonical_ntriples(graphs.registry)}
            for filing in filings.values():
                graph = map_filing(filing, BASE) + graphs.per_filing[filing.source.path]
                content[str(iris.graph_iri(BASE, filing))] = canonical_ntriples(graph)
            store.replace_all(content)
        yield load_lineage(store)
    finally:
        store.close()
        server.stop()


def test_remote_lineage_equals_the_embedded_one(remote_lineage: Lineage, lineage: Lineage) -> None:
    assert remote_lineage.to_json() == lineage.to_json()
