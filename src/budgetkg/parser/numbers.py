"""Numbers as printed in the filings, read as exact Decimals.

* ``parse_amount``: amounts in 万元 with thousands separators (``2,571.09``), nothing else.
* ``parse_number``: a number as written in a target value — Arabic digits with optional thousands
  separators, or Chinese numerals (三, 十二, 两, 一百零五), optionally followed by a multiplier
  (万, 亿, 千, 百万, 千万) that is applied exactly: ``148.75万`` → 1487500.
* ``read_year``: a year as a title prints it, in Arabic digits (``2024``) or spelled digit by digit
  in Chinese numerals (``二〇二四``, ``二零二三``, ``二○二二`` with the circle ○ often typed for 〇);
  ``YEAR`` is its regular-expression fragment.
* ``NUMBER`` and ``MULTIPLIER`` are the regular-expression fragments the target parser embeds, so
  that what counts as a number is defined once.

Full-width digits are folded by ``parser.text.fold`` before any of this runs.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from budgetkg.parser.text import fold

_AMOUNT = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")

#: Chinese digits and the place values below 万 (万 and 亿 are multipliers, applied apart)
CHINESE_DIGITS: Final[dict[str, int]] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CHINESE_PLACES: Final[dict[str, int]] = {"十": 10, "百": 100, "千": 1000}

#: multiplier words → power of ten; 万元 is the filings' money unit, so 万 is not read before 元
MULTIPLIERS: Final[dict[str, int]] = {"千万": 7, "百万": 6, "亿": 8, "万": 4, "千": 3}

_CHINESE_CHARS = "".join(CHINESE_DIGITS) + "".join(_CHINESE_PLACES)
#: Arabic digits (thousands separators only in groups of three) or a run of Chinese numerals
ARABIC: Final[str] = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE: Final[str] = f"[{_CHINESE_CHARS}]+"
NUMBER: Final[str] = f"{ARABIC}|{CHINESE}"
MULTIPLIER: Final[str] = "|".join(
    re.escape(word) + ("(?!元)" if word == "万" else "") for word in sorted(MULTIPLIERS, key=len, reverse=True)
)

#: a year's digits spelled one by one: the Chinese digits (not 两, never used in a year) and ○
_YEAR_DIGITS: Final[dict[str, int]] = {**{ch: d for ch, d in CHINESE_DIGITS.items() if ch != "两"}, "○": 0}
_YEAR_DIGIT_CHARS = "".join(_YEAR_DIGITS)
#: a budget year, 1900–2099: Arabic, or Chinese digit by digit (一九…, 二〇…/二零…/二○…)
YEAR: Final[str] = rf"(?:19|20)\d{{2}}|(?:一九|二[〇零○])[{_YEAR_DIGIT_CHARS}]{{2}}"

_NUMBER_WITH_MULTIPLIER = re.compile(rf"^(?P<num>{NUMBER})\s*(?P<mult>{MULTIPLIER})?$")


def parse_amount(text: str) -> Decimal | None:
    """``2,571.09`` → Decimal('2571.09'); None when the text is not a plain number."""
    cleaned = text.strip()
    if not _AMOUNT.match(cleaned):
        return None
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:
        return None


def chinese_numeral(text: str) -> int | None:
    """``三`` → 3, ``十二`` → 12, ``二十`` → 20, ``一百零五`` → 105; None if not a numeral below 万."""
    if not text or any(ch not in CHINESE_DIGITS and ch not in _CHINESE_PLACES for ch in text):
        return None
    total = 0
    digit: int | None = None
    last_place = 10_000
    for ch in text:
        if ch in CHINESE_DIGITS:
            if digit is not None and digit != 0 and CHINESE_DIGITS[ch] != 0:
                return None  # 三五: two digits in a row is an estimate, not one number
            digit = CHINESE_DIGITS[ch]
        else:
            place = _CHINESE_PLACES[ch]
            if place >= last_place:
                return None  # 十百: places must fall
            total += (1 if digit is None else digit) * place  # 十二: a leading 十 means 一十
            digit, last_place = None, place
    return total + (digit or 0)


def read_year(text: str) -> int | None:
    """``2024`` → 2024, ``二〇二四`` → 2024, ``二零二三`` → 2023; None for anything ``YEAR`` does not match.

    A year is read digit by digit (二〇二四 is not 二千零二十四), unlike ``chinese_numeral``'s place values.
    """
    if not re.fullmatch(YEAR, text):
        return None
    if text.isdigit():
        return int(text)
    return int("".join(str(_YEAR_DIGITS[ch]) for ch in text))


def exact(value: Decimal) -> Decimal:
    """One canonical spelling of a value: no exponent, no trailing zeros (1.4875E+6 → 1487500, 99.50 → 99.5).

    Done on the digits, not with ``quantize``/``normalize``: those round to the context's 28 digits.
    """
    digits = format(value, "f")
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return Decimal(digits)


def read_number(digits: str, multiplier: str | None = None) -> Decimal | None:
    """The value of one matched ``NUMBER`` with an optional ``MULTIPLIER`` word, exactly."""
    if digits[0].isdigit():
        try:
            value = Decimal(digits.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - NUMBER only matches valid digits
            return None
    else:
        numeral = chinese_numeral(digits)
        if numeral is None:
            return None
        value = Decimal(numeral)
    if multiplier:  # through the exponent, exactly: scaleb would round to 28 digits
        sign, digit_tuple, exponent = value.as_tuple()
        value = Decimal((sign, digit_tuple, int(exponent) + MULTIPLIERS[multiplier]))
    return exact(value)


def parse_number(text: str) -> Decimal | None:
    """``148.75万`` → 1487500, ``≧``-free ``1,000`` → 1000, ``三`` → 3, ``１２`` → 12; None otherwise."""
    match = _NUMBER_WITH_MULTIPLIER.match(fold(text.strip()))
    if match is None:
        return None
    return read_number(match["num"], match["mult"])
