"""The formatting filters and the template environment's safety switches."""

from __future__ import annotations

from decimal import Decimal

import pytest
from jinja2 import UndefinedError

from budgetkg.server import render, urls


def test_wan_keeps_two_decimals_and_thousands() -> None:
    assert render.wan(Decimal("1250")) == "1,250.00 万元"
    assert render.wan(Decimal("14994.71")) == "14,994.71 万元"


def test_yuan_is_exact_without_float() -> None:
    # 0.01 万元 is 100 元; a float round trip would give 99.99999…
    assert render.yuan(Decimal("0.01")) == "100.00 元"
    assert render.yuan(Decimal("5281.09")) == "52,810,900.00 元"
    assert render.yuan(Decimal("12345678901.23")) == "123,456,789,012,300.00 元"


def test_number_drops_trailing_zeros_without_exponent() -> None:
    assert render.number(Decimal("95.00")) == "95"
    assert render.number(Decimal("1E+3")) == "1000"
    assert render.number(Decimal("0.50")) == "0.5"


def test_not_a_number_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not a number"):
        render.wan("abc")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ge", Decimal("95"), None, None, "%"), "≥ 95 %"),
        (("lt", Decimal("3.50"), None, None, "天"), "< 3.5 天"),
        (("range", None, Decimal("10"), Decimal("20"), "个"), "10–20 个"),
        (("eq", Decimal("1"), None, None, None), "= 1"),
        (("attain", None, None, None, None), "达到 (attain)"),
        (("qualitative", None, None, None, None), "定性 (qualitative)"),
        ((None, None, None, None, None), "定性 (qualitative)"),
        (("ge", None, None, None, None), "ge (not normalised)"),
    ],
)
def test_target_normalised_text(
    args: tuple[str | None, Decimal | None, Decimal | None, Decimal | None, str | None], expected: str
) -> None:
    assert render.target(*args) == expected


def test_local_name() -> None:
    assert render.local_name("http://www.w3.org/ns/org#Organization") == "Organization"
    assert render.local_name("https://w3id.org/budgetkg/def/category/output") == "output"


def test_environment_escapes_and_refuses_undefined() -> None:
    env = render.make_environment(urls.IriMap("http://x.example/"))
    template = env.from_string("<p>{{ name }}</p>")
    assert template.render(name="<script>") == "<p>&lt;script&gt;</p>"
    with pytest.raises(UndefinedError):
        template.render()
