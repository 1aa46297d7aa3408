"""Labels in the languages DESIGN.md §2 asks for: the printed name @zh-Hans, its pinyin @zh-Latn-pinyin.

The pinyin carries tone marks (``hǎi zhū qū``), one syllable per word, so a reader who cannot read the
characters can still say and search the name.  It comes from pypinyin's dictionaries with no
randomness: the same name gives the same pinyin (pin pypinyin's version to keep it stable across
installs).  Runs that are not Chinese (digits, Latin letters, brackets) are kept, width-folded.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

ZH = "zh-Hans"
PINYIN = "zh-Latn-pinyin"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def pinyin(text: str) -> str | None:
    """``海珠区`` → ``hǎi zhū qū``; None when the text holds no Chinese character (nothing to romanise)."""
    if not _HAN.search(text):
        return None
    parts = (unicodedata.normalize("NFKC", part).strip() for part in lazy_pinyin(text, style=Style.TONE))
    return " ".join(part for part in parts if part)


def add_labels(graph: Graph, node: URIRef, name: str) -> None:
    """The printed name as ``rdfs:label`` @zh-Hans and its pinyin as ``skos:altLabel`` @zh-Latn-pinyin.

    The pinyin is an alternative label, not a second ``rdfs:label``: queries that read "the" label of a
    department or project (one per language in use) keep one row per thing, while search (which reads
    skos:altLabel) still finds it by pinyin."""
    if not name.strip():
        return
    graph.add((node, RDFS.label, Literal(name, lang=ZH)))
    romanised = pinyin(name)
    if romanised is not None:
        graph.add((node, SKOS.altLabel, Literal(romanised, lang=PINYIN)))


def add_pinyin_to_class(graph: Graph, cls: URIRef) -> Graph:
    """Every ``cls`` node of ``graph`` with a zh-Hans ``skos:prefLabel`` (its canonical name) gets that
    name's tone-marked pinyin as ``skos:altLabel``: used for graphs made elsewhere (the platform registry)."""
    for node in list(graph.subjects(RDF.type, cls)):
        for label in list(graph.objects(node, SKOS.prefLabel)):
            romanised = pinyin(str(label)) if getattr(label, "language", None) == ZH else None
            if isinstance(node, URIRef) and romanised is not None:
                graph.add((node, SKOS.altLabel, Literal(romanised, lang=PINYIN)))
    return graph
