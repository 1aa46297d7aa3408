"""Small hand-made filings (records), so the RDF layer is tested without depending on the parser."""

from __future__ import annotations

from decimal import Decimal as D

from budgetkg.records import (
    BudgetFigure,
    Department,
    Filing,
    Finding,
    Goal,
    Indicator,
    Project,
    Source,
    Target,
    Task,
)

BASE = "https://kg.test/"

#: the text small_filing() was "parsed" from, line for line: where the mapper reads printed amounts back
SMALL_LINES: tuple[str, ...] = (
    "部门整体预算绩效目标申报表",
    "部门名称 广州市海珠区政务服务数据管理局",
    "基本支出 100.00 财政拨款 300.00",
    "项目支出 200.00 其他资金 0.00",
    "合计 200.00",
    "目标1：建设“数字海珠”平台",
    "",
    "平台建设 建设内容 200.00",
    "建成平台",
    "",
    "平台运维 本级 200.00 200.00 保障运维",
    "产出指标 数量指标 系统数量 ≥2个 95%",
    "",
    "响应及时率 ≥90%",
)


def small_filing(path: str = "fixtures/t1.txt", year: int | None = 2023) -> Filing:
    """A filing with one of everything, whose arithmetic adds up (no warnings)."""
    return Filing(
        source=Source(path=path, sha256="a" * 64, encoding="utf-8"),
        form="department_overall",
        department=Department(name="广州市海珠区政务服务数据管理局", level="district", district="海珠区"),
        year=year,
        budget=(
            BudgetFigure("基本支出", D("100.00"), (3, 3)),
            BudgetFigure("财政拨款", D("300.00"), (3, 3)),
            BudgetFigure("项目支出", D("200.00"), (4, 4)),
            BudgetFigure("其他资金", D("0.00"), (4, 4)),
            BudgetFigure("合计", D("200.00"), (5, 5)),
        ),
        goals=(Goal("目标1：建设“数字海珠”平台", (6, 7)),),
        tasks=(Task("平台建设", "建设内容", D("200.00"), "建成平台", (8, 9)),),
        projects=(
            Project(
                name="平台运维",
                unit="本级",
                amount=D("200.00"),
                goal="保障运维",
                lines=(11, 13),
                indicators=(
                    Indicator(
                        "产出指标",
                        "数量指标",
                        "系统数量",
                        (12, 12),
                        period_target=Target("≥2个", "ge", D("2"), min=D("2"), unit="个"),
                        annual_target=Target("95%", "eq", D("95"), D("95"), D("95"), "%"),
                    ),
                ),
                funding=(BudgetFigure("财政拨款", D("200.00"), (11, 11)),),
            ),
        ),
        indicators=(
            Indicator(
                None,
                None,
                "响应及时率",
                (14, 14),
                level2_candidates=("质量指标", "时效指标"),
                annual_target=Target("≥90%", "ge", D("90"), min=D("90"), unit="%"),
            ),
        ),
        findings=(Finding("info", "a note", (1, 1), "note"),),
    )
