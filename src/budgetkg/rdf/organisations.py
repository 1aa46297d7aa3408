"""Curated facts about the publishing departments (data/organisations/changes.ttl), e.g. renames.

The file is the one list; each change is an ``org:ChangeEvent`` stated only with a ``dct:source`` (the
shapes enforce it).  Its IRIs are written relative (``<id/department/…>``) and resolve against the
deployment's base here, so they meet the IRIs the mapper mints from the filings.  Departments declared
there get their pinyin label like the mapped ones.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from budgetkg.errors import ConfigError
from budgetkg.rdf.labels import add_pinyin_to_class
from budgetkg.rdf.namespaces import CV, bind_prefixes
from budgetkg.settings import PROJECT_ROOT

CHANGES_FILE = PROJECT_ROOT / "data" / "organisations" / "changes.ttl"


def organisations_graph(base: str, path: Path = CHANGES_FILE) -> Graph:
    """The curated organisation facts with IRIs under ``base``."""
    graph = bind_prefixes(Graph())
    try:
        graph.parse(path, format="turtle", publicID=base if base.endswith("/") else base + "/")
    except (OSError, BadSyntax) as error:
        raise ConfigError(f"{path}: cannot read the curated organisations: {error}") from None
    return add_pinyin_to_class(graph, CV.PublicOrganisation)
