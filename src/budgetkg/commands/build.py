"""``budgetkg build [PATH …] [--store DIR]``: parse → map → platforms → validate → load.

PATHs are filings or directories of them (``*.txt``); the default is ``Settings.filings_dir``.
Each filing becomes one named graph, validated on its own in memory; mapping and validating the
filings (~70 % of a build, SHACL mostly) runs in one worker process per core, results taken in input
order so the loaded bytes are the same however the work is spread.  A filing that cannot be parsed
or whose graph violates a shape is reported (``FILE:LINE: message``) and not loaded; the others are,
with the platform registry, the cross-filing links, the curated organisation changes, the stored SHACL
report, the build's provenance, the DCAT/VoID catalogue (``{base}graph/catalog``) and the vocabulary
(ontology/*.ttl, labels of reused terms included, in ``{base}graph/vocabulary``: term labels then come
from the store on every backend), in one atomic ``replace_all``.  Exit 0 when every filing loaded; 1 when some were
quarantined (or none could be loaded: the previous store is then left as it was); 2 when the build
could not run.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from budgetkg.commands._stored import store_errors
from budgetkg.errors import BudgetkgError, ConfigError, InputError, StoreError
from budgetkg.parser import parse_paths
from budgetkg.platforms.graph import PlatformGraphs, platform_graphs
from budgetkg.rdf import iris, published
from budgetkg.rdf.catalog import BuildTimes, catalog_graph
from budgetkg.rdf.crosslinks import links_graph
from budgetkg.rdf.mapping import map_filing
from budgetkg.rdf.namespaces import BKG
from budgetkg.rdf.organisations import organisations_graph
from budgetkg.rdf.provenance import Input, build_graph
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.rdf.validation import Result, report_graph, validate
from budgetkg.rdf.vocabulary import ontology, shapes
from budgetkg.records import Filing
from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import SelectResult, Store

HELP = "parse, map, validate and load the filings into the store"
EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="filings or directories (default: data/filings)")
    parser.add_argument("--store", help="store directory or SPARQL endpoint URL (default: Settings.store)")


def input_files(paths: list[Path]) -> list[Path]:
    """Files named, and the ``*.txt`` of directories named, sorted so that the order given never matters."""
    files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files.update(p for p in path.glob("*.txt") if p.is_file())
        elif path.is_file():
            files.add(path)
        else:
            raise ConfigError(f"{path}: no such file or directory")
    return sorted(files, key=lambda p: (p.name, str(p)))


@dataclass
class Build:
    """What a build has gathered so far."""

    base: str
    graphs: dict[str, bytes] = field(default_factory=dict)
    inputs: list[Input] = field(default_factory=list)
    loaded: list[Filing] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: time spent in SHACL validation, summed over the filings (printed: it is most of a build)
    validation_seconds: float = 0.0

    def quarantine(self, path: str, sha256: str, problems: list[str]) -> None:
        self.inputs.append(Input(path, sha256, None, tuple(problems)))
        self.problems.extend(problems)

    def add_filing(self, filing: Filing, graph: Graph) -> None:
        self.record(filing, check_graph(filing, graph))

    def record(self, filing: Filing, checked: Checked) -> None:
        """Keep a checked filing's graph, or quarantine the filing with its violations."""
        self.validation_seconds += checked.seconds
        self.results.extend(checked.results)
        if checked.ntriples is None:
            self.quarantine(filing.source.path, filing.source.sha256, list(checked.problems))
            return
        name = iris.graph_iri(self.base, filing)
        self.graphs[str(name)] = checked.ntriples
        self.inputs.append(Input(filing.source.path, filing.source.sha256, name))
        self.loaded.append(filing)


@dataclass(frozen=True)
class Checked:
    """One filing's graph after SHACL validation: its N-Triples, or (None and) the lines quarantining it."""

    ntriples: bytes | None
    results: tuple[Result, ...]
    problems: tuple[str, ...]
    seconds: float


def check_graph(filing: Filing, graph: Graph) -> Checked:
    outcome = validate(graph, iris.filing_key(filing))
    violations = [r for r in outcome.results if r.severity == "violation"]
    if violations:
        problems = tuple(_located(filing.source.path, graph, r) for r in violations)
        return Checked(None, outcome.results, problems, outcome.seconds)
    return Checked(canonical_ntriples(graph), outcome.results, (), outcome.seconds)


def check_filing(filing: Filing, platform_mentions: Graph, base: str) -> Checked:
    """Map one filing (with its platform mentions) and validate it: the per-filing work of a build."""
    graph = map_filing(filing, base)
    graph += platform_mentions
    return check_graph(filing, graph)


def checked_filings(
    filings: Sequence[Filing], platforms: PlatformGraphs, base: str, workers: int | None = None
) -> Iterator[Checked]:
    """``check_filing`` of every filing, in the order given, spread over ``workers`` processes (default:
    one per core).  SHACL validation is most of a build and each filing's is independent; results come
    back in input order, so the loaded bytes do not depend on which worker finishes first."""
    mentions = [platforms.per_filing.get(f.source.path, Graph()) for f in filings]
    workers = min(len(filings), os.cpu_count() or 1) if workers is None else workers
    if workers < 2:
        yield from map(check_filing, filings, mentions, [base] * len(filings))
        return
    shapes()  # parsed once here; the forked workers inherit it instead of each parsing the shapes files
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(check_filing, filings, mentions, [base] * len(filings))
    except BrokenProcessPool:  # a worker killed from outside (out of memory …): say so, not a traceback
        raise BudgetkgError("a worker process checking the filings died; nothing was loaded") from None


def _located(path: str, graph: Graph, result: Result) -> str:
    """``FILE:LINE: message`` for a SHACL result, the line being where its focus node was read."""
    line = graph.value(URIRef(result.focus), BKG.firstLine)
    where = f"{path}:{line if line is not None else 0}"
    shape = result.shape.rsplit("#", 1)[-1]
    return f"{where}: {shape}: {result.message} ({result.focus})"


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def previous_issued(store: Store, base: str) -> datetime | None:
    """When the data in ``store`` was first issued (its catalogue's dct:issued), so a rebuild keeps it."""
    graph = iris.special_graph_iri(base, "catalog")
    try:
        result = store.query(
            f"SELECT ?issued WHERE {{ GRAPH <{graph}> {{ ?d a <http://www.w3.org/ns/dcat#Catalog> ; "
            "<http://purl.org/dc/terms/issued> ?issued } }"
        )
    except StoreError:  # no store built yet: this build is the first issue
        return None
    if not isinstance(result, SelectResult):
        return None
    for row in result.rows:
        value = row.get("issued")
        if isinstance(value, Literal) and isinstance(value.toPython(), datetime):
            issued: datetime = value.toPython()
            return issued
    return None


def _catalog(build: Build, store: Store, started: datetime) -> None:
    """The DCAT/VoID description of everything about to be loaded, validated like any other graph."""
    ended = datetime.now(UTC)
    times = BuildTimes(started=started, modified=ended, issued=previous_issued(store, build.base) or started)
    catalog = catalog_graph(build.base, build.graphs, build.loaded, times)
    outcome = validate(catalog, "catalog")
    if outcome.conforms:
        build.graphs[str(iris.special_graph_iri(build.base, "catalog"))] = canonical_ntriples(catalog)
    else:
        build.problems.append("catalog: the dataset description violates its shapes and was not loaded")
        build.problems.extend(f"catalog: {r.message} ({r.focus})" for r in outcome.results if r.severity == "violation")


def run(args: argparse.Namespace, settings: Settings) -> int:
    settings = settings.with_overrides(store=args.store)
    base = settings.base_iri
    started = datetime.now(UTC)
    files = input_files([Path(p) for p in args.paths] or [settings.filings_dir])
    build = Build(base)
    parsed: list[Filing] = []
    seen: dict[str, str] = {}
    for path, result in zip(files, parse_paths(files), strict=True):
        if isinstance(result, InputError):
            build.quarantine(str(path), _sha256(path), [str(result)])
        elif iris.filing_key(result) in seen:
            # the key is the file name stem: two files may not share it, or one would overwrite the other
            clash = (
                f"{path}:0: filing key {iris.filing_key(result)!r} is already used by {seen[iris.filing_key(result)]}"
            )
            build.quarantine(str(path), result.source.sha256, [clash])
        else:
            seen[iris.filing_key(result)] = str(path)
            parsed.append(result)
    platforms = platform_graphs(parsed, base)
    for filing, checked in zip(parsed, checked_filings(parsed, platforms, base), strict=True):
        build.record(filing, checked)
    for line in build.problems:
        print(line, file=sys.stderr)
    reported = len(build.problems)
    if not build.loaded:
        print("budgetkg build: no filing could be loaded; the store is left as it was", file=sys.stderr)
        return EXIT_PROBLEMS
    links = links_graph(build.loaded, base)
    link_outcome = validate(links, "links")
    build.results.extend(link_outcome.results)
    if not link_outcome.conforms:  # a bug in the linker must not take the filings down with it
        build.problems.append("links: the cross-filing links violate their shapes and were not loaded")
        links = Graph()
    organisations = organisations_graph(base)
    organisation_outcome = validate(organisations, "organisations")
    build.results.extend(organisation_outcome.results)
    if not organisation_outcome.conforms:  # curated data without its source is left out, and said so
        build.problems.append("organisations: the curated changes violate their shapes and were not loaded")
        organisations = Graph()
    filing_nodes = {iris.filing_key(f): iris.filing_iri(base, f) for f in build.loaded}
    special = {
        name: str(iris.special_graph_iri(base, name)) for name in ("platforms", "links", "validation", "organisations")
    }
    build.graphs[special["platforms"]] = canonical_ntriples(platforms.registry)
    build.graphs[special["organisations"]] = canonical_ntriples(organisations)
    build.graphs[special["links"]] = canonical_ntriples(links)
    build.graphs[special["validation"]] = canonical_ntriples(report_graph(base, build.results, filing_nodes))
    # the vocabulary is published with the data so SPARQL users and pages read term labels from the store
    build.graphs[str(published.vocabulary_graph_iri(base))] = canonical_ntriples(ontology())
    provenance = build_graph(base, started, datetime.now(UTC), sorted(build.inputs, key=lambda i: i.path))
    build.graphs[str(iris.special_graph_iri(base, "build"))] = canonical_ntriples(provenance)
    with store_errors(settings.store):
        store = open_store(settings, workers=0)
        try:
            _catalog(build, store, started)
            store.replace_all(build.graphs)
        finally:
            store.close()
    for line in build.problems[reported:]:  # links or catalogue left out: said, not hidden
        print(line, file=sys.stderr)
    warnings = sum(1 for r in build.results if r.severity == "warning")
    print(
        f"loaded {len(build.loaded)} of {len(files)} filings into {settings.store} "
        f"({warnings} warnings, {len(build.inputs) - len(build.loaded)} quarantined; "
        f"SHACL validation {build.validation_seconds:.2f} s summed over the filings)"
    )
    for found in build.results:
        if found.severity == "warning":
            print(f"  warning {found.filing}: {found.message}")
    return EXIT_PROBLEMS if build.problems else EXIT_OK
