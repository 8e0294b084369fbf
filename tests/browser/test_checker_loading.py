"""Loading the checker: only on its pages, once per visit, and failing clearly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest
from checker_page import (
    SETTLED,
    open_checker,
    stand_in_worker,
    state,
    submit,
    url,
    wait_ready,
)
from conftest import FORGET_PALETTE, Session, Watch
from playwright.sync_api import Page, Route

pytestmark = pytest.mark.browser

CHECKER_URL = re.compile(r"/checker/(#.*)?$")
RUNTIME = re.compile(r"/assets/(pyodide/|checker/checker-[^/]*\.whl)")


def _runtime_requests(requests: list[str]) -> list[str]:
    return [u for u in requests if RUNTIME.search(u)]


def test_guide_page_loads_no_pyodide_and_instant_navigation_boots_once(
    page: Page, browser: Session, watch: Watch
) -> None:
    first = len(browser.requests)
    page.goto(url(browser.origin, "zh", "guide/numbers/"))
    page.wait_for_load_state("networkidle")
    assert _runtime_requests(browser.requests[first:]) == []
    assert page.locator("[data-checker]").count() == 0
    # Instant navigation (no page load): the marker on window survives the click.
    page.evaluate("window.__checkerMarker = 1")
    page.click("nav.md-nav--primary a.md-nav__link[href$='checker/']")
    page.wait_for_url(CHECKER_URL)
    wait_ready(page)
    assert page.evaluate("window.__checkerMarker") == 1
    submit(page, last_reload="2026-03-15")
    assert page.get_attribute("[data-checker-estimate]", "data-reload-by") == "2027-02-13"
    assert len(watch.workers) == 1
    # Leave and come back by clicking links, as a reader would (the second click goes to a
    # page already visited): the same worker answers at once, nothing boots twice.
    loaded = len(_runtime_requests(browser.requests))
    page.evaluate("document.querySelector(\"a.md-nav__link[href$='guide/validity/']\").click()")
    page.wait_for_url("**/guide/validity/")
    page.wait_for_selector("[data-checker]", state="detached")
    page.click("nav.md-nav--primary a.md-nav__link[href$='checker/']")
    page.wait_for_url(CHECKER_URL)
    wait_ready(page)
    assert page.evaluate("window.__checkerMarker") == 1
    submit(page, last_reload="2026-01-10")
    assert page.get_attribute("[data-checker-estimate]", "data-status") == "due_soon"
    assert len(watch.workers) == 1
    assert len(_runtime_requests(browser.requests)) == loaded


def test_checker_page_loads_the_self_hosted_runtime(page: Page, browser: Session) -> None:
    first = len(browser.requests)
    open_checker(page, browser.origin, "en")
    fetched = {u.split("?")[0].rsplit("/", 1)[1] for u in browser.requests[first:]}
    assert {"pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm"} <= fetched
    assert any(name.endswith("-cp313-none-any.whl") for name in fetched)
    # The standard library made for the checker, not the stock one; and no lock file.
    assert [name for name in fetched if name.startswith("python_stdlib")] == [
        next(name for name in fetched if re.fullmatch(r"python_stdlib-[0-9a-f]{12}\.zip", name))
    ]
    assert "pyodide-lock.json" not in fetched


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", "计算器无法加载"), ("en", "The checker could not load")]
)
def test_blocked_wasm_shows_the_error_and_retry_recovers(
    page: Page, browser: Session, watch: Watch, lang: str, words: str
) -> None:
    watch.allow_errors = True  # the blocked request and Pyodide's own report of it
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(url(browser.origin, lang))
    page.wait_for_selector(SETTLED)
    assert state(page) == "error"
    assert page.get_attribute("[data-checker]", "data-checker-error") in {"load_failed", "timeout"}
    assert words in (page.text_content("[data-checker-boot-message]") or "")
    assert page.is_visible("[data-checker-retry]")
    # The static rules summary stays readable below.
    assert page.locator("article h2").last.is_visible()
    page.unroute("**/*.wasm")
    page.click("[data-checker-retry]")
    wait_ready(page)
    submit(page, last_reload="2026-03-15")
    assert page.get_attribute("[data-checker-estimate]", "data-reload-by") == "2027-02-13"


# Calls the page's own client module (the one its script imported: same URL, same instance)
# makes, settling to "resolved" or "rejected <code>".
PENDING_CALLS = """async () => {
  const client = await import('/assets/checker/client.js');
  const args = { form: { last_reload: '2026-03-15' }, today: '2026-11-26', lang: 'en' };
  window.__settled = Promise.all([1, 2].map(() => client.call('check_form', args).then(
    () => 'resolved', (error) => `rejected ${error.code}`)));
}"""


@pytest.mark.parametrize("how", ["throws", "stops_answering"])
def test_a_worker_that_dies_after_boot_settles_every_call_and_retry_recovers(
    page: Page, browser: Session, watch: Watch, how: str
) -> None:
    watch.allow_errors = True  # the stand-in's uncaught error is reported in the console
    # The first checker worker is the stand-in: it boots, then answers nothing; Retry makes a
    # real one.
    page.add_init_script(script=stand_in_worker("hang", first=1))
    if how == "stops_answering":  # no error at all: the calls' deadline must notice

        def short_deadline(route: Route) -> None:
            response = route.fetch()
            body = response.text().replace('"call_timeout_ms": 30000', '"call_timeout_ms": 2000')
            assert body != response.text()
            route.fulfill(response=response, body=body)

        page.route("**/en/checker/", short_deadline)
    open_checker(page, browser.origin, "en")
    page.fill("input[name=last_reload]", "2026-03-15")  # the page's own check waits too
    page.evaluate(PENDING_CALLS)
    if how == "throws":
        page.evaluate("window.__checkerWorkers[0].postMessage({ type: 'test.throw' })")
    page.wait_for_selector("[data-checker][data-checker-state=error]", timeout=10_000)
    assert page.evaluate("window.__settled") == ["rejected load_failed"] * 2
    assert page.get_attribute("[data-checker]", "data-checker-error") == "load_failed"
    assert "could not load" in (page.text_content("[data-checker-boot-message]") or "")
    assert page.is_visible("[data-checker-retry]")
    assert page.is_hidden("[data-checker-call-error]")  # said once, in the boot panel
    page.click("[data-checker-retry]")
    wait_ready(page)
    assert len(page.evaluate("window.__checkerWorkers")) == 2
    submit(page, last_reload="2026-03-15")
    assert page.get_attribute("[data-checker-estimate]", "data-reload-by") == "2027-02-13"


@pytest.mark.parametrize(("lang", "words"), [("zh", "不支持 WebAssembly"), ("en", "WebAssembly")])
def test_without_webassembly_the_page_says_so(
    page: Page, browser: Session, lang: str, words: str
) -> None:
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(url(browser.origin, lang))
    page.wait_for_selector("[data-checker][data-checker-error=no_wasm]")
    assert words in (page.text_content("[data-checker-boot-message]") or "")
    assert page.is_hidden("[data-checker-retry]")
    assert page.locator("article h2").last.is_visible()


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readable_at_360px_in_both_palettes(
    page: Page, browser: Session, scheme: Literal["light", "dark"], tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.emulate_media(color_scheme=scheme)
    page.add_init_script(FORGET_PALETTE)  # as a new visitor: the system's palette
    open_checker(page, browser.origin, "zh")
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    for last_reload, kind, status in [
        ("2026-03-15", "regular", "ok"),
        ("2026-01-10", "regular", "due_soon"),
        ("2025-10-01", "regular", "grace"),
        ("2025-06-01", "regular", "deactivated"),
        ("2026-03-15", "promo", "unknown"),
    ]:
        submit(page, last_reload=last_reload, reload_kind=kind, phone="0918 123", amount="100")
        box = page.locator("[data-checker-status]")
        assert box.get_attribute("data-status") == status
        colours = box.evaluate(
            "el => { const s = getComputedStyle(el); return [s.color, s.backgroundColor]; }"
        )
        assert _contrast(*colours) >= 4.5, (status, colours)
        # Said in words as well as in colour.
        assert (page.text_content("[data-checker-out=status_label]") or "").strip()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways at 360px ({width}px)"
    page.screenshot(path=str(tmp_path / f"checker-360-{scheme}.png"), full_page=True)


def test_keyboard_and_labels(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "en")
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('[data-checker-form] :is(input, select)')]
                 .filter(el => el.labels.length === 0).map(el => el.name)"""
    )
    assert unlabelled == []
    assert page.get_attribute("[data-checker-results]", "aria-live") == "polite"
    page.focus("input[name=last_reload]")
    page.keyboard.type("2026-03-15")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "reload_kind"
    page.keyboard.press("ArrowDown")  # the next radio button of the group: a promo
    chosen = "document.querySelector('[data-checker-form]').elements.namedItem('reload_kind').value"
    assert page.evaluate(chosen) == "promo"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-checker-estimate][data-status='unknown']")
    assert page.text_content("[data-checker-out=status_label]") == "Cannot be dated"
