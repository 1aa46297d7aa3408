"""The vocabulary files (ontology/*.ttl) and shapes (shapes/*.ttl) as rdflib graphs, read once.

They live at the project root, beside src/, because they are published as they are; this module is
the one place that knows where.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from budgetkg.settings import PROJECT_ROOT

ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
SHAPES_DIR = PROJECT_ROOT / "shapes"


def _union(paths: list[Path]) -> Graph:
    graph = Graph()
    for path in sorted(paths):
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """Every ontology file (ours and the platforms engineer's) in one graph."""
    return _union(list(ONTOLOGY_DIR.glob("*.ttl")))


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """Every shapes file in one graph (platform shapes included)."""
    return _union(list(SHAPES_DIR.glob("*.ttl")))
