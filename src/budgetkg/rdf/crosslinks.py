"""Links between filings: the same indicator reported twice, and the categories one filing lends another.

A department-wide table (000) often leaves an indicator's 二级 category open (candidates only) while
the same department's project table (001) states it.  The graph then records a ``bkg:CategoryInference``
node — derived from the other indicator, with an explanation — and never a ``bkg:level2Category``
triple: nothing inferred looks like something printed.  These triples go to their own named graph
(``{base}graph/links``), built from the filings that were loaded, so a filing's graph stays exactly what
it prints and no link points into a quarantined filing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from budgetkg.rdf import iris
from budgetkg.rdf.codelists import concept_label
from budgetkg.rdf.namespaces import BKG, bind_prefixes
from budgetkg.records import Filing, Indicator, Project

# quotes of every width and style, and spaces: the printed variants of one indicator name
_NAME_NOISE = re.compile(r"[\s\"'“”‘’「」『』〝〞＂]")


def indicator_name_key(name: str) -> str:
    """The name two filings share when they report the same indicator."""
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", name))


@dataclass(frozen=True)
class Occurrence:
    """One indicator where it is printed."""

    filing: Filing
    indicator: Indicator
    owner: Project | None

    def iri(self, base: str) -> URIRef:
        return iris.indicator_iri(base, self.filing, self.indicator, self.owner)

    @property
    def stated(self) -> URIRef | None:
        """The most specific category the filing itself states."""
        level1, level2 = self.indicator.level1, self.indicator.level2
        if level2 is not None:
            return iris.category_iri(level2, level1)
        return iris.category_iri(level1) if level1 is not None else None


def occurrences(filing: Filing) -> Iterator[Occurrence]:
    for indicator in filing.indicators:
        yield Occurrence(filing, indicator, None)
    for project in filing.projects:
        for indicator in project.indicators:
            yield Occurrence(filing, indicator, project)


def _matches(filings: Sequence[Filing]) -> Iterator[tuple[Occurrence, list[Occurrence]]]:
    """Each indicator with its namesakes in the other filings of the same department."""
    groups: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
    for filing in filings:
        department = iris.department_key(filing.department.name)
        for occurrence in occurrences(filing):
            groups[(department, indicator_name_key(occurrence.indicator.name))].append(occurrence)
    for group in groups.values():
        for occurrence in group:
            others = [o for o in group if iris.filing_key(o.filing) != iris.filing_key(occurrence.filing)]
            if others:
                yield occurrence, others


def _admissible(occurrence: Occurrence, evidence: Occurrence) -> URIRef | None:
    """The category ``evidence`` states that ``occurrence`` leaves open and does not contradict."""
    own, other = occurrence.indicator, evidence.indicator
    if own.level2 is not None or other.level2 is None:
        # nothing open here, or nothing to lend at 二级: try the 一级
        if own.level1 is None and own.level2 is None and other.level1 is not None:
            return iris.category_iri(other.level1)
        return None
    if own.level1 is not None and other.level1 is not None and own.level1 != other.level1:
        return None  # the filings disagree on the 一级: no inference, the candidates stand
    if own.level2_candidates and other.level2 not in own.level2_candidates:
        return None
    return iris.category_iri(other.level2, other.level1 or own.level1)


def links_graph(filings: Iterable[Filing], base: str) -> Graph:
    """bkg:sameIndicatorAs links and category inferences among ``filings``."""
    ordered = sorted(filings, key=iris.filing_key)
    graph = bind_prefixes(Graph())
    for occurrence, others in _matches(ordered):
        node = occurrence.iri(base)
        for other in others:
            graph.add((node, BKG.sameIndicatorAs, other.iri(base)))
        _infer(graph, base, occurrence, others)
    return graph


def _infer(graph: Graph, base: str, occurrence: Occurrence, others: list[Occurrence]) -> None:
    proposals: dict[URIRef, list[Occurrence]] = defaultdict(list)
    for other in others:
        category = _admissible(occurrence, other)
        if category is not None:
            proposals[category].append(other)
    if len(proposals) != 1:
        return  # none, or filings that disagree: ambiguity stays visible as candidates
    [(category, evidence)] = proposals.items()
    node = iris.inference_iri(base, occurrence.filing, occurrence.indicator, occurrence.owner)
    graph.add((node, RDF.type, BKG.CategoryInference))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, BKG.inferredFor, occurrence.iri(base)))
    graph.add((node, BKG.inferredCategory, category))
    where = "、".join(
        f"{iris.filing_key(e.filing)} 第{e.indicator.lines[0]}–{e.indicator.lines[1]}行" for e in evidence
    )
    where_en = ", ".join(
        f"{iris.filing_key(e.filing)} lines {e.indicator.lines[0]}-{e.indicator.lines[1]}" for e in evidence
    )
    name_zh = concept_label(category, "zh-Hans") or str(category)
    name_en = concept_label(category, "en") or str(category)
    for e in evidence:
        graph.add((node, PROV.wasDerivedFrom, e.iri(base)))
    graph.add(
        (
            node,
            RDFS.comment,
            Literal(
                f"推断：同一部门另一文件（{where}）的同名指标载明类别“{name_zh}”；本文件版式未载明。", lang="zh-Hans"
            ),
        )
    )
    graph.add(
        (
            node,
            RDFS.comment,
            Literal(
                f"Inferred: the same department's indicator of the same name in another filing ({where_en}) "
                f"states the category '{name_en}'; this filing's layout does not.",
                lang="en",
            ),
        )
    )
