"""Where static files come from: our own CSS/JS in web/static, libraries from web/node_modules.

Only the library files the pages use are exposed under /static/vendor (never the whole node_modules),
and they are installed from the npm registry by ``make`` (web/package.json), never copied into git.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from budgetkg.server import urls

WEB = Path(__file__).resolve().parents[3] / "web"
STATIC_DIR = WEB / "static"
NODE_MODULES = WEB / "node_modules"

#: /static/vendor/<name> → file under web/node_modules
VENDOR_FILES: dict[str, str] = {
    "yasgui.min.js": "@zazuko/yasgui/build/yasgui.min.js",
    "yasgui.min.css": "@zazuko/yasgui/build/yasgui.min.css",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "axe.min.js": "axe-core/axe.min.js",
}


class VendorFiles(StaticFiles):
    """StaticFiles over node_modules that serves only the files listed in VENDOR_FILES."""

    def __init__(self) -> None:
        super().__init__(directory=NODE_MODULES, check_dir=False)

    def get_path(self, scope: Scope) -> str:
        name = super().get_path(scope)
        if name not in VENDOR_FILES:
            raise HTTPException(status_code=404)
        return VENDOR_FILES[name]


def mount_static(app: FastAPI) -> None:
    """/static/vendor (the chosen npm files) and /static (our own files)."""
    app.mount(urls.VENDOR, VendorFiles(), name="vendor")
    app.mount(urls.STATIC, StaticFiles(directory=STATIC_DIR), name="static")
