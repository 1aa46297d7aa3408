"""Error pages: a 404 page for unknown IRIs and paths, and a 500 page that leaks nothing.

Expected errors (budgetkg.errors) map to status codes; anything else is a bug, logged on the server
with its traceback and answered with a generic page.  Browsers get HTML, API clients plain text.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse, Response

from budgetkg.errors import BudgetkgError, NotFound, QueryError, QueryTimeout, StoreError
from budgetkg.server.context import web

LOG = logging.getLogger("budgetkg.server")

_STATUS: dict[type[BudgetkgError], int] = {NotFound: 404, QueryError: 400, QueryTimeout: 504, StoreError: 503}
_TITLES = {
    400: "请求有误 Bad request",
    404: "未找到 Not found",
    406: "无法提供 Not acceptable",
    504: "查询超时 Query timed out",
}


def _wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept or not accept


def error_response(request: Request, status: int, message: str) -> Response:
    """One error shape: the message on an HTML page for browsers, as text otherwise."""
    if not _wants_html(request):
        return PlainTextResponse(f"{status}: {message}\n", status_code=status)
    title = _TITLES.get(status, "出错了 Error")
    return web(request).page("error.html", status_code=status, status=status, title=title, message=message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = "没有这个页面。No page at this address." if exc.status_code == 404 else str(exc.detail)
    response = error_response(request, exc.status_code, message)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _expected_error(request: Request, exc: Exception) -> Response:
    status = next((code for kind, code in _STATUS.items() if isinstance(exc, kind)), 400)
    return error_response(request, status, str(exc))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    LOG.exception("unexpected error on %s", request.url.path, exc_info=exc)
    message = "服务器内部错误，已记录。Internal error; it has been logged."
    try:
        return error_response(request, 500, message)
    except Exception:  # the error page itself failed: say as little as possible
        return PlainTextResponse("500: internal error\n", status_code=500)


def install_error_pages(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(BudgetkgError, _expected_error)
    app.add_exception_handler(Exception, _unexpected_error)
