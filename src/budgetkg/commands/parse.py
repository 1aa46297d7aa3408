"""``budgetkg parse FILE [FILE …] [--format text|json]``: read filings, print their records.

Every good filing is printed, even when others fail; each bad one gets one line on stderr,
``FILE:LINE: what is wrong``.  Exit 0 when all parsed, 1 when any did not.
JSON: one object per file (``records.to_json``), a JSON array when several files are given.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import TextIO

from budgetkg.errors import InputError
from budgetkg.parser import parse_file
from budgetkg.records import Filing, to_json
from budgetkg.settings import Settings

HELP = "parse filings (预算绩效目标表 as text) and print their records"
EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="filings to parse (text, any usual encoding)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): a summary for people; json: the documented records",
    )


def _parse_one(path: str) -> Filing | str:
    """The filing, or the one line saying why it could not be read."""
    try:
        return parse_file(path)
    except InputError as error:
        return str(error)
    except Exception as error:  # a bug must not hide the other files' results or print a traceback
        return f"{path}:0: internal error, please report: {type(error).__name__}: {error}"


def _money(amount: Decimal | None) -> str:
    return "?" if amount is None else f"{amount:,.2f}"


def _lines(lines: tuple[int, int] | None) -> str:
    if lines is None:
        return ""
    first, last = lines
    return f"line {first}" if first == last else f"lines {first}-{last}"


def write_text(filing: Filing, out: TextIO) -> None:
    """A human summary of one filing."""
    department = filing.department
    where = department.district or department.level
    print(f"{filing.source.path}  [{filing.form}, {filing.source.encoding}]", file=out)
    print(f"  department: {department.name} ({where})", file=out)
    print(f"  year: {filing.year if filing.year is not None else 'not stated'}", file=out)
    if filing.budget:
        print("  budget (万元): " + "; ".join(f"{b.label} {_money(b.amount)}" for b in filing.budget), file=out)
    for number, goal in enumerate(filing.goals, start=1):
        print(f"  goal {number} ({_lines(goal.lines)}): {goal.text}", file=out)
    for task in filing.tasks:
        print(f"  task ({_lines(task.lines)}): {task.name} — {_money(task.amount)} 万元", file=out)
    for project in filing.projects:
        print(f"  project ({_lines(project.lines)}): {project.name} — {_money(project.amount)} 万元", file=out)
        print(f"    {len(project.indicators)} indicators", file=out)
    if filing.indicators:
        print(f"  indicators: {len(filing.indicators)}", file=out)
    for finding in filing.findings:
        print(f"  {finding.severity} [{finding.kind}] {_lines(finding.lines)}: {finding.message}", file=out)


def run(args: argparse.Namespace, settings: Settings) -> int:
    results = [_parse_one(path) for path in args.files]
    filings = [result for result in results if isinstance(result, Filing)]
    for result in results:
        if isinstance(result, str):
            print(result, file=sys.stderr)
    if args.format == "json":
        documents = [to_json(filing) for filing in filings]
        payload = documents[0] if len(args.files) == 1 and documents else documents
        if len(args.files) > 1 or documents:
            json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
    else:
        for filing in filings:
            write_text(filing, sys.stdout)
    return EXIT_OK if len(filings) == len(results) else EXIT_PROBLEMS
