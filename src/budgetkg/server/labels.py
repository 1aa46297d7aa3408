"""Display labels: one SPARQL query per page for every term shown, the best language picked here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib.term import Literal, URIRef

from budgetkg.server.sparql_text import bind, page_query
from budgetkg.store.base import SelectResult, Store, Term

#: language preference of the browser (Chinese first); untagged literals come after these
LANGUAGE_ORDER = ("zh-hans", "zh", "zh-cn", "en")
#: VALUES blocks stay well below engines' query-size limits
_CHUNK = 400


def language_rank(label: Literal) -> int:
    """Position of a literal's language in the browser's preference (lower first)."""
    lang = (label.language or "").lower()
    if lang in LANGUAGE_ORDER:
        return LANGUAGE_ORDER.index(lang)
    return len(LANGUAGE_ORDER) + (0 if not lang else 1)


def best(labels: Iterable[Literal]) -> Literal | None:
    """The label to show: zh-Hans, then zh, then en, then untagged, then anything (stable order)."""
    ranked = sorted(labels, key=lambda lit: (language_rank(lit), str(lit)))
    return ranked[0] if ranked else None


def fetch_labels(store: Store, iris: Iterable[URIRef], timeout: float | None = None) -> dict[URIRef, list[Literal]]:
    """Every label of every IRI in ``iris`` (IRIs without one are absent from the answer).

    Vocabulary terms are labelled by the store too: the build loads ontology/*.ttl into
    ``{base}graph/vocabulary``, so pages read the same labels on every backend.
    """
    wanted = sorted(set(iris))
    found: dict[URIRef, list[Literal]] = {}
    for row in select_chunked(store, "labels", "x", wanted, timeout):
        x, label = row["x"], row["label"]
        if isinstance(x, URIRef) and isinstance(label, Literal):
            found.setdefault(x, []).append(label)
    return found


def select_chunked(
    store: Store, name: str, variable: str, iris: list[URIRef], timeout: float | None = None
) -> list[Mapping[str, Term]]:
    """The rows of page query ``name`` for ``iris`` bound to ``?variable``, a few hundred IRIs per query."""
    rows: list[Mapping[str, Term]] = []
    for start in range(0, len(iris), _CHUNK):
        chunk = bind(page_query(name), {variable: iris[start : start + _CHUNK]})
        result = store.query(chunk, timeout=timeout, all_rows=True)
        assert isinstance(result, SelectResult)
        rows.extend(result.rows)
    return rows


def best_labels(store: Store, iris: Iterable[URIRef], timeout: float | None = None) -> dict[URIRef, str]:
    """IRI → the one label to show."""
    return {iri: str(best(labels)) for iri, labels in fetch_labels(store, iris, timeout).items() if labels}


def iris_of(rows: Iterable[Mapping[str, Term]], *variables: str) -> set[URIRef]:
    """The IRIs bound to ``variables`` in result rows (what a page then fetches labels for)."""
    return {term for row in rows for name in variables if isinstance(term := row.get(name), URIRef)}
