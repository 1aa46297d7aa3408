"""records → RDF: one rdflib Graph per filing (the content of its named graph).

The graph holds what the filing prints and nothing else: no blank nodes, no timestamps, no absolute
paths, so the same filing gives the same triples whoever builds it, wherever, in whatever order.
Every goal, task, project, indicator, target, budget figure and finding carries its line range
(bkg:firstLine / bkg:lastLine / bkg:sourceLines) and prov:wasDerivedFrom the filing.

A target stating several measurable parts links each part (a bkg:TargetPart, the subclass of bkg:Target
for one part: its label, printed text, comparator, value(s) and unit, its position, the target's period
and lines) with bkg:targetPart, and says with bkg:partsCombine whether "all" parts or "any" one must be met.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from budgetkg.parser.units import qudt_unit
from budgetkg.rdf import iris
from budgetkg.rdf.codelists import budget_line, concept_label
from budgetkg.rdf.labels import ZH, add_labels
from budgetkg.rdf.namespaces import (
    BKG,
    CURRENCY,
    CV,
    OBEU_ATTRIBUTE,
    OBEU_DIMENSION,
    OBEU_MEASURE,
    ORG,
    QB,
    QUDT,
    SCHEMA,
    SDMX_ATTRIBUTE,
    UNIT,
    bind_prefixes,
)
from budgetkg.rdf.places import department_place
from budgetkg.rdf.printed import printed_amount, source_lines
from budgetkg.records import Filing, Finding, Goal, Indicator, Lines, Project, Target, TargetPart, Task

#: amounts are printed in 万元: 10^4 CNY
UNIT_MULTIPLIER = 4


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal written in plain notation (never ``1E+2``), keeping printed trailing zeros."""
    return Literal(format(value, "f"), datatype=XSD.decimal)


@dataclass
class _Mapper:
    base: str
    filing: Filing
    graph: Graph
    #: the filing's decoded lines, where printed amounts are read back; None when unavailable
    lines: Sequence[str] | None = None

    @property
    def filing_node(self) -> URIRef:
        return iris.filing_iri(self.base, self.filing)

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal | None) -> None:
        if obj is not None:
            self.graph.add((subject, predicate, obj))

    def text(self, subject: URIRef, predicate: URIRef, value: str | None) -> None:
        if value is not None and value.strip():
            self.add(subject, predicate, Literal(value, lang=ZH))

    def derived(self, node: URIRef, lines: Lines | None) -> None:
        """The provenance every fact carries: the filing, and its lines when known."""
        self.add(node, PROV.wasDerivedFrom, self.filing_node)
        if lines is None:
            return
        first, last = lines
        self.add(node, BKG.firstLine, Literal(first))
        self.add(node, BKG.lastLine, Literal(last))
        self.add(node, BKG.sourceLines, Literal(f"{first}-{last}"))

    # ---------------------------------------------------------------- filing and department

    def map_filing(self) -> None:
        node, filing = self.filing_node, self.filing
        self.add(node, RDF.type, BKG.Filing)
        self.add(node, DCTERMS.identifier, Literal(iris.filing_key(filing)))
        # the file name, not the path: a graph must not depend on where the build ran
        self.add(node, DCTERMS.source, Literal(PurePath(filing.source.path.replace("\\", "/")).name))
        self.add(node, BKG.sha256, Literal(filing.source.sha256))
        self.add(node, BKG.encoding, Literal(filing.source.encoding))
        self.add(node, BKG.form, iris.form_iri(filing.form))
        if filing.year is None:
            self.add(node, BKG.unstated, BKG.fiscalYear)
        else:
            self.add(node, BKG.fiscalYear, Literal(str(filing.year), datatype=XSD.gYear))
        department = iris.department_iri(self.base, filing.department.name)
        self.add(node, DCTERMS.publisher, department)
        form = concept_label(iris.form_iri(filing.form), ZH) or filing.form
        self.add(node, RDFS.label, Literal(f"{filing.department.name} {form}", lang=ZH))
        self.map_department(department)

    def map_department(self, node: URIRef) -> None:
        department = self.filing.department
        for cls in (ORG.Organization, CV.PublicOrganisation):
            self.add(node, RDF.type, cls)
        add_labels(self.graph, node, department.name)
        self.text(node, SKOS.prefLabel, department.name)
        self.add(node, BKG.governmentLevel, iris.level_iri(department.level))
        if department.district is not None:
            self.add(node, BKG.districtName, Literal(department.district))
        self.add(node, DCTERMS.spatial, department_place(department))

    # ---------------------------------------------------------------- money

    def figure(self, node: URIRef, label: str, amount: Decimal, lines: Lines, project: URIRef | None) -> None:
        """One amount as a qb:Observation of the filing's data set, in 万元 exactly as printed."""
        filing = self.filing
        self.add(node, RDF.type, BKG.BudgetFigure)
        self.add(node, RDF.type, QB.Observation)
        self.add(node, QB.dataSet, iris.dataset_iri(self.base, filing))
        self.add(node, OBEU_MEASURE.amount, decimal_literal(amount))
        printed = printed_amount(self.lines, lines, amount, label)
        self.add(node, BKG.printedAmount, None if printed is None else Literal(printed))
        self.add(node, SDMX_ATTRIBUTE.unitMult, Literal(UNIT_MULTIPLIER))
        self.add(node, OBEU_ATTRIBUTE.currency, CURRENCY.CNY)
        self.add(node, OBEU_DIMENSION.organization, iris.department_iri(self.base, filing.department.name))
        if filing.year is not None:
            self.add(node, OBEU_DIMENSION.fiscalYear, Literal(str(filing.year), datatype=XSD.gYear))
        self.add(node, OBEU_DIMENSION.project, project)
        self.add(node, BKG.printedLabel, Literal(label))
        self.text(node, RDFS.label, label)
        line = budget_line(label)
        self.add(node, BKG.budgetLine, line)
        english = concept_label(line, "en") if line is not None else None
        self.add(node, RDFS.label, None if english is None else Literal(english, lang="en"))
        self.derived(node, lines)

    def map_budget(self) -> None:
        if not (self.filing.budget or self.filing.projects or self.filing.tasks):
            return
        dataset = iris.dataset_iri(self.base, self.filing)
        self.add(dataset, RDF.type, QB.DataSet)
        self.text(dataset, RDFS.label, f"{self.filing.department.name} 预算金额（万元）")
        self.add(dataset, PROV.wasDerivedFrom, self.filing_node)
        for figure in self.filing.budget:
            node = iris.budget_figure_iri(self.base, self.filing, figure)
            self.add(self.filing_node, BKG.hasBudgetFigure, node)
            self.figure(node, figure.label, figure.amount, figure.lines, None)

    # ---------------------------------------------------------------- goals, tasks, projects

    def map_goal(self, ordinal: int, goal: Goal) -> None:
        node = iris.goal_iri(self.base, self.filing, goal)
        self.add(self.filing_node, BKG.hasGoal, node)
        self.add(node, RDF.type, BKG.PerformanceGoal)
        self.add(node, BKG.ordinal, Literal(ordinal))
        self.add(node, RDFS.label, Literal(f"目标{ordinal}", lang=ZH))
        self.add(node, RDFS.label, Literal(f"Goal {ordinal}", lang="en"))
        self.text(node, DCTERMS.description, goal.text)
        self.derived(node, goal.lines)

    def named(self, node: URIRef, link: URIRef, cls: URIRef, name: str, lines: Lines) -> None:
        """A named row of the filing (task, project): linked from the filing, typed, labelled, sourced."""
        self.add(self.filing_node, link, node)
        self.add(node, RDF.type, cls)
        add_labels(self.graph, node, name)
        self.derived(node, lines)

    def allocation(self, owner: Project | Task, node: URIRef, label: str, project: URIRef | None) -> None:
        """The amount printed on the row of a project (its 总计) or task (拟投入的资金), if any."""
        if owner.amount is not None:
            amount = iris.allocation_iri(self.base, self.filing, owner)
            self.add(node, BKG.allocation, amount)
            self.figure(amount, label, owner.amount, owner.lines, project)

    def map_task(self, task: Task) -> None:
        node = iris.task_iri(self.base, self.filing, task)
        self.named(node, BKG.hasTask, BKG.KeyTask, task.name, task.lines)
        self.text(node, DCTERMS.description, task.content)
        self.text(node, BKG.expectedOutcome, task.expected)
        self.allocation(task, node, "拟投入的资金", None)

    def map_project(self, project: Project) -> None:
        node = iris.project_iri(self.base, self.filing, project)
        self.named(node, BKG.hasProject, BKG.Project, project.name, project.lines)
        self.text(node, BKG.fundingUnit, project.unit)
        self.text(node, BKG.goalText, project.goal)
        self.allocation(project, node, "总计", node)
        for figure in project.funding:
            funding = iris.budget_figure_iri(self.base, self.filing, figure, owner=project)
            self.add(node, BKG.allocation, funding)
            self.figure(funding, figure.label, figure.amount, figure.lines, node)
        for indicator in project.indicators:
            self.map_indicator(node, indicator, project)

    # ---------------------------------------------------------------- indicators and targets

    def map_indicator(self, owner_node: URIRef, indicator: Indicator, owner: Project | None) -> None:
        node = iris.indicator_iri(self.base, self.filing, indicator, owner)
        self.add(owner_node, BKG.hasIndicator, node)
        self.add(node, RDF.type, BKG.Indicator)
        add_labels(self.graph, node, indicator.name)
        self.text(node, DCTERMS.description, indicator.description)
        self.map_categories(node, indicator, owner)
        self.derived(node, indicator.lines)
        targets: tuple[tuple[iris.Period, URIRef, Target | None], ...] = (
            ("period", BKG.periodTarget, indicator.period_target),
            ("annual", BKG.annualTarget, indicator.annual_target),
        )
        for period, predicate, target in targets:
            if target is not None:
                target_node = iris.target_iri(self.base, self.filing, indicator, period, owner)
                self.add(node, predicate, target_node)
                self.map_target(target_node, target, period, indicator.lines)

    def map_categories(self, node: URIRef, indicator: Indicator, owner: Project | None) -> None:
        """The stated categories as concepts; a printed name the framework lacks is kept as printed
        (bkg:printedCategory) with a finding, never dropped."""
        level1, level2 = indicator.level1, indicator.level2
        unknown: list[tuple[iris.CategoryLevel, list[str]]] = []
        if level1 is not None:
            concept = iris.category_iri(level1)
            self.add(node, BKG.level1Category, concept)
            if concept is None:
                unknown.append(("level1", [level1]))
        if level2 is not None:
            concept = iris.category_iri(level2, level1)
            self.add(node, BKG.level2Category, concept)
            if concept is None:
                unknown.append(("level2", [level2]))
        missing = []
        for candidate in indicator.level2_candidates:
            concepts = iris.candidate_iris(candidate, level1)
            for concept in concepts:
                self.add(node, BKG.candidateCategory, concept)
            if not concepts:
                missing.append(candidate)
        if missing:
            unknown.append(("candidate", missing))
        for level, names in unknown:
            for name in names:
                self.add(node, BKG.printedCategory, Literal(name))
            self.unrecognised_category(
                node, iris.category_finding_iri(self.base, self.filing, indicator, owner, level), names, indicator.lines
            )

    def unrecognised_category(self, about: URIRef, node: URIRef, names: list[str], lines: Lines) -> None:
        self.add(self.filing_node, BKG.hasFinding, node)
        self.add(node, RDF.type, BKG.Finding)
        self.add(node, BKG.severity, Literal("warning"))
        self.add(node, BKG.findingKind, Literal("unrecognised_category"))
        self.add(node, BKG.findingAbout, about)
        printed = "、".join(names)
        self.text(node, RDFS.comment, f"印出的指标类别“{printed}”不在财政部指标框架之内，按原文保留，未归类。")
        self.add(
            node,
            RDFS.comment,
            Literal(
                f"The printed indicator category '{printed}' is not in the Ministry of Finance framework; "
                "kept as printed, not classified.",
                lang="en",
            ),
        )
        self.derived(node, lines)

    def map_target(self, node: URIRef, target: Target, period: iris.Period, lines: Lines) -> None:
        self.add(node, RDF.type, BKG.Target)
        self.map_reading(node, target, period, lines)
        for ordinal, part in enumerate(target.parts, start=1):
            part_node = iris.target_part_iri(node, ordinal)
            self.add(node, BKG.targetPart, part_node)
            self.map_part(part_node, part, ordinal, period, lines)
        if target.combine is not None:
            self.add(node, BKG.partsCombine, Literal(target.combine))

    def map_part(self, node: URIRef, part: TargetPart, ordinal: int, period: iris.Period, lines: Lines) -> None:
        self.add(node, RDF.type, BKG.TargetPart)
        self.add(node, BKG.ordinal, Literal(ordinal))
        if part.label is not None:
            self.add(node, BKG.partLabel, Literal(part.label))
        self.map_reading(node, part, period, lines)

    def map_reading(self, node: URIRef, reading: Target | TargetPart, period: iris.Period, lines: Lines) -> None:
        """What a target and a part share: printed text, comparator, value(s), unit, period and provenance."""
        numbers = (reading.value, reading.min, reading.max)
        if any(n is not None for n in numbers):
            self.add(node, RDF.type, SCHEMA.QuantitativeValue)
        self.add(node, BKG.printedText, Literal(reading.text))
        self.add(node, BKG.comparator, iris.comparator_iri(reading.comparator))
        self.add(node, BKG.targetPeriod, iris.period_iri(period))
        for predicate, number in zip((SCHEMA.value, SCHEMA.minValue, SCHEMA.maxValue), numbers, strict=True):
            if number is not None:
                self.add(node, predicate, decimal_literal(number))
        if reading.unit is not None:
            self.add(node, BKG.unitText, Literal(reading.unit))
            local = qudt_unit(reading.unit)
            self.add(node, QUDT.unit, UNIT[local] if local else None)
        self.derived(node, lines)

    # ---------------------------------------------------------------- parser findings

    def map_finding(self, finding: Finding) -> None:
        node = iris.finding_iri(self.base, self.filing, finding)
        self.add(self.filing_node, BKG.hasFinding, node)
        self.add(node, RDF.type, BKG.Finding)
        self.add(node, BKG.severity, Literal(finding.severity))
        self.add(node, BKG.findingKind, Literal(finding.kind))
        self.text(node, RDFS.comment, finding.message)
        self.derived(node, finding.lines)


def map_filing(filing: Filing, base: str, lines: Sequence[str] | None = None) -> Graph:
    """The named-graph content of one filing.  ``lines`` are its decoded lines (read back from its file
    when not given) for the printed spelling of amounts; without them amounts carry no printed text."""
    if lines is None:
        lines = source_lines(filing)
    mapper = _Mapper(base, filing, bind_prefixes(Graph()), lines)
    mapper.map_filing()
    mapper.map_budget()
    for ordinal, goal in enumerate(filing.goals, start=1):
        mapper.map_goal(ordinal, goal)
    for task in filing.tasks:
        mapper.map_task(task)
    for project in filing.projects:
        mapper.map_project(project)
    for indicator in filing.indicators:
        mapper.map_indicator(mapper.filing_node, indicator, None)
    for finding in filing.findings:
        mapper.map_finding(finding)
    return mapper.graph
