"""Districts of 广州 → Wikidata items, for dct:spatial (IDs as listed in DESIGN.md §2).

A district not listed gets no dct:spatial link: its printed name stays in bkg:districtName.
"""

from __future__ import annotations

from rdflib import URIRef

from budgetkg.rdf.namespaces import WD

GUANGZHOU = "广州"
_WIKIDATA: dict[str, str] = {
    "广州": "Q16572",
    "海珠": "Q1022913",
    "番禺": "Q948245",
    "白云": "Q80946",
    "天河": "Q917049",
    "越秀": "Q1022928",
    "荔湾": "Q590891",
    "黄埔": "Q1023890",
    "南沙": "Q199422",
    "从化": "Q1023907",
    "增城": "Q189529",
    "广东": "Q15175",
}


def place_iri(name: str) -> URIRef | None:
    """The Wikidata item of a place name, with or without its 区/市/省 suffix (海珠区 → Q1022913)."""
    bare = name.strip()
    if bare.startswith("广州市") and len(bare) > len("广州市"):
        bare = bare.removeprefix("广州市")
    for suffix in ("区", "市", "省"):
        if bare.endswith(suffix) and bare[:-1] in _WIKIDATA:
            bare = bare[:-1]
    code = _WIKIDATA.get(bare)
    return None if code is None else WD[code]
