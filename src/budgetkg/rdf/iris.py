"""Every IRI of the graph is minted here, from records, so no caller builds one by hand.

Instances live under the deployment's base (``Settings.base_iri``, ending in ``/``)::

    {base}id/filing/<F>                         filing_iri(base, filing)
    {base}id/department/<name>                  department_iri(base, name)
    {base}id/org-change/<original name>         organisation_change_iri(base, name)  (data/organisations/)
    {base}id/budget/<F>/<label>                 budget_figure_iri(base, filing, figure)
    {base}id/budget/<F>/project/<p>/<label>     budget_figure_iri(base, filing, figure, owner=project)
    {base}id/budget/<F>/project/<p>             allocation_iri(base, filing, project)  (the row's 总计)
    {base}id/budget/<F>/task/<t>                allocation_iri(base, filing, task)  (拟投入的资金)
    {base}id/goal/<F>/<n>                       goal_iri(base, filing, goal)
    {base}id/task/<F>/<name>                    task_iri(base, filing, task)
    {base}id/project/<F>/<name>                 project_iri(base, filing, project)
    {base}id/indicator/<F>/<name>               indicator_iri(base, filing, indicator)
    {base}id/indicator/<F>/<project>/<name>     indicator_iri(base, filing, indicator, owner=project)
    {base}id/target/<F>/…indicator…/<period>    target_iri(base, filing, indicator, period, owner=None)
    {target}/part/<n>                           target_part_iri(target, n)  (the n-th part of a several-part target)
    {base}id/finding/<F>/<n>                    finding_iri(base, filing, finding)
    {base}id/finding/<F>/category/…indicator…/<level>  category_finding_iri(base, filing, indicator, owner, level)
    {base}id/inference/<F>/…indicator…          inference_iri(base, filing, indicator, owner=None)
    {base}id/platform/<key>                     platform_iri(base, key)
    {base}id/platform-mention/<F>/<digest>      platform_mention_iri(base, filing, key)
    {base}id/platform-relation/<F|registry>/<k> platform_relation_iri(base, scope, key)
    {base}id/dataset/<F>                        dataset_iri(base, filing)  (qb:DataSet of the budget figures)
    {base}id/build/<UTC start>                  build_iri(base, started)
    {base}id/software/budgetkg                  software_iri(base)
    {base}id/validation/<F>/<n>                 validation_result_iri(base, key, n)
    {base}graph/<F>                             graph_iri(base, filing)
    {base}graph/build|platforms|validation|links|catalog|organisations  special_graph_iri(base, name)

The catalogue, VoID, endpoint and dump IRIs are in ``budgetkg.rdf.published`` (parser-free, so the web
layer can import it); this module builds every IRI with its ``iri``.

Concepts (code lists, categories) are part of the vocabulary and do not depend on the base:
``https://w3id.org/budgetkg/def/<scheme>/<code>`` (category_iri, candidate_iris, comparator_iri, period_iri,
form_iri, level_iri, expenditure_type_iri, funding_source_iri, budget_role_iri, platform_family_iri).

How keys are chosen (they must survive re-parsing and be independent of other files):

* ``<F>``, the filing key, is the file name stem (``data/x/004_c8ca.txt`` → ``004_c8ca``): adding a filing
  never changes another filing's IRIs.  A stem equal to a reserved graph name (build, platforms, links,
  validation, catalog, organisations) gets ``-filing`` appended so it cannot shadow that graph.
* Named things (departments, tasks, projects, indicators, budget labels) use a slug of their printed
  name: NFKC-normalised, letters and digits of any script kept (IRIs allow Chinese), every run of other
  characters (quotes, spaces, punctuation) turned into one ``-``, cut to 48 characters.  Names are what a
  re-parse reproduces even when the parser learns to find an extra row, whereas row ordinals would shift.
  When two siblings share a slug, the second gets ``-2``, the third ``-3`` (in document order).
* Goals are numbered in the filing (目标1, 目标2 …) and their text is long, so they use their ordinal;
  findings use their ordinal too (they have no name).
* Characters an IRI path segment cannot hold are percent-encoded, so every IRI is valid in N-Triples.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import PurePath
from typing import Literal, TypeVar, get_args

from rdflib import URIRef

from budgetkg.categories import LEVEL1_NAMES, LEVEL2_BY_LEVEL1
from budgetkg.rdf.namespaces import BKG_CONCEPTS
from budgetkg.rdf.published import SpecialGraph, iri, named_graph_iri
from budgetkg.records import BudgetFigure, Filing, Finding, Goal, Indicator, Project, Task

Period = Literal["period", "annual"]
CategoryLevel = Literal["level1", "level2", "candidate"]
RESERVED_GRAPH_NAMES: frozenset[str] = frozenset(get_args(SpecialGraph))

_SLUG_MAX = 48
_NOT_WORD = re.compile(r"[^\w]+|_+")


def slug(text: str) -> str:
    """The readable key of a printed name (see the module docstring); ``x`` when nothing is left."""
    normal = unicodedata.normalize("NFKC", text).strip().lower()
    cut = _NOT_WORD.sub("-", normal).strip("-")[:_SLUG_MAX].strip("-")
    return cut or "x"


_iri = iri


def path_key(path: str) -> str:
    """The filing key of a file path: its name stem (independent of any other file)."""
    stem = PurePath(path.replace("\\", "/")).stem
    key = unicodedata.normalize("NFKC", stem).strip() or "filing"
    return f"{key}-filing" if key in RESERVED_GRAPH_NAMES else key


def filing_key(filing: Filing) -> str:
    return path_key(filing.source.path)


_T = TypeVar("_T")


def _sibling_slug(item: _T, siblings: Sequence[_T], name_of: str) -> str:
    """``slug(name)`` plus ``-n`` when earlier siblings share that slug (n counts from 2)."""
    own = slug(str(getattr(item, name_of)))
    index = _position(item, siblings)
    earlier = sum(1 for other in siblings[:index] if slug(str(getattr(other, name_of))) == own)
    return own if earlier == 0 else f"{own}-{earlier + 1}"


def _position(item: object, siblings: Sequence[object]) -> int:
    for index, other in enumerate(siblings):
        if other is item:
            return index
    for index, other in enumerate(siblings):
        if other == item:
            return index
    raise ValueError(f"{item!r} is not part of the filing it was minted for")


def filing_iri(base: str, filing: Filing) -> URIRef:
    return _iri(base, "id", "filing", filing_key(filing))


def path_filing_iri(base: str, path: str) -> URIRef:
    """The filing IRI of a file that could not be parsed (build provenance names it all the same)."""
    return _iri(base, "id", "filing", path_key(path))


def dataset_iri(base: str, filing: Filing) -> URIRef:
    """The qb:DataSet holding a filing's budget figures."""
    return _iri(base, "id", "dataset", filing_key(filing))


_OWN_LEVEL = re.compile(r"[（(]\s*本级\s*[)）]\s*$")


def department_key(name: str) -> str:
    """A department's key: its name without a trailing （本级） (the department's own-level table is
    still the department), slugged."""
    return slug(_OWN_LEVEL.sub("", unicodedata.normalize("NFKC", name).strip()))


def organisation_change_iri(base: str, original_name: str) -> URIRef:
    """A curated change (rename, merger) of the department printed as ``original_name``."""
    return _iri(base, "id", "org-change", department_key(original_name))


def department_iri(base: str, name: str) -> URIRef:
    """A department by its printed name: the same name in two filings is the same organisation."""
    return _iri(base, "id", "department", department_key(name))


def project_key(filing: Filing, project: Project) -> str:
    return _sibling_slug(project, filing.projects, "name")


def project_iri(base: str, filing: Filing, project: Project) -> URIRef:
    return _iri(base, "id", "project", filing_key(filing), project_key(filing, project))


def task_iri(base: str, filing: Filing, task: Task) -> URIRef:
    return _iri(base, "id", "task", filing_key(filing), task_key(filing, task))


def goal_iri(base: str, filing: Filing, goal: Goal) -> URIRef:
    return _iri(base, "id", "goal", filing_key(filing), str(_position(goal, filing.goals) + 1))


def finding_iri(base: str, filing: Filing, finding: Finding) -> URIRef:
    return _iri(base, "id", "finding", filing_key(filing), str(_position(finding, filing.findings) + 1))


def task_key(filing: Filing, task: Task) -> str:
    return _sibling_slug(task, filing.tasks, "name")


def budget_figure_iri(base: str, filing: Filing, figure: BudgetFigure, owner: Project | None = None) -> URIRef:
    """A budget-summary figure, or (with ``owner``) one funding column of a project row."""
    if owner is None:
        return _iri(base, "id", "budget", filing_key(filing), _sibling_slug(figure, filing.budget, "label"))
    label = _sibling_slug(figure, owner.funding, "label")
    return _iri(base, "id", "budget", filing_key(filing), "project", project_key(filing, owner), label)


def allocation_iri(base: str, filing: Filing, owner: Project | Task) -> URIRef:
    """The amount of a project row (its 总计) or of a key task (拟投入的资金)."""
    if isinstance(owner, Project):
        return _iri(base, "id", "budget", filing_key(filing), "project", project_key(filing, owner))
    return _iri(base, "id", "budget", filing_key(filing), "task", task_key(filing, owner))


def _indicator_parts(filing: Filing, indicator: Indicator, owner: Project | None) -> tuple[str, ...]:
    if owner is None:
        return (filing_key(filing), _sibling_slug(indicator, filing.indicators, "name"))
    own = _sibling_slug(indicator, owner.indicators, "name")
    return (filing_key(filing), project_key(filing, owner), own)


def indicator_iri(base: str, filing: Filing, indicator: Indicator, owner: Project | None = None) -> URIRef:
    """An indicator of the filing's own table, or (with ``owner``) of a project row."""
    return _iri(base, "id", "indicator", *_indicator_parts(filing, indicator, owner))


def target_iri(base: str, filing: Filing, indicator: Indicator, period: Period, owner: Project | None = None) -> URIRef:
    """The 实施周期 (``period``) or 年度 (``annual``) target of an indicator."""
    return _iri(base, "id", "target", *_indicator_parts(filing, indicator, owner), period)


def target_part_iri(target: URIRef, ordinal: int) -> URIRef:
    """The ``ordinal``-th part (1-based, in printed order) of a target stating several quantities.

    Minted from the target's own IRI (already encoded), so a part moves with its target and no other key
    is needed; the ordinal is stable because the parts keep the printed order."""
    return URIRef(f"{target}/part/{ordinal}")


def inference_iri(base: str, filing: Filing, indicator: Indicator, owner: Project | None = None) -> URIRef:
    """The node recording a category inferred for an indicator from another filing."""
    return _iri(base, "id", "inference", *_indicator_parts(filing, indicator, owner))


def category_finding_iri(
    base: str, filing: Filing, indicator: Indicator, owner: Project | None, level: CategoryLevel
) -> URIRef:
    """The finding that an indicator's printed category (at ``level``) is not one the mapper knows."""
    key, *rest = _indicator_parts(filing, indicator, owner)
    return _iri(base, "id", "finding", key, "category", *rest, level)


def platform_iri(base: str, key: str) -> URIRef:
    """A platform of the curated registry by its registry key."""
    return _iri(base, "id", "platform", slug(key))


def build_iri(base: str, started: str) -> URIRef:
    """A build activity by its start time (UTC, ``20261122T021500Z``)."""
    return _iri(base, "id", "build", started)


def software_iri(base: str) -> URIRef:
    """budgetkg itself, the agent of every build."""
    return _iri(base, "id", "software", "budgetkg")


def validation_result_iri(base: str, key: str, ordinal: int) -> URIRef:
    """One stored SHACL result about the filing with key ``key`` (see ``path_key``), in report order."""
    return _iri(base, "id", "validation", key, str(ordinal))


def platform_mention_iri(base: str, filing: Filing, key: str) -> URIRef:
    """One platform mention of a filing; ``key`` is the platform finder's digest of record, field and span."""
    return _iri(base, "id", "platform-mention", filing_key(filing), key)


def platform_relation_iri(base: str, scope: str, key: str) -> URIRef:
    """A lineage statement: ``scope`` is a filing key (extracted) or ``registry`` (curated)."""
    return _iri(base, "id", "platform-relation", scope, key)


def platform_family_iri(key: str) -> URIRef:
    """A platform family concept (city-operation-hub, hotline-12345 …) of ontology/platforms.ttl."""
    return _concept("platform-family", key)


def graph_iri(base: str, filing: Filing) -> URIRef:
    """The named graph holding one filing's facts."""
    return named_graph_iri(base, filing_key(filing))


def special_graph_iri(base: str, name: SpecialGraph) -> URIRef:
    """``build`` (build provenance), ``platforms`` (curated registry), ``validation`` (stored SHACL report),
    ``links`` (cross-filing links and inferred categories: derived, never printed, so kept apart),
    ``catalog`` (DCAT + VoID, see ``budgetkg.rdf.published``), ``organisations`` (curated renames)."""
    return named_graph_iri(base, name)


# --- concepts of the vocabulary (independent of the deployment) ----------------------------------

#: canonical category name (budgetkg.categories) → the English word of its concept key; a 二级
#: concept's key is ``<一级 word>-<二级 word>``, so 成本指标 is ``cost`` as a 一级 and ``output-cost`` under 产出
_WORDS: dict[str, str] = {
    "产出指标": "output",
    "效益指标": "benefit",
    "满意度指标": "satisfaction",
    "成本指标": "cost",
    "数量指标": "quantity",
    "质量指标": "quality",
    "时效指标": "timeliness",
    "经济效益指标": "economic",
    "社会效益指标": "social",
    "生态效益指标": "ecological",
    "可持续影响指标": "sustainable",
    "服务对象满意度指标": "service-recipient",
    "经济成本指标": "economic",
    "社会成本指标": "social",
    "生态环境成本指标": "environmental",
}
_LEVEL1_KEYS: dict[str, str] = {name: _WORDS[name] for name in LEVEL1_NAMES}
_LEVEL2_KEYS: dict[tuple[str, str], str] = {
    (l1, l2): f"{_WORDS[l1]}-{_WORDS[l2]}" for l1, l2s in LEVEL2_BY_LEVEL1.items() for l2 in l2s
}
CATEGORY_SCHEME = URIRef(BKG_CONCEPTS + "category")


def _concept(scheme: str, key: str) -> URIRef:
    return URIRef(f"{BKG_CONCEPTS}{scheme}/{key}")


def category_iri(name: str, level1: str | None = None) -> URIRef | None:
    """The SKOS concept of a canonical category name; a 二级 needs its 一级 when it has several.

    ``成本指标`` alone is the 2021 一级; under ``产出指标`` it is the 2015 二级.  None when the name (or the
    pair) is not a category of the framework: the caller then states no category rather than a guess.
    """
    if level1 is None and name in _LEVEL1_KEYS:
        return _concept("category", _LEVEL1_KEYS[name])
    if level1 is None:
        parents = [l1 for (l1, l2) in _LEVEL2_KEYS if l2 == name]
        if len(parents) != 1:
            return None
        level1 = parents[0]
    key = _LEVEL2_KEYS.get((level1, name))
    return None if key is None else _concept("category", key)


def candidate_iris(name: str, level1: str | None) -> tuple[URIRef, ...]:
    """Every 二级 concept a candidate name may stand for: one under a known 一级; without one, each
    一级's concept of that name (成本指标 alone → the 2015 output-cost only, the 2021 cost being a 一级)."""
    pairs = [(l1, l2) for (l1, l2) in _LEVEL2_KEYS if l2 == name and level1 in (None, l1)]
    return tuple(_concept("category", _LEVEL2_KEYS[pair]) for pair in pairs)


def category_keys() -> dict[str, tuple[str, str | None]]:
    """concept key → (name, parent name) for every category: what the ontology file must declare."""
    keys: dict[str, tuple[str, str | None]] = {key: (name, None) for name, key in _LEVEL1_KEYS.items()}
    keys.update({key: (l2, l1) for (l1, l2), key in _LEVEL2_KEYS.items()})
    return keys


def comparator_iri(code: str) -> URIRef:
    """A comparator concept by its records code (ge, gt, le, lt, eq, range, attain, qualitative)."""
    return _concept("comparator", code)


def period_iri(period: Period) -> URIRef:
    """实施周期 (``period``) or 年度 (``annual``)."""
    return _concept("target-period", "implementation" if period == "period" else "annual")


def form_iri(form: str) -> URIRef:
    """A filing form by its records code (department_overall, project_table)."""
    return _concept("form", form.replace("_", "-"))


def level_iri(level: str) -> URIRef:
    """A government level by its records code (city, district)."""
    return _concept("level", level)


def expenditure_type_iri(key: str) -> URIRef:
    return _concept("expenditure-type", key)


def funding_source_iri(key: str) -> URIRef:
    return _concept("funding-source", key)


def budget_role_iri(key: str) -> URIRef:
    """Totals and subtotals that are neither an expenditure type nor a funding source (合计, 收入合计 …)."""
    return _concept("budget-role", key)
