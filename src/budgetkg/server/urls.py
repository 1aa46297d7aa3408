"""Every URL path of the web browser is built here, and every request path is mapped to an IRI here.

Thing IRIs are ``{base}id/<kind>/<key>``; on this server the request path ``/id/<kind>/<key>`` names the
thing (answered with 303) and ``/doc/<kind>/<key>[.suffix]`` its document.  IRIs outside
``{base}id/`` (vocabulary terms, Wikidata places) get ``/resource?iri=…``.  The base IRI comes from
Settings, so a deployment behind a proxy mints and serves its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlencode

from budgetkg.rdf.published import DUMP_PATH

#: document suffix → media type; the order is the order of the Link: rel="alternate" headers
FORMATS: dict[str, str] = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}

# characters of a key kept as they are when a path is built from an IRI (the rest is percent-encoded)
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"

HOME = "/"
SEARCH = "/search"
SEARCH_JSON = "/search.json"
LINEAGE = "/lineage"
COMPARE = "/compare"
QUERY = "/query"
VALIDATION = "/validation"
RESOURCE = "/resource"
SPARQL = "/sparql"
STATIC = "/static"
VENDOR = "/static/vendor"
#: where the catalogue's N-Quads distribution points (rdf/published.py: {base}download/budgetkg.nq)
DUMP = "/" + DUMP_PATH
VOID = "/.well-known/void"
THING_PREFIX = "/id/"
DOC_PREFIX = "/doc/"


def with_query(path: str, **params: str | int | None) -> str:
    """``path?k=v…`` with the None values left out (values are percent-encoded)."""
    kept = {k: str(v) for k, v in params.items() if v is not None}
    if not kept:
        return path
    return f"{path}{'&' if '?' in path else '?'}{urlencode(kept)}"


def static(name: str) -> str:
    return f"{STATIC}/{name}"


def vendor(name: str) -> str:
    return f"{VENDOR}/{name}"


def search(q: str | None = None, fmt: str | None = None) -> str:
    return with_query(SEARCH_JSON if fmt == "json" else SEARCH, q=q)


def query_page(query: str | None = None) -> str:
    return with_query(QUERY, query=query)


def sparql(query: str, fmt: str | None = None) -> str:
    """The /sparql endpoint's URL for ``query`` (``fmt``: its format parameter, e.g. csv, json)."""
    return with_query(SPARQL, query=query, format=fmt)


def compare(kind: str | None = None) -> str:
    return with_query(COMPARE, kind=kind)


def lineage(a: str | None = None, b: str | None = None, focus: str | None = None) -> str:
    return with_query(LINEAGE, focus=focus, a=a, b=b)


@dataclass(frozen=True)
class IriMap:
    """The two-way map between this deployment's IRIs and request paths."""

    base_iri: str

    @property
    def thing_base(self) -> str:
        return f"{self.base_iri}id/"

    def is_local(self, iri: str) -> bool:
        return iri.startswith(self.thing_base) and len(iri) > len(self.thing_base)

    def document(self, iri: str, suffix: str | None = None, **params: str | int | None) -> str:
        """The path of the document about ``iri`` (HTML page when no suffix)."""
        if self.is_local(iri):
            key = quote(iri[len(self.thing_base) :], safe=_PATH_SAFE)
            return with_query(f"{DOC_PREFIX}{key}{'.' + suffix if suffix else ''}", **params)
        return with_query(RESOURCE, iri=iri, format=suffix, **params)

    def thing(self, iri: str) -> str:
        """The request path that names the thing itself (only for local IRIs)."""
        if not self.is_local(iri):
            raise ValueError(f"not an IRI of this deployment: {iri}")
        return THING_PREFIX + quote(iri[len(self.thing_base) :], safe=_PATH_SAFE)

    def iri_candidates(self, raw_key: str) -> tuple[str, ...]:
        """IRIs a request key may name: as sent, and percent-decoded (IRIs may hold raw Chinese)."""
        first = self.thing_base + raw_key
        second = self.thing_base + unquote(raw_key)
        return (first,) if first == second else (first, second)


def split_suffix(raw_key: str) -> tuple[str, str | None]:
    """``kind/key.ttl`` → (``kind/key``, ``ttl``); no known suffix → (key, None)."""
    stem, dot, suffix = raw_key.rpartition(".")
    if dot and suffix in FORMATS and stem:
        return stem, suffix
    return raw_key, None
