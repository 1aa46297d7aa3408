"""Platform names: the normal form names are compared in, and the edit distance for misprints.

How variants of one platform resolve to one node (see also ``registry.Registry.resolve``):

1. ``normal_name`` folds what never distinguishes two platforms: quotes and brackets of any width, spaces,
   full-width Latin/digits (NFKC), Latin case, a leading year (``2020年``) and a phase (``一期``, ``（二期）``):
   a phase is a project of the platform, not another platform.
2. The normal form is looked up among the registry's labels (alt, hidden = known misprints, and local
   labels that only count inside the platform's own jurisdiction).
3. Failing that, a name within edit distance 1 of exactly one registry label of at least
   ``FUZZY_MIN_LENGTH`` characters resolves to it, and says so (resolution ``fuzzy``).  Short names never
   do: 禺智管 and 穗智管 differ by one character and are different platforms.  Two candidates at the same
   distance resolve to neither (the mention keeps both as candidates).
"""

from __future__ import annotations

import re
import unicodedata

#: shorter normal names are never merged by edit distance
FUZZY_MIN_LENGTH = 8

_QUOTES_AND_SPACE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】]")
_YEAR = re.compile(r"^(?:19|20)\d\d年度?")
_PHASE = re.compile(r"[（(]?[一二三四五六七八九十\d]+期[）)]?(?:工程|项目)?$")


def normal_name(name: str) -> str:
    """The comparison form of a platform name (see the module docstring)."""
    text = unicodedata.normalize("NFKC", name)
    text = _QUOTES_AND_SPACE.sub("", text).lower()
    text = _YEAR.sub("", text)
    return _PHASE.sub("", text)


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one substitution, insertion or deletion."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
