"""Target values (指标值) → normalised comparator, value(s) and unit.  Being rewritten; see tests/parser/test_targets.py."""

from __future__ import annotations

from budgetkg.records import Target


def parse_target(text: str, indicator_name: str | None = None) -> Target:
    """The printed target ``text`` normalised; ``indicator_name`` disambiguates units (带宽 → Mbps)."""
    return Target(text=text.strip(), comparator="qualitative")
