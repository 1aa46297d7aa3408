"""The unit vocabulary of target values: printed unit words → short stable codes → QUDT units.

A code is what ``records.Target.unit`` carries.  Codes are short and stable (the printed
Chinese word where one exists, ``s``/``Mbps``/``TB`` for the Latin ones) so that JSON stays
readable; the RDF layer turns them into QUDT IRIs with ``QUDT_UNIT`` — the ONE place where that
mapping lives.  A rate of a count (``≥=100000/年``, ``1次/季度``, ``每年审核60件``) is the count's
code (or nothing) plus ``/`` and the period: ``/年``, ``次/季度``, ``件/年``.
"""

from __future__ import annotations

from typing import Final

#: printed spelling → unit code.  Several spellings can share a code (秒 and s).
UNIT_SPELLINGS: Final[dict[str, str]] = {
    # ratios and scores
    "%": "%",
    "‰": "‰",  # per mille: 3‰ is 0.3 %, never a bare 3
    "百分点": "百分点",
    "分": "分",  # a score (市网站年度考评分数 大于85分), not minutes: 分钟 is matched first
    # time
    "ms": "ms",
    "毫秒": "ms",
    "s": "s",
    "秒": "s",
    "秒钟": "s",
    "分钟": "分钟",
    "min": "分钟",
    "小时": "小时",
    "个小时": "小时",
    "h": "小时",
    "天": "天",
    "日": "天",
    "工作日": "工作日",  # not a calendar day: kept apart, no QUDT unit
    "个工作日": "工作日",
    "周": "周",
    "个月": "月",
    "月": "月",
    "年": "年",
    # counts: one code per counter word, all dimensionless counts in QUDT
    "个": "个",
    "次": "次",
    "条": "条",
    "条次": "条次",
    "件": "件",
    "份": "份",
    "期": "期",
    "台": "台",
    "套": "套",
    "人": "人",
    "人次": "人次",
    "名": "人",
    "项": "项",
    "家": "家",
    "户": "户",
    "篇": "篇",
    "场": "场",
    "张": "张",
    "通": "通",
    "路": "路",
    "部": "部",
    "批": "批",
    "类": "类",
    "种": "种",
    "所": "所",
    "座": "座",
    "处": "处",
    "宗": "宗",
    "起": "起",  # incidents: 安全事故0起
    "本": "本",
    "册": "册",
    "块": "块",
    "间": "间",
    "核": "核",
    "辆": "辆",
    "艘": "艘",
    "株": "株",
    "棵": "株",
    "头": "头",
    "页": "页",
    "卷": "卷",
    "轮": "轮",
    "场次": "场次",
    "户次": "户次",
    "件次": "件次",
    "批次": "批次",
    "班次": "班次",
    "课时": "课时",
    "学时": "学时",
    # area and length
    "平方米": "平方米",
    "平米": "平方米",
    "m2": "平方米",  # NFKC turns ㎡ into m2
    "公里": "公里",
    "km": "公里",
    "米": "米",
    "平方公里": "平方公里",
    "公顷": "公顷",
    "立方米": "立方米",
    "亩": "亩",  # 666.67 m², the usual farmland measure: no QUDT unit, kept as its own code
    # mass
    "吨": "吨",
    "千克": "千克",
    "公斤": "千克",
    # money: 万元 is the filings' own currency unit; 元 stays as printed
    "万元": "万元",
    "元": "元",
    # data rates and sizes
    "Mbps": "Mbps",
    "Mb/s": "Mbps",
    "Mbit/s": "Mbps",
    "Gbps": "Gbps",
    "Gb/s": "Gbps",
    "Gbit/s": "Gbps",
    "TB": "TB",
    "GB": "GB",
    "MB": "MB",
}

#: bare bandwidth letters; they are only a unit when the indicator (or the text) is about 带宽
BANDWIDTH_SPELLINGS: Final[dict[str, str]] = {"M": "Mbps", "兆": "Mbps", "G": "Gbps"}

#: the codes that count things (the NUM unit, and the only codes that make rates)
COUNT_CODES: Final[frozenset[str]] = frozenset(
    {
        "个", "次", "条", "条次", "件", "份", "期", "台", "套", "人", "人次", "项", "家", "户", "篇", "场",
        "张", "通", "路", "部", "批", "类", "种", "所", "座", "处", "宗", "本", "册", "块", "间", "核", "起",
        "辆", "艘", "株", "头", "页", "卷", "轮", "场次", "户次", "件次", "批次", "班次", "课时", "学时",
    }
)  # fmt: skip

#: the periods a count can be a rate of (printed spelling → period code)
PERIODS: Final[dict[str, str]] = {
    "年": "年",
    "季度": "季度",
    "季": "季度",
    "月": "月",
    "周": "周",
    "天": "天",
    "日": "天",
    "小时": "小时",
}
#: the rates QUDT has a unit for
_QUDT_RATES: Final[dict[str, str]] = {"年": "NUM-PER-YR", "小时": "NUM-PER-HR"}

#: unit code → local name of the QUDT unit IRI (``http://qudt.org/vocab/unit/`` + name).
#: Codes absent here have no faithful QUDT unit (万元 and 元 are money: the RDF layer states
#: them with the currency and unit multiplier of the budget cube; 工作日, 百分点 have no QUDT unit).
QUDT_UNIT: Final[dict[str, str]] = {
    "%": "PERCENT",
    "‰": "PERMILLE",
    "分": "UNITLESS",  # a score on a points scale is a pure number
    "ms": "MilliSEC",
    "s": "SEC",
    "分钟": "MIN",
    "小时": "HR",
    "天": "DAY",
    "周": "WK",
    "月": "MO",
    "年": "YR",
    "平方米": "M2",
    "公里": "KiloM",
    "米": "M",
    "平方公里": "KiloM2",
    "公顷": "HA",
    "立方米": "M3",
    "吨": "TONNE",
    "千克": "KiloGM",
    "Mbps": "MegaBIT-PER-SEC",
    "Gbps": "GigaBIT-PER-SEC",
    "TB": "TeraBYTE",
    "GB": "GigaBYTE",
    "MB": "MegaBYTE",
    **{code: "NUM" for code in COUNT_CODES},
    **{f"{code}/{period}": rate for code in ("", *COUNT_CODES) for period, rate in _QUDT_RATES.items()},
}


def per_period(code: str | None, period: str) -> str | None:
    """The rate code of a count per ``period`` (``次``, 季度 → ``次/季度``; none, 年 → ``/年``).

    None when ``code`` is not a count (a percentage per year is not a rate we can state) or the
    period is not one of ``PERIODS``.
    """
    if period not in PERIODS or (code is not None and code not in COUNT_CODES):
        return None
    return f"{code or ''}/{PERIODS[period]}"


def qudt_unit(code: str | None) -> str | None:
    """QUDT local name for a unit code; None when the code has no faithful QUDT unit."""
    return QUDT_UNIT.get(code) if code is not None else None
