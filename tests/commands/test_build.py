"""``budgetkg build``: the real CLI on the real filings, into a real embedded Oxigraph store."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

from buildrun import ROOT, SEEDS, cli, dataset, dump
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from budgetkg.commands.build import Build, checked_filings
from budgetkg.errors import InputError
from budgetkg.parser import parse_paths
from budgetkg.platforms.graph import platform_graphs
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG, PREFIXES
from budgetkg.records import BudgetFigure, Department, Filing, Source
from budgetkg.settings import DEFAULT_BASE_IRI

BASE = DEFAULT_BASE_IRI
BUILD_GRAPH = BASE + "graph/build"
CATALOG_GRAPH = BASE + "graph/catalog"
PROV = "http://www.w3.org/ns/prov#"


def _without_build_graph(nquads: bytes) -> list[bytes]:
    """Everything but the two graphs that record when the build ran (its provenance and the catalogue)."""
    timed = tuple(f"<{name}> .".encode() for name in (BUILD_GRAPH, CATALOG_GRAPH))
    return [line for line in nquads.splitlines() if not line.endswith(timed)]


def test_one_named_graph_per_filing_plus_the_special_ones(seed_dataset: Dataset) -> None:
    names = {str(g.identifier) for g in seed_dataset.graphs() if len(g)}
    filings = {BASE + "graph/" + p.stem for p in SEEDS}
    special = {
        BASE + "graph/" + n
        for n in ("build", "platforms", "validation", "links", "catalog", "organisations", "vocabulary")
    }
    assert filings | special == names


def test_build_provenance_records_each_input(seed_dataset: Dataset) -> None:
    build = seed_dataset.graph(URIRef(BUILD_GRAPH))
    [activity] = build.subjects(RDF.type, URIRef(PROV + "Activity"))
    assert build.value(activity, URIRef(PROV + "startedAtTime")) is not None
    assert build.value(activity, URIRef(PROV + "endedAtTime")) is not None
    used = set(build.objects(activity, URIRef(PROV + "used")))
    assert len(used) == len(SEEDS)
    digests = {str(build.value(u, BKG.sha256)) for u in used}
    assert digests == {hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS}
    assert not set(build.objects(activity, BKG.quarantined))


def test_same_inputs_same_bytes_whatever_the_order(seed_dump: bytes, tmp_path: Path) -> None:
    copies = tmp_path / "elsewhere"
    copies.mkdir()
    for path in SEEDS:
        shutil.copy(path, copies / path.name)
    store = tmp_path / "store"
    run = cli("build", "--store", str(store), *map(str, reversed(sorted(copies.iterdir()))))
    assert run.returncode == 0, run.stderr.decode()
    assert _without_build_graph(dump(store)) == _without_build_graph(seed_dump)


def test_every_term_used_is_declared(seed_dataset: Dataset) -> None:
    ontology = Graph()
    for path in (ROOT / "ontology").glob("*.ttl"):
        ontology.parse(path, format="turtle")
    declared = {s for s, _, _ in ontology.triples((None, RDF.type, None))}
    used: set[URIRef] = set()
    for _, p, o, graph in seed_dataset.quads():
        assert isinstance(p, URIRef)
        if graph is not None and str(graph) == BASE + "graph/vocabulary":
            continue  # the vocabulary itself, published beside the data
        used.add(p)
        if p == RDF.type and isinstance(o, URIRef):
            used.add(o)
    reused = tuple(ns for prefix, ns in PREFIXES.items() if prefix not in ("bkg", "wd", "currency"))
    for term in used:
        if str(term).startswith(str(BKG)):
            assert term in declared, f"{term} is used but not declared in ontology/"
        else:
            assert str(term).startswith(reused), f"{term} is from no reused vocabulary"
    # the vocabulary went into its own graph only: the data graphs hold data
    assert OWL.Ontology not in used and RDFS.Class not in used


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_bad_filing_is_quarantined_others_loaded(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in SEEDS[3:]:
        shutil.copy(path, inputs / path.name)
    bad = _file(inputs, "999_bad.txt", "这不是一份绩效目标表\n只是两行字\n".encode())
    store = tmp_path / "store"
    run = cli("build", "--store", str(store), str(inputs))
    assert run.returncode == 1
    errors = run.stderr.decode().splitlines()
    assert any(line.startswith(f"{bad}:") and line.split(":")[1].isdigit() for line in errors), errors
    assert "Traceback" not in run.stderr.decode()
    data = dataset(store)
    names = {str(g.identifier) for g in data.graphs() if len(g)}
    assert {BASE + "graph/" + p.stem for p in SEEDS[3:]} <= names
    assert BASE + "graph/999_bad" not in names
    build = data.graph(URIRef(BUILD_GRAPH))
    assert {str(q) for q in build.objects(None, BKG.quarantined)} == {BASE + "id/filing/999_bad"}


def test_failed_build_leaves_previous_store(seed_store: Path, seed_dump: bytes, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(seed_store, store, symlinks=True)
    before = seed_dump
    bad = _file(tmp_path, "bad.txt", b"\xff\xfe not a filing\n")
    run = cli("build", "--store", str(store), str(bad))
    assert run.returncode == 1
    assert dump(store) == before


def test_missing_input_cannot_run(tmp_path: Path) -> None:
    run = cli("build", "--store", str(tmp_path / "s"), str(tmp_path / "nothing-here"))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr.decode()


def test_a_graph_with_violations_is_quarantined() -> None:
    negative = Filing(
        source=Source("x/neg.txt", "c" * 64, "utf-8"),
        form="department_overall",
        department=Department("某区某局", "district", "海珠区"),
        year=2024,
        budget=(BudgetFigure("基本支出", Decimal("-5.00"), (3, 3)),),
    )
    build = Build(BASE)
    build.add_filing(negative, map_filing(negative, BASE))
    assert not build.loaded and not build.graphs
    [problem] = build.problems
    assert problem.startswith("x/neg.txt:3: ")  # FILE:LINE of the offending figure
    [violation] = [r for r in build.results if r.severity == "violation"]
    assert violation.shape.endswith("#BudgetFigure-amount") and Decimal(violation.value or "") == Decimal("-5")


def test_filings_checked_in_worker_processes_give_what_one_process_gives() -> None:
    parsed = [f for f in parse_paths(SEEDS) if not isinstance(f, InputError)]
    assert len(parsed) == len(SEEDS) > 2
    platforms = platform_graphs(parsed, BASE)
    alone = list(checked_filings(parsed, platforms, BASE, workers=1))
    spread = list(checked_filings(parsed, platforms, BASE, workers=2))
    # same graphs, byte for byte, and the same findings, in the order of the filings
    assert [(c.ntriples, c.results, c.problems) for c in spread] == [(c.ntriples, c.results, c.problems) for c in alone]
    assert len({c.ntriples for c in alone}) == len(parsed)  # one distinct graph per filing, none lost


VOCABULARY_GRAPH = BASE + "graph/vocabulary"
SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")


def test_the_vocabulary_graph_holds_the_ontology_files(seed_dataset: Dataset) -> None:
    stored = seed_dataset.graph(URIRef(VOCABULARY_GRAPH))
    files = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        files.parse(path, format="turtle")
    assert len(stored) == len(files) > 0
    # every term declared in ontology/ is in the store, with its labels, so SPARQL users can read them
    for term in set(files.subjects(RDF.type, OWL.Class)) | set(files.subjects(RDF.type, OWL.ObjectProperty)):
        assert set(files.objects(term, RDFS.label)) == set(stored.objects(term, RDFS.label)), term


def _languages(graph: Graph, term: URIRef) -> set[str | None]:
    labels = [*graph.objects(term, RDFS.label), *graph.objects(term, SKOS_PREF)]
    return {getattr(label, "language", None) for label in labels}


def test_every_labelled_vocabulary_term_has_zh_hans_and_en_labels(seed_dataset: Dataset) -> None:
    stored = seed_dataset.graph(URIRef(VOCABULARY_GRAPH))
    labelled = {s for s in (*stored.subjects(RDFS.label), *stored.subjects(SKOS_PREF)) if isinstance(s, URIRef)}
    missing = sorted(str(t) for t in labelled if not {"zh-Hans", "en"} <= _languages(stored, t))
    assert not missing, missing


def test_reused_terms_shown_on_pages_get_labels_but_are_not_redefined(seed_dataset: Dataset) -> None:
    stored = seed_dataset.graph(URIRef(VOCABULARY_GRAPH))
    reused = Graph().parse(ROOT / "ontology" / "reused-terms.ttl", format="turtle")
    shown = [RDF.type, RDFS.label, URIRef("http://purl.org/dc/terms/spatial"), URIRef(PROV + "wasDerivedFrom"),
             SKOS_PREF, URIRef("http://www.w3.org/ns/org#Organization"), URIRef("https://schema.org/name")]  # fmt: skip
    for term in shown:
        assert {"zh-Hans", "en"} <= _languages(stored, term), term
    # labels only: no type, domain, range or definition of someone else's term
    assert set(reused.predicates()) == {RDFS.label}
    # and every predicate the filings' graphs use is labelled, ours or reused
    used = {
        p
        for g in seed_dataset.graphs()
        if str(g.identifier) != VOCABULARY_GRAPH
        for p in g.predicates()
        if isinstance(p, URIRef)
    }
    unlabelled = sorted(str(p) for p in used if not {"zh-Hans", "en"} <= _languages(stored, p))
    assert not unlabelled, unlabelled
