from playwright.sync_api import Page
def test_dbg(server: str, page: Page) -> None:
    page.goto(server + "/lineage")
    page.wait_for_function("window.budgetkgLineage && window.budgetkgLineage.nodes().length > 0")
    page.locator("#cy").scroll_into_view_if_needed()
    box = page.locator("#cy").bounding_box()
    print("box", box, "zoom", page.evaluate("window.budgetkgLineage.zoom()"), page.evaluate("[window.budgetkgLineage.minZoom(), window.budgetkgLineage.maxZoom(), window.budgetkgLineage.userZoomingEnabled()]"))
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(500)
    print("after", page.evaluate("window.budgetkgLineage.zoom()"), page.evaluate("window.scrollY"))
    page.evaluate("document.getElementById('cy').dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: 600, clientY: 400, bubbles: true}))")
    page.wait_for_timeout(300)
    print("after2", page.evaluate("window.budgetkgLineage.zoom()"))
