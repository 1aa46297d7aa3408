"""The Ministry of Finance indicator categories (财预〔2015〕88号, 财预〔2021〕101号): the one code list the parser,
the RDF mapping and the IRIs share (it sits beside records.py so the web layer can reach it without the parser).

Records carry the canonical names below; the printed variants (``社会效益``, ``22-社会效益``,
``产出指标(50分)``, one character per line …) are reduced to them by ``canonical_level1`` /
``canonical_level2``.  The RDF layer maps each canonical name to its SKOS concept.
"""

from __future__ import annotations

import re

#: 一级 → its 二级, in the order the framework lists them
LEVEL2_BY_LEVEL1: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
    "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
}
LEVEL1_NAMES: tuple[str, ...] = tuple(LEVEL2_BY_LEVEL1)
LEVEL2_NAMES: tuple[str, ...] = tuple(dict.fromkeys(n for ns in LEVEL2_BY_LEVEL1.values() for n in ns))

# weights, scores and codes printed around a label: 产出指标(50分), 22-社会效益, 指标1:
_DECORATION = re.compile(r"^\s*\d+\s*[-－]\s*|[（(]\s*\d+(\.\d+)?\s*分\s*[)）]|\s+")


def _bare(label: str) -> str:
    return _DECORATION.sub("", label)


def canonical_level1(label: str) -> str | None:
    """``产出指标`` for 产出, 产出指标, 1-产出指标, 产出指标(50分); None when not a 一级 label."""
    bare = _bare(label)
    for name in LEVEL1_NAMES:
        if bare in (name, name.removesuffix("指标")):
            return name
    return None


def canonical_level2(label: str) -> str | None:
    """``社会效益指标`` for 社会效益, 22-社会效益, 社会效益指标; ``服务对象满意度指标`` for 服务对象满意度."""
    bare = _bare(label)
    for name in LEVEL2_NAMES:
        if bare in (name, name.removesuffix("指标")):
            return name
    return None


def level1_of(level2: str) -> tuple[str, ...]:
    """The 一级 categories a canonical 二级 belongs to (成本指标 sits under 产出 in 2015 and is a 一级 in 2021)."""
    return tuple(l1 for l1, l2s in LEVEL2_BY_LEVEL1.items() if level2 in l2s)
