"""Where a target text that states several measurable parts splits, and how its parts combine.

Pure structure: this module reads no numbers.  ``targets.parse_target`` gives it a *view* of the
printed text (the same length, character for character, with quoted names and remarks blanked out so
that their punctuation and digits do not count) and the spans of the quantities it found there; it
answers with the spans of the clauses (in the printed text) and how they combine.

How a text is split, by structure only:

1. At the clause separators ``；;，,。`` and ``或`` (not the ``或`` of 或以上/或者以上/或等于, not a
   thousands comma between digits such as ``1,000``).  ``或`` joins alternatives (``any``); the others
   join conjunctions (``all``).
2. A clause that still holds several quantities is split after each of them, when what follows is
   ``、`` (an enumeration: ``A≥3个、B≥5个``) or a label and a quantity with its own comparison word
   (``关键业务处理性能≥6Gbps日志存储能力≥40TB``); these joins are conjunctions (``all``).  When any
   gap is neither (``整合三台UPS为两台``: a change from three to two, not two targets), the clause is
   not split: it stays one part, which its own reading leaves qualitative.
3. A text whose separators mix ``或`` with conjunctions (``A≥1，B≥2或C≥3``) has no stated precedence:
   its parts are listed, their combination is ``None`` — never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from budgetkg.records import Combine

#: clause separators; a comma between digits is tested apart (it may be a thousands separator)
_SEPARATOR = re.compile(r"[；;，,。]|或(?!以|者以|等于)")
_THOUSANDS = re.compile(r"(?<=\d)[，,]\d{3}(?!\d)")
_ENUMERATION = "、"


@dataclass(frozen=True)
class QuantitySpan:
    """Where one quantity stands in the view; ``compared``: it has its own comparison word (≥, 不少于 …)."""

    start: int
    end: int
    compared: bool


@dataclass(frozen=True)
class Clause:
    """One part's span in the printed text and its quantity (None when it states none or several)."""

    start: int
    end: int
    quantity: QuantitySpan | None


@dataclass(frozen=True)
class Split:
    clauses: tuple[Clause, ...]
    combine: Combine | None


def _separators(view: str) -> list[tuple[int, int, Combine]]:
    found: list[tuple[int, int, Combine]] = []
    for match in _SEPARATOR.finditer(view):
        if match.group() in "，," and _THOUSANDS.match(view, match.start()):
            continue
        found.append((match.start(), match.end(), "any" if match.group() == "或" else "all"))
    return found


def _trimmed(view: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without its surrounding blanks; None when nothing is left."""
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _enumerated(view: str, start: int, end: int, inside: list[QuantitySpan]) -> list[tuple[int, int]] | None:
    """The sub-clauses of a clause holding several quantities (rule 2), or None when it does not split."""
    cuts: list[tuple[int, int]] = []  # (end of a sub-clause, start of the next)
    for current, following in pairwise(inside):
        gap = view[current.end : following.start]
        if _ENUMERATION in gap:
            at = current.end + gap.index(_ENUMERATION)
            cuts.append((at, at + 1))
        elif following.compared and gap.strip():
            cuts.append((current.end, current.end))
        else:
            return None
    bounds = [start, *(c for cut in cuts for c in cut), end]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def split_clauses(view: str, quantities: list[QuantitySpan]) -> Split:
    """The clauses of ``view`` (one per stated part) and how they combine; see the module docstring."""
    pieces: list[tuple[int, int]] = []
    joins: set[Combine] = set()
    pending: set[Combine] = set()  # separators seen since the last non-empty piece
    position = 0
    for sep_start, sep_end, kind in [*_separators(view), (len(view), len(view), "all")]:
        span = _trimmed(view, position, sep_start)
        position = sep_end
        if span is None:
            pending.add(kind)
            continue
        if pieces:
            joins |= pending
        pending = {kind}
        inside = [q for q in quantities if span[0] <= q.start < span[1]]
        sub = _enumerated(view, *span, inside) if len(inside) > 1 else None
        if sub:
            joins.add("all")
            pieces.extend(s for s in (_trimmed(view, *piece) for piece in sub) if s is not None)
        else:
            pieces.append(span)
    clauses = []
    for start, end in pieces:
        inside = [q for q in quantities if start <= q.start < end]
        clauses.append(Clause(start, end, inside[0] if len(inside) == 1 else None))
    combine: Combine | None = joins.pop() if len(joins) == 1 else None
    return Split(tuple(clauses), combine)
