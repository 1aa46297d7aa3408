"""Printed amounts: the spelling read back from the filing's own lines, never made up."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

from handmade import BASE, SMALL_LINES, small_filing
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from budgetkg.parser import parse_file
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, OBEU_MEASURE
from budgetkg.rdf.printed import printed_amount, source_lines
from budgetkg.rdf.validation import validate

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "filings").glob("*.txt"))


def test_grouping_and_decimals_are_kept() -> None:
    lines = ["项目支出 2,710.00 其他资金 0"]
    assert printed_amount(lines, (1, 1), D("2710.00"), "项目支出") == "2,710.00"
    assert printed_amount(lines, (1, 1), D("0"), "其他资金") == "0"


def test_only_the_cited_lines_are_read() -> None:
    lines = ["基本支出 100.00", "项目支出 200.00"]
    assert printed_amount(lines, (1, 1), D("200.00")) is None
    assert printed_amount(lines, (2, 2), D("200.00")) == "200.00"


def test_the_spelling_with_the_records_decimals_wins() -> None:
    # 5 and 5.00 on one line: the record's Decimal kept two decimals, so it was read from "5.00"
    assert printed_amount(["A 5 B 5.00"], (1, 1), D("5.00")) == "5.00"
    assert printed_amount(["A 5 B 5.00"], (1, 1), D("5")) == "5"


def test_ambiguity_without_a_label_is_unknown() -> None:
    lines = ["A 1,000 B 1000"]
    assert printed_amount(lines, (1, 1), D("1000")) is None
    assert printed_amount(lines, (1, 1), D("1000"), "B") == "1000"


def test_a_number_is_never_cut_out_of_a_longer_one() -> None:
    assert printed_amount(["编号 12345.6"], (1, 1), D("345.6")) is None
    assert printed_amount(["金额 1,250.00"], (1, 1), D("250.00")) is None


def test_no_text_no_printed_amount() -> None:
    assert printed_amount(None, (1, 1), D("1")) is None


def test_source_lines_only_from_the_very_bytes_parsed(tmp_path: Path) -> None:
    copy = tmp_path / SEEDS[0].name
    shutil.copy(SEEDS[0], copy)
    filing = parse_file(copy)
    assert source_lines(filing) is not None
    copy.write_bytes(copy.read_bytes() + b"\n")  # the file changed since it was parsed
    assert source_lines(filing) is None
    copy.unlink()
    assert source_lines(filing) is None


def test_every_seed_amount_has_its_printed_text_of_equal_value() -> None:
    figures = 0
    for seed in SEEDS:
        graph = map_filing(parse_file(seed), BASE)
        for node in graph.subjects(RDF.type, BKG.BudgetFigure):
            printed, amount = graph.value(node, BKG.printedAmount), graph.value(node, OBEU_MEASURE.amount)
            assert isinstance(printed, Literal) and isinstance(amount, Literal), node
            assert D(str(printed).replace(",", "")) == amount.toPython()
            figures += 1
    assert figures >= 50


def test_a_figure_without_printed_text_is_a_warning_not_a_violation() -> None:
    graph = map_filing(small_filing(), BASE)  # its path does not exist: no text to read back
    assert not list(graph.objects(None, BKG.printedAmount))
    outcome = validate(graph, "t1")
    assert outcome.conforms
    shapes = {r.shape for r in outcome.results if r.severity == "warning"}
    assert shapes == {"https://w3id.org/budgetkg/shapes#PrintedAmount-present"}


def test_a_printed_text_that_disagrees_with_the_value_is_a_violation() -> None:
    graph = map_filing(small_filing(), BASE, SMALL_LINES)
    assert validate(graph, "t1").results == ()
    node = URIRef(BASE + "id/budget/t1/合计")
    graph.set((node, BKG.printedAmount, Literal("2,000.00")))
    outcome = validate(graph, "t1")
    assert not outcome.conforms
    assert {r.focus for r in outcome.results if r.severity == "violation"} == {str(node)}
