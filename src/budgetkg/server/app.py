"""The composition root of the web server: settings and store on app.state, then the routers.

(The web-browser engineer's routers are linked_data and pages; /sparql is the store engineer's.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from budgetkg.server import linked_data, pages, publishing, sparql
from budgetkg.server.context import warm_up
from budgetkg.server.errors import install_error_pages
from budgetkg.server.static import mount_static
from budgetkg.settings import Settings
from budgetkg.store import Store, open_store


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The app over ``store`` (default: ``open_store(settings)``, closed again at shutdown)."""
    owned = store is None
    the_store = open_store(settings) if store is None else store

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warm_up(app)  # the browser's search index, built in the background
        yield
        if owned:
            the_store.close()  # stops the query worker processes

    app = FastAPI(title="budgetkg", docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = the_store
    # browser clients (YASGUI and the like) query /sparql from other origins; it is read-only
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["X-Result-Limit", "X-Result-Truncated"],
    )
    install_error_pages(app)
    mount_static(app)
    app.include_router(sparql.router)
    app.include_router(publishing.router)
    app.include_router(linked_data.router)
    app.include_router(pages.router)
    return app
