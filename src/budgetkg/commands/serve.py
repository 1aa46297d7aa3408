"""``budgetkg serve``: the SPARQL endpoint and the web browser over the store, with uvicorn.

Exit codes: 0 after a clean shutdown; 2 when it cannot start (bad settings, unreadable store).
"""

from __future__ import annotations

import argparse

from budgetkg.settings import Settings

HELP = "serve the SPARQL endpoint (/sparql) and the web browser over the store"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", help="store directory or SPARQL endpoint URL (default: BUDGETKG_STORE)")
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (default 8000)")
    parser.add_argument("--timeout", type=float, help="query timeout in seconds (default 10; BUDGETKG_QUERY_TIMEOUT)")
    parser.add_argument("--workers", type=int, help="query worker processes of the embedded store (default 2)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from budgetkg.server.app import create_app

    settings = settings.with_overrides(
        store=args.store, host=args.host, port=args.port, query_timeout=args.timeout, workers=args.workers
    )
    app = create_app(settings)
    # one uvicorn process: queries already run in their own worker processes (settings.workers)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    return 0
