"""One filing's platform facts: which record concerns which platform, and the lineage it states.

Every text field of every goal, task, project and indicator is a *passage*.  Mentions are found in each
passage; discovered names are made canonical across the filing (see ``discovered``); each record is
linked to the platforms of its passages, and relations are read from each passage with the record's
*topic* (the first platform its name mentions, else the first its text mentions; an indicator without
one inherits its project's).  Lines of evidence are narrowed by ``evidence.LineLocator``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from budgetkg.platforms.discovered import DiscoveredNames
from budgetkg.platforms.evidence import LineLocator
from budgetkg.platforms.lineage_text import Node, Stated, extract
from budgetkg.platforms.mentions import Mention, View, find_mentions, view_of
from budgetkg.platforms.registry import Registry
from budgetkg.records import Filing, Goal, Indicator, Lines, Project, Task

RecordKind = Literal["goal", "task", "project", "indicator"]
Record = Goal | Task | Project | Indicator


@dataclass(frozen=True)
class Subject:
    kind: RecordKind
    record: Record
    #: the project an indicator belongs to (None for a filing-level indicator and for other kinds)
    owner: Project | None = None


@dataclass(frozen=True)
class Passage:
    subject: Subject
    field: str
    view: View
    lines: Lines


@dataclass(frozen=True)
class Link:
    """``subject`` concerns ``node``: the mention and the lines that print it."""

    subject: Subject
    node: Node
    mention: Mention
    field: str
    lines: Lines


@dataclass(frozen=True)
class StatedIn:
    """A relation read from a passage, with the lines that print its sentence."""

    stated: Stated
    subject: Subject
    field: str
    lines: Lines


@dataclass
class FilingPlatforms:
    filing: Filing
    place: str | None
    links: list[Link]
    relations: list[StatedIn]
    discovered: DiscoveredNames


def _passages(filing: Filing) -> Iterator[tuple[Subject, list[tuple[str, str]], Lines]]:
    for goal in filing.goals:
        yield Subject("goal", goal), [("text", goal.text)], goal.lines
    for task in filing.tasks:
        yield (
            Subject("task", task),
            [("name", task.name), ("content", task.content), ("expected", task.expected)],
            task.lines,
        )
    for project in filing.projects:
        yield Subject("project", project), [("name", project.name), ("goal", project.goal)], project.lines
        for indicator in project.indicators:
            yield Subject("indicator", indicator, project), _indicator_fields(indicator), indicator.lines
    for indicator in filing.indicators:
        yield Subject("indicator", indicator), _indicator_fields(indicator), indicator.lines


def _indicator_fields(indicator: Indicator) -> list[tuple[str, str]]:
    fields = [("name", indicator.name), ("description", indicator.description or "")]
    for name, target in (("period_target", indicator.period_target), ("annual_target", indicator.annual_target)):
        if target is not None:
            fields.append((name, target.text))
    return fields


def read_filing(filing: Filing, registry: Registry, locator: LineLocator | None = None) -> FilingPlatforms:
    """Mentions, links and stated relations of one filing."""
    locator = locator or LineLocator.for_file(filing.source.path)
    place = registry.place_of(filing.department)
    discovered = DiscoveredNames()
    found: list[tuple[Passage, list[Mention]]] = []
    for subject, fields, lines in _passages(filing):
        record_names: list[str] = []
        for field_name, text in fields:
            if not text:
                continue
            view = view_of(text)
            mentions = [_canonical(m, discovered, record_names) for m in find_mentions(view, registry, place)]
            found.append((Passage(subject, field_name, view, lines), mentions))
    topics = _topics(found)
    parents = {name: Node(key, "") for name, (key, _) in registry.names_in_scope(place).items()}
    links: list[Link] = []
    relations: list[StatedIn] = []
    for passage, mentions in found:
        for mention in mentions:
            at = locator.locate(mention.surface, passage.lines)
            links.append(Link(passage.subject, Node.of(mention), mention, passage.field, at))
        topic = topics.get(id(passage.subject.record))
        for stated in extract(passage.view, mentions, topic, parents):
            at = locator.locate(stated.quote, passage.lines)
            relations.append(StatedIn(stated, passage.subject, passage.field, at))
    return FilingPlatforms(filing, place, links, relations, discovered)


def _canonical(mention: Mention, discovered: DiscoveredNames, record_names: list[str]) -> Mention:
    if mention.key is not None:
        return mention
    name, how = discovered.canonical(mention.name, record_names)
    if how == "discovered":
        discovered.printed.setdefault(name, "".join(mention.surface.split()).strip("“”\"'‘’「」『』"))
    if name not in record_names:
        record_names.append(name)
    if mention.candidates:
        discovered.candidates.setdefault(name, set()).update(mention.candidates)
    return replace(mention, name=name, how=how)


def _topics(found: list[tuple[Passage, list[Mention]]]) -> dict[int, Node]:
    """Record (by identity) → its topic: the first platform its name mentions; else, for an indicator, its
    project's topic; else the first platform its text mentions."""
    named: dict[int, Node] = {}
    first: dict[int, Node] = {}
    owners: dict[int, int] = {}
    for passage, mentions in found:
        key = id(passage.subject.record)
        if passage.subject.owner is not None:
            owners[key] = id(passage.subject.owner)
        if not mentions:
            continue
        if passage.field == "name":
            named.setdefault(key, Node.of(mentions[0]))
        first.setdefault(key, Node.of(mentions[0]))
    out: dict[int, Node] = {}
    for key in first.keys() | owners.keys():
        owner = owners.get(key)
        node = named.get(key) or (named.get(owner) or first.get(owner) if owner is not None else None)
        node = node or first.get(key)
        if node is not None:
            out[key] = node
    return out
