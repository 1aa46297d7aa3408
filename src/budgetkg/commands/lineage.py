"""``budgetkg lineage [--store DIR] [--format json|graphml] [--path A B]``: the platform lineage.

Reads the lineage from the store by SPARQL (so a remote endpoint works too) and prints it:
``json`` (default) ``{"nodes": [...], "edges": [...], "matrix": [...]}`` (amounts as exact decimal
strings, 万元), ``graphml`` for graph tools; ``--path A B`` prints how platform A is related to B (IRI,
label or registry key) as JSON steps.  The analysis reads every row (the endpoint's result limit protects
its clients, not this command); a remote server's own row cap can still cut it: the JSON then says
``"truncated": true``, stderr says so and the command exits 1.  Exit codes: 0 ok; 1 the store holds no
platforms, A and B are unrelated, or the lineage was cut short; 2 the store cannot be read or a platform is
unknown.
"""

from __future__ import annotations

import argparse
import json
import sys

from budgetkg.commands._stored import opened
from budgetkg.platforms.analysis import load_lineage
from budgetkg.settings import Settings

HELP = "print the platform lineage (nodes, relations with evidence, family × jurisdiction matrix)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", help="store directory or SPARQL endpoint URL (default: BUDGETKG_STORE)")
    parser.add_argument("--format", choices=("json", "graphml"), default="json")
    parser.add_argument("--path", nargs=2, metavar=("A", "B"), help="how platform A is related to platform B")


def run(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings, args.store) as store:
        lineage = load_lineage(store)
    if lineage.graph.number_of_nodes() == 0:
        print("budgetkg lineage: the store holds no platforms (run budgetkg build first)", file=sys.stderr)
        return 1
    if args.path:
        steps = lineage.path(*args.path)
        print(json.dumps(steps, ensure_ascii=False, indent=2))
        if not steps:
            print(f"budgetkg lineage: {args.path[0]} and {args.path[1]} are not related", file=sys.stderr)
            return 1
        return 0
    if args.format == "graphml":
        sys.stdout.write(lineage.to_graphml())
    else:
        print(json.dumps(lineage.to_json(), ensure_ascii=False, indent=2))
    if lineage.truncated:
        print("budgetkg lineage: the store cut a result short; the lineage is incomplete", file=sys.stderr)
        return 1
    return 0
