"""The checker as a first-time reader meets it (issue 22), at 360x740 and 1280x800, zh and en.

The answer card first (the reload-by date in the reader's words, status and days on one line,
one calendar action, the other dates folded, colours by danger); errors when they help (on
leaving a field, on Check, once a value reads well; never while typing); nothing fixed over a
control; the home page's first screen leads to the checker; plain English labels.
Screenshots of each case go to the test's tmp_path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import pytest
from checker_page import checks_done, field_error, open_checker, submit, url
from conftest import FORGET_PALETTE, TODAY, Session
from playwright.sync_api import Page

from checker.messages import words
from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (360, 740), "desktop": (1280, 800)}

# Whether a reader sees an element: inside the viewport and the topmost thing at its centre.
SEEN = """el => {
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { inside: r.top >= 0 && r.bottom <= innerHeight && r.height > 0,
           topmost: Boolean(top && (el === top || el.contains(top))),
           over: top ? top.outerHTML.slice(0, 80) : null };
}"""


def _size(page: Page, size: str) -> None:
    width, height = VIEWPORTS[size]
    page.set_viewport_size({"width": width, "height": height})


def _seen(page: Page, selector: str) -> dict[str, Any]:
    seen: dict[str, Any] = page.locator(selector).first.evaluate(SEEN)
    return seen


def _wait_check(page: Page, before: int) -> None:
    page.wait_for_function(
        "n => Number(document.querySelector('[data-checker]').dataset.checkerChecks || 0) > n",
        arg=before,
    )


def _press_check(page: Page) -> None:
    before = checks_done(page)
    page.click("[data-checker-form] button[type=submit]")
    _wait_check(page, before)
    page.wait_for_timeout(600)  # the smooth scroll


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_answer_card_comes_first(
    page: Page, browser: Session, lang: str, size: str, tmp_path: Path
) -> None:
    _size(page, size)
    open_checker(page, browser.origin, lang)
    typed = "3月15日" if lang == "zh" else "Mar 15"
    page.fill("input[name=last_reload]", typed)
    _press_check(page)
    cli = cli_next(TODAY, last_reload=typed, lang=lang)
    card = "[data-checker-card]"
    # The date as the reader says it; the attributes keep ISO.
    said = page.text_content(f"{card} [data-checker-out=reload_by_text]")
    assert (
        said
        == cli["reload_by_text"]
        == ("2027年2月13日（周六）" if lang == "zh" else "Sat 13 Feb 2027")
    )
    assert page.get_attribute("[data-checker-estimate]", "data-reload-by") == "2027-02-13"
    # Status and days left on one line; the year the checker took for "3月15日" is said.
    line = page.locator(f"{card} .checker__card-line")
    assert (line.text_content() or "").split() == [cli["status_label"], *cli["days_text"].split()]
    spans = line.locator("span").evaluate_all("els => els.map(e => e.getBoundingClientRect().top)")
    assert max(spans) - min(spans) < 4, spans
    assert (
        page.locator(f"{card} [data-checker-list=date_notes] li").all_text_contents()
        == (cli["date_notes"])
    )
    # One calendar action, in the card.
    assert page.locator("[data-checker-calendar]").count() == 1
    assert page.locator(f"{card} [data-checker-calendar]").is_visible()
    # Check brought the card into view and focused it.
    assert _seen(page, f"{card} [data-checker-out=reload_by_text]") | {"over": None} == {
        "inside": True,
        "topmost": True,
        "over": None,
    }
    assert page.evaluate("document.activeElement.hasAttribute('data-checker-card')")
    # The other dates are folded, each meaning once: no balance-ends row equal to the load's.
    assert page.locator("[data-checker-more-dates]").get_attribute("open") is None
    keys = page.eval_on_selector_all(
        "[data-checker-more-dates] [data-checker-date]",
        "rows => rows.map(r => r.dataset.checkerDate)",
    )
    assert keys == ["last_reload", "load_expires", "deactivates_on"]
    page.screenshot(path=tmp_path / f"card-{lang}-{size}.png")


# Last reloads that give each status on the tests' today (2026-11-26), mildest first.
STATUSES = [
    ("ok", "2026-03-15"),
    ("due_soon", "2026-01-09"),
    ("overdue", "2025-12-20"),
    ("grace", "2025-10-01"),
    ("deactivated", "2025-01-01"),
]
LUMINANCE = """el => {
  const rgb = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  const [r, g, b] = rgb.map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


def _contrast(a: float, b: float) -> float:
    high, low = max(a, b), min(a, b)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_worst_status_is_the_strongest(
    page: Page, browser: Session, lang: str, scheme: Literal["light", "dark"], tmp_path: Path
) -> None:
    _size(page, "phone")
    page.emulate_media(color_scheme=scheme)
    page.add_init_script(FORGET_PALETTE)
    open_checker(page, browser.origin, lang)
    assert page.evaluate("document.body.dataset.mdColorScheme") == (
        "slate" if scheme == "dark" else "default"
    )
    ground = page.locator("body").evaluate(LUMINANCE)
    shade, edge = {}, {}
    for status, last in STATUSES:
        submit(page, last_reload=last)
        assert page.get_attribute("[data-checker-status]", "data-status") == status
        shade[status] = page.locator("[data-checker-card]").evaluate(LUMINANCE)
        edge[status] = page.locator("[data-checker-status]").evaluate(
            "e => parseFloat(getComputedStyle(e).borderLeftWidth)"
        )
        # The date and its weekday on one line, inside the card.
        date = page.locator("[data-checker-card] [data-checker-out=reload_by_text]")
        assert date.evaluate("e => e.getClientRects().length") == 1
        assert page.locator("[data-checker-card]").evaluate("e => e.scrollWidth <= e.clientWidth")
        page.locator("[data-checker-card]").screenshot(path=tmp_path / f"{status}-{lang}.png")
    # Disconnected stands out from the page by far the most, in either palette: the darkest
    # fill on light, the brightest on slate.
    stand_out = {status: _contrast(value, ground) for status, value in shade.items()}
    others = [value for status, value in stand_out.items() if status != "deactivated"]
    assert stand_out["deactivated"] > 2 > 1.5 > max(others), (stand_out, shade, ground)
    # The milder "overdue" is never drawn stronger than the grace period: no lighter edge, and
    # on light, no darker fill.
    assert edge["grace"] >= edge["overdue"], edge
    if scheme == "light":
        assert shade["grace"] <= shade["overdue"] + 0.05, shade


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_date_is_judged_when_it_helps_not_while_typing(
    page: Page, browser: Session, lang: str
) -> None:
    ui = words("form.", lang)
    _size(page, "phone")
    open_checker(page, browser.origin, lang)
    field = page.locator("input[name=last_reload]")
    field.click()
    before = checks_done(page)
    page.keyboard.type("2")
    _wait_check(page, before)
    # Still typing: no error, and the results do not ask for a date that is being typed.
    assert page.is_hidden("[data-checker-field-error=last_reload]")
    assert field.get_attribute("aria-invalid") == "false"
    assert page.text_content("[data-checker-empty]") == ui["results.typing"]
    # Leaving the field judges it.
    page.keyboard.press("Tab")
    page.wait_for_selector("[data-checker-field-error=last_reload]:not([hidden])")
    assert field_error(page, "last_reload")[0] == "date.unreadable"
    assert field.get_attribute("aria-invalid") == "true"
    assert page.text_content("[data-checker-empty]") == ui["results.fix"]
    # Typing again hides it until the value reads well; then the answer shows.
    field.click()
    before = checks_done(page)
    page.keyboard.type("026-03-15")
    _wait_check(page, before)
    page.wait_for_selector("[data-checker-estimate]:not([hidden])")
    assert page.is_hidden("[data-checker-field-error=last_reload]")


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize(
    ("lang", "typed", "code"),
    [
        ("zh", "", "required"),
        ("en", "", "required"),
        ("zh", "3/4/2026", "date.ambiguous"),
        ("en", "3/4/2026", "date.ambiguous"),
        ("en", "31 Feb 2026", "date.not_exist"),
    ],
)
def test_check_focuses_the_first_error(
    page: Page, browser: Session, lang: str, typed: str, code: str, size: str, tmp_path: Path
) -> None:
    _size(page, size)
    open_checker(page, browser.origin, lang)
    page.fill("input[name=last_reload]", typed)
    page.fill("input[name=phone]", "0918 123 4567")  # the focus is elsewhere when Check is hit
    _press_check(page)
    assert field_error(page, "last_reload")[0] == code
    focused = page.evaluate("document.activeElement.name")
    assert focused == "last_reload"
    # Its message is what a screen reader says with it: the field's description.
    described = (page.get_attribute("input[name=last_reload]", "aria-describedby") or "").split()
    assert "checker-last_reload-error" in described
    assert _seen(page, "[data-checker-field-error=last_reload]")["inside"]
    assert page.is_hidden("[data-checker-estimate]")
    page.screenshot(path=tmp_path / f"error-{lang}-{size}-{code}.png")


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_fixed_covers_a_control(page: Page, browser: Session, lang: str, size: str) -> None:
    _size(page, size)
    open_checker(page, browser.origin, lang)
    submit(page, last_reload="2026-03-15", phone="0918 123 4567")  # the answer bar shows
    page.evaluate("scrollTo(0, 0)")
    controls = page.locator(
        "[data-checker-form] input:not([type=radio]), [data-checker-form] button, "
        "[data-checker-form] input[type=radio]"
    )
    for index in range(controls.count()):
        control = controls.nth(index)
        control.focus()
        seen = control.evaluate(SEEN)
        assert seen["inside"] and seen["topmost"], (index, seen)
    assert page.locator(".md-top").count() == 0 or page.is_hidden(".md-top")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_first_screen_leads_to_the_checker(
    page: Page, browser: Session, lang: str, tmp_path: Path
) -> None:
    for size in VIEWPORTS:
        _size(page, size)
        page.goto(url(browser.origin, lang, ""))
        button = "[data-first-screen-checker]"
        path = page.eval_on_selector(button, "a => new URL(a.href).pathname")
        assert path == ("/en/checker/" if lang == "en" else "/checker/")
        seen = _seen(page, button)
        assert seen["inside"] and seen["topmost"], (size, seen)
        page.screenshot(path=tmp_path / f"home-{lang}-{size}.png")


def test_english_labels_are_plain_words(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "en")
    submit(page, last_reload="2026-03-15", phone="0918 123 4567")
    shown = page.locator("[data-checker-results]").inner_text()
    for jargon in ("E.164", "National", "From today"):
        assert jargon not in shown
