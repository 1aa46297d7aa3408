"""``budgetkg dump [--store DIR] [--format nquads|trig|turtle|jsonld]``: the whole graph on stdout.

N-Quads and TriG keep the named graphs (one per filing, plus build, platforms, links, validation);
Turtle merges them into one graph; JSON-LD writes one named graph object per graph.  N-Quads come out
sorted, so two dumps of the same store are byte for byte equal.  Exit 2 when the store cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from rdflib import Dataset, Graph, URIRef

from budgetkg.commands._stored import opened, read_graph
from budgetkg.rdf.namespaces import bind_prefixes
from budgetkg.rdf.serialize import canonical_ntriples
from budgetkg.settings import Settings

HELP = "write the stored graph to stdout"
EXIT_OK = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", help="store directory or SPARQL endpoint URL (default: Settings.store)")
    parser.add_argument("--format", choices=("nquads", "trig", "turtle", "jsonld"), default="nquads")


def _nquads(graphs: dict[str, Graph]) -> bytes:
    lines: list[bytes] = []
    for name, graph in graphs.items():
        suffix = f" <{name}> .\n".encode()
        for line in canonical_ntriples(graph).splitlines():
            lines.append(line.removesuffix(b" .") + suffix)
    return b"".join(sorted(lines))


def run(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings, args.store) as store:
        graphs = {name: read_graph(store, name) for name in store.graph_names()}
    if args.format == "nquads":
        sys.stdout.buffer.write(_nquads(graphs))
        return EXIT_OK
    if args.format == "turtle":
        merged = bind_prefixes(Graph())
        for graph in graphs.values():
            merged += graph
        sys.stdout.write(merged.serialize(format="turtle"))
        return EXIT_OK
    dataset = Dataset()
    bind_prefixes(dataset)
    for name, graph in graphs.items():
        target = dataset.graph(URIRef(name))
        for triple in graph:
            target.add(triple)
    sys.stdout.write(dataset.serialize(format="trig" if args.format == "trig" else "json-ld"))
    return EXIT_OK
