"""Finding platform names in one text: registry names first, then names built like platform names.

The text is scanned in a *view* with spaces and quotes removed (cells of the filings break lines and
quote names inconsistently: ``“数字海珠一张图“平台``, ``“数字海珠一张图” 智慧平台``); every view position
maps back to the original text so evidence quotes are printed as the filing prints them.

1. Registry names in scope (global labels, misprints, and local labels of the filing's jurisdiction) are
   matched longest first, without overlaps.
2. Elsewhere, a run of name characters ending in a platform head word (平台, 系统, 中枢, 一张图, 大脑, 中台,
   底座) is a candidate.  It starts after the last clause boundary before the head: punctuation, a space, an
   opening quote, or a verb/particle that introduces an object (建设, 推进, 对接, 依托, 的, 与 …).  Leading
   counts (``5大``, ``一个``) are dropped.  A candidate made only of generic words (业务系统, 信息系统,
   智能化管理平台) names no particular platform and is dropped.  What is left resolves through the
   registry (maybe by edit distance) or becomes a discovered platform.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from budgetkg.platforms.names import normal_name
from budgetkg.platforms.registry import Registry
from budgetkg.platforms.vocabulary import Resolution

HEADS = ("平台", "系统", "中枢", "一张图", "大脑", "中台", "底座")
_DROPPED = re.compile(r"[\s\"'“”‘’「」『』]")
_OPENING = set('“‘「『"')
_CLOSING = set('”’」』"')
# characters that end a name run (clause punctuation; brackets stay inside: 管理系统（二期）)
_RUN_BREAK = set("，。；：、,.;:！？!?《》〈〉<>【】[]/|…—·≥≤≧≦=%")


def _longest_first(words: str) -> tuple[str, ...]:
    return tuple(sorted(set(words.split()), key=len, reverse=True))


# verbs and particles that introduce the object a platform name is; longest first when cutting
_INTRODUCERS = _longest_first(
    "建设 打造 推进 推动 保障 维护 开展 完善 优化 升级 改造 对接 接入 依托 通过 利用 "
    "加强 实现 提供 包括 以及 新建 搭建 构建 整合 部署 上线 使用 发挥 汇聚到 上报到 开发 "
    "运维 完成 推广 支持 全面 持续 继续 丰富 取代 替代 替换 强化 落实 建成 建立 拓展 "
    "覆盖至 不少于 支撑 相关 满足 即 和 与 及 的 对 在 为 将 是 由 "
    "等 各 到 把 从 向 局"
)
_LEADING_COUNT = re.compile(r"(?:[\dn]+|[一二三四五六七八九十两几]+)(?:个|大|套|项)?")
# a count with its measure word inside a run (热线两大子系统): the name starts after it
_INNER_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)(?:个|大|套|项)")
# words that alone name no particular platform (业务系统, 智能化管理平台, 公共平台系统 …)
_GENERIC_WORDS = _longest_first(
    "业务 信息 信息化 应用 管理 服务 数字 数字化 智能 智能化 智慧 基础 公共 支撑 共性 电子政务 "
    "政务 相关 各类 子 该 此 本 网络 安全 高效 运维 第一 综合 平台 系统 技术 "
    "其他 有关 内部 新 现有 区 市 全市 全区 我区 我市 省 各级 前端 后台 后端 "
    "统一 主要 功能 建设 运行 政府 上云 云上"
)


@dataclass(frozen=True)
class View:
    """``text`` without spaces and quotes, NFKC-folded and lower-case; ``origin[i]`` is where view
    character ``i`` came from in ``source``; ``opening`` holds view positions that followed an opening quote."""

    source: str
    text: str
    origin: tuple[int, ...]
    opening: frozenset[int]

    def quote(self, start: int, end: int, quotes: bool = False) -> str:
        """The original text behind view span [start, end); with ``quotes``, widened over the quotation
        marks printed right around it (so a quoted sentence reads as printed)."""
        if start >= end:
            return ""
        first, last = self.origin[start], self.origin[end - 1] + 1
        if quotes:
            while first > 0 and self.source[first - 1] in _OPENING:
                first -= 1
            while last < len(self.source) and self.source[last] in _CLOSING:
                last += 1
        return self.source[first:last]


def view_of(source: str) -> View:
    chars: list[str] = []
    origin: list[int] = []
    opening: set[int] = set()
    for index, char in enumerate(source):
        if _DROPPED.match(char):
            # a name may begin after an opening quote or a space (table cells are space-separated);
            # a line end is not a boundary: cells wrap names over several lines
            if char in _OPENING or (char.isspace() and char not in "\r\n"):
                opening.add(len(chars))
            continue
        for folded in unicodedata.normalize("NFKC", char).lower():
            chars.append(folded)
            origin.append(index)
    return View(source, "".join(chars), tuple(origin), frozenset(opening))


@dataclass(frozen=True)
class Mention:
    """A platform name in a view: [start, end) in view positions; ``key`` None for a discovered name."""

    start: int
    end: int
    surface: str
    name: str
    key: str | None
    how: Resolution
    candidates: tuple[str, ...] = ()


def find_mentions(view: View, registry: Registry, place: str | None) -> list[Mention]:
    """Every platform mention of ``view`` in a filing of jurisdiction ``place``, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    names = registry.names_in_scope(place)
    for name in sorted(names, key=len, reverse=True):
        key, how = names[name]
        for start in _occurrences(view.text, name):
            end = start + len(name)
            if not _overlaps(start, end, taken):
                taken.append((start, end))
                found.append(Mention(start, end, view.quote(start, end), name, key, how))
    for start, end in _candidates(view, [span[1] for span in taken]):
        if _overlaps(start, end, taken):
            continue
        surface = view.quote(start, end)
        resolved = registry.resolve(surface, place)
        taken.append((start, end))
        found.append(
            Mention(start, end, surface, normal_name(surface), resolved.key, resolved.how, resolved.candidates)
        )
    return _join_sub_platforms(sorted(found, key=lambda m: m.start), view, registry, place)


def _join_sub_platforms(found: list[Mention], view: View, registry: Registry, place: str | None) -> list[Mention]:
    """``<P> <words> <place>分平台`` printed as a registry name P followed by a discovered ``…分平台`` is one
    platform: P's sub-platform.  Resolve the whole; failing that, P's own names + the 分平台 part."""
    out: list[Mention] = []
    for mention in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.key is not None
            and mention.key is None
            and mention.name.endswith("分平台")
            and previous.end == mention.start
        ):
            whole = view.quote(previous.start, mention.end)
            resolved = registry.resolve(whole, place)
            entry = registry.platforms[previous.key]
            for label in (entry.label, *entry.alt_labels):
                if resolved.key is None:
                    resolved = registry.resolve(label + _place_part(mention.name), place)
            out[-1] = Mention(
                previous.start,
                mention.end,
                whole,
                normal_name(whole) if resolved.key is None else resolved_name(registry, resolved.key),
                resolved.key,
                resolved.how,
                resolved.candidates,
            )
            continue
        out.append(mention)
    return out


def _place_part(name: str) -> str:
    """``天河分平台`` of ``城市运行管理中枢天河分平台``: what follows the last generic word."""
    for word in (*_GENERIC_WORDS, "中枢"):
        at = name.rfind(word)
        if at >= 0 and at + len(word) < len(name) - len("分平台"):
            name = name[at + len(word) :]
    return name


def resolved_name(registry: Registry, key: str) -> str:
    return normal_name(registry.platforms[key].label)


def _occurrences(text: str, name: str) -> list[int]:
    out, start = [], text.find(name)
    while start >= 0:
        out.append(start)
        start = text.find(name, start + 1)
    return out


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _candidates(view: View, name_ends: list[int]) -> list[tuple[int, int]]:
    """Spans of names ending in a head word; a name never starts before the end of a registry name."""
    text, spans = view.text, []
    for head in HEADS:
        for at in _occurrences(text, head):
            end = at + len(head)
            start = max([_name_start(view, at), *(e for e in name_ends if e <= at)])
            start = _skip_count(text, start, at)
            core = text[start:at]
            if len(core) >= 2 and not _generic(core):
                spans.append((start, end))
    # one span per head position: the longest head wins (平台系统 → …系统), overlapping heads keep the first
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not _overlaps(span[0], span[1], kept):
            kept.append(span)
    return kept


def _name_start(view: View, head_at: int) -> int:
    """Where the name ending in the head at ``head_at`` begins (see the module docstring)."""
    text = view.text
    start = head_at
    while start > 0 and text[start - 1] not in _RUN_BREAK and start not in view.opening:
        start -= 1
    best = start
    for introducer in _INTRODUCERS:
        cut = text.rfind(introducer, start, head_at)
        if cut >= 0 and cut + len(introducer) > best:
            best = cut + len(introducer)  # may reach the head: then the name is empty and dropped
    return best


def _skip_count(text: str, start: int, head_at: int) -> int:
    match = _LEADING_COUNT.match(text, start, head_at)
    start = match.end() if match else start
    for inner in _INNER_COUNT.finditer(text, start, head_at):
        start = inner.end()
    return start


def _generic(core: str) -> bool:
    rest = core
    while rest:
        for word in _GENERIC_WORDS:
            if rest.startswith(word):
                rest = rest[len(word) :]
                break
        else:
            return False
    return True
