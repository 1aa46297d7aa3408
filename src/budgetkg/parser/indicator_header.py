"""Where the 绩效指标 table's header row stands: on one line, or one column title per line.

Extractions of a ruled table sometimes print each header cell on a line of its own
(``一级指标`` / ``二级指标`` / ``三级指标`` / ``实施周期指标值`` / ``年度指标值``, blank lines between or
not).  Both the layout (where the table starts) and the table reader (which lines are header)
ask here, so that the two never disagree.  The value-column titles after 三级指标 are read by
``indicator_labels`` as continuation lines of the header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: a header row on one line: 一级指标 二级指标 (…), perhaps with a cell between them
ONE_LINE = re.compile(r"一级指标\s*\S*\s*二级指标")
#: the level titles a header printed one title per line opens with, in order
_LEVEL_TITLES = ("一级指标", "二级指标", "三级指标")


def _bare(line: str) -> str:
    return "".join(line.split())


def stacked_end(lines: Sequence[str], index: int) -> int | None:
    """The 0-based index of the ``三级指标`` line when ``lines[index]`` is ``一级指标`` opening a header
    printed one title per line (blank lines allowed between the titles); None otherwise."""
    position = index
    for title in _LEVEL_TITLES:
        if title != _LEVEL_TITLES[0]:
            while position < len(lines) and not lines[position].strip():
                position += 1
        if position >= len(lines) or _bare(lines[position]) != title:
            return None
        position += 1
    return position - 1


def header_end(lines: Sequence[str], index: int) -> int | None:
    """The 0-based index of the last level-title line of a header starting at ``lines[index]``
    (``index`` itself for a one-line header); None when no header starts there."""
    if ONE_LINE.search(lines[index]):
        return index
    return stacked_end(lines, index)
