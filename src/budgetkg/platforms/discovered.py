"""Platforms a filing names that the registry does not know: one node per platform, however spelled.

Within one filing, a discovered name one edit away from an earlier one (both at least
``FUZZY_MIN_LENGTH`` long: 统一预约叫号评价系统 / 统一预约叫取号评价系统) is the same platform; within one
record, a name that is the tail of a longer discovered name (集约化平台 after 政府网站集约化平台) is its short
form.  A discovered platform's family is inferred from the words of its name and says so; its
jurisdiction is the place its name starts with, else the filing's own (inferred, and said so).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budgetkg.platforms.names import FUZZY_MIN_LENGTH, within_one_edit
from budgetkg.platforms.vocabulary import Resolution

#: name word → family key, first match wins (most specific words first)
_FAMILY_WORDS: tuple[tuple[str, str], ...] = (
    ("12345", "hotline-12345"),
    ("热线", "hotline-12345"),
    ("一张图", "map-gis"),
    ("地理信息", "map-gis"),
    ("gis", "map-gis"),
    ("移动", "mobile-government"),
    ("app", "mobile-government"),
    ("中枢", "city-operation-hub"),
    ("指挥", "city-operation-hub"),
    ("城市运行", "city-operation-hub"),
    ("外网", "cloud-network"),
    ("政务云", "cloud-network"),
    ("云平台", "cloud-network"),
    ("网络", "cloud-network"),
    ("视频会议", "cloud-network"),
    ("短信", "cloud-network"),
    ("数据", "data-platform"),
    ("政务服务", "online-government-services"),
    ("审批", "online-government-services"),
    ("预约", "online-government-services"),
    ("受理", "online-government-services"),
    ("网上", "online-government-services"),
    ("网站", "online-government-services"),
    ("办公", "government-administration"),
    ("项目管理", "government-administration"),
)


def family_from_name(name: str) -> tuple[str, str] | None:
    """(family key, the word it was inferred from) for a discovered name, None when no word tells."""
    lowered = name.lower()
    for word, family in _FAMILY_WORDS:
        if word in lowered:
            return family, word
    return None


@dataclass
class DiscoveredNames:
    """Canonical names of a filing's discovered platforms, and every spelling seen for each."""

    variants: dict[str, set[str]] = field(default_factory=dict)
    candidates: dict[str, set[str]] = field(default_factory=dict)
    #: canonical name → the name as first printed (spaces and quotes removed): what labels show
    printed: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str, record_names: list[str]) -> tuple[str, Resolution]:
        """The canonical name for ``name`` and how it was resolved (discovered, short_form or fuzzy).

        ``record_names`` are the canonical names already seen in the same record (for short forms)."""
        if name in self.variants:
            return name, "discovered"
        for known in record_names:
            if len(name) >= 4 and len(known) > len(name) and known.endswith(name):
                self.variants[known].add(name)
                return known, "short_form"
        if len(name) >= FUZZY_MIN_LENGTH:
            for known in self.variants:
                if len(known) >= FUZZY_MIN_LENGTH and within_one_edit(name, known):
                    self.variants[known].add(name)
                    return known, "fuzzy"
        self.variants[name] = {name}
        return name, "discovered"
