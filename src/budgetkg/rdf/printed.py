"""The printed spelling of an amount (``2,710.00``), found again on the lines the record came from.

Records carry amounts as Decimals: the value and the printed number of decimals survive (``2710.00``),
the thousands separators do not, and a store may rewrite an ``xsd:decimal`` canonically anyway
(Oxigraph stores ``2710.00`` as ``2710``).  So the mapper states the printed text beside the value,
read from the filing's own decoded lines (full-width digits already folded to ASCII by the parser's
decoder, one character for one).  It is never made up: when no number on those lines has the value,
or several different spellings do and none is closer to the figure's label, the text is unknown and
the figure carries none (a SHACL warning then says so).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from budgetkg.errors import InputError
from budgetkg.parser.numbers import ARABIC
from budgetkg.parser.text import decode
from budgetkg.records import Filing, Lines

# a whole number token: not the tail of a longer number, nor followed by more digits
_TOKEN = re.compile(rf"(?<![\d.,])-?(?:{ARABIC})(?![\d])")


def source_lines(filing: Filing) -> tuple[str, ...] | None:
    """The decoded lines of the file a filing was parsed from, or None when that file is gone or changed
    (its sha256 no longer matches): printed text is only ever read from the very bytes parsed."""
    try:
        data = Path(filing.source.path).read_bytes()
        text = decode(data, filing.source.path)
    except (OSError, InputError):
        return None
    return text.lines if text.sha256 == filing.source.sha256 else None


def _value(token: str) -> Decimal | None:
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def printed_amount(lines: Sequence[str] | None, where: Lines, amount: Decimal, label: str | None = None) -> str | None:
    """The spelling of ``amount`` on lines ``where`` (1-based, inclusive) of ``lines``; None when unknown.

    Among the numbers of equal value, one written with the same digits as the Decimal (same number of
    decimals) is preferred; if different spellings still remain, the first one after ``label`` on a line
    holding it; otherwise there is no single answer and None is returned.
    """
    if lines is None:
        return None
    first, last = where
    found: list[tuple[str, int, int]] = []  # spelling, line index, column
    for index in range(max(first, 1) - 1, min(last, len(lines))):
        for match in _TOKEN.finditer(lines[index]):
            if _value(match.group()) == amount:
                found.append((match.group(), index, match.start()))
    plain = format(amount, "f")
    same_digits = [f for f in found if f[0].replace(",", "") == plain]
    candidates = same_digits or found
    spellings = {spelling for spelling, _, _ in candidates}
    if len(spellings) <= 1:
        return next(iter(spellings), None)
    if label:
        for spelling, index, column in candidates:
            at = lines[index].find(label)
            if 0 <= at < column:
                return spelling
    return None
