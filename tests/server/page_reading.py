"""Reading rendered pages back into data (tables, links, text) so tests assert on meaning, not markup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser


@dataclass
class Cell:
    text: str = ""
    links: list[str] = field(default_factory=list)


@dataclass
class Table:
    classes: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self.stack: list[Table] = []
        self.cell: Cell | None = None
        self.links: list[tuple[str, str]] = []
        self.href: str | None = None
        self.anchor_text: list[str] = []
        self.text: list[str] = []
        self.h1: list[str] = []
        self.in_h1 = False
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            table = Table((a.get("class") or "").split())
            self.tables.append(table)
            self.stack.append(table)
        elif tag == "tr" and self.stack:
            self.stack[-1].rows.append([])
        elif tag in ("td", "th") and self.stack and self.stack[-1].rows:
            self.cell = Cell()
            self.stack[-1].rows[-1].append(self.cell)
        elif tag == "a" and a.get("href"):
            self.href, self.anchor_text = a["href"], []
            if self.cell is not None:
                self.cell.links.append(a["href"] or "")
        elif tag == "h1":
            self.in_h1 = True
        elif tag == "br" and self.cell is not None:
            self.cell.text += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag == "table" and self.stack:
            self.stack.pop()
        elif tag in ("td", "th"):
            self.cell = None
        elif tag == "a" and self.href is not None:
            self.links.append((self.href, "".join(self.anchor_text).strip()))
            self.href = None
        elif tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.text.append(data)
        if self.cell is not None:
            self.cell.text += data
        if self.href is not None:
            self.anchor_text.append(data)
        if self.in_h1:
            self.h1.append(data)


@dataclass
class Page:
    tables: list[Table]
    links: list[tuple[str, str]]
    text: str
    h1: str

    def table(self, css_class: str) -> Table:
        found = [t for t in self.tables if css_class in t.classes]
        assert len(found) == 1, f"expected one table.{css_class}, found {len(found)}"
        return found[0]

    def link_texts(self, href_part: str) -> list[str]:
        return [text for href, text in self.links if href_part in href]


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    return Page(reader.tables, reader.links, "".join(reader.text), "".join(reader.h1).strip())


_WAN = re.compile(r"([\d,]+\.\d{2}) 万元")
_YUAN = re.compile(r"([\d,]+\.\d{2}) 元")


def wan_amounts(text: str) -> list[Decimal]:
    """Every ``1,234.56 万元`` in ``text`` as a Decimal."""
    return [Decimal(m.replace(",", "")) for m in _WAN.findall(text)]


def yuan_amounts(text: str) -> list[Decimal]:
    return [Decimal(m.replace(",", "")) for m in _YUAN.findall(text.replace("万元", "万"))]
