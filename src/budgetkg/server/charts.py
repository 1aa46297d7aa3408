"""Server-side bar charts (inline SVG, no JavaScript): the geometry is computed here, drawn by a template."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

LABEL_WIDTH = 330
BAR_AREA = 420
ROW_HEIGHT = 26
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    href: str | None
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    label_width: int = LABEL_WIDTH
    bar_area: int = BAR_AREA
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return ROW_HEIGHT * len(self.bars) + 8

    @property
    def width(self) -> int:
        return self.label_width + self.bar_area + 140


def bar_chart(title: str, items: list[tuple[str, Decimal | None, str | None]]) -> Chart:
    """Horizontal bars scaled to the largest value; unknown values get no bar (and say so in the label)."""
    known = [v for _, v, _ in items if v is not None and v > 0]
    top = max(known, default=Decimal(1))
    bars = tuple(
        Bar(label, value, href, i * ROW_HEIGHT + 4, int(BAR_AREA * value / top) if value and value > 0 else 0)
        for i, (label, value, href) in enumerate(items)
    )
    return Chart(title, bars)
