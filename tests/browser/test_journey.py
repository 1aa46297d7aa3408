"""Real headless Chromium over a real server: the journey from the home page to a project's source lines,
the query editor, keyboard use and axe-core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

Shot = Callable[..., Path]


def test_from_search_to_the_source_lines_of_a_project(server: str, page: Page, shot: Shot) -> None:
    page.goto(server + "/")
    expect(page.locator("h1")).to_be_visible()
    shot(page, "01-home")

    page.get_by_label("搜索").first.fill("穗智管")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    shot(page, "02-search")

    page.locator("section.hits a", has_text="穗智管").first.click()
    expect(page.locator("h1")).to_have_text("穗智管")
    shot(page, "03-platform")

    page.get_by_role("link", name="在谱系图中查看").click()
    page.wait_for_function("window.budgetkgLineage && window.budgetkgLineage.nodes().length > 0")
    nodes: list[dict[str, Any]] = page.evaluate(
        "window.budgetkgLineage.nodes().map(n => ({id: n.id(), label: n.data('label'), kind: n.data('kind')}))"
    )
    labels = {n["label"] for n in nodes}
    assert any(("海珠" in label and "分平台" in label) or label == "海珠区城市运行管理中枢" for label in labels)
    assert "广州塔景区智能化管理平台" in labels
    edges: list[dict[str, str]] = page.evaluate(
        "window.budgetkgLineage.edges().map(e => ({s: e.source().data('label'), r: e.data('relation'),"
        " t: e.target().data('label'), sk: e.source().data('kind'), sid: e.source().id()}))"
    )
    assert {"s": "广州塔景区智能化管理平台", "r": "pilot_of"}.items() <= next(
        (e for e in edges if e["r"] == "pilot_of" and e["s"] == "广州塔景区智能化管理平台"), {}
    ).items()
    assert any(e["r"] == "sub_platform_of" and e["t"] == "穗智管" and "海珠" in e["s"] for e in edges)
    page.locator("#cy").scroll_into_view_if_needed()
    shot(page, "04-lineage", full_page=False)

    # pan and zoom with the mouse, as a reader would
    box = page.locator("#cy").bounding_box()
    assert box is not None
    zoom = page.evaluate("window.budgetkgLineage.zoom()")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(500)  # cytoscape ignores wheel events while the page itself is still scrolling
    page.mouse.wheel(0, -400)
    page.wait_for_function(f"window.budgetkgLineage.zoom() > {zoom}")
    pan = page.evaluate("window.budgetkgLineage.pan()")
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 90, steps=8)
    page.mouse.up()
    moved = page.evaluate("window.budgetkgLineage.pan()")
    assert (moved["x"], moved["y"]) != (pan["x"], pan["y"])

    # click (a real mouse click on the canvas) the project that funds the 广州塔 pilot
    funding = next(
        e for e in edges if e["r"] == "funds" and e["t"] == "广州塔景区智能化管理平台" and e["sk"] == "project"
    )
    page.evaluate("id => window.budgetkgLineage.fit(window.budgetkgLineage.getElementById(id), 200)", funding["sid"])
    position = page.evaluate("id => window.budgetkgLineage.getElementById(id).renderedPosition()", funding["sid"])
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    page.wait_for_url("**/doc/project/**")
    expect(page.locator("h1")).to_have_text(funding["s"])
    excerpt = page.locator("pre.excerpt").first
    expect(excerpt).to_be_visible()
    expect(excerpt).to_contain_text(funding["s"][:6])
    shot(page, "05-project")


def test_query_editor_runs_an_example_and_shows_rows(server: str, page: Page, shot: Shot) -> None:
    page.goto(server + "/query")
    page.wait_for_selector(".yasqe .CodeMirror")
    examples = page.locator("a.example")
    if examples.count():
        examples.first.click()
    else:
        page.locator(".yasqe_queryButton").click()
    rows = page.locator(".yasr table tbody tr")
    expect(rows.first).to_be_visible(timeout=15000)
    assert rows.count() > 0
    assert "query=" in page.url  # the query is in the address: shareable
    shot(page, "06-query")


def test_pages_work_with_the_keyboard(server: str, page: Page) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.focus("#site-q")
    page.keyboard.type("szg")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=szg")
    assert page.locator("section.hits a").count() > 0


PAGES = ["/", "/search?q=%E7%A9%97%E6%99%BA%E7%AE%A1", "/doc/platform/sui-zhi-guan", "/lineage", "/query",
         "/compare?kind=output-quantity", "/validation"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation(server: str, page: Page, path: str, shot: Shot) -> None:
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(url=server + "/static/vendor/axe.min.js")
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    shot(page, "page-" + (path.strip("/").split("?")[0].replace("/", "-") or "home"))
    assert not serious, "\n".join(serious)
