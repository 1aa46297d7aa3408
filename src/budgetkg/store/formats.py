"""Media types ↔ result formats, content negotiation and the serializers of query results.

SELECT/ASK: SPARQL Results JSON, XML, CSV, TSV (CSV/TSV are defined for SELECT only: an ASK
asked as CSV is "not acceptable").  CONSTRUCT/DESCRIBE: Turtle, N-Triples, JSON-LD, RDF/XML, TriG
(the triples go in the default graph of the TriG document).

A result cut at the result limit says so in the body wherever the format has room for it without
changing the data: a top-level ``"budgetkg"`` member in JSON results, a comment in XML, Turtle,
N-Triples, TriG and RDF/XML.  CSV, TSV and JSON-LD have no such room: the HTTP headers
(``X-Result-Truncated``) carry it alone there.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from rdflib.term import BNode, URIRef

from budgetkg.errors import BudgetkgError
from budgetkg.rdf.namespaces import PREFIXES
from budgetkg.store.base import AskResult, GraphResult, QueryResult, SelectResult, Serialized, Term
from budgetkg.store.terms import to_ox

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"
TRIG = "application/trig"

#: what each result kind can be served as, preferred first
RESULT_TYPES = (JSON, XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG)

#: other names clients use for the same formats, per result kind: a client asking a CONSTRUCT for
#: generic XML or JSON (rdflib's SPARQLStore does) gets RDF/XML or JSON-LD
RESULT_ALIASES = {"application/json": JSON, "application/xml": XML, "text/xml": XML}
GRAPH_ALIASES = {
    "application/json": JSONLD,
    "application/xml": RDFXML,
    "text/xml": RDFXML,
    "text/plain": NTRIPLES,
    "application/x-turtle": TURTLE,
    "text/n3": TURTLE,  # Turtle is valid N3
}

#: the ``format`` request parameter: short name → (results media type, graph media type)
FORMAT_PARAMETER: dict[str, tuple[str | None, str | None]] = {
    "json": (JSON, JSONLD),
    "xml": (XML, RDFXML),
    "csv": (CSV, None),
    "tsv": (TSV, None),
    "turtle": (None, TURTLE),
    "ttl": (None, TURTLE),
    "ntriples": (None, NTRIPLES),
    "nt": (None, NTRIPLES),
    "jsonld": (None, JSONLD),
    "json-ld": (None, JSONLD),
    "rdfxml": (None, RDFXML),
    "trig": (None, TRIG),
}

_OX_FORMATS = {
    TURTLE: ox.RdfFormat.TURTLE,
    NTRIPLES: ox.RdfFormat.N_TRIPLES,
    JSONLD: ox.RdfFormat.JSON_LD,
    RDFXML: ox.RdfFormat.RDF_XML,
    TRIG: ox.RdfFormat.TRIG,
}


class NotAcceptable(BudgetkgError):
    """No format the client accepts can carry this kind of result."""


@dataclass(frozen=True)
class _Range:
    media_type: str
    q: float
    specificity: int


def _ranges(accept: str, aliases: dict[str, str]) -> list[_Range]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media_type = aliases.get(fields[0].lower(), fields[0].lower())
        if not media_type:
            continue
        q = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        specificity = 0 if media_type == "*/*" else 1 if media_type.endswith("/*") else 2
        ranges.append(_Range(media_type, q, specificity))
    return ranges


def negotiate(accept: str | None, offered: tuple[str, ...]) -> str | None:
    """The offered media type the Accept header prefers (the first offered when there is no header)."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept, GRAPH_ALIASES if offered[0] in GRAPH_TYPES else RESULT_ALIASES)
    scored = []
    for index, media_type in enumerate(offered):
        matching = [r for r in ranges if _matches(r.media_type, media_type)]
        if matching:
            q = max(matching, key=lambda r: r.specificity).q  # the most specific range decides (RFC 9110)
            if q > 0:
                scored.append((q, -index, media_type))
    return max(scored)[2] if scored else None


def _matches(pattern: str, media_type: str) -> bool:
    if pattern == "*/*":
        return True
    if pattern.endswith("/*"):
        return media_type.startswith(pattern[:-1])
    return pattern == media_type


def media_type_for(result: QueryResult, results_type: str | None, graph_type: str | None) -> str:
    """The negotiated media type that fits the kind of ``result``; NotAcceptable when none does."""
    if isinstance(result, GraphResult):
        if graph_type is None:
            raise NotAcceptable(f"a CONSTRUCT/DESCRIBE result can be served as {', '.join(GRAPH_TYPES)}")
        return graph_type
    if results_type is None or (isinstance(result, AskResult) and results_type in (CSV, TSV)):
        offered = (JSON, XML) if isinstance(result, AskResult) else RESULT_TYPES
        raise NotAcceptable(f"this result can be served as {', '.join(offered)}")
    return results_type


def serialize(result: QueryResult, media_type: str, limit: int | None = None) -> Serialized:
    """``result`` as bytes of ``media_type``; ``limit`` only feeds the truncation notice."""
    aliases = GRAPH_ALIASES if isinstance(result, GraphResult) else RESULT_ALIASES
    media_type = aliases.get(media_type, media_type)
    truncated = not isinstance(result, AskResult) and result.truncated
    notice = f"result truncated at the result limit of {limit} (more results exist)" if truncated else ""
    if isinstance(result, GraphResult):
        if media_type not in _OX_FORMATS:
            raise NotAcceptable(f"a CONSTRUCT/DESCRIBE result cannot be served as {media_type}")
        return Serialized(_graph(result, media_type, notice), media_type, truncated)
    if media_type == JSON:
        body = _json(result, notice, limit)
    elif media_type == XML:
        body = _xml(result, notice)
    elif media_type in (CSV, TSV) and isinstance(result, SelectResult):
        body = _csv(result) if media_type == CSV else _tsv(result)
    else:
        raise NotAcceptable(f"this result cannot be served as {media_type}")
    return Serialized(body, media_type, truncated)


# -- SELECT / ASK ------------------------------------------------------------------------------


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: SelectResult | AskResult, notice: str, limit: int | None) -> bytes:
    document: dict[str, object]
    if isinstance(result, AskResult):
        document = {"head": {}, "boolean": result.value}
    else:
        rows = [{name: _json_term(term) for name, term in row.items()} for row in result.rows]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": rows}}
        if notice:
            document["budgetkg"] = {"truncated": True, "resultLimit": limit, "message": notice}
    return json.dumps(document, ensure_ascii=False).encode()


def _xml_term(term: Term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attributes = ""
    if term.language:
        attributes = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None:
        attributes = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attributes}>{escape(str(term))}</literal>"


def _xml(result: SelectResult | AskResult, notice: str) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    if notice:
        out.append(f"<!-- {escape(notice)} -->")
    out.append('<sparql xmlns="http://www.w3.org/2005/sparql-results#">')
    if isinstance(result, AskResult):
        out.append(f"<head/><boolean>{'true' if result.value else 'false'}</boolean>")
    else:
        out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>")
        out.append("<results>")
        for row in result.rows:
            bindings = "".join(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>" for n, t in row.items())
            out.append(f"<result>{bindings}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out).encode()


def _csv(result: SelectResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # the SPARQL CSV format mandates CRLF
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(row.get(name)) for name in result.variables])
    return buffer.getvalue().encode()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _tsv(result: SelectResult) -> bytes:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join(nt_term(row[v]) if v in row else "" for v in result.variables))
    return ("\n".join(lines) + "\n").encode()


def nt_term(term: Term) -> str:
    """A term in N-Triples syntax, always on one line (TSV cells, SPARQL Update data)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")).replace(
        "\t", "\\t"
    )
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype is not None:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


# -- CONSTRUCT / DESCRIBE ----------------------------------------------------------------------


def _graph(result: GraphResult, media_type: str, notice: str) -> bytes:
    triples = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in result.triples]
    rdf_format = _OX_FORMATS[media_type]
    # Turtle and TriG with the project's prefixes: a person reads bkg:Indicator, not the full IRI every time
    prefixes = dict(PREFIXES) if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if rdf_format.supports_datasets:
        quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
        output = ox.serialize(quads, format=rdf_format, prefixes=prefixes)
    else:
        output = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
    body = bytes(output or b"")
    if not notice:
        return body
    if media_type == RDFXML:
        comment = f"<!-- {escape(notice)} -->\n".encode()
        if not body.startswith(b"<?xml"):
            return comment + body
        declaration, _, rest = body.partition(b"?>")
        return declaration + b"?>\n" + comment + rest.lstrip(b"\n")
    if media_type in (TURTLE, NTRIPLES, TRIG):
        return f"# {notice}\n".encode() + body
    return body
