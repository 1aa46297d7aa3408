"""Narrowing a record's line range to the lines that print one phrase (the line of evidence).

Records carry the line range of their whole row or cell; a mention or a quoted sentence sits on fewer
lines.  The filing is re-read (decoded exactly as the parser does) and the phrase is searched in the
record's lines with spaces and quotes removed, since cells wrap names over lines.  When the file cannot
be read or the phrase is not found as printed (the parser joined or repaired the text), the record's
own range is the evidence: never a guess outside it.
"""

from __future__ import annotations

from pathlib import Path

from budgetkg.errors import InputError
from budgetkg.parser.text import decode
from budgetkg.platforms.mentions import view_of
from budgetkg.records import Lines


class LineLocator:
    def __init__(self, lines: tuple[str, ...] | None) -> None:
        self._lines = lines
        self._cache: dict[Lines, tuple[str, tuple[int, ...]]] = {}

    @classmethod
    def for_file(cls, path: str) -> LineLocator:
        """A locator over the filing at ``path``; one that only echoes record ranges if it is unreadable."""
        try:
            text = decode(Path(path).read_bytes(), path)
        except (OSError, InputError):
            return cls(None)
        return cls(text.lines)

    def _flat(self, within: Lines) -> tuple[str, tuple[int, ...]]:
        if within not in self._cache:
            assert self._lines is not None
            chars: list[str] = []
            line_of: list[int] = []
            for number in range(within[0], min(within[1], len(self._lines)) + 1):
                flat = view_of(self._lines[number - 1]).text
                chars.append(flat)
                line_of.extend([number] * len(flat))
            self._cache[within] = ("".join(chars), tuple(line_of))
        return self._cache[within]

    def locate(self, phrase: str, within: Lines) -> Lines:
        """The lines inside ``within`` that print ``phrase``; ``within`` itself when it cannot tell."""
        if self._lines is None or within[0] < 1 or within[1] < within[0]:
            return within
        flat, line_of = self._flat(within)
        wanted = view_of(phrase).text
        at = flat.find(wanted) if wanted else -1
        if at < 0:
            return within
        return (line_of[at], line_of[at + len(wanted) - 1])
