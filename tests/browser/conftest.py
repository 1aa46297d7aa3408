"""A real `budgetkg serve` (uvicorn) on a free loopback port over a store built from the real filings by
`budgetkg build`, and real headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "budgetkg", *args]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    store = tmp_path_factory.mktemp("browser-store")
    env = {**os.environ, "BUDGETKG_BASE_IRI": base, "BUDGETKG_STORE": str(store)}
    built = subprocess.run(_cli("build"), env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert built.returncode in (0, 1), built.stderr[-2000:]
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        _cli("serve", "--port", str(port), "--workers", "1"), env=env, cwd=ROOT, stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            assert proc.poll() is None, f"budgetkg serve exited:\n{tail}"
            assert time.monotonic() < deadline, f"budgetkg serve did not answer within 120 s:\n{tail}"
            time.sleep(0.3)
        yield base.rstrip("/")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed (scripts/install-system.sh installs it)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture()
def shot() -> Callable[..., Path]:
    """Takes a full-page screenshot kept as a test artifact (tests/artifacts is git-ignored)."""

    def take(page: Page, name: str, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
