"""Paging of the pages that list a whole collection (departments, findings, compare columns).

A page is asked for with ``?page=N`` (1-based) and optionally ``?size=K``; the size is clamped to
``MAX_SIZE`` so no request can ask a page to render everything, and a page number past the end shows
the last page.  ``Page`` says which items are shown ("showing x–y of n") and links the neighbours with
the request's other parameters kept, so the tables stay plain server-rendered HTML, no JavaScript.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlencode

T = TypeVar("T")

#: the most items one page renders, whatever ``size`` a request asks for
MAX_SIZE = 200


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    total: int
    #: the page's path and the request parameters to keep in its neighbours' links (``page`` excluded);
    #: a repeated parameter (several families on /lineage) keeps all its values
    path: str = ""
    keep: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    #: the query parameter naming the page (a page with two paged lists names them apart)
    param: str = "page"

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first(self) -> int:
        """1-based position of the first item shown; 0 when there is none."""
        return self.offset + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.offset + self.size, self.total)

    def href(self, number: int) -> str:
        return f"{self.path}?{urlencode({**self.keep, self.param: number}, doseq=True)}"

    @property
    def previous_href(self) -> str | None:
        return self.href(self.number - 1) if self.number > 1 else None

    @property
    def next_href(self) -> str | None:
        return self.href(self.number + 1) if self.number < self.pages else None

    def items(self, everything: Sequence[T]) -> list[T]:
        """This page's slice of ``everything`` (the whole list, in the order pages count)."""
        return list(everything[self.offset : self.offset + self.size])


def page_of(
    requested: int | None,
    size: int | None,
    total: int,
    *,
    default_size: int,
    path: str = "",
    keep: Mapping[str, str | tuple[str, ...] | None] | None = None,
    param: str = "page",
) -> Page:
    """The page ``requested`` of ``total`` items, its number and size clamped to what exists and is allowed."""
    size = min(max(1, size or default_size), MAX_SIZE)
    pages = max(1, -(-total // size))
    number = min(max(1, requested or 1), pages)
    kept: dict[str, str | tuple[str, ...]] = {k: v for k, v in (keep or {}).items() if v}
    if size != default_size:
        kept["size"] = str(size)
    return Page(number, size, total, path, kept, param)
