"""``budgetkg query 'SPARQL'``: run one query against the store and print the result.

Formats: ``table`` (aligned text, default), ``csv``, ``json`` (SPARQL results JSON) for SELECT/ASK;
CONSTRUCT/DESCRIBE print Turtle (``table``/``csv``) or JSON-LD (``json``).  A result cut at the
result limit says so on stderr.  Exit codes: 0 ok; 2 bad query, timeout or unreadable store.
"""

from __future__ import annotations

import argparse
import sys

from budgetkg.settings import Settings
from budgetkg.store import open_store
from budgetkg.store.base import AskResult, GraphResult, QueryResult, SelectResult
from budgetkg.store.formats import CSV, JSON, JSONLD, TURTLE, serialize

HELP = "run a SPARQL query against the store (a named query: --named NAME)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sparql", nargs="?", help="the SPARQL query text ('-' reads it from stdin)")
    parser.add_argument("--named", metavar="NAME", help="run the named analyst query NAME (see --list)")
    parser.add_argument("--list", action="store_true", help="list the named analyst queries")
    parser.add_argument("--store", help="store directory or SPARQL endpoint URL (default: BUDGETKG_STORE)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--timeout", type=float, help="query timeout in seconds (default 10)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from budgetkg.queries import all_queries, named_query

    if args.list:
        for named in all_queries():
            print(f"{named.name}\t{named.title}")
        return 0
    if args.named:
        sparql = named_query(args.named).sparql
    elif args.sparql == "-":
        sparql = sys.stdin.read()
    elif args.sparql:
        sparql = args.sparql
    else:
        print("budgetkg query: give a SPARQL query, --named NAME or --list", file=sys.stderr)
        return 2
    settings = settings.with_overrides(store=args.store, query_timeout=args.timeout)
    # one worker process: the timeout is enforced even from the shell
    store = open_store(settings, workers=1)
    try:
        result = store.query(sparql)
    finally:
        store.close()
    sys.stdout.write(render(result, args.format, settings.result_limit))
    if not isinstance(result, AskResult) and result.truncated:
        print(f"budgetkg query: result truncated at the limit of {settings.result_limit}", file=sys.stderr)
    return 0


def render(result: QueryResult, fmt: str, limit: int | None) -> str:
    """The text printed for ``result`` in ``fmt`` (table, csv or json)."""
    if isinstance(result, GraphResult):
        return serialize(result, JSONLD if fmt == "json" else TURTLE, limit).body.decode()
    if fmt == "json":
        return serialize(result, JSON, limit).body.decode() + "\n"
    if isinstance(result, AskResult):
        return ("true" if result.value else "false") + "\n"
    if fmt == "csv":
        return serialize(result, CSV, limit).body.decode()
    return _table(result)


def _table(result: SelectResult) -> str:
    header = list(result.variables)
    rows = [[str(row.get(name, "")) for name in header] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = [_line(header, widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(r, widths) for r in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    # CJK characters take two terminal columns
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths, strict=True)).rstrip()
