"""Target values (指标值) → comparator, value(s) and unit, the printed text always kept.

How a text is read (all patterns compiled once, at import):

1. Width and comparators are folded (``parser.text.fold``; ``≧ ⩾ >= ≥= =>`` → ``≥``, and the
   mirror forms → ``≤``).  Labels in front (``标准：``, ``指标1:``, ``年度指标值:``, ``1、``) are
   dropped; remarks in brackets (``100%（特殊情况除外）``) and quoted names (“一网统管”,
   《舆情月报》) are masked so that their words and digits are not read as the target.
2. Every *quantity* is found: [每年] [comparator word] number [multiplier] [unit] [/年]
   [boundary word], or a range ``1-2个``; a count per period is a rate (``1次/季度``,
   ``每年审核60件``).  Not quantities: years (``2023年``, ``2023年度``); numbers followed by a
   character that is no known unit (``12345热线``, ``5G``, and ``8省`` — so ``8省20个地区以上`` reads
   as ≥20 个 with 8省 as its scope); the Chinese numeral 一 inside words (一次性, 一张图, 一件事).
   Chinese numerals count after a comparator word (至少一次, 不少于三次) or before a counter (三台).
   A number glued to a word that is no known unit (``≥1.5万亩``) is no quantity either: its unit
   is unknown, and a unitless value would misstate it.
3. Boundary words follow 民法典 第1259条: 以上/以下/以内/不少于/不低于/不超过/至少 include the number
   (ge/le); 超过/超/大于/高于 and 低于/小于/不满/不足 exclude it (gt/lt).  达/达到 mean "reach at least"
   (ge) unless a boundary word follows (达到5%以下 is le).  ``=100%``, a bare ``100%`` and ``约800人次``
   are eq.  When a prefix and a suffix disagree in direction (``≥90%以下``) the text is qualitative.
4. Exactly one quantity → that comparator.  None → ``attain`` when the text states an achievement
   (完成项目终验, 顺利通过验收, 编制完成并公布) with no comparison, else ``qualitative`` (提升, 减少, 满足,
   较快, 达到等保三级标准).  Several quantities (``一般性操作≤5秒，一般性统计≤20秒…``,
   ``面向政府用户≥50或面向公众用户≥200``) → ``qualitative`` with no value: picking one would be a
   silent guess, and no single comparator states "≤5 s for one thing and ≤20 s for another" (even
   when all parts share a comparator and unit, their values measure different things).  Such a
   target carries its parts instead (``Target.parts``, ``Target.combine``): the text is split by
   structure (``parser.target_parts``), each part is read by these same rules with its own printed
   text, and a part with a number gets the printed words around its quantity as its ``label``
   (``一般性操作``, ``《舆情月报》``).  A part stating no number, or a clause whose quantities do not
   split (``整合三台UPS为两台``), stays a qualitative part.  A text with fewer than two quantities
   never has parts.
5. OCR slips are never repaired: ``292%`` (a misread ``≥92%``) is eq 292 %, kept as printed; the
   SHACL shapes flag percentages outside 0–100 instead (bkgsh:Target-percentRange).  ``2200M`` is Mbps only when the
   indicator (or the text) is about 带宽; otherwise ``M`` is unknown and the text stays qualitative.
6. A value without a unit takes the unit its indicator name prints in brackets at its end
   (``省级考核得分（分）`` + ``≥95`` → ge 95 分): printed by the filing, not inferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from budgetkg.parser.numbers import MULTIPLIER, NUMBER, read_number
from budgetkg.parser.target_parts import Clause, QuantitySpan, split_clauses
from budgetkg.parser.text import fold
from budgetkg.parser.units import BANDWIDTH_SPELLINGS, PERIODS, UNIT_SPELLINGS, per_period
from budgetkg.records import Combine, Comparator, Target, TargetPart

# --- comparator words -------------------------------------------------------------------------

_COMPARATOR_FOLDS: Final[tuple[tuple[str, str], ...]] = (
    ("≥=", "≥"), (">=", "≥"), ("=>", "≥"), ("≧", "≥"), ("⩾", "≥"),
    ("≤=", "≤"), ("<=", "≤"), ("=<", "≤"), ("≦", "≤"), ("⩽", "≤"),
)  # fmt: skip

#: words before a number.  "ge?" marks 达/达到: ge unless a boundary word after the number decides.
_PREFIXES: Final[dict[str, str]] = {
    "≥": "ge", "不少于": "ge", "不低于": "ge", "不小于": "ge", "至少": "ge", "最少": "ge",
    "大于等于": "ge", "大于或等于": "ge", "高于或等于": "ge", "多于或等于": "ge", "不短于": "ge",
    ">": "gt", "大于": "gt", "高于": "gt", "超过": "gt", "超出": "gt", "多于": "gt", "超": "gt",
    "≤": "le", "不超过": "le", "不高于": "le", "不大于": "le", "不多于": "le", "至多": "le", "最多": "le",
    "小于等于": "le", "小于或等于": "le", "低于或等于": "le", "不长于": "le",
    "<": "lt", "小于": "lt", "低于": "lt", "少于": "lt", "不满": "lt", "不足": "lt", "未满": "lt",
    "不到": "lt",
    "=": "eq", "等于": "eq", "为": "eq", "约": "eq",
    "达到": "ge?", "达": "ge?",
}  # fmt: skip

#: words right after the number and unit
_SUFFIXES: Final[dict[str, str]] = {
    "以上": "ge", "及以上": "ge", "或以上": "ge", "或者以上": "ge",
    "以下": "le", "及以下": "le", "或以下": "le", "以内": "le", "之内": "le", "内": "le",
    "左右": "eq",
}  # fmt: skip
#: the boundary words that may stand a few characters after the unit (20个地区以上)
_DISTANT_SUFFIXES: Final[tuple[str, ...]] = ("及以上", "或以上", "以上", "及以下", "或以下", "以下", "以内")

#: unit words that begin ordinary words or dates when this follows them (通过, 部门, 项目, 12月31日 …)
_NOT_UNIT_BEFORE: Final[dict[str, str]] = {
    "通": "[过知勤报]", "部": "[门署分]", "场": "[地景所]", "处": "[理置]", "本": "[级年]", "所": "[有属]",
    "名": "[称单]", "路": "[径线]", "期": "[间限]", "分": "[中平类局管值数之]", "内": "[设部容网外存]",
    "台": "账", "条": "[件例款]", "个": "[性人]", "间": "隔", "核": "[查心实]", "年": "[度底初末份]",
    "月": r"[底初末份中]|\d{1,2}\s*[日号]", "日": "[前止期志常]", "项": "目", "件": "[事数]", "次": "性",
    "张": "图", "户": "籍", "起": "[草步始码]",
}  # fmt: skip

#: achievements stated without a number (完成项目终验, 顺利通过验收, 编制完成并公布)
_ATTAIN = re.compile(r"完成|建成|通过|终验|公布|印发|出台|上线|投入使用|办结|落成")
_NEGATION = re.compile(r"[未不没无]\s*(?:完成|建成|通过|公布|上线)")
#: a comparison with no number (不少于当年区新增政策数量) is not an achievement; 超/为 alone are too common to count
_COMPARISON_WORD = re.compile(
    "|".join(re.escape(w) for w, c in _PREFIXES.items() if c in ("ge", "gt", "le", "lt") and len(w) > 1) + "|[≥≤<>]"
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so 不少于 wins over 少于, 人次 over 人)."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        piece = re.escape(word)
        if word[-1].isascii() and word[-1].isalpha():
            piece += "(?![A-Za-z])"  # 5s but not 5sites
        elif word in _NOT_UNIT_BEFORE:
            piece += f"(?!{_NOT_UNIT_BEFORE[word]})"
        parts.append(piece)
    return "|".join(parts)


# a bandwidth letter ends its word: 2200M以上 yes, 5G网络 no
_BANDWIDTH = "|".join(re.escape(w) + r"(?=$|[^A-Za-z\u4e00-\u9fff]|以|及|或)" for w in sorted(BANDWIDTH_SPELLINGS))
_MASK = "□"
# an aside may stand between a boundary word and its number: 95%（含）以上, 不低于（含）95%
_QUANTITY = re.compile(
    rf"""
    (?:每(?P<every>{_alternation(PERIODS)})[\u4e00-\u9fff]{{0,4}}?)?
    (?:(?P<pre>{_alternation(_PREFIXES)})\s*(?:{_MASK}\s*)?)?
    (?P<pct>百分之)?
    (?P<neg>-(?=\d))?(?P<num>{NUMBER})\s*(?P<mult>{MULTIPLIER})?\s*
    (?:(?P<unit1>{_alternation(UNIT_SPELLINGS)})\s*)?
    (?:(?:-|~|～|—|–|至|到)\s*(?P<num2>{NUMBER})\s*(?P<mult2>{MULTIPLIER})?\s*)?
    (?:(?P<unit>{_alternation(UNIT_SPELLINGS)})|(?P<bw>{_BANDWIDTH}))?
    (?:/(?P<per>{_alternation(PERIODS)}))?
    (?:\s*(?:{_MASK}\s*)?(?P<suf>{_alternation(_SUFFIXES)})
      |[\u4e00-\u9fff]{{1,4}}?(?P<far>{_alternation(_DISTANT_SUFFIXES)}))?
    """,
    re.VERBOSE,
)

_LABEL = re.compile(
    r"^\s*(?:(?:\d+\s*[、)）]|\d+\.(?=\s*[^\d\s.])|[(（]\d+[)）]"
    r"|(?:年度|实施周期)?(?:指标值|指标|标准|目标值|目标|预期目标|值)\s*\d*\s*[:：])\s*)+"
)
#: remarks in brackets and quoted names: masked (kept in ``text``, not read as the target)
#: (asides are short: the bound keeps an unclosed bracket in a long text from costing quadratic time)
_MASKED = re.compile(r"[(（][^()（）]{0,200}[)）]|“[^”]{0,200}”|\"[^\"]{0,200}\"|《[^》]{0,200}》|‘[^’]{0,200}’")
_MASK_DEPTH = 3  # brackets nested deeper than this are left as printed
#: the ends of a part's label: blanks and the punctuation that joins it to its neighbours
_LABEL_TRIM = " \t\n：:、，,。；;."
_NAME_GLUE = re.compile(r"[A-Za-z\u4e00-\u9fff+#]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: a CJK word after a number that is neither a unit nor a joining word (或, 和, 即可 …)
#: … or a Latin letter (``≥9O%``: an OCR'd O for 0), or a stray point before more text (``≥95.%``)
_UNKNOWN_UNIT = re.compile(r"(?![或和及与且并即等的])[\u4e00-\u9fff]|[A-Za-z]|\.(?=[^\s\d])")
_UNKNOWN_PER = re.compile(r"\s*/\s*[\u4e00-\u9fffA-Za-z]")
#: the units a Chinese numeral may count (三台, 两次): counters and time, not money
_COUNTERS_AND_TIME: Final[frozenset[str]] = frozenset(
    code for code in UNIT_SPELLINGS.values() if _CJK.match(code) and code not in ("万元", "元")
)
_NAME_UNIT = re.compile(rf"[(（]\s*(?P<unit>{'|'.join(re.escape(w) for w in UNIT_SPELLINGS)})\s*[)）]\s*$")


_DIRECTIONS: Final[dict[str, Comparator]] = {"ge": "ge", "gt": "gt", "le": "le", "lt": "lt", "eq": "eq"}


@dataclass(frozen=True)
class _Quantity:
    comparator: Comparator | None  # None: prefix and suffix contradict each other
    low: Decimal
    high: Decimal | None  # set for ranges only
    unit: str | None
    #: where it stands in the text read, and whether a comparison word of its own precedes it
    span: QuantitySpan


def _folded(text: str) -> str:
    text = fold(text).replace("−", "-")
    for variant, canonical in _COMPARATOR_FOLDS:
        text = text.replace(variant, canonical)
    return text


def _comparator(prefix: str | None, suffix: str | None) -> Comparator | None:
    """Combine the word before and the word after a number; None when they contradict."""
    pre = _PREFIXES[prefix] if prefix else None
    suf = _SUFFIXES[suffix] if suffix else None
    if pre is None or pre in ("ge?", "eq"):  # 达到90%以上, =100%以上: the boundary word decides
        return _DIRECTIONS[suf or ("ge" if pre == "ge?" else "eq")]
    if suf is None or suf == "eq" or pre[0] == suf[0]:
        return _DIRECTIONS[pre]  # same direction (超过90%以上): the prefix is the more precise word
    return None


def _unit(match: re.Match[str], about_bandwidth: bool) -> tuple[bool, str | None]:
    """(usable, unit code) of a quantity match; unusable when its unit letter cannot be read."""
    if match["bw"]:
        if not about_bandwidth:
            return False, None
        code: str | None = BANDWIDTH_SPELLINGS[match["bw"]]
    else:
        spelled = match["unit"] or match["unit1"]
        code = UNIT_SPELLINGS[spelled] if spelled else None
    if match["pct"]:
        code = "%"
    period = match["per"] or match["every"]
    if period:
        code = per_period(code, period)
        if code is None:  # a rate of something that is not a count (每天24小时)
            return False, None
    return True, code


def _is_quantity(match: re.Match[str], text: str) -> bool:
    """False for years, numbers glued to names and 一 inside words (see the module docstring)."""
    num, unit = match["num"], match["unit"] or match["unit1"]
    before = text[match.start("num") - 1] if match.start("num") else ""
    if before.isascii() and before.isalpha():
        return False  # digits inside a Latin word or code (IPv6, l00% with an OCR'd l for 1)
    qualified = any(match[group] for group in ("pre", "pct", "suf", "far", "per", "every"))
    if not num[0].isdigit() and not qualified:
        whole = match.group(0).strip() == text.strip(" 。.；;")
        if not unit or (num == "一" and not whole) or UNIT_SPELLINGS[unit] not in _COUNTERS_AND_TIME:
            return False
    if unit == "年" and not qualified and all(_YEAR.fullmatch(n) for n in (num, match["num2"] or num)):
        return False  # a year or span of years: 2023年推出…, 2022-2023年
    if qualified or unit or match["mult"] or match["bw"] or match["num2"]:
        return True
    return not _NAME_GLUE.match(text, match.end("num"))


def _unit_unknown(match: re.Match[str], text: str) -> bool:
    """A number glued to a word that is no known unit (``≥1.5万亩``): its unit is unknown, not absent.

    Reading it as a bare number would state a wrong unit (none): the quantity still counts (one of
    several clauses), but as one whose comparison cannot be read, so the text stays qualitative.
    Joining words (``≥50或…``, ``大于0即可``) are no unit.  A rate of something that is no period
    (``≤10000元/人``) is unknown too: dropping its ``/人`` would misstate it.
    """
    if _UNKNOWN_PER.match(text, match.end()):  # 元/人: a rate of something no period names
        return True
    if any(match[group] for group in ("unit", "unit1", "bw", "suf", "far", "per", "pct")):
        return False
    return bool(_UNKNOWN_UNIT.match(text, match.end()))


def _quantities(text: str, about_bandwidth: bool) -> list[_Quantity]:
    found: list[_Quantity] = []
    for match in _QUANTITY.finditer(text):
        if not _is_quantity(match, text):
            continue
        usable, unit = _unit(match, about_bandwidth)
        low = read_number(match["num"], match["mult"])
        if not usable or low is None:
            continue
        if match["neg"]:
            low = -low
        # 为/约 introduce a value (UPS为两台) rather than compare one
        span = QuantitySpan(match.start(), match.end(), compared=match["pre"] not in (None, "为", "约"))
        if _unit_unknown(match, text):
            found.append(_Quantity(None, low, None, None, span))
            continue
        if match["num2"]:
            high = read_number(match["num2"], match["mult2"] or match["mult"])
            if high is None:
                continue
            found.append(_Quantity("range", low, high, unit, span))
        else:
            comparator = _comparator(match["pre"], match["suf"] or match["far"])
            found.append(_Quantity(comparator, low, None, unit, span))
    return found


def _target(printed: str, quantity: _Quantity, name_unit: str | None) -> Target:
    comparator, value, unit = quantity.comparator, quantity.low, quantity.unit or name_unit
    if comparator is None:
        return Target(text=printed, comparator="qualitative")
    if comparator == "range":
        return Target(printed, "range", min=quantity.low, max=quantity.high, unit=unit)
    low = value if comparator in ("ge", "gt", "eq") else None
    high = value if comparator in ("le", "lt", "eq") else None
    return Target(printed, comparator, value=value, min=low, max=high, unit=unit)


def _name_unit(indicator_name: str | None) -> str | None:
    """The unit an indicator name states as its column unit: 恢复时间目标（小时） → 小时."""
    match = _NAME_UNIT.search(fold(indicator_name)) if indicator_name else None
    return UNIT_SPELLINGS[match["unit"]] if match else None


def _without_noise(text: str) -> str:
    body = _LABEL.sub("", _folded(text), count=1)
    for _ in range(_MASK_DEPTH):  # nested brackets: innermost first
        body, masked = _MASKED.subn(_MASK, body)
        if not masked:
            break
    return body


def _view(printed: str) -> str:
    """``_without_noise`` keeping every character where it is printed: what parts are split on.

    Folds are one character for one (``fold``), comparator spellings and the leading label are
    padded with blanks, and masked remarks and names become ``□`` plus blanks, so that a position
    in the view is the same position in the printed text.
    """
    view = fold(printed).replace("−", "-")
    for variant, canonical in _COMPARATOR_FOLDS:
        view = view.replace(variant, canonical.ljust(len(variant)))
    label = _LABEL.match(view)
    if label:
        view = " " * label.end() + view[label.end() :]
    for _ in range(_MASK_DEPTH):
        view, masked = _MASKED.subn(lambda m: _MASK.ljust(len(m.group())), view)
        if not masked:
            break
    return view


def _about_bandwidth(body: str, indicator_name: str | None) -> bool:
    return "带宽" in body or (indicator_name is not None and "带宽" in indicator_name)


def _read(printed: str, indicator_name: str | None) -> tuple[Target, int]:
    """``printed`` read as one target (never with parts) and how many quantities it states."""
    body = _without_noise(printed)
    quantities = _quantities(body, _about_bandwidth(body, indicator_name))
    if len(quantities) == 1:
        return _target(printed, quantities[0], _name_unit(indicator_name)), 1
    if not quantities and _ATTAIN.search(body) and not _NEGATION.search(body) and not _COMPARISON_WORD.search(body):
        return Target(text=printed, comparator="attain"), 0
    return Target(text=printed, comparator="qualitative"), len(quantities)


def _part(printed: str, clause: Clause, indicator_name: str | None) -> TargetPart:
    text = printed[clause.start : clause.end]
    target, _ = _read(text, indicator_name)
    label = None
    if clause.quantity is not None and target.comparator not in ("qualitative", "attain"):
        around = printed[clause.start : clause.quantity.start] + printed[clause.quantity.end : clause.end]
        label = " ".join(around.split()).strip(_LABEL_TRIM) or None
    return TargetPart(label, text, target.comparator, target.value, target.min, target.max, target.unit)


def _parts(printed: str, indicator_name: str | None) -> tuple[tuple[TargetPart, ...], Combine | None]:
    """The parts of a text stating several quantities; none when it does not split into two or more."""
    view = _view(printed)
    quantities = _quantities(view, _about_bandwidth(view, indicator_name))
    split = split_clauses(view, [quantity.span for quantity in quantities])
    if len(split.clauses) < 2:
        return (), None
    return tuple(_part(printed, clause, indicator_name) for clause in split.clauses), split.combine


def parse_target(text: str, indicator_name: str | None = None) -> Target:
    """The printed target ``text`` normalised.

    ``indicator_name`` is read for units only: 带宽 makes ``M``/``G`` bandwidth, and a unit the
    name prints as its column unit (``恢复时间目标（小时）``, ``接通率（%）``) applies when the value
    itself states none (``≤1`` → le 1 小时).  A unit printed in the value always wins.  A text
    stating several quantities is qualitative with its parts (see the module docstring).
    """
    printed = text.strip()
    target, found = _read(printed, indicator_name)
    if found < 2:
        return target
    parts, combine = _parts(printed, indicator_name)
    return replace(target, parts=parts, combine=combine)
