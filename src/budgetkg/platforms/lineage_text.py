"""Lineage relations a filing states in words, read from sentence structure around platform mentions.

Works on one passage (a text field) whose mentions are already found, plus the passage's *topic*: the
platform its record is about (named in the record's name), used when a sentence leaves the subject
implicit ("五大支撑平台包括：A、B、C" inside the 禺智管 task).  Patterns, in the view text (no spaces or
quotes):

* pilot_of      ``S 作为/为/是 … O (的)试点``
* sub_platform_of  a mention named ``<P>…分平台`` (P a platform name) → P; a bare ``…分平台`` → the platform
                   named just before it in the sentence, else the topic
* component_of  items of ``包括：A、B、C``; ``一个 A`` / ``N个 A`` counted parts when the passage states an
                architecture (``架构``, ``1+5+1+N``, ``A+B``); ``<P>建设<X>``; ``打造 X (应用)主题/专题/场景``
* serves        ``以 X … 为依托``, ``依托 X``, ``与 X … 对接``, ``接入/对接 X``: X serves the subject
* successor_of  ``由 X 升级为 Y``, ``X 升级为 Y``, ``Y 取代/替代 X``

Every relation keeps the sentence it was read from.  Nothing here knows a platform by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetkg.platforms.mentions import Mention, View
from budgetkg.platforms.vocabulary import Relation

_SENTENCE_END = re.compile(r"[。；;！？!?]")
_COUNT_BEFORE = re.compile(r"(?:[\dn一二三四五六七八九十两]+(?:个|大|套)?)$")
_COUNTED_NAME = re.compile(r"^(?:n|\d+)(?:个|大)?\w")
_ARCHITECTURE = re.compile(r"架构|\d\s*\+\s*\d|\+")
_LIST_GLUE = re.compile(r"^[、，,和及与]*(?:以及)?$")
# a build verb, then at most two noun characters (never another verb: 建设作为 … is no build)
_BUILD = re.compile(r"^(?:建设|新建|搭建)[^为是作对与和及将把]{0,2}$")
_THEME_BEFORE = re.compile(r"(?:打造|建设|新增|拓展|新建)$")
_THEME_AFTER = re.compile(r"^(?:应用)?(?:主题|专题|场景)")
_PILOT_VERB = re.compile(r"作为|列为|为|是")
_MAX_QUOTE = 160


@dataclass(frozen=True)
class Node:
    """A platform as the extractor sees it: a registry key, or a discovered normal name."""

    key: str | None
    name: str

    @staticmethod
    def of(mention: Mention) -> Node:
        return Node(mention.key, mention.name if mention.key is None else "")


@dataclass(frozen=True)
class Stated:
    """A relation stated in a passage: ``subject relation object``, read from view span [start, end)."""

    subject: Node
    relation: Relation
    object: Node
    quote: str
    start: int
    end: int


def extract(view: View, mentions: list[Mention], topic: Node | None, parents: dict[str, Node]) -> list[Stated]:
    """Relations stated in ``view``.  ``parents`` maps normal names of platforms in scope to their nodes
    (used to read ``<P>…分平台``)."""
    found: list[Stated] = []
    for start, end in _sentences(view.text):
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if not inside:
            continue
        reader = _Sentence(view, start, end, inside, topic)
        reader.pilots(found)
        reader.sub_platforms(found, parents)
        reader.lists(found)
        reader.counted_parts(found, bool(_ARCHITECTURE.search(view.text)))
        reader.built_by(found)
        reader.themes(found)
        reader.serves(found)
        reader.successors(found)
    unique: dict[tuple[Node, str, Node], Stated] = {}
    for stated in found:
        if stated.subject != stated.object:
            unique.setdefault((stated.subject, stated.relation, stated.object), stated)
    return list(unique.values())


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class _Sentence:
    def __init__(self, view: View, start: int, end: int, mentions: list[Mention], topic: Node | None) -> None:
        self.view, self.start, self.end, self.mentions, self.topic = view, start, end, mentions, topic
        self.text = view.text

    def _add(self, out: list[Stated], subject: Node | None, relation: Relation, obj: Node | None, at: Mention) -> None:
        """Record a relation; its quote is the sentence, or a window of it around ``at`` when it is long."""
        if subject is None or obj is None:
            return
        start, end = self.start, self.end
        if end - start > _MAX_QUOTE:
            start = max(self.start, min(at.start - _MAX_QUOTE // 2, self.end - _MAX_QUOTE))
            end = min(self.end, start + _MAX_QUOTE)
        out.append(Stated(subject, relation, obj, self.view.quote(start, end, quotes=True).strip(), start, end))

    def _before(self, position: int, other_than: Mention | None = None) -> Mention | None:
        candidates = [m for m in self.mentions if m.end <= position and m is not other_than]
        return candidates[-1] if candidates else None

    def _subject_before(self, position: int, other_than: Mention) -> Node | None:
        before = self._before(position, other_than)
        if before is not None and Node.of(before) != Node.of(other_than):
            return Node.of(before)
        return self.topic

    def pilots(self, out: list[Stated]) -> None:
        for match in re.finditer("试点", self.text[self.start : self.end]):
            at = self.start + match.start()
            target = self._before(at)
            if target is None or at - target.end > 1:
                continue
            verb = None
            for found in _PILOT_VERB.finditer(self.text, self.start, target.start):
                verb = found
            if verb is None:
                continue
            subject = self._before(verb.start(), target)
            self._add(out, Node.of(subject) if subject else self.topic, "pilot_of", Node.of(target), target)

    def sub_platforms(self, out: list[Stated], parents: dict[str, Node]) -> None:
        for mention in self.mentions:
            if not mention.name.endswith("分平台"):
                continue
            own = Node.of(mention)
            prefixes = [n for n in parents if mention.name.startswith(n) and parents[n] != own]
            if prefixes:
                self._add(out, own, "sub_platform_of", parents[max(prefixes, key=len)], mention)
            else:
                self._add(out, own, "sub_platform_of", self._subject_before(mention.start, mention), mention)

    def lists(self, out: list[Stated]) -> None:
        for match in re.finditer("包括", self.text[self.start : self.end]):
            at = self.start + match.end()
            whole_mention = self._before(at - 2)
            whole = Node.of(whole_mention) if whole_mention else self.topic
            position = at
            while position < self.end and self.text[position] in ":：":
                position += 1
            for mention in self.mentions:
                if mention.start < position:
                    continue
                if not _LIST_GLUE.match(self.text[position : mention.start]):
                    break
                self._add(out, Node.of(mention), "component_of", whole, mention)
                position = mention.end

    def counted_parts(self, out: list[Stated], architecture: bool) -> None:
        if not architecture:
            return
        for mention in self.mentions:
            # a count before the name (一个数据底座, 1个数字平台), or a name that is the count (N应用)
            counted = _COUNT_BEFORE.search(self.text[max(self.start, mention.start - 3) : mention.start])
            if counted or _COUNTED_NAME.match(mention.name):
                whole = self.topic
                if whole is None or whole == Node.of(mention):
                    first = self.mentions[0]
                    whole = Node.of(first) if first is not mention else None
                self._add(out, Node.of(mention), "component_of", whole, mention)

    def built_by(self, out: list[Stated]) -> None:
        for left, right in zip(self.mentions, self.mentions[1:], strict=False):
            if right.name.endswith("分平台"):
                continue
            if _BUILD.match(self.text[left.end : right.start]):
                self._add(out, Node.of(right), "component_of", Node.of(left), right)

    def themes(self, out: list[Stated]) -> None:
        for mention in self.mentions:
            if _THEME_BEFORE.search(self.text[self.start : mention.start]) and _THEME_AFTER.match(
                self.text[mention.end : self.end]
            ):
                self._add(out, Node.of(mention), "component_of", self._subject_before(mention.start, mention), mention)

    def serves(self, out: list[Stated]) -> None:
        for mention in self.mentions:
            before = self.text[max(self.start, mention.start - 2) : mention.start]
            after = self.text[mention.end : min(self.end, mention.end + 24)]
            served: Node | None = None
            if before.endswith("以") and "为依托" in after:
                cut = mention.end + after.index("为依托") + 3
                later = [m for m in self.mentions if m.start >= cut]
                served = Node.of(later[0]) if later else self.topic
            elif before.endswith(("依托", "接入", "对接")) or (before.endswith("与") and "对接" in after[:16]):
                served = self._subject_before(mention.start, mention)
            if served is not None and served != Node.of(mention):
                self._add(out, Node.of(mention), "serves", served, mention)

    def successors(self, out: list[Stated]) -> None:
        for left, right in zip(self.mentions, self.mentions[1:], strict=False):
            between = self.text[left.end : right.start]
            if re.fullmatch(r"(?:升级|迭代|更新)(?:为|成|到)", between):
                self._add(out, Node.of(right), "successor_of", Node.of(left), right)
            elif re.fullmatch(r"(?:取代|替代|替换)(?:了)?", between):
                self._add(out, Node.of(left), "successor_of", Node.of(right), left)
