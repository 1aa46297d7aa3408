"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (read-only).

GET ``?query=``, POST form-encoded, POST ``application/sparql-query``; ``default-graph-uri`` and
``named-graph-uri``; without them the default graph is the union of the filing graphs.  Results by
Accept or by a ``format`` parameter (formats.FORMAT_PARAMETER); 406 for a format the result kind
cannot take.  Writes are refused: SPARQL Update 403, Graph Store methods (PUT/DELETE/PATCH) 405.
Errors are plain text: 400 with the engine's message and position, 504 at the timeout, 503 when
the store cannot be read, 500 with no detail for anything unexpected.  Every result carries
``X-Result-Limit`` and ``X-Result-Truncated`` (and the body says it too, see formats).
A browser asking for text/html without a query gets a query form; a client asking for RDF (Turtle,
JSON-LD …) without a query gets the SPARQL 1.1 Service Description (server/publishing.py).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from fastapi import APIRouter, Request
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, QueryParams
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from budgetkg.errors import QueryError, QueryTimeout, StoreError
from budgetkg.server.publishing import describe_service
from budgetkg.server.render import TEMPLATES
from budgetkg.settings import Settings
from budgetkg.store.base import Store
from budgetkg.store.formats import (
    FORMAT_PARAMETER,
    GRAPH_TYPES,
    RESULT_TYPES,
    NotAcceptable,
    media_type_for,
    negotiate,
    serialize,
)
from budgetkg.store.forms import QUERY_FORMS, UPDATE_FORMS, sparql_form

LOG = logging.getLogger("budgetkg.sparql")

router = APIRouter()

READ_ONLY = "this SPARQL endpoint is read-only: updates, LOAD and Graph Store writes are refused"
_FORM_TYPE = "application/x-www-form-urlencoded"
_QUERY_TYPE = "application/sparql-query"
_UPDATE_TYPE = "application/sparql-update"


@dataclass(frozen=True)
class _Request:
    query: str | None
    update: str | None
    default_graph_uris: tuple[str, ...]
    named_graph_uris: tuple[str, ...]
    format: str | None


def _from_params(params: QueryParams | FormData, query: str | None = None) -> _Request:
    def values(name: str) -> tuple[str, ...]:
        return tuple(str(v) for v in params.getlist(name))

    text = query if query is not None else params.get("query")
    update = params.get("update")
    fmt = params.get("format")
    return _Request(
        str(text) if text is not None else None,
        str(update) if update is not None else None,
        values("default-graph-uri"),
        values("named-graph-uri"),
        str(fmt) if fmt else None,
    )


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(f"{message}\n", status_code=status, headers=headers)


@router.get("/sparql", response_model=None)
async def sparql_get(request: Request) -> Response:
    parsed = _from_params(request.query_params)
    if parsed.query is None and parsed.update is None:
        accept = request.headers.get("accept", "")
        if "text/html" in accept:
            return _form(request)
        # only an explicit RDF type (not */*) asks for the description: a bare client still gets the 400
        explicit = ",".join(part for part in accept.split(",") if "*" not in part.split(";")[0])
        described = negotiate(explicit, GRAPH_TYPES) if explicit else None
        if described is not None:  # an RDF client asking the endpoint what it is: its service description
            try:
                return await run_in_threadpool(describe_service, request, described)
            except StoreError as error:
                LOG.warning("store error: %s", error)
                return _text(503, "the store cannot answer right now; try again later")
    return await _answer(request, parsed)


@router.post("/sparql", response_model=None)
async def sparql_post(request: Request) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == _FORM_TYPE:
        parsed = _from_params(await request.form())
        # protocol parameters may also ride on the URL
        if not parsed.default_graph_uris and not parsed.named_graph_uris:
            url = _from_params(request.query_params)
            parsed = _Request(parsed.query, parsed.update, url.default_graph_uris, url.named_graph_uris, parsed.format)
    elif content_type == _QUERY_TYPE:
        body = (await request.body()).decode("utf-8", errors="replace")
        parsed = _from_params(request.query_params, query=body)
    elif content_type == _UPDATE_TYPE:
        return _text(403, READ_ONLY)
    else:
        return _text(415, f"send the query as {_FORM_TYPE} or {_QUERY_TYPE} (got {content_type or 'no type'})")
    return await _answer(request, parsed)


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], response_model=None)
async def sparql_write(request: Request) -> Response:
    return _text(405, READ_ONLY, {"Allow": "GET, POST, OPTIONS"})


async def _answer(request: Request, parsed: _Request) -> Response:
    if parsed.update is not None:
        return _text(403, READ_ONLY)
    if parsed.query is None or not parsed.query.strip():
        return _text(400, "missing the query parameter (SPARQL 1.1 Protocol: ?query=…)")
    form = sparql_form(parsed.query)
    if form in UPDATE_FORMS:
        return _text(403, READ_ONLY)
    results_type, graph_type = _negotiated(request, parsed.format)
    if form in QUERY_FORMS and (results_type if form in ("SELECT", "ASK") else graph_type) is None:
        offered = RESULT_TYPES if form in ("SELECT", "ASK") else GRAPH_TYPES
        return _text(406, f"a {form} result can be served as {', '.join(offered)}")
    store: Store = request.app.state.store
    settings: Settings = request.app.state.settings
    try:
        result = await run_in_threadpool(
            store.query,
            parsed.query,
            default_graph_uris=parsed.default_graph_uris,
            named_graph_uris=parsed.named_graph_uris,
            timeout=settings.query_timeout,
        )
        media_type = media_type_for(result, results_type, graph_type)
        serialized = await run_in_threadpool(serialize, result, media_type, settings.result_limit)
    except NotAcceptable as error:
        return _text(406, str(error))
    except QueryError as error:
        return _text(400, str(error))
    except QueryTimeout as error:
        return _text(504, str(error))
    except StoreError as error:
        LOG.warning("store error: %s", error)
        return _text(503, "the store cannot answer right now; try again later")
    except Exception:
        LOG.exception("unexpected error answering a SPARQL query")
        return _text(500, "internal error; it has been logged")
    headers = {
        "Vary": "Accept",
        "X-Result-Limit": str(settings.result_limit),
        "X-Result-Truncated": "true" if serialized.truncated else "false",
    }
    charset = "" if serialized.media_type.endswith("json") else "; charset=utf-8"
    return Response(serialized.body, media_type=f"{serialized.media_type}{charset}", headers=headers)


def _negotiated(request: Request, fmt: str | None) -> tuple[str | None, str | None]:
    if fmt is not None:
        return FORMAT_PARAMETER.get(fmt.lower(), (None, None))
    accept = request.headers.get("accept")
    return negotiate(accept, RESULT_TYPES), negotiate(accept, GRAPH_TYPES)


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True), undefined=StrictUndefined
    )


def _form(request: Request) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    formats: Sequence[str] = [name for name in FORMAT_PARAMETER]
    html = (
        _environment()
        .get_template("sparql_form.html")
        .render(
            action=str(request.url_for("sparql_get")),
            example="SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            formats=formats,
            timeout=settings.query_timeout,
            limit=settings.result_limit,
        )
    )
    return HTMLResponse(html, headers={"Vary": "Accept"})
