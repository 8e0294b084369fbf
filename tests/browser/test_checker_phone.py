"""The checker on a reader's phone: the answer in view, honest loading on a slow link (issue 10).

As a reader uses it: a 360x740 phone (and a 1280x800 desktop), both languages, the network
emulated through the DevTools protocol. Screenshots of each case go to the test's tmp_path.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from checker_page import RUNTIME_FILE, checks_done, open_checker, url, wait_ready
from conftest import Session, Watch
from playwright.sync_api import Page, Route

from checker.messages import words
from testsupport.browser import emulate_link

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (360, 740), "desktop": (1280, 800)}
ANSWER = "[data-checker-glance-answer]"
WAIT = "[data-checker-glance-wait]"

# Where an element is on the screen, and whether a reader sees it: inside the viewport, and
# the topmost thing at its centre (not under Material's header or anything else).
SEEN = """sel => {
  const el = document.querySelector(sel);
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
           height: r.height, vw: innerWidth, vh: innerHeight,
           hidden: el.closest('[hidden]') !== null,
           topmost: Boolean(top && (el === top || el.contains(top))) };
}"""


# The boot's state, bytes so far and in all, and the words saying them, read at one instant.
SAMPLE = """() => {
  const root = document.querySelector('[data-checker]');
  return [root.dataset.checkerState, root.dataset.checkerLoaded, root.dataset.checkerTotal,
          document.querySelector('[data-checker-bytes]').textContent];
}"""


def in_view(page: Page, selector: str) -> dict[str, Any]:
    """The element's box; fails unless a reader sees all of it without scrolling."""
    box: dict[str, Any] = page.evaluate(SEEN, selector)
    assert not box["hidden"] and box["width"] > 0 and box["height"] > 0, (selector, box)
    assert box["top"] >= 0 and box["bottom"] <= box["vh"], (selector, box)
    assert box["left"] >= 0 and box["right"] <= box["vw"], (selector, box)
    assert box["topmost"], (selector, box)
    return box


def config(page: Page) -> dict[str, Any]:
    text = page.get_attribute("[data-checker]", "data-checker-config")
    assert text is not None, "the page carries no data-checker-config"
    found: dict[str, Any] = json.loads(text)
    return found


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def total_mb(page: Page) -> str:
    return megabytes(sum(file["transfer"] for file in config(page)["download"]))


def type_date(page: Page, date: str) -> float:
    """Go to the date field as a reader does, type the date; returns the scroll position."""
    field = page.locator("input[name=last_reload]")
    field.scroll_into_view_if_needed()
    field.click()
    page.keyboard.type(date)
    return float(page.evaluate("scrollY"))


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reload_by_date_comes_into_view_at_the_form(
    page: Page, browser: Session, lang: str, size: str, tmp_path: Path
) -> None:
    width, height = VIEWPORTS[size]
    page.set_viewport_size({"width": width, "height": height})
    open_checker(page, browser.origin, lang)
    assert page.locator(ANSWER).is_hidden()  # nothing to say before a date
    before = checks_done(page)
    scrolled = type_date(page, "2026-03-15")
    page.wait_for_function(
        "n => Number(document.querySelector('[data-checker]').dataset.checkerChecks) > n",
        arg=before,
    )
    page.wait_for_selector(f"{ANSWER}[data-reload-by]")
    # Still at the form: nothing scrolled, the field is in view, and so are the date and status.
    assert page.evaluate("scrollY") == scrolled
    in_view(page, "input[name=last_reload]")
    in_view(page, f"{ANSWER} [data-checker-out=reload_by_text]")
    in_view(page, f"{ANSWER} [data-checker-out=status_label]")
    estimate = "[data-checker-estimate]"
    for attr in ("data-reload-by", "data-status", "data-days-left"):
        assert page.get_attribute(ANSWER, attr) == page.get_attribute(estimate, attr)
    assert page.get_attribute(ANSWER, "data-reload-by") == "2027-02-13"
    shown = page.text_content(f"{ANSWER} [data-checker-out=reload_by_text]")
    assert shown == page.text_content(f"{estimate} [data-checker-out=reload_by_text]")
    assert "2027" in (shown or "")
    label = page.text_content(f"{ANSWER} [data-checker-out=status_label]")
    assert label and label == page.text_content(f"{estimate} [data-checker-out=status_label]")
    page.screenshot(path=tmp_path / f"answer-{lang}-{size}.png")
    # Scrolled down to the results, the bar rests in its place above them, covering nothing.
    page.locator("#checker-results-title").scroll_into_view_if_needed()
    in_view(page, "#checker-results-title")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_slow_link_shows_bytes_of_the_size_said_first_and_the_answer_arrives_in_view(
    page: Page, browser: Session, lang: str, tmp_path: Path
) -> None:
    ui = words("form.", lang)
    page.set_viewport_size({"width": 360, "height": 740})
    emulate_link(page, kbps=4000, latency_ms=40)
    started = time.monotonic()
    page.goto(url(browser.origin, lang), wait_until="domcontentloaded")
    total = total_mb(page)
    # Said in the page before any download: the size of the first use.
    assert page.text_content("[data-checker-size]") == ui["size"].replace("{total}", total)
    # While it loads, the results say the answer is coming, and so does the bar in view.
    page.wait_for_selector(WAIT)
    in_view(page, WAIT)
    assert ui["glance.coming"] in (page.text_content(WAIT) or "")
    type_date(page, "2026-03-15")
    assert page.get_attribute("[data-checker]", "data-checker-state") == "loading"
    assert page.text_content("[data-checker-empty]") == ui["results.coming"]
    # The bar answers at once from the build's table (issue 21), saying the checker confirms it.
    page.wait_for_selector(f"{ANSWER}[data-early=true][data-reload-by='2027-02-13']")
    in_view(page, f"{ANSWER} [data-checker-out=reload_by_text]")
    in_view(page, "[data-checker-glance-early]")
    samples: list[tuple[int, int, str]] = []
    while (sample := page.evaluate(SAMPLE))[0] == "loading":
        samples.append((int(sample[1] or 0), int(sample[2] or 0), sample[3]))
        if len(samples) == 8:
            page.screenshot(path=tmp_path / f"loading-{lang}.png")
        page.wait_for_timeout(250)
    wait_ready(page)
    # The link was the emulated one: the download cannot have been faster than 4 Mbit/s.
    assert time.monotonic() - started > samples[-1][1] * 8 / 4_000_000
    downloading = [s for s in samples if 0 < s[0] < s[1]]
    rising = sorted({loaded for loaded, _, _ in downloading})
    assert len(rising) >= 4, samples  # the bytes rise while they arrive, not in one jump
    order = [loaded for loaded, _, _ in downloading]
    assert order == sorted(order)
    for loaded, whole, said in downloading:
        assert megabytes(whole) == total  # what arrives is what the page said it would be
        assert said == ui["progress.bytes"].format(loaded=megabytes(loaded), total=total)
    assert re.fullmatch(r".*\d+\.\d / \d+\.\d MB.*", downloading[-1][2])
    # The answer arrives where the reader is, with no scrolling and nothing typed again.
    page.wait_for_selector(f"{ANSWER}[data-reload-by='2027-02-13']:not([data-early])")
    in_view(page, f"{ANSWER} [data-checker-out=reload_by_text]")
    in_view(page, "input[name=last_reload]")
    page.screenshot(path=tmp_path / f"ready-{lang}.png")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_stalled_download_ends_in_the_error_state_with_retry(
    page: Page, browser: Session, watch: Watch, lang: str
) -> None:
    watch.allow_errors = True  # the request given up on
    ui = words("form.", lang)
    held: list[Route] = []
    page.route("**/*.wasm", lambda route: held.append(route))  # never answered: no byte arrives

    def short_stall(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace('data-checker-stall="30000"', 'data-checker-stall="3000"')
        assert body != response.text()
        route.fulfill(response=response, body=body)

    page.route(url(browser.origin, lang), short_stall)
    page.goto(url(browser.origin, lang))
    page.wait_for_selector("[data-checker][data-checker-error=timeout]")
    root = page.locator("[data-checker]")
    loaded = int(root.get_attribute("data-checker-loaded") or 0)
    assert 0 < loaded < int(root.get_attribute("data-checker-total") or 0)  # some, not all
    assert page.text_content("[data-checker-boot-message]") == ui["timeout"].replace(
        "{seconds}", "3"
    )
    assert page.is_visible("[data-checker-retry]")
    page.unroute("**/*.wasm")
    for route in held:
        route.abort()
    page.evaluate("document.querySelector('[data-checker]').dataset.checkerStall = '90000'")
    page.click("[data-checker-retry]")
    wait_ready(page)
    type_date(page, "2026-03-15")
    page.wait_for_selector(f"{ANSWER}[data-reload-by='2027-02-13']")


SAVE_DATA = """Object.defineProperty(Navigator.prototype, 'connection', {
  configurable: true, get: () => ({ saveData: true, effectiveType: '3g' }),
});"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_browser_saving_data_downloads_nothing_before_a_tap(
    page: Page, browser: Session, lang: str, tmp_path: Path
) -> None:
    ui = words("form.", lang)
    page.set_viewport_size({"width": 360, "height": 740})
    page.add_init_script(SAVE_DATA)
    first = len(browser.requests)
    page.goto(url(browser.origin, lang))
    page.wait_for_selector("[data-checker][data-checker-state=waiting]")
    type_date(page, "2026-03-15")
    page.wait_for_timeout(1500)
    assert [u for u in browser.requests[first:] if RUNTIME_FILE.search(u)] == []
    total = total_mb(page)
    assert page.text_content("[data-checker-boot-message]") == ui["save_data"]
    button = page.locator("[data-checker-download]")
    assert button.text_content() == ui["download"].replace("{total}", total)
    page.locator("[data-checker-boot]").scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / f"save-data-{lang}.png")
    button.click()
    wait_ready(page)
    assert [u for u in browser.requests[first:] if RUNTIME_FILE.search(u)]
    # The date was kept: the runtime's answer (not the build table's) is for it.
    page.wait_for_selector(f"{ANSWER}[data-reload-by='2027-02-13']:not([data-early])")
