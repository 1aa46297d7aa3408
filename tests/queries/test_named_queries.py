"""Every named analyst query, run on the seed graph built from data/filings, checked against what the
filings say (DESIGN.md §1 facts, the cited source lines) and against other queries' answers."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from rdflib import Literal

from budgetkg.queries import NamedQuery, all_queries, named_query
from budgetkg.settings import DEFAULT_FILINGS_DIR
from budgetkg.store.base import SelectResult, Store, Term
from budgetkg.store.embedded import EmbeddedStore
from budgetkg.store.remote import RemoteStore

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

Row = dict[str, object]


def _value(term: Term | None) -> object:
    """A Python value: numbers as Decimal (never float), other terms as text."""
    if term is None:
        return None
    if (
        isinstance(term, Literal)
        and term.datatype is not None
        and str(term.datatype).endswith(("#decimal", "#integer", "#double", "#float", "#long", "#int"))
    ):
        return Decimal(str(term))
    return str(term)


def run(store: Store, name: str) -> list[Row]:
    result = store.query(named_query(name).sparql)
    assert isinstance(result, SelectResult) and not result.truncated
    return [{v: _value(row.get(v)) for v in result.variables} for row in result.rows]


def _select_one(store: Store, sparql: str) -> Decimal:
    result = store.query(sparql)
    assert isinstance(result, SelectResult)
    value = _value(next(iter(result.rows[0].values())))
    assert isinstance(value, Decimal)
    return value


def _source_lines(filing: str, lines: str) -> str:
    first, _, last = lines.partition("-")
    text = next(DEFAULT_FILINGS_DIR.glob(f"{filing}*.txt")).read_text(encoding="utf-8").splitlines()
    return "\n".join(text[int(first) - 1 : int(last or first)])


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")) for n in NUMBER.findall(text)}


# -- the catalogue ---------------------------------------------------------------------------------


def test_at_least_twelve_documented_queries() -> None:
    queries = all_queries()
    assert len(queries) >= 12
    for query in queries:
        assert query.title and query.question and query.columns, query.name


@pytest.mark.parametrize("query", all_queries(), ids=lambda q: q.name)
def test_each_query_answers_with_its_documented_columns(seed_store: EmbeddedStore, query: NamedQuery) -> None:
    result = seed_store.query(query.sparql)
    assert isinstance(result, SelectResult)
    assert result.variables == query.columns
    assert result.rows, f"{query.name} found nothing in the seed graph"


# -- money -----------------------------------------------------------------------------------------


def test_total_budget_by_district_and_level(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "budget_by_district_and_level")
    totals = {r["place"]: r["total"] for r in rows}
    # DESIGN.md §1: 海珠 spends 5281.09, 番禺 14994.71; 白云 项目支出 12993.72 + 基本支出 1422.84
    assert totals["海珠区"] == Decimal("5281.09")
    assert totals["番禺区"] == Decimal("14994.71")
    assert totals["白云区"] == Decimal("12993.72") + Decimal("1422.84")
    assert {r["level"] for r in rows} == {"district"}
    # the department overall filings only: a project table restates part of the same money
    assert len(rows) == len({r["filing"] for r in rows})


def test_basic_vs_project_adds_up_to_the_totals(seed_store: EmbeddedStore) -> None:
    split = {r["filing"]: r for r in run(seed_store, "basic_vs_project_by_department")}
    totals = {r["filing"]: r["total"] for r in run(seed_store, "budget_by_district_and_level")}
    assert split.keys() == totals.keys()
    for filing, row in split.items():
        basic, project = row["basic"], row["project"]
        assert isinstance(basic, Decimal) and isinstance(project, Decimal)
        total = totals[filing]
        assert isinstance(total, Decimal) and basic + project <= total  # other expenditure types may add to it
        share = row["projectShare"]
        assert isinstance(share, Decimal) and abs(share - project / (basic + project)) < Decimal("1e-9")
    haizhu = next(r for r in split.values() if "海珠" in str(r["department"]))
    assert haizhu["project"] == Decimal("2710.00")  # DESIGN.md §1


def test_largest_tasks_and_projects_are_sorted_and_traced_to_their_lines(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "largest_tasks_and_projects")
    amounts = [r["amount"] for r in rows]
    assert amounts == sorted(amounts, reverse=True)  # type: ignore[type-var]
    assert {r["kind"] for r in rows} == {"key task", "project"}
    for row in rows:
        filing = str(row["filing"]).rsplit("/", 1)[1]
        # the amount is printed within the lines the graph cites for the item
        assert row["amount"] in _numbers(_source_lines(filing, str(row["lines"]))), row


def test_project_sums_match_the_printed_total(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "project_sums_vs_totals")
    haizhu_projects = next(r for r in rows if str(r["filing"]).startswith("001"))
    # DESIGN.md §1: 001's projects add up to its 合计 1250.00
    assert haizhu_projects["projectSum"] == haizhu_projects["printedTotal"] == Decimal("1250.00")
    assert haizhu_projects["difference"] == 0


def test_arithmetic_warnings_report_the_known_gaps(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "arithmetic_warnings")
    numbers_by_filing: dict[str, set[Decimal]] = {}
    for row in rows:
        numbers_by_filing.setdefault(str(row["filing"])[:3], set()).update(_numbers(str(row["message"])))
    # DESIGN.md §1: the data-quality facts a careful reader finds
    assert {Decimal("2582.30"), Decimal("2710.00")} <= numbers_by_filing["000"]  # 海珠 tasks vs 项目支出
    assert {Decimal("14994.71"), Decimal("15094.71")} <= numbers_by_filing["002"]  # 番禺 gap 100.00
    assert {Decimal("11142.06"), Decimal("12993.72")} <= numbers_by_filing["004"]  # 白云 tasks vs 项目支出
    assert Decimal("5281.09") in numbers_by_filing["000"]  # 海珠 sources printed as 0


# -- targets and indicators ------------------------------------------------------------------------


def test_high_targets_are_at_least_98_percent(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "high_targets_with_platforms")
    assert rows
    for row in rows:
        threshold = row["threshold"]
        assert isinstance(threshold, Decimal) and threshold >= 98
        assert threshold in _numbers(str(row["target"]))  # the printed target says so
    assert any(r["platform"] for r in rows), "no high target is tied to a platform"


def test_the_same_indicator_kind_across_districts(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "indicator_kind_across_districts")
    for row in rows:
        assert str(row["kind"]) in str(row["indicator"]).replace("及时", "")
    kinds = {r["kind"] for r in rows}
    assert kinds == {"通勤率", "满意度", "故障响应率", "数据查询速度"}
    places_per_kind = {k: {r["place"] for r in rows if r["kind"] == k} for k in kinds}
    assert len(places_per_kind["满意度"]) >= 2  # satisfaction is measured in several places


def test_targets_by_unit_account_for_every_target(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "targets_by_unit")
    targets = _select_one(
        seed_store,
        "PREFIX bkg: <https://w3id.org/budgetkg/def#> SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE "
        "{ ?i a bkg:Indicator ; bkg:annualTarget|bkg:periodTarget ?t }",
    )
    assert sum(r["targets"] for r in rows) == targets  # type: ignore[misc]
    by_unit = {r["unit"]: r["targets"] for r in rows}
    assert by_unit["PERCENT"] == max(v for k, v in by_unit.items() if k != "(none)")  # type: ignore[type-var]


def test_indicators_without_numeric_target_print_no_plain_number(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "indicators_without_numeric_target")
    assert rows
    plain_number = re.compile(r"^[≥≤<>=]*\s*\d+(\.\d+)?\s*[%％]?[。.]?$")
    for row in rows:
        # a target printed as just a number (``95%``, ``≥98%``) must have been read as one
        for printed in str(row["target"] or "").split(" | "):
            assert not plain_number.match(printed.strip()), row


#: the targets of the seeds that state several measurable parts, read off the filings by hand
#: (filing, cited lines, indicator) → (how the parts combine, the units of the parts in printed order)
SEVERAL_PART_TARGETS: dict[tuple[str, str, str], tuple[str, list[str | None]]] = {
    # 000 lines 291-299 (the 三级指标 cell prints the target text itself): 《舆情月报》12期；… four counts
    (
        "000_1727bbf5e7ead3fa",
        "291-299",
        "《舆情月报》12期；《舆情季度报告》4期；动态信息监控短信252条次；《政务服务与数字政府资讯》12期。",
    ): ("all", ["期", "期", "条次", "期"]),
    # 001 line 13: the same four counts, printed as both the period and the annual target
    ("001_4e5792c3d5397443", "13-13", "舆情监控"): ("all", ["期", "期", "条次", "期"] * 2),
    # 003 lines 123-125: three 不少于 N个 counts
    ("003_11d3bda62f573b8b", "123-125", "年度业务量"): ("all", ["个", "个", "个"]),
    # 003 lines 144-146: ≤5秒，≤20秒，≥6Gbps, ≥40TB
    ("003_11d3bda62f573b8b", "144-146", "态势感知处理性能"): ("all", ["s", "s", "Gbps", "TB"]),
    # 003 line 256: 整合三台UPS为两台 (a change: no number), 报废三台UPS, UPS利用率提高50%
    ("003_11d3bda62f573b8b", "256-256", "整合情况和升级优化指标"): ("all", [None, "台", "%"]),
    # 003 line 405: 面向政府用户≥50或面向公众用户≥200, no unit printed
    ("003_11d3bda62f573b8b", "405-405", "系统并发数"): ("any", [None, None]),
}


def test_target_parts_lists_each_several_part_target_with_its_parts(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "target_parts")
    found: dict[tuple[str, str, str], tuple[str, list[str | None]]] = {}
    for row in rows:
        key = (str(row["filing"]), str(row["lines"]), str(row["indicator"]))
        combine, units = found.setdefault(key, (str(row["combine"]), []))
        assert str(row["combine"]) == combine
        units.append(None if row["unit"] is None else str(row["unit"]))
        # every part is printed on the lines its target cites
        assert re.sub(r"\s+", "", str(row["printed"])) in re.sub(r"\s+", "", _source_lines(key[0][:3], key[1]))
        if row["comparator"] in ("ge", "gt", "le", "lt", "eq"):
            assert isinstance(row["value"], Decimal) and row["label"], row
        else:
            assert row["value"] is None and row["label"] is None, row
    assert found == SEVERAL_PART_TARGETS


def test_indicators_whose_target_parts_state_numbers_have_a_numeric_target(seed_store: EmbeddedStore) -> None:
    listed = {(str(r["filing"]), str(r["indicator"])) for r in run(seed_store, "indicators_without_numeric_target")}
    # each several-part target above has a part with a number: its indicator is no longer listed
    for filing, _, indicator in SEVERAL_PART_TARGETS:
        assert (filing, indicator) not in listed
    # … while indicators whose targets state no number at all still are (002: 完成年度计划数 …)
    assert any(filing.startswith("002") for filing, _ in listed)


def test_inferred_categories_come_from_the_sibling_filing(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "inferred_categories")
    assert rows
    for row in rows:
        # DESIGN.md §1: 001 states the categories that 000's layout leaves ambiguous
        assert str(row["filing"]).startswith("000")
        assert "/001_" in str(row["evidence"])
        assert row["category"] and row["reason"]
    per_category = {r["level1"]: r for r in run(seed_store, "indicators_by_category")}
    assert per_category
    inferred_total = sum(r["inferred"] for r in run(seed_store, "indicators_by_category"))  # type: ignore[misc]
    assert inferred_total == len({r["indicator"] for r in rows})


def test_indicators_by_category_cover_every_indicator(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "indicators_by_category")
    indicators = _select_one(
        seed_store,
        "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a <https://w3id.org/budgetkg/def#Indicator> }",
    )
    assert sum(r["indicators"] for r in rows) == indicators  # type: ignore[misc]
    assert {r["level1"] for r in rows} >= {"output", "benefit", "satisfaction"}


def test_filings_overview(seed_store: EmbeddedStore) -> None:
    rows = {str(r["filing"])[:3]: r for r in run(seed_store, "filings_overview")}
    seeds = sorted(p.name[:3] for p in DEFAULT_FILINGS_DIR.glob("*.txt"))
    assert sorted(rows) == seeds
    # DESIGN.md §1: 000 has 8 总体绩效目标 and 10 重点工作任务; 003 has 20 projects
    assert (rows["000"]["goals"], rows["000"]["tasks"]) == (8, 10)
    assert rows["003"]["projects"] == 20


# -- platforms -------------------------------------------------------------------------------------


def test_platforms_by_family_and_district_count_every_platform(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "platforms_by_family_and_district")
    platforms = _select_one(
        seed_store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/budgetkg/def#Platform> }"
    )
    assert sum(r["platforms"] for r in rows) == platforms  # type: ignore[misc]
    assert all(r["funding"] is None or r["funding"] >= 0 for r in rows)  # type: ignore[operator]
    assert len({(r["family"], r["place"]) for r in rows}) == len(rows)


def test_suizhiguan_funding_reaches_the_hub(seed_store: EmbeddedStore) -> None:
    rows = run(seed_store, "suizhiguan_funding")
    assert any(r["platform"] == "穗智管" and r["kind"] == "project" for r in rows)
    for platform in {r["platform"] for r in rows}:
        ask = (
            "PREFIX bkg: <https://w3id.org/budgetkg/def#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            f'ASK {{ ?p skos:prefLabel "{platform}"@zh-Hans ; (bkg:subPlatformOf|bkg:componentOf)* ?hub . '
            '?hub skos:prefLabel "穗智管"@zh-Hans }'
        )
        assert seed_store.query(ask).value  # type: ignore[union-attr]
    assert Counter(r["kind"] for r in rows)["project"] >= 2


# -- the same answers on another engine -------------------------------------------------------------


def _comparable(rows: list[Row]) -> list[tuple[str, ...]]:
    def cell(value: object) -> str:
        if isinstance(value, Decimal):
            return f"{value.quantize(Decimal('0.000001')).normalize():f}"  # engines divide to different precision
        # GROUP_CONCAT has no order: compare its parts as a set
        return "" if value is None else " | ".join(sorted(str(value).split(" | ")))

    return sorted(tuple(cell(v) for v in row.values()) for row in rows)


@pytest.mark.virtuoso
@pytest.mark.parametrize("query", all_queries(), ids=lambda q: q.name)
def test_virtuoso_gives_the_same_answers(
    seed_store: EmbeddedStore, seed_virtuoso: RemoteStore, query: NamedQuery
) -> None:
    assert _comparable(run(seed_virtuoso, query.name)) == _comparable(run(seed_store, query.name))
