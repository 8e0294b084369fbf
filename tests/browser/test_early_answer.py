"""The answer before the runtime (issue 21): the build's table, then the checker, the same date.

In a browser that saves data nothing downloads until a tap, so the page stays before the
runtime for as long as the test needs: every date is typed there first (the table's answer,
or none), then the runtime is downloaded and the same dates are typed again. The answers are
compared with each other and with checker.web on CPython; nothing is hard-coded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from checker_page import RUNTIME_FILE, checks_done, url, wait_ready
from conftest import TODAY, Session
from playwright.sync_api import Page

from checker import web
from checker.messages import message, words
from testsupport.checks import answered, refused

if TYPE_CHECKING:  # the shapes are for type checkers: the wheel leaves them out
    from checker.web.shapes import ErrorAnswer, EstimateAnswer

pytestmark = pytest.mark.browser

ROOT = "[data-checker]"
ANSWER = "[data-checker-glance-answer]"
EARLY = "[data-checker-glance-early]"
WAIT = "[data-checker-glance-wait]"
SAVE_DATA = """Object.defineProperty(Navigator.prototype, 'connection', {
  configurable: true, get: () => ({ saveData: true, effectiveType: '3g' }),
});"""
# Last reloads whose answers on the tests' today cover every status, a leap day among them.
ANSWERED = ["2026-03-15", "2026-01-01", "2025-12-20", "2025-10-01", "2025-06-01", "2024-02-29"]
# What the table leaves to the runtime: a day that does not exist, the future, outside the
# window, another spelling.
UNANSWERED = ["2026-02-29", "2027-01-01", "2001-01-01", "2026/03/15"]
GLANCE = """sel => {
  const el = document.querySelector(sel);
  const out = name => el.querySelector(`[data-checker-out=${name}]`).textContent;
  return { hidden: el.hidden, reload_by: el.dataset.reloadBy || null,
           status: el.dataset.status || null, early: el.dataset.early || null,
           shown_date: out('reload_by_text'), label: out('status_label') };
}"""


def _form(day: str) -> dict[str, Any]:
    return {**{field.name: field.default for field in web.FIELDS}, "last_reload": day}


def _estimate(day: str, lang: str) -> EstimateAnswer | ErrorAnswer:
    """checker.web's estimate on CPython for a form with ``day`` as its last reload."""
    estimate = web.check_form(_form(day), today=TODAY, lang=lang)["estimate"]
    assert estimate is not None, day  # only a blank last reload has no estimate
    return estimate


def _glance(page: Page) -> dict[str, Any]:
    return dict(page.evaluate(GLANCE, ANSWER))


def _checked(page: Page, day: str) -> None:
    before = checks_done(page)
    page.fill("input[name=last_reload]", day)
    page.wait_for_function(
        "n => Number(document.querySelector('[data-checker]').dataset.checkerChecks || 0) > n",
        arg=before,
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_date_shown_before_the_runtime_is_the_one_shown_after(
    page: Page, browser: Session, lang: str, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.add_init_script(SAVE_DATA)
    first = len(browser.requests)
    page.goto(url(browser.origin, lang))
    page.wait_for_selector(f"{ROOT}[data-checker-state=waiting]")
    early: dict[str, dict[str, Any]] = {}
    for day in ANSWERED:
        page.fill("input[name=last_reload]", day)
        page.wait_for_selector(f"{ROOT}[data-checker-early=shown] {ANSWER}[data-reload-by]")
        early[day] = _glance(page)
        expected = answered(_estimate(day, lang))
        assert early[day] == {
            "hidden": False,
            "reload_by": expected["reload_by"],
            "status": expected["status"],
            "early": "true",
            "shown_date": expected["reload_by_text"],
            "label": expected["status_label"],
        }
        assert page.is_visible(EARLY) and not page.is_visible(WAIT)
        assert page.text_content(EARLY) == words("form.", lang)["glance.early"]
        if day == ANSWERED[0]:
            page.screenshot(path=tmp_path / f"early-{lang}.png")
    assert {answer["status"] for answer in early.values()} == {
        "ok",
        "due_soon",
        "overdue",
        "grace",
        "deactivated",
    }
    for day in UNANSWERED:
        page.fill("input[name=last_reload]", day)
        assert page.get_attribute(ROOT, "data-checker-early") == "none"
        assert page.is_hidden(ANSWER) and page.is_visible(WAIT)
    # Another form (a margin of its own) waits for the runtime too.
    page.fill("input[name=last_reload]", ANSWERED[0])
    page.fill("input[name=margin_days]", "7")
    assert page.get_attribute(ROOT, "data-checker-early") == "none"
    page.fill("input[name=margin_days]", str(web.FIELDS[3].default))
    # Nothing of the runtime was downloaded for any of it.
    assert [u for u in browser.requests[first:] if RUNTIME_FILE.search(u)] == []

    page.click("[data-checker-download]")
    wait_ready(page)
    for day in ANSWERED:
        _checked(page, day)
        after = _glance(page)
        assert after == {**early[day], "early": None}, day
        assert page.is_hidden(EARLY)
    for day in UNANSWERED:
        _checked(page, day)
        estimate = _estimate(day, lang)
        if estimate["ok"]:  # the runtime reads what the table does not list
            assert _glance(page)["reload_by"] == answered(estimate)["reload_by"]
            assert page.is_hidden(EARLY)
        else:  # the same clear message as before the table, once the reader checks (issue 22)
            before = checks_done(page)
            page.press("input[name=last_reload]", "Enter")
            page.wait_for_function(
                "n => Number(document.querySelector('[data-checker]').dataset.checkerChecks) > n",
                arg=before,
            )
            error = refused(estimate)
            box = f"[data-checker-field-error={error['field']}]"
            assert page.get_attribute(box, "data-code") == error["code"]
            assert page.text_content(box) == error["message"]
    assert page.get_attribute(ROOT, "data-checker-early") is None


def test_saved_lines_are_listed_from_the_table_before_the_runtime(
    page: Page, browser: Session, tmp_path: Path
) -> None:
    lang = "zh"
    saved = None
    for phone, day, margin in [
        ("0918 123 4567", "2026-03-15", None),
        ("0919 765 4321", "2025-12-20", None),
        ("0921 333 4444", "2026-01-01", "7"),
    ]:
        form = {**_form(day), "phone": phone, **({"margin_days": margin} if margin else {})}
        answer = web.save_line(form, label="", saved=saved, today=TODAY, lang=lang)
        saved = answered(answer)["saved"]
    stored = json.dumps(saved)
    page.set_viewport_size({"width": 360, "height": 740})
    page.add_init_script(SAVE_DATA)
    page.add_init_script(f"localStorage.setItem('checker.lines.v1', {json.dumps(stored)})")
    page.goto(url(browser.origin, lang))
    page.wait_for_selector("[data-checker-lines][data-checker-saved-early='1']")
    items = "[data-checker-saved-item]"
    listed = page.eval_on_selector_all(
        items, "els => els.map(el => [el.dataset.e164, el.dataset.reloadBy, el.dataset.status])"
    )
    checked = answered(web.saved_lines(stored, today=TODAY, lang=lang))["lines"]
    assert listed == [
        [line["e164"], line["reload_by"], line["status"]]
        for line in checked
        if line["form"]["margin_days"] != "7"
    ]
    assert page.get_attribute("[data-checker-lines]", "data-checker-saved-count") is None
    ui = words("form.", lang)
    notice = page.text_content("[data-checker-lines-notice]")
    assert notice == ui["lines.early"] + ui["lines.early.rest"]
    assert message("lines.default_label", lang, last4="4567") in (
        page.text_content("[data-checker-saved]") or ""
    )
    page.locator("[data-checker-lines]").scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "early-lines.png")

    page.click("[data-checker-download]")
    wait_ready(page)
    page.wait_for_selector("[data-checker-lines][data-checker-saved-count='3']")
    after = page.eval_on_selector_all(
        items, "els => els.map(el => [el.dataset.e164, el.dataset.reloadBy, el.dataset.status])"
    )
    assert after == [[line["e164"], line["reload_by"], line["status"]] for line in checked]
    assert all(item[:2] in [a[:2] for a in after] for item in listed)
    assert page.get_attribute("[data-checker-lines]", "data-checker-saved-early") is None
    assert page.text_content("[data-checker-lines-notice]") == ""
