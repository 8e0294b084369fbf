"""Nothing leaves the browser: without JavaScript, or before the glue runs, no action submits.

The checker's form has method="dialog" and sits in no <dialog>: the HTML standard's form
submission algorithm then returns without navigating, whatever the reader presses. Until the
glue (docs/assets/checker/checker.js) runs, the form is also disabled and a note at the top of
the page says the checker needs JavaScript; the static rules summary stays readable.

The proof is the test server's own request log (``serve(..., served=...)``): after the page
has loaded, pressing every button and Enter in every field sends the server nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from checker_page import url
from playwright.sync_api import BrowserContext, Page, Playwright

from testsupport.browser import launch, serve

pytestmark = pytest.mark.browser

PHONE = "0918 123 4567"
DATE = "2026-03-15"
GLUE = "**/assets/checker/checker.js*"


# The server's origin and what it served: (path, status, body bytes) per response.
Server = tuple[str, list[tuple[str, int, int]]]


@pytest.fixture
def server(site_dir: Path) -> Iterator[Server]:
    served: list[tuple[str, int, int]] = []
    with serve(site_dir, served=served) as origin:
        yield origin, served


def _context(driver: Playwright, profile: Path, *, javascript: bool) -> BrowserContext:
    return launch(
        driver,
        profile,
        viewport={"width": 360, "height": 740},
        locale="zh-CN",
        java_script_enabled=javascript,
        service_workers="block",
    )


def _enable_everything(page: Page) -> None:
    """Remove every ``disabled`` through the debugging protocol (no page script needed): what
    a browser that ignored the attribute would let a reader do. method="dialog" must hold."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[disabled]"})[
        "nodeIds"
    ]:
        cdp.send("DOM.removeAttribute", {"nodeId": node, "name": "disabled"})
    cdp.detach()


def _press_everything(page: Page) -> None:
    """Type into the checker, press Enter in every visible field, click every visible button."""
    form = page.locator("[data-checker-form]")
    fields = form.locator("input[type=text]:visible, input[type=tel]:visible")
    for i in range(fields.count()):
        field = fields.nth(i)
        if field.is_enabled():
            name = field.get_attribute("name")
            assert name is not None, "a field without a name"
            field.fill(PHONE if name == "phone" else DATE if "reload" in name else "30")
            field.press("Enter")
    buttons = page.locator(".md-content button:visible, .md-content input[type=submit]:visible")
    for i in range(buttons.count()):
        buttons.nth(i).click(force=True, no_wait_after=True, timeout=2_000)
    page.wait_for_timeout(500)


def _assert_sent_nothing(
    page: Page, served: list[tuple[str, int, int]], start: int, at: str
) -> None:
    assert served[start:] == [], f"the server got requests: {served[start:]}"
    assert page.url == at


def _assert_note_at_the_top(page: Page) -> None:
    note = page.locator("[data-checker-needs-js]")
    assert note.is_visible()
    box = note.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 740, box  # on the first screen
    form = page.locator("[data-checker-form]").bounding_box()
    assert form is not None and box["y"] < form["y"]
    assert "JavaScript" in (note.text_content() or "")
    assert page.locator("[data-checker-form] input[name=last_reload]").is_disabled()
    # The static summary of the rules is there to read.
    assert page.locator("#rules-used").is_visible()
    assert page.locator("#by-hand").is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_nothing_is_sent(
    driver: Playwright, server: Server, tmp_path: Path, lang: str
) -> None:
    origin, served = server
    context = _context(driver, tmp_path / "profile", javascript=False)
    try:
        page = context.new_page()
        page.goto(url(origin, lang))
        page.wait_for_load_state("networkidle")
        at, start = page.url, len(served)
        _assert_note_at_the_top(page)

        _press_everything(page)  # as served: the form is disabled
        _assert_sent_nothing(page, served, start, at)

        _enable_everything(page)  # and if it were not, method="dialog" still sends nothing
        assert page.locator("[data-checker-form] input[name=phone]").is_enabled()
        _press_everything(page)
        assert page.locator("input[name=phone]").input_value() == PHONE  # nothing lost
        _assert_sent_nothing(page, served, start, at)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_before_the_glue_runs_nothing_is_sent(
    driver: Playwright, server: Server, tmp_path: Path, lang: str
) -> None:
    origin, served = server
    context = _context(driver, tmp_path / "profile", javascript=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.route(GLUE, lambda route: route.abort())  # the glue never arrives
        page.goto(url(origin, lang))
        page.wait_for_load_state("networkidle")
        at, start, seen = page.url, len(served), len(requests)
        _assert_note_at_the_top(page)

        _enable_everything(page)
        _press_everything(page)
        _assert_sent_nothing(page, served, start, at)
        assert requests[seen:] == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_once_the_glue_runs_the_note_goes_and_the_form_works(
    driver: Playwright, server: Server, tmp_path: Path, lang: str
) -> None:
    origin, served = server
    context = _context(driver, tmp_path / "profile", javascript=True)
    try:
        page = context.new_page()
        page.goto(url(origin, lang))
        page.wait_for_selector("[data-checker-needs-js]", state="hidden")
        assert page.locator("[data-checker-form] input[name=last_reload]").is_enabled()
        assert page.locator("[data-checker-form] button[type=submit]").is_enabled()
        page.wait_for_selector("[data-checker][data-checker-state=ready]", timeout=120_000)
        at, start = page.url, len(served)
        page.fill("input[name=phone]", PHONE)
        page.fill("input[name=last_reload]", DATE)
        page.press("input[name=phone]", "Enter")
        page.click("[data-checker-form] button[type=submit]")
        page.wait_for_selector("[data-checker-estimate][data-reload-by]")
        assert page.url.split("#")[0] == at.split("#")[0]  # the glue keeps the form in the #
        assert not [path for path, _, _ in served[start:] if path.endswith("checker/")]
    finally:
        context.close()
