"""``budgetkg dump``: every format parses back to the same quads/triples; N-Quads are byte-stable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from buildrun import cli, dump
from rdflib import Dataset, Graph, Literal
from rdflib.term import Node


def _value(term: Node) -> object:
    """Terms compared by meaning: rdflib's Turtle writes 85 as 85.0, the same xsd:decimal."""
    if isinstance(term, Literal) and term.value is not None and not term.language:
        return (term.datatype, term.value)
    return term


def test_nquads_are_sorted_and_stable(seed_store: Path, seed_dump: bytes) -> None:
    lines = seed_dump.splitlines()
    assert lines == sorted(lines)
    assert dump(seed_store) == seed_dump


def test_trig_keeps_the_named_graphs(seed_store: Path, seed_dataset: Dataset) -> None:
    trig = Dataset()
    trig.parse(data=dump(seed_store, "trig").decode(), format="trig")

    def meaning(data: Dataset) -> set[tuple[object, ...]]:
        return {(s, p, _value(o), g) for s, p, o, g in data.quads()}

    assert meaning(trig) == meaning(seed_dataset)


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_other_formats_hold_the_same_triples(seed_store: Path, seed_dataset: Dataset, fmt: str) -> None:
    text = dump(seed_store, fmt).decode()
    if fmt == "jsonld":
        json.loads(text)  # well-formed JSON first
        parsed = Dataset()
        parsed.parse(data=text, format="json-ld")
        triples = {(s, p, _value(o)) for s, p, o, _ in parsed.quads()}
    else:
        triples = {(s, p, _value(o)) for s, p, o in Graph().parse(data=text, format="turtle")}
    assert triples == {(s, p, _value(o)) for s, p, o, _ in seed_dataset.quads()}


def test_missing_store_cannot_run(tmp_path: Path) -> None:
    run = cli("dump", "--store", str(tmp_path / "none"))
    assert run.returncode == 2 and not run.stdout
