"""Target-value normalisation, table-driven.

``FROM_FILINGS`` holds target texts copied from data/filings/*.txt with the normalisation a careful
reader gives them (民法典 第1259条 for the boundary words; see parser/targets.py for the decisions
on several-targets-in-one-text, attain vs qualitative, OCR slips and bare ``M``).  A test checks
that every one of them really is printed in a filing, so the table cannot drift into invented
cases.  ``VARIANTS`` holds the real-world spellings DESIGN.md lists that the seeds do not print.
``SEVERAL_PARTS`` holds texts stating several measurable parts, each part with its label and reading;
the ones marked as printed are checked against the filings like ``FROM_FILINGS``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from expected_records import EXPECTED
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetkg.parser import parse_file
from budgetkg.parser.targets import parse_target
from budgetkg.parser.units import BANDWIDTH_SPELLINGS, QUDT_UNIT, UNIT_SPELLINGS
from budgetkg.records import SINGLE_VALUE_COMPARATORS, Target, TargetPart, to_json

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"

# expected normalisation: (comparator, value, min, max, unit); the records contract says ge/gt
# set min, le/lt set max, eq sets both, range sets min and max only.
Expected = tuple[str, Decimal | None, Decimal | None, Decimal | None, str | None]


def ge(value: str, unit: str | None = None) -> Expected:
    return ("ge", Decimal(value), Decimal(value), None, unit)


def gt(value: str, unit: str | None = None) -> Expected:
    return ("gt", Decimal(value), Decimal(value), None, unit)


def le(value: str, unit: str | None = None) -> Expected:
    return ("le", Decimal(value), None, Decimal(value), unit)


def lt(value: str, unit: str | None = None) -> Expected:
    return ("lt", Decimal(value), None, Decimal(value), unit)


def eq(value: str, unit: str | None = None) -> Expected:
    return ("eq", Decimal(value), Decimal(value), Decimal(value), unit)


def between(low: str, high: str, unit: str | None = None) -> Expected:
    return ("range", None, Decimal(low), Decimal(high), unit)


ATTAIN: Expected = ("attain", None, None, None, None)
QUALITATIVE: Expected = ("qualitative", None, None, None, None)

# (printed text, indicator name or None, expected)
FROM_FILINGS: list[tuple[str, str | None, Expected]] = [
    # ---- symbols, half- and full-width, and the ≥= typo
    (">=98%", None, ge("98", "%")),
    ("=100%", None, eq("100", "%")),
    ("<=5s", None, le("5", "s")),
    (">=4000000", None, ge("4000000")),
    ("≥98%", None, ge("98", "%")),
    ("＞20%", None, gt("20", "%")),
    ("≥=10", None, ge("10")),
    ("≥=95%", None, ge("95", "%")),
    ("≤=5s", None, le("5", "s")),
    ("≥=100000/年", None, ge("100000", "/年")),
    ("≧110", None, ge("110")),
    ("≧40亿条", None, ge("4000000000", "条")),
    ("≧90%", None, ge("90", "%")),
    ("≤21", None, le("21")),
    ("≤1", None, le("1")),
    ("≤5秒", None, le("5", "s")),
    ("≥6个月", None, ge("6", "月")),
    ("≥100%", None, ge("100", "%")),
    ("≥50万", None, ge("500000")),
    ("≥3万", None, ge("30000")),
    ("标准：＞90%", None, gt("90", "%")),
    # ---- a subject before the comparison
    ("上云系统数量≧110", None, ge("110")),
    ("云服务器数量≧550台", None, ge("550", "台")),
    ("覆盖站点数=320", None, eq("320")),
    ("智慧应用数量≧6个", None, ge("6", "个")),
    ("智能转派率≧80%", None, ge("80", "%")),
    ("云平台响应故障处理时间≦8小时", None, le("8", "小时")),
    ("全区平均办理时长≦10天", None, le("10", "天")),
    ("城市管理精细化管理效率提升≥50%", None, ge("50", "%")),
    ("制定技术标准规范数量≥3", None, ge("3")),
    ("系统正常运行率≥98%", None, ge("98", "%")),
    ("进驻部门考评覆盖率100%", None, eq("100", "%")),
    ("项目验收合格率100%", None, eq("100", "%")),
    ("基础应用支撑与能力开放平台系统对接数为 4", None, eq("4")),
    # ---- boundary words: inclusive (ge/le) …
    ("不少于3000个", None, ge("3000", "个")),
    ("不少于10亿条", None, ge("1000000000", "条")),
    ("不低于95%", None, ge("95", "%")),
    ("不低于85分", None, ge("85", "分")),
    ("90%以上", None, ge("90", "%")),
    ("达到90%以上", None, ge("90", "%")),
    ("98%以上", None, ge("98", "%")),
    ("5000次以上", None, ge("5000", "次")),
    ("100000条以上", None, ge("100000", "条")),
    ("2次或以上", None, ge("2", "次")),
    ("至少一次", None, ge("1", "次")),
    ("标准：不少于三次", None, ge("3", "次")),
    ("大于等于15个", None, ge("15", "个")),
    ("服务人数达20万以上", None, ge("200000")),
    ("标准：满意度95%以上。", None, ge("95", "%")),
    ("标准：综合评分达到 9 分或以上。", None, ge("9", "分")),
    ("标准：政务网络平均无故障时间达到99%", None, ge("99", "%")),
    ("广州市府门户网站年度访问量不少于 4500万次", None, ge("45000000", "次")),
    ("标准：每个镇街不少于 3 台", None, ge("3", "台")),
    ("标准：2023年推出不少于10个一件事套餐服务。", None, ge("10", "个")),
    ("（除新进人员、孕妇等特殊情况）98%以上", None, ge("98", "%")),
    ("标准：8省20个地区以上。", None, ge("20", "个")),
    ("败诉率不超过30%", None, le("30", "%")),
    ("系统对用户操作的响应时间不超过 5\n\n秒", None, le("5", "s")),
    # ---- … and exclusive (gt/lt)
    ("低于30%", None, lt("30", "%")),
    ("区政务公开工作投诉率低于5%", None, lt("5", "%")),
    ("大于85分", None, gt("85", "分")),
    ("大于95%", None, gt("95", "%")),
    ("超450个", None, gt("450", "个")),
    ("标准：建设完成率＞0。", None, gt("0")),
    # ---- bandwidth: M is Mbps only when the indicator is about 带宽
    ("2200M以上", "出口带宽数量", ge("2200", "Mbps")),
    (">=10000M", "电子政务外网主骨干带宽", ge("10000", "Mbps")),
    ("2200M以上", None, QUALITATIVE),
    # ---- a unit printed at the end of the indicator name applies when the value states none
    ("≤1", "恢复时间目标（小时）", le("1", "小时")),
    ("≥95", "省级考核得分（分）", ge("95", "分")),
    ("≥600万", "系统服务对象（个）", ge("6000000", "个")),
    ("≥10%", "年度业务增长率（%）", ge("10", "%")),
    ("为结对帮扶的贫困村解决1-2个实际困难和问题", "帮扶解决困难件数（件）", between("1", "2", "个")),
    ("≥700", "系统并发数（量）", ge("700")),
    ("满足", "是否满足性能指标 （定性）", QUALITATIVE),
    ("败诉率不超过30%", "诉讼败诉率(100%)", le("30", "%")),
    # ---- bare numbers and counts are eq
    ("100%", None, eq("100", "%")),
    ("85%", None, eq("85", "%")),
    ("99.5%", None, eq("99.5", "%")),
    ("99.99%", None, eq("99.99", "%")),
    ("20000", None, eq("20000")),
    ("12份", None, eq("12", "份")),
    ("2套", None, eq("2", "套")),
    ("22人", None, eq("22", "人")),
    ("标准：9台。", None, eq("9", "台")),
    ("148.75万件", None, eq("1487500", "件")),
    ("1200万通", None, eq("12000000", "通")),
    ("1200万", None, eq("12000000")),
    ("200项", None, eq("200", "项")),
    ("5个功能模块", None, eq("5", "个")),
    ("《舆情月报》12期", None, eq("12", "期")),
    ("标准:约800人次。", None, eq("800", "人次")),
    ("处理广州历史政策稿件2万件", None, eq("20000", "件")),
    ("系统支持30人业务并发处理", None, eq("30", "人")),
    ("支撑11个区完成排队预约数据汇聚工作 ", None, eq("11", "个")),
    ("视频会议系统覆盖至24个镇街", None, eq("24", "个")),
    ("编制1份电子政务网新建接入方式的建议", None, eq("1", "份")),
    # ---- remarks, quoted names and labels are not the target
    ("100%（特殊情况除外）", None, eq("100", "%")),
    ("按照市公布的数据表，100%达标", None, eq("100", "%")),
    ("100%，保证长远正常服务及数据安全", None, eq("100", "%")),
    ("标准：100%", None, eq("100", "%")),
    ("进驻部门全面配备“首席事务代表”＞90%", None, gt("90", "%")),
    # ---- ranges
    ("为结对帮扶的贫困村解决1-2个实际困难和问题。", None, between("1", "2", "个")),
    # ---- several targets in one text: qualitative as a whole (their parts: SEVERAL_PARTS)
    ("一般性操作≤5秒，一般性统计≤20秒，关键业务处理性能≥", None, QUALITATIVE),
    ("面向政府用户≥50或面向公众用户≥200", None, QUALITATIVE),
    (
        "《舆情月报》12期；《舆情季度报告》4期；动态信息监控短信252条次；《政务服务与数字政府资讯》12期。",
        None,
        QUALITATIVE,
    ),
    ("整合三台UPS为两台，报废三台UPS，UPS利用率提高50%", None, QUALITATIVE),
    # ---- achievements without a number
    ("完成项目终验", None, ATTAIN),
    ("标准：顺利通过验收。", None, ATTAIN),
    ("标准：编制完成并公布", None, ATTAIN),
    ("标准：完成年度计划数。", None, ATTAIN),
    ("标准：完成管理办法编制", None, ATTAIN),
    ("标准：高质量完成", None, ATTAIN),
    ("标准：完成机构增设。", None, ATTAIN),
    ("指标：完成年度任务数。", None, ATTAIN),
    ("完成周期计划数。", None, ATTAIN),
    # ---- qualitative
    ("满足", None, QUALITATIVE),
    ("较快", None, QUALITATIVE),
    ("标准：减少。", None, QUALITATIVE),
    ("标准:提升", None, QUALITATIVE),
    ("标准：提高。", None, QUALITATIVE),
    ("标准：及时支付。", None, QUALITATIVE),
    ("标准:按规定支付。", None, QUALITATIVE),
    ("标准：正常运行。", None, QUALITATIVE),
    ("标准：达到等保三级标准。", None, QUALITATIVE),
    ("标准：符合验收标准公共服务站数量", None, QUALITATIVE),
    ("年度完成政策解读数量不少于当年区新增政策数量", None, QUALITATIVE),
    (
        "监控关于海珠政务服务工作的正、负面相关言论或信息等，迅速采取措施，紧密观察，妥善处置，把负面不良影响降到最低。",
        None,
        QUALITATIVE,
    ),
]

# real-world spellings from DESIGN.md §1 that the five seeds do not print
VARIANTS: list[tuple[str, str | None, Expected]] = [
    ("292%", None, eq("292", "%")),  # OCR for ≥92%: kept as printed, never silently repaired
    ("≥=92%", None, ge("92", "%")),
    ("≥９８％", None, ge("98", "%")),
    ("＞＝９５％", None, ge("95", "%")),
    ("≦３０天", None, le("30", "天")),
    ("150万", None, eq("1500000")),
    ("≤90万元", None, le("90", "万元")),
    ("1亿元", None, eq("100000000", "元")),
    ("指标1:≥95%", None, ge("95", "%")),
    ("指标2：不少于5个", None, ge("5", "个")),
    ("1、不低于80%", None, ge("80", "%")),
    ("不少于1,000个", None, ge("1000", "个")),
    ("不少于1，000个", None, ge("1000", "个")),
    ("百分之九十以上", None, ge("90", "%")),
    ("不少于十二次", None, ge("12", "次")),
    ("两台", None, eq("2", "台")),
    ("5个工作日内", None, le("5", "工作日")),
    ("3天以内", None, le("3", "天")),
    ("不满18人", None, lt("18", "人")),
    ("超过90%以上", None, gt("90", "%")),
    ("达到5%以下", None, le("5", "%")),
    ("≥90%以下", None, QUALITATIVE),  # directions contradict: never guess
    ("95%-98%", None, between("95", "98", "%")),
    ("带宽≥1G", None, ge("1", "Gbps")),
    ("≥6Gbps", None, ge("6", "Gbps")),
    ("≥40TB", None, ge("40", "TB")),
    ("12345热线接通率≥95%", None, ge("95", "%")),
    ("5G网络覆盖率≥95%", None, ge("95", "%")),
    ("≥500件/年", None, ge("500", "件/年")),
    ("1次/季度", None, eq("1", "次/季度")),
    ("每季度不少于1次", None, ge("1", "次/季度")),
    ("预计信息化方案每年审核60件", None, eq("60", "件/年")),  # from 002's 指标内容
    ("≥95%/年", None, QUALITATIVE),  # a percentage per year is not a rate we can state
    ("安全事故0起", None, eq("0", "起")),
    ("≥100Mbit/s", None, ge("100", "Mbps")),
    ("未完成", None, QUALITATIVE),
    ("2023年", None, QUALITATIVE),
    ("一站式服务", None, QUALITATIVE),
    ("95%（含）以上", None, ge("95", "%")),
    ("不低于（含）95%", None, ge("95", "%")),
    ("3个内设机构", None, eq("3", "个")),  # 内设 is a word, not 以内
    ("增长率≥-5%", None, ge("-5", "%")),
    ("三分之一", None, QUALITATIVE),
    ("12月31日前完成", None, ATTAIN),  # a date, not 12 months
    ("2022-2023年", None, QUALITATIVE),
    ("24小时内", None, le("24", "小时")),
    ("提高5个百分点", None, eq("5", "百分点")),
]


def _as_expected(target: Target) -> Expected:
    return (target.comparator, target.value, target.min, target.max, target.unit)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def filings_text() -> str:
    return _squeezed("".join(path.read_text(encoding="utf-8") for path in sorted(FILINGS.glob("*.txt"))))


def test_the_table_is_large_enough() -> None:
    assert len(FROM_FILINGS) >= 60
    assert len({(text, name) for text, name, _ in FROM_FILINGS}) == len(FROM_FILINGS)


@pytest.mark.parametrize(("text", "indicator", "expected"), FROM_FILINGS, ids=[c[0][:20] for c in FROM_FILINGS])
def test_filing_texts_are_printed_in_a_filing(
    filings_text: str, text: str, indicator: str | None, expected: Expected
) -> None:
    assert _squeezed(text) in filings_text
    if indicator is not None:
        assert _squeezed(indicator) in filings_text


@pytest.mark.parametrize(
    ("text", "indicator", "expected"), FROM_FILINGS + VARIANTS, ids=[c[0][:20] for c in FROM_FILINGS + VARIANTS]
)
def test_normalisation(text: str, indicator: str | None, expected: Expected) -> None:
    target = parse_target(text, indicator)
    assert _as_expected(target) == expected
    assert target.text == text.strip()  # the printed text, always
    for number in (target.value, target.min, target.max):
        assert number is None or isinstance(number, Decimal)


def test_values_are_exact_decimals_in_one_spelling() -> None:
    target = parse_target("148.75万件")
    assert target.value == Decimal("1487500")
    assert str(target.value) == "1487500"  # no exponent, no trailing zeros: JSON gets an integer
    assert str(parse_target("99.50%").value) == "99.5"


def test_full_width_and_half_width_agree() -> None:
    pairs = [("≥９８％", "≥98%"), ("＞２０％", ">20%"), ("≧110", ">=110"), ("≥=10", "≥10"), ("１２份", "12份")]
    for wide, narrow in pairs:
        assert _as_expected(parse_target(wide)) == _as_expected(parse_target(narrow))


def test_changed_numbers_and_words_change_the_target() -> None:
    assert parse_target(">=98%").value != parse_target(">=97%").value
    assert parse_target("不少于30次").comparator != parse_target("超过30次").comparator
    assert parse_target("不超过30%").comparator != parse_target("低于30%").comparator
    assert parse_target("≤8小时").unit != parse_target("≤8天").unit
    assert parse_target("148.75万件").value != parse_target("148.75件").value


def test_the_indicator_name_only_disambiguates_bandwidth() -> None:
    assert parse_target("2200M以上", "出口带宽数量").unit == "Mbps"
    assert parse_target("2200M以上", "出口数量").comparator == "qualitative"
    assert parse_target("≥98%", "出口带宽数量") == parse_target("≥98%")


# ---- texts stating several parts: (printed, indicator, printed in a filing?, combine, parts)
# each part: (label, printed part, expected reading); a part with no number has no label
Part = tuple[str | None, str, Expected]
SEVERAL_PARTS: list[tuple[str, str | None, bool, str | None, list[Part]]] = [
    (
        "《舆情月报》12期；《舆情季度报告》4期；动态信息监控短信252条次；《政务服务与数字政府资讯》12期",
        "舆情监控",
        True,
        "all",
        [
            ("《舆情月报》", "《舆情月报》12期", eq("12", "期")),
            ("《舆情季度报告》", "《舆情季度报告》4期", eq("4", "期")),
            ("动态信息监控短信", "动态信息监控短信252条次", eq("252", "条次")),
            ("《政务服务与数字政府资讯》", "《政务服务与数字政府资讯》12期", eq("12", "期")),
        ],
    ),
    (
        "上报到广东省数据普查系统的信息系统数量不少于 3600个；"
        "与省电子政务统一身份认证平台粤政易账号认证对接不少于300个；"
        "使用系统申请办理的终验项目数量不少于 400个",
        "年度业务量",
        True,
        "all",
        [
            (
                "上报到广东省数据普查系统的信息系统数量",
                "上报到广东省数据普查系统的信息系统数量不少于 3600个",
                ge("3600", "个"),
            ),
            (
                "与省电子政务统一身份认证平台粤政易账号认证对接",
                "与省电子政务统一身份认证平台粤政易账号认证对接不少于300个",
                ge("300", "个"),
            ),
            ("使用系统申请办理的终验项目数量", "使用系统申请办理的终验项目数量不少于 400个", ge("400", "个")),
        ],
    ),
    (
        # no separator between the last two: split where a label and a compared quantity follow
        "一般性操作≤5秒，一般性统计≤20秒，关键业务处理性能≥6Gbps日志存储能力≥40TB",
        "态势感知处理性能",
        True,
        "all",
        [
            ("一般性操作", "一般性操作≤5秒", le("5", "s")),
            ("一般性统计", "一般性统计≤20秒", le("20", "s")),
            ("关键业务处理性能", "关键业务处理性能≥6Gbps", ge("6", "Gbps")),
            ("日志存储能力", "日志存储能力≥40TB", ge("40", "TB")),
        ],
    ),
    (
        "面向政府用户≥50或面向公众用户≥200",
        "系统并发数",
        True,
        "any",
        [("面向政府用户", "面向政府用户≥50", ge("50")), ("面向公众用户", "面向公众用户≥200", ge("200"))],
    ),
    (
        # 三台→两台 is a change, not two targets: that clause stays qualitative; 提高50% reads as eq
        # like 提高5个百分点 (the label keeps 提高, so the increase is not mistaken for a level)
        "整合三台UPS为两台，报废三台UPS，UPS利用率提高50%",
        "整合情况和升级优化指标",
        True,
        "all",
        [
            (None, "整合三台UPS为两台", QUALITATIVE),
            ("报废UPS", "报废三台UPS", eq("3", "台")),
            ("UPS利用率提高", "UPS利用率提高50%", eq("50", "%")),
        ],
    ),
    # ---- made up: spellings the seeds do not print
    (
        "培训人数≥200人、培训场次≥10场、满意度≥90%",
        None,
        False,
        "all",
        [
            ("培训人数", "培训人数≥200人", ge("200", "人")),
            ("培训场次", "培训场次≥10场", ge("10", "场")),
            ("满意度", "满意度≥90%", ge("90", "%")),
        ],
    ),
    (
        # a 、 inside a label is no separator: only a 、 right after a quantity splits
        "服务申报、审批、拨付≥3个、其他≥5个",
        None,
        False,
        "all",
        [("服务申报、审批、拨付", "服务申报、审批、拨付≥3个", ge("3", "个")), ("其他", "其他≥5个", ge("5", "个"))],
    ),
    (
        "办理时限≤3个工作日或即办件比例≥60%",
        None,
        False,
        "any",
        [("办理时限", "办理时限≤3个工作日", le("3", "工作日")), ("即办件比例", "即办件比例≥60%", ge("60", "%"))],
    ),
    (
        "响应时间1-2小时；修复时间4~8小时",
        None,
        False,
        "all",
        [
            ("响应时间", "响应时间1-2小时", between("1", "2", "小时")),
            ("修复时间", "修复时间4~8小时", between("4", "8", "小时")),
        ],
    ),
    (
        "覆盖用户≥１２万户，数据量≥３．５亿条",
        None,
        False,
        "all",
        [("覆盖用户", "覆盖用户≥１２万户", ge("120000", "户")), ("数据量", "数据量≥３．５亿条", ge("350000000", "条"))],
    ),
    (
        # a thousands comma is no separator; 或等于 is a comparator word, not an alternative
        "投入不超过50万元，服务人次大于或等于1,000人次",
        None,
        False,
        "all",
        [
            ("投入", "投入不超过50万元", le("50", "万元")),
            ("服务人次", "服务人次大于或等于1,000人次", ge("1000", "人次")),
        ],
    ),
    (
        "完成验收，系统数量≥3个，故障率≤1%",
        None,
        False,
        "all",
        [
            (None, "完成验收", ATTAIN),
            ("系统数量", "系统数量≥3个", ge("3", "个")),
            ("故障率", "故障率≤1%", le("1", "%")),
        ],
    ),
    (
        # 或 mixed with ，: no stated precedence, so no combination is claimed
        "标准：A类≥1个，B类≥2个或C类≥3个",
        None,
        False,
        None,
        [("A类", "A类≥1个", ge("1", "个")), ("B类", "B类≥2个", ge("2", "个")), ("C类", "C类≥3个", ge("3", "个"))],
    ),
    (
        # remarks in brackets stay in the label and the text, their digits are not read
        "（含12个镇街）接入≥30个；（不含村居）≥10个",
        None,
        False,
        "all",
        [
            ("（含12个镇街）接入", "（含12个镇街）接入≥30个", ge("30", "个")),
            ("（不含村居）", "（不含村居）≥10个", ge("10", "个")),
        ],
    ),
    (
        "恢复时间≤2，备份周期≤24",
        "恢复时间目标（小时）",
        False,
        "all",
        [("恢复时间", "恢复时间≤2", le("2", "小时")), ("备份周期", "备份周期≤24", le("24", "小时"))],
    ),
]
SEVERAL_IDS = [case[0][:16] for case in SEVERAL_PARTS]


def _several_part_targets(path: Path) -> list[dict[str, Any]]:
    """Every target of a parsed filing that has parts, in the shape of expected/<stem>/target_parts.json."""
    filing = parse_file(str(path))
    indicators = [*filing.indicators, *(i for project in filing.projects for i in project.indicators)]
    found = []
    for indicator in indicators:
        for field in ("period_target", "annual_target"):
            target: Target | None = getattr(indicator, field)
            if target is not None and target.parts:
                parts = [
                    {k: str(v) if isinstance(v, Decimal) else v for k, v in asdict(p).items()} for p in target.parts
                ]
                found.append(
                    {
                        "lines": list(indicator.lines),
                        "target": field,
                        "text": target.text,
                        "combine": target.combine,
                        "parts": parts,
                    }
                )
    return found


@pytest.mark.parametrize("path", sorted(FILINGS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_the_seed_targets_with_parts_match_the_hand_written_fixture(path: Path) -> None:
    fixture = EXPECTED / path.stem / "target_parts.json"
    expected = json.loads(fixture.read_text(encoding="utf-8"))["targets"] if fixture.exists() else []
    assert _several_part_targets(path) == expected


def test_the_json_contract_carries_parts_and_how_they_combine() -> None:
    filing = to_json(parse_file(str(FILINGS / "003_11d3bda62f573b8b.txt")))
    targets = [i["annual_target"] for p in filing["projects"] for i in p["indicators"] if i["annual_target"]]
    assert all(list(t)[:6] == ["text", "comparator", "value", "min", "max", "unit"] for t in targets)  # unchanged
    either = next(t for t in targets if t["combine"] == "any")
    assert either["parts"][1] == {
        "label": "面向公众用户",
        "text": "面向公众用户≥200",
        "comparator": "ge",
        "value": 200,
        "min": 200,
        "max": None,
        "unit": None,
    }
    assert all(t["parts"] == [] and t["combine"] is None for t in targets if t["comparator"] != "qualitative")


def _part_as_expected(part: TargetPart) -> Expected:
    return (part.comparator, part.value, part.min, part.max, part.unit)


def test_the_several_parts_table_is_large_enough() -> None:
    assert len(SEVERAL_PARTS) >= 12
    assert len({case[0] for case in SEVERAL_PARTS}) == len(SEVERAL_PARTS)


@pytest.mark.parametrize(("text", "indicator", "printed", "combine", "parts"), SEVERAL_PARTS, ids=SEVERAL_IDS)
def test_several_parts_texts_marked_printed_are_printed(
    filings_text: str, text: str, indicator: str | None, printed: bool, combine: str | None, parts: list[Part]
) -> None:
    assert (_squeezed(text) in filings_text) == printed
    if printed and indicator is not None:
        assert _squeezed(indicator) in filings_text


@pytest.mark.parametrize(("text", "indicator", "printed", "combine", "parts"), SEVERAL_PARTS, ids=SEVERAL_IDS)
def test_several_parts(text: str, indicator: str | None, printed: bool, combine: str | None, parts: list[Part]) -> None:
    target = parse_target(text, indicator)
    assert _as_expected(target) == QUALITATIVE  # no single comparator states several measured things
    assert target.text == text
    assert target.combine == combine
    got = [(part.label, part.text, _part_as_expected(part)) for part in target.parts]
    assert got == parts


def test_texts_with_one_quantity_or_none_have_no_parts() -> None:
    for text in (
        "不少于3000个",
        "2次或以上",
        "100%，保证长远正常服务及数据安全",
        "迅速采取措施，紧密观察，妥善处置",
        ">=98%",
    ):
        target = parse_target(text)
        assert (target.parts, target.combine) == ((), None), text


def test_a_clause_whose_quantities_do_not_split_is_one_qualitative_whole() -> None:
    # a change from three to two states no two targets: nothing to split, no parts
    target = parse_target("整合三台UPS为两台")
    assert (target.comparator, target.parts) == ("qualitative", ())


def test_changed_parts_change_the_reading() -> None:
    base = parse_target("一般性操作≤5秒，一般性统计≤20秒")
    assert parse_target("一般性操作≤6秒，一般性统计≤20秒").parts[0].value != base.parts[0].value
    assert parse_target("一般性操作≤5秒或一般性统计≤20秒").combine != base.combine
    assert parse_target("一般性操作≤5秒，一般性统计≤20天").parts[1].unit != base.parts[1].unit
    assert parse_target("日常操作≤5秒，一般性统计≤20秒").parts[0].label != base.parts[0].label


def test_empty_text_is_qualitative() -> None:
    assert parse_target("  ") == Target(text="", comparator="qualitative")


# ---- properties over arbitrary text built from the characters targets are made of
_ALPHABET = (
    "0123456789.,-%≥≤><=≧≦＞＜＝０１９一二两三十百千万亿个次条件份台人天小时秒分月年"
    "以上下内不少低于超过达到至或及（）()“”《》：:；，。标准指标MGbpsT带宽完成提升 "
)


def _assert_consistent(target: Target | TargetPart) -> None:
    known_units = set(UNIT_SPELLINGS.values()) | set(BANDWIDTH_SPELLINGS.values()) | set(QUDT_UNIT)
    assert target.unit is None or target.unit in known_units
    if target.comparator in SINGLE_VALUE_COMPARATORS:
        assert isinstance(target.value, Decimal)
        assert target.min == (target.value if target.comparator in ("ge", "gt", "eq") else None)
        assert target.max == (target.value if target.comparator in ("le", "lt", "eq") else None)
    elif target.comparator == "range":
        assert target.value is None
        assert isinstance(target.min, Decimal)
        assert isinstance(target.max, Decimal)
    else:
        assert (target.value, target.min, target.max, target.unit) == (None, None, None, None)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=40), name=st.none() | st.text(alphabet=_ALPHABET, max_size=12))
def test_any_text_gives_a_consistent_target(text: str, name: str | None) -> None:
    target = parse_target(text, name)
    assert target.text == text.strip()
    _assert_consistent(target)
    if not target.parts:
        assert target.combine is None
        return
    assert len(target.parts) >= 2
    assert target.comparator == "qualitative"
    for part in target.parts:
        _assert_consistent(part)
        assert part.text and part.text in target.text  # each part is printed text, never rewritten
        assert part.label is None or part.comparator not in ("qualitative", "attain")
