"""Search: an in-memory index over every label, alias and its pinyin, built from the store at start-up.

Chinese substrings, aliases, English labels and pinyin (with tone marks, tone numbers, without tones,
initials: ``szg`` → 穗智管) all match.  The index is built from one SPARQL query, so it works on any
backend; matching never goes back to SPARQL, so search input never reaches the engine.  A linear scan
over a few thousand keys answers in about a millisecond here (bench/results/pages.md), which is why no
SQLite FTS side index is kept.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from pypinyin import Style, lazy_pinyin
from rdflib.term import Literal, URIRef

from budgetkg.server.labels import best, best_labels
from budgetkg.server.render import local_name
from budgetkg.server.sparql_text import iri_ref, page_query
from budgetkg.store.base import SelectResult, Store

_ALIAS_PREDICATES = frozenset(
    {
        URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
        URIRef("https://schema.org/alternateName"),
        URIRef("http://www.w3.org/2004/02/skos/core#hiddenLabel"),
        URIRef("https://w3id.org/budgetkg/def#localLabel"),
    }
)
# score of a match by (how the key was made, how it matched); higher is better
_SCORES = {
    ("label", "exact"): 100, ("label", "prefix"): 85, ("label", "substring"): 70,
    ("alias", "exact"): 95, ("alias", "prefix"): 80, ("alias", "substring"): 60,
    ("initials", "exact"): 75, ("initials", "prefix"): 50, ("initials", "substring"): 30,
    ("pinyin", "exact"): 78, ("pinyin", "prefix"): 65, ("pinyin", "substring"): 45,
}  # fmt: skip
MAX_RESULTS = 100
#: the group of the vocabulary's own terms and the reused terms it labels
VOCABULARY = "vocabulary"


def normalise(text: str) -> str:
    """NFKC (full-width → ASCII), lower case, without spaces: how keys and queries are compared."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def keys_for(text: str, alias: bool = False) -> list[tuple[str, str]]:
    """(origin, key) pairs for one label: the text itself and, for Chinese, its pinyin spellings."""
    keys = [("alias" if alias else "label", normalise(text))]
    if _has_han(text):
        keys.append(("pinyin", normalise("".join(lazy_pinyin(text, style=Style.NORMAL)))))
        keys.append(("pinyin", normalise("".join(lazy_pinyin(text, style=Style.TONE)))))
        keys.append(("pinyin", normalise("".join(lazy_pinyin(text, style=Style.TONE3)))))
        keys.append(("initials", normalise("".join(lazy_pinyin(text, style=Style.FIRST_LETTER)))))
    return keys


@dataclass
class Entry:
    iri: URIRef
    group: str
    labels: list[Literal] = field(default_factory=list)
    aliases: list[Literal] = field(default_factory=list)
    keys: list[tuple[str, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        chosen = best(self.labels) or best(self.aliases)
        return str(chosen) if chosen is not None else str(self.iri)


@dataclass(frozen=True)
class Hit:
    iri: URIRef
    label: str
    group: str
    score: int
    matched: str
    #: where the entity sits (its filing, its project …), to tell apart entities printed with the same name
    context: str = ""


#: our vocabulary's classes name a hit's group before any reused class (bkg:Project before prov:Entity)
_OWN_CLASSES = "https://w3id.org/budgetkg/def#"


def _group(iri: URIRef, types: set[URIRef], thing_base: str | None) -> str:
    """The group a hit is listed under: its own class (local name), else its kind in the IRI path."""
    own = sorted(t for t in types if str(t).startswith(_OWN_CLASSES))
    if own:
        return local_name(own[0])
    if thing_base and str(iri).startswith(thing_base):
        return str(iri)[len(thing_base) :].split("/", 1)[0]
    return min((local_name(t) for t in types), default="other")


def group_labels(store: Store, types: Iterable[URIRef], timeout: float | None = None) -> dict[str, str]:
    """Group key → display name: the label the store's vocabulary graph gives our classes, Chinese first."""
    own = {t for t in types if str(t).startswith(_OWN_CLASSES)}
    return {local_name(iri): label for iri, label in best_labels(store, own, timeout).items()}


def vocabulary_terms(store: Store, graph: str, timeout: float | None = None) -> set[URIRef]:
    """The IRIs the vocabulary graph says something about (what search groups as VOCABULARY)."""
    query = f"SELECT DISTINCT ?x WHERE {{ GRAPH {iri_ref(graph)} {{ ?x ?p ?o }} FILTER(isIRI(?x)) }}"
    result = store.query(query, timeout=timeout, all_rows=True)
    if not isinstance(result, SelectResult):
        raise TypeError("a SELECT query answers with rows")
    return {x for row in result.rows if isinstance(x := row.get("x"), URIRef)}


def _context(iri: URIRef, thing_base: str | None) -> str:
    """The path segments between kind and key of a local IRI: ``id/indicator/001_x/项目/名称`` → ``001_x / 项目``."""
    if not thing_base or not str(iri).startswith(thing_base):
        return ""
    parts = unquote(str(iri)[len(thing_base) :]).split("/")
    return " / ".join(parts[1:-1])


class SearchIndex:
    def __init__(
        self,
        entries: list[Entry],
        thing_base: str | None = None,
        group_names: dict[str, str] | None = None,
        complete: bool = True,
    ) -> None:
        self.entries = entries
        self.thing_base = thing_base
        #: False when the store cut the entries short (a remote server's own row cap): pages must say so
        self.complete = complete
        #: group key → the class label shown as the group's heading
        self.group_names = group_names or {}

    @classmethod
    def build(
        cls,
        store: Store,
        timeout: float | None = None,
        thing_base: str | None = None,
        vocabulary_graph: str | None = None,
    ) -> SearchIndex:
        """The index of every labelled resource; the terms of ``vocabulary_graph`` (classes, properties,
        concepts, reused terms) are grouped as VOCABULARY and ranked after data matching as well."""
        # every labelled resource, past the endpoint's row limit: that limit protects clients, and an
        # index cut at it would silently stop finding whatever sorts late
        result = store.query(page_query("search_entries"), timeout=timeout, all_rows=True)
        if not isinstance(result, SelectResult):
            raise TypeError("search_entries is a SELECT query")
        labels: dict[URIRef, set[tuple[URIRef, Literal]]] = defaultdict(set)
        types: dict[URIRef, set[URIRef]] = defaultdict(set)
        for row in result.rows:
            x, p, label, kind = row["x"], row["p"], row["label"], row.get("type")
            if isinstance(x, URIRef) and isinstance(p, URIRef) and isinstance(label, Literal):
                labels[x].add((p, label))
                if isinstance(kind, URIRef):
                    types[x].add(kind)
        terms = vocabulary_terms(store, vocabulary_graph, timeout) if vocabulary_graph else set()
        entries = []
        for iri in sorted(labels):
            entry = Entry(iri, VOCABULARY if iri in terms else _group(iri, types[iri], thing_base))
            for p, label in sorted(labels[iri]):
                alias = p in _ALIAS_PREDICATES
                (entry.aliases if alias else entry.labels).append(label)
                entry.keys.extend(keys_for(str(label), alias))
            entries.append(entry)
        all_types = {t for kinds in types.values() for t in kinds}
        names = group_labels(store, all_types, timeout)
        names[VOCABULARY] = "词汇术语 Vocabulary terms"
        return cls(entries, thing_base, names, complete=not result.truncated)

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[Hit]:
        """Hits ranked by how well they match (exact > prefix > substring, labels over pinyin), then shorter."""
        needle = normalise(query)
        if not needle:
            return []
        hits = []
        for entry in self.entries:
            score, matched = 0, ""
            for origin, key in entry.keys:
                how = "exact" if key == needle else "prefix" if key.startswith(needle) else None
                if how is None and needle in key:
                    how = "substring"
                if how is not None and _SCORES[(origin, how)] > score:
                    score, matched = _SCORES[(origin, how)], f"{origin} {how}"
            if score:
                hits.append(
                    Hit(entry.iri, entry.label, entry.group, score, matched, _context(entry.iri, self.thing_base))
                )
        # data before vocabulary: a reader searching 平台 wants platforms first, the class 平台提及 after them
        hits.sort(key=lambda h: (h.group == VOCABULARY, -h.score, len(h.label), h.label, str(h.iri)))
        return hits[:limit]


def grouped(hits: list[Hit]) -> dict[str, list[Hit]]:
    """Hits by group, groups in the order of their best hit."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.group, []).append(hit)
    return groups
