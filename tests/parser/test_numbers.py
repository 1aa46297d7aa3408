"""Number reading: amounts, Chinese numerals, multipliers — always exact Decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetkg.parser.numbers import chinese_numeral, exact, parse_amount, parse_number, read_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2,571.09", "2571.09"), ("0", "0"), ("15,094.71", "15094.71"), ("583.95", "583.95"), (" 1,250.00 ", "1250.00")],
)
def test_amounts(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "万元", "1,25", "12,34.5", "2571.09万", "三"])
def test_not_amounts(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一", 1), ("两", 2), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("一百零五", 105),
     ("三千", 3000), ("〇", 0)],
)  # fmt: skip
def test_chinese_numerals(text: str, expected: int) -> None:
    assert chinese_numeral(text) == expected


@pytest.mark.parametrize("text", ["", "三五", "十百", "三级", "万"])
def test_not_chinese_numerals(text: str) -> None:
    assert chinese_numeral(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("148.75万", "1487500"), ("40亿", "4000000000"), ("600万", "6000000"), ("1,000", "1000"), ("１２", "12"),
     ("三", "3"), ("两千", "2000"), ("3千万", "30000000"), ("0.5", "0.5"), ("2万", "20000")],
)  # fmt: skip
def test_numbers_with_multipliers(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value == Decimal(expected)
    assert str(value) == expected  # one canonical spelling, no exponent


@pytest.mark.parametrize("text", ["", "万", "90万元", "12345热线", "≥5"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_exact_keeps_fractions_and_drops_exponents() -> None:
    assert str(exact(Decimal("1.48750E+6"))) == "1487500"
    assert str(exact(Decimal("99.50"))) == "99.5"
    assert exact(Decimal("0.125")) == Decimal("0.125")


@pytest.mark.parametrize(
    ("printed", "year"),
    [
        ("2024", 2024),
        ("1998", 1998),
        ("二〇二四", 2024),
        ("二零二三", 2023),
        ("二○二二", 2022),  # the circle ○ typed for 〇
        ("一九九九", 1999),
        ("二〇二", None),  # three digits are no year
        ("两〇二四", None),  # 两 never spells a year's digit
        ("二千零二十四", None),  # place values: a number, not a year as titles print it
        ("2124", None),
        ("二〇二四年", None),
    ],
)
def test_read_year(printed: str, year: int | None) -> None:
    assert read_year(printed) == year
