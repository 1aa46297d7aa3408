"""What every browser route needs, built once per app from ``app.state.settings`` / ``app.state.store``.

``create_app`` (app.py) puts the Settings and the open Store on ``app.state``; the browser's own
objects (templates, IRI map, search index) are made here on first use so app.py stays a short
composition root.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from jinja2 import Environment
from starlette.responses import HTMLResponse

from budgetkg.rdf import published
from budgetkg.server import render, urls
from budgetkg.settings import Settings
from budgetkg.store.base import Store

if TYPE_CHECKING:
    from budgetkg.server.search import SearchIndex


@dataclass
class WebContext:
    settings: Settings
    store: Store
    iri_map: urls.IriMap
    env: Environment
    _index: SearchIndex | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def search_index(self) -> SearchIndex:
        """The search index, built from the store on first use (start-up warms it)."""
        from budgetkg.server.search import SearchIndex  # search imports this module for typing

        with self._lock:
            if self._index is None:
                vocabulary = str(published.vocabulary_graph_iri(self.settings.base_iri))
                self._index = SearchIndex.build(
                    self.store, self.settings.query_timeout, self.iri_map.thing_base, vocabulary
                )
            return self._index

    def page(self, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
        return HTMLResponse(render.render(self.env, template, **values), status_code=status_code)


_CREATE = threading.Lock()
LOG = logging.getLogger("budgetkg.server")


def web(request: Request) -> WebContext:
    """The WebContext of the app serving ``request``."""
    return context_of(request.app)


def context_of(app: FastAPI) -> WebContext:
    """The WebContext of ``app``, made on first use."""
    state = app.state
    existing = getattr(state, "web", None)
    if isinstance(existing, WebContext):
        return existing
    with _CREATE:
        existing = getattr(state, "web", None)
        if not isinstance(existing, WebContext):
            settings: Settings = state.settings
            iri_map = urls.IriMap(settings.base_iri)
            existing = WebContext(settings, state.store, iri_map, render.make_environment(iri_map))
            state.web = existing
        return existing


def warm_up(app: FastAPI) -> threading.Thread:
    """Build the search index in the background at start-up, so the first search does not pay for it."""

    ctx = context_of(app)

    def build() -> None:
        try:
            ctx.search_index()
        except Exception:  # the first search retries and reports it; start-up must not die of it
            LOG.exception("building the search index failed")

    thread = threading.Thread(target=build, name="search-index", daemon=True)
    thread.start()
    return thread
