"""Which 一级/二级 a row of the indicator table belongs to, from the labels printed around it.

Two layouts exist:

* labels BEFORE their rows: a label sets the current category until the next one
  (``LabelsBefore``).  A 二级 printed without its 一级 (the 一级 cell lost to a page break) takes
  the 一级 the framework gives it *when that is unique*, and a Finding says so.
* labels AFTER their rows: each page block of rows is followed by the labels of the merged cells
  that cross it (``levels_after``).  One 二级 label → the block's rows get it.  Several → the
  extraction does not say which row is which: ``level2`` stays null and ``level2_candidates`` lists
  them; a 一级 that is not unique is null too, its candidates named in a Finding (the records have no
  ``level1_candidates``).

Nothing here guesses: every inference and every ambiguity is reported with its lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from budgetkg.categories import LEVEL2_BY_LEVEL1, level1_of
from budgetkg.parser.indicator_labels import Label
from budgetkg.records import Finding, Lines

#: 成本指标 is a 二级 under this 一级 (财预〔2015〕88号) and a 一级 of its own elsewhere (〔2021〕101号)
_COST_PARENT = "产出指标"


@dataclass(frozen=True)
class Levels:
    level1: str | None
    level2: str | None
    candidates: tuple[str, ...] = ()


def _span(lines: Lines | None) -> str:
    if lines is None:
        return "?"
    return str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}–{lines[1]}"


class LabelsBefore:
    """The current category while reading a table whose labels precede their rows."""

    def __init__(self) -> None:
        self.level1: str | None = None
        self.level2: str | None = None
        self.findings: list[Finding] = []
        self._level2_label: Label | None = None
        self._rows_since_level2 = 0

    def levels(self) -> Levels:
        if self.level2 is None and self.level1 is not None:
            # rows under a 一级 with no 二级 printed: any of its 二级, never a guess
            return Levels(self.level1, None, LEVEL2_BY_LEVEL1[self.level1])
        return Levels(self.level1, self.level2)

    def count_rows(self, count: int, rows: Lines | None = None) -> None:
        self._rows_since_level2 += count
        if count and self.level2 is None and self.level1 is not None:
            options = ", ".join(LEVEL2_BY_LEVEL1[self.level1])
            message = f"二级 not printed for rows {_span(rows)} under {self.level1}: one of {options}"
            self.findings.append(Finding("warning", message, rows, "level2_missing"))

    def apply(self, label: Label) -> None:
        if label.kind in ("marker", "caption"):
            return
        if label.kind == "either":
            is_level2 = self.level1 is not None and label.name in LEVEL2_BY_LEVEL1[self.level1]
            self._apply_level2(label) if is_level2 else self._apply_level1(label)
        elif label.kind == "level1":
            self._apply_level1(label)
        else:
            self._apply_level2(label)

    def finish(self) -> list[Finding]:
        self._close_level2()
        return self.findings

    def _close_level2(self) -> None:
        label = self._level2_label
        if label is not None and self._rows_since_level2 == 0:
            self.findings.append(
                Finding(
                    "info",
                    f"二级 {label.name} is printed with no indicator rows under it",
                    label.lines,
                    "empty_category",
                )
            )
        self._level2_label = None

    def _apply_level1(self, label: Label) -> None:
        if label.name != self.level1:
            # a repeated 一级 (page-top reprint) keeps the current 二级; a new one clears it
            self._close_level2()
            self.level1, self.level2 = label.name, None

    def _apply_level2(self, label: Label) -> None:
        if self._level2_label is not None and self._level2_label.name == label.name and self.level2 == label.name:
            return  # the same merged cell reprinted at a page top
        self._close_level2()
        self._level2_label, self._rows_since_level2 = label, 0
        self.level2 = label.name
        if self.level1 is not None and label.name in LEVEL2_BY_LEVEL1[self.level1]:
            return
        parents = level1_of(label.name)
        was = f"under {self.level1}" if self.level1 else "with no 一级 before it"
        if len(parents) == 1:
            self.level1 = parents[0]
            message = f"一级 not printed: {parents[0]} inferred from 二级 {label.name} (printed {was})"
            self.findings.append(Finding("info", message, label.lines, "level1_inferred"))
        else:
            self.level1 = None
            message = f"一级 unknown for 二级 {label.name} (printed {was}); candidates: {', '.join(parents)}"
            self.findings.append(Finding("warning", message, label.lines, "level1_ambiguous"))


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def levels_after(labels: list[Label], block: Lines) -> tuple[Levels, list[Finding]]:
    """The categories of a block of rows (lines ``block``) from the labels printed after it."""
    level1s = _unique([lb.name for lb in labels if lb.kind == "level1"])
    costs = [lb.name for lb in labels if lb.kind == "either"]
    if _COST_PARENT in level1s:
        level2s = _unique([lb.name for lb in labels if lb.kind == "level2"] + costs)
    else:
        level1s = _unique(level1s + costs)
        level2s = _unique([lb.name for lb in labels if lb.kind == "level2"])
    printed = _span((labels[0].lines[0], labels[-1].lines[1])) if labels else "?"
    where = f"rows {_span(block)}, labels printed after them at {printed}"
    findings: list[Finding] = []
    if len(level2s) > 1:
        findings.append(
            Finding("warning", f"二级 ambiguous for {where}: one of {', '.join(level2s)}", block, "level2_ambiguous")
        )
    elif not level2s:
        findings.append(Finding("warning", f"no 二级 label for {where}", block, "level2_missing"))
    parents = _unique([p for l2 in level2s for p in level1_of(l2)])
    possible = [p for p in level1s if p in parents] if level1s and parents else (level1s or parents)
    level1 = possible[0] if len(possible) == 1 else None
    if level1 is not None and not level1s:
        message = f"一级 not printed for {where}: {level1} inferred from 二级 {level2s[0]}"
        findings.append(Finding("info", message, block, "level1_inferred"))
    elif level1 is None:
        candidates = ", ".join(possible or level1s) or "none printed"
        findings.append(
            Finding("warning", f"一级 ambiguous for {where}: one of {candidates}", block, "level1_ambiguous")
        )
    if len(level2s) == 1:
        return Levels(level1, level2s[0]), findings
    return Levels(level1, None, tuple(level2s)), findings
