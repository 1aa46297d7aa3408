"""The curated platform registry (data/platforms/registry.ttl) as typed entries, and name resolution.

The registry is linked data itself; this module reads it once into plain records so the mention finder
does not walk a graph per name.  ``Registry.resolve`` is the one place a printed name becomes a node.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from budgetkg.errors import ConfigError
from budgetkg.platforms.names import FUZZY_MIN_LENGTH, normal_name, within_one_edit
from budgetkg.platforms.vocabulary import PROPERTY_RELATIONS, Relation, Resolution
from budgetkg.rdf.namespaces import BKG
from budgetkg.records import Department
from budgetkg.settings import DEFAULT_DATA_DIR

DEFAULT_REGISTRY = DEFAULT_DATA_DIR / "platforms" / "registry.ttl"
REGISTRY_PLATFORM_NS = "https://w3id.org/budgetkg/registry/platform/"
REGISTRY_RELATION_NS = "https://w3id.org/budgetkg/registry/relation/"


@dataclass(frozen=True)
class Place:
    iri: str
    label: str
    label_en: str | None


@dataclass(frozen=True)
class PlatformEntry:
    key: str
    label: str
    label_en: str | None
    family: str | None
    level: str | None
    place: str | None
    operator: str | None
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    local_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class CuratedRelation:
    key: str
    subject: str
    relation: Relation
    object: str
    note: str


@dataclass(frozen=True)
class Resolved:
    """The outcome of resolving one printed name: a registry key, or None with the near candidates."""

    key: str | None
    how: Resolution
    candidates: tuple[str, ...] = ()


@dataclass
class Registry:
    platforms: dict[str, PlatformEntry]
    relations: tuple[CuratedRelation, ...]
    places: dict[str, Place]
    # normal name → keys; built in __post_init__
    _global: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _misprint: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _local: dict[tuple[str, str], set[str]] = field(default_factory=dict, repr=False)
    _scopes: dict[str | None, dict[str, tuple[str, Resolution]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.platforms.values():
            for name in (entry.label, *entry.alt_labels):
                self._global.setdefault(normal_name(name), set()).add(entry.key)
            for name in entry.hidden_labels:
                self._misprint.setdefault(normal_name(name), set()).add(entry.key)
            if entry.place is not None:
                for name in entry.local_labels:
                    self._local.setdefault((entry.place, normal_name(name)), set()).add(entry.key)

    def names_in_scope(self, place: str | None) -> dict[str, tuple[str, Resolution]]:
        """Every normal name that designates a platform in a filing of ``place``, with how it does."""
        if place in self._scopes:
            return self._scopes[place]
        names: dict[str, tuple[str, Resolution]] = {}
        for (where, name), keys in self._local.items():
            if where == place and len(keys) == 1:
                names[name] = (next(iter(keys)), "local")
        for table, how in ((self._misprint, "misprint"), (self._global, "label")):
            for name, keys in table.items():
                if len(keys) == 1:
                    names[name] = (next(iter(keys)), how)  # type: ignore[assignment]
        self._scopes[place] = names
        return names

    def resolve(self, name: str, place: str | None) -> Resolved:
        """The platform a printed ``name`` designates in a filing of jurisdiction ``place``."""
        normal = normal_name(name)
        scope = self.names_in_scope(place)
        if normal in scope:
            key, how = scope[normal]
            return Resolved(key, how)
        if len(normal) < FUZZY_MIN_LENGTH:
            return Resolved(None, "discovered")
        near = sorted({key for other, (key, _) in scope.items() if within_one_edit(normal, other)})
        if len(near) == 1:
            return Resolved(near[0], "fuzzy")
        return Resolved(None, "discovered", tuple(near))

    def place_of(self, department: Department) -> str | None:
        """The Wikidata place of a filing's department: its district, else the city its name starts with."""
        if department.district:
            wanted = _bare_place(department.district)
            for place in self.places.values():
                if _bare_place(place.label) == wanted:
                    return place.iri
            return None
        return self.place_named_at_start(department.name)

    def place_named_at_start(self, text: str) -> str | None:
        """The place whose name (with or without 市/区/省) begins ``text``, longest first."""
        best: Place | None = None
        for place in self.places.values():
            for form in {place.label, _bare_place(place.label)}:
                if len(form) >= 2 and text.startswith(form) and (best is None or len(place.label) > len(best.label)):
                    best = place
        return None if best is None else best.iri


def _bare_place(label: str) -> str:
    return label[:-1] if len(label) > 2 and label[-1] in "市区省县镇街" else label


def _texts(graph: Graph, subject: URIRef, predicate: URIRef, language: str | None = None) -> tuple[str, ...]:
    out = []
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and (language is None or value.language == language):
            out.append(str(value))
    return tuple(sorted(out))


def _one(values: Iterable[str]) -> str | None:
    listed = list(values)
    return listed[0] if listed else None


def _local(iri: object, namespace: str) -> str | None:
    text = str(iri)
    return text[len(namespace) :] if text.startswith(namespace) else None


def _tail(iri: object) -> str | None:
    return None if iri is None else str(iri).rstrip("/").rsplit("/", 1)[-1]


def load_registry(path: Path = DEFAULT_REGISTRY) -> Registry:
    """Read the registry; a file that is not valid Turtle is a ConfigError naming it."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read the platform registry: {error}") from None
    return registry_from_graph(graph, str(path))


def registry_from_graph(graph: Graph, origin: str) -> Registry:
    places = {
        str(s): Place(
            str(s),
            _one(_texts(graph, s, SKOS.prefLabel, "zh-Hans")) or str(s),
            _one(_texts(graph, s, SKOS.prefLabel, "en")),
        )
        for s in set(graph.subjects(SKOS.prefLabel, None))
        if isinstance(s, URIRef) and str(s).startswith("http://www.wikidata.org/entity/")
    }
    platforms: dict[str, PlatformEntry] = {}
    for subject in graph.subjects(RDF.type, BKG.Platform):
        key = _local(subject, REGISTRY_PLATFORM_NS)
        if key is None or not isinstance(subject, URIRef):
            raise ConfigError(f"{origin}: platform {subject} is not under {REGISTRY_PLATFORM_NS}")
        label = _one(_texts(graph, subject, SKOS.prefLabel, "zh-Hans"))
        if label is None:
            raise ConfigError(f"{origin}: platform {key} has no skos:prefLabel@zh-Hans")
        platforms[key] = PlatformEntry(
            key=key,
            label=label,
            label_en=_one(_texts(graph, subject, SKOS.prefLabel, "en")),
            family=_tail(graph.value(subject, BKG.family)),
            level=_tail(graph.value(subject, BKG.platformLevel)),
            place=_one(str(o) for o in graph.objects(subject, DCTERMS.spatial)),
            operator=_one(_texts(graph, subject, BKG.operatorName)),
            alt_labels=_texts(graph, subject, SKOS.altLabel),
            hidden_labels=_texts(graph, subject, SKOS.hiddenLabel),
            local_labels=_texts(graph, subject, BKG.localLabel),
        )
    relations = []
    for statement in graph.subjects(RDF.type, RDF.Statement):
        if not isinstance(statement, URIRef):
            raise ConfigError(f"{origin}: a curated relation needs an IRI under {REGISTRY_RELATION_NS}")
        key = _local(statement, REGISTRY_RELATION_NS) or str(statement)
        subject_key = _local(graph.value(statement, RDF.subject), REGISTRY_PLATFORM_NS)
        object_key = _local(graph.value(statement, RDF.object), REGISTRY_PLATFORM_NS)
        relation = PROPERTY_RELATIONS.get(str(graph.value(statement, RDF.predicate)))
        if subject_key not in platforms or object_key not in platforms or relation is None:
            raise ConfigError(f"{origin}: curated relation {key} names an unknown platform or relation")
        assert subject_key is not None and object_key is not None
        note = _one(_texts(graph, statement, SKOS.note)) or ""
        relations.append(CuratedRelation(key, subject_key, relation, object_key, note))
    return Registry(platforms, tuple(sorted(relations, key=lambda r: r.key)), places)
