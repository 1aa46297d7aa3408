"""Fixtures: the five real filings parsed by the real parser, their platform graphs, and a real embedded
Oxigraph store holding what ``budgetkg build`` would load (mapper graph + platform graph per filing, the
registry graph)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from platform_helpers import BASE

from budgetkg.parser import parse_file
from budgetkg.platforms.analysis import Lineage, load_lineage
from budgetkg.platforms.graph import PlatformGraphs, platform_graphs
from budgetkg.platforms.links import FilingPlatforms, read_filing
from budgetkg.platforms.registry import Registry, load_registry
from budgetkg.rdf import iris
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.records import Filing
from budgetkg.settings import DEFAULT_FILINGS_DIR
from budgetkg.store.embedded import EmbeddedStore

FILINGS = sorted(DEFAULT_FILINGS_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def filings() -> dict[str, Filing]:
    """Parsed filings by their three-digit prefix (000 … 004): which filing is which is the test's business."""
    return {path.name[:3]: parse_file(str(path)) for path in FILINGS}


@pytest.fixture(scope="session")
def read(filings: dict[str, Filing], registry: Registry) -> dict[str, FilingPlatforms]:
    return {key: read_filing(filing, registry) for key, filing in filings.items()}


@pytest.fixture(scope="session")
def graphs(filings: dict[str, Filing], registry: Registry) -> PlatformGraphs:
    return platform_graphs(list(filings.values()), BASE, registry)


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory, filings: dict[str, Filing], graphs: PlatformGraphs) -> Path:
    root = tmp_path_factory.mktemp("lineage-store")
    content: dict[str, bytes] = {str(iris.special_graph_iri(BASE, "platforms")): canonical_ntriples(graphs.registry)}
    for filing in filings.values():
        graph = map_filing(filing, BASE) + graphs.per_filing[filing.source.path]
        content[str(iris.graph_iri(BASE, filing))] = canonical_ntriples(graph)
    store = EmbeddedStore(root)
    store.replace_all(content)
    store.close()
    return root


@pytest.fixture(scope="session")
def lineage(store_dir: Path) -> Iterator[Lineage]:
    store = EmbeddedStore(store_dir)
    try:
        yield load_lineage(store)
    finally:
        store.close()
