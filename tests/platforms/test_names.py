from __future__ import annotations

import pytest

from budgetkg.platforms.names import normal_name, within_one_edit


@pytest.mark.parametrize(
    ("printed", "normal"),
    [
        ("“穗智管”海珠分平台", "穗智管海珠分平台"),
        ("“数字海珠一张图“平台", "数字海珠一张图平台"),
        ("数字海珠一张图 智慧平台", "数字海珠一张图智慧平台"),
        ("广州市政务信息化项目管理系统（二期）", "广州市政务信息化项目管理系统"),
        ("禺智管中枢平台一期", "禺智管中枢平台"),
        ("2020年穗智管城市运行管理中枢", "穗智管城市运行管理中枢"),
        ("ＡＩ平台", "ai平台"),
    ],
)
def test_normal_name_folds_what_never_distinguishes_platforms(printed: str, normal: str) -> None:
    assert normal_name(printed) == normal


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("12345热线管理智能辅助平台", "12345热线管理职能辅助平台", True),  # substitution
        ("统一预约叫号评价系统", "统一预约叫取号评价系统", True),  # insertion
        ("abc", "abc", True),
        ("禺智管", "穗智管", True),  # close — which is why short names are never merged (see registry tests)
        ("海珠区政务云", "白云区政务云", False),
        ("数据中台", "数据底座", False),
    ],
)
def test_within_one_edit(a: str, b: str, close: bool) -> None:
    assert within_one_edit(a, b) is close
    assert within_one_edit(b, a) is close
