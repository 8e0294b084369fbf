"""My numbers under stress: two tabs at once, a stale tab, a time-zone change, a damaged list,
undo, labels, and what a reader meets on the way (empty state, errors, a return visit).

The calls behind them are tested in tests/unit/test_lines.py; the ordinary use of the list in
test_saved_lines.py. Each test looks at the page as the reader sees it and at localStorage.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from checker_page import submit, url, wait_ready
from conftest import TODAY, Reader, _watched
from playwright.sync_api import Page
from test_saved_lines import KEY, LINES, _blank_form, _kept, _listed, _save, _stored, _wait_count

from checker import web
from checker.messages import message, text
from testsupport.checks import answered

pytestmark = pytest.mark.browser

ASIDE = "checker.lines.v1.aside"
BLANK = {field.name: field.default for field in web.FIELDS}


def _line(phone: str, last_reload: str, label: str = "") -> dict[str, Any]:
    form = {**BLANK, "phone": phone, "last_reload": last_reload}
    return {"e164": answered(web.check_number(phone))["e164"], "label": label, "form": form}


def _document(*lines: dict[str, Any]) -> str:
    return json.dumps({"format": "smart-baohao.lines", "version": 1, "lines": list(lines)})


def _with_stored(page: Page, origin: str, lang: str, value: str, aside: str | None = None) -> None:
    """Open the checker with ``value`` kept under the list's key (and ``aside`` set aside)."""
    page.goto(url(origin, lang))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, value])
    if aside is not None:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [ASIDE, aside])
    page.reload()
    wait_ready(page)


def _notice(page: Page) -> str:
    return page.text_content("[data-checker-lines-notice]") or ""


def _e164s(page: Page) -> set[str]:
    stored = _stored(page)
    return {line["e164"] for line in json.loads(stored)["lines"]} if stored else set()


# Without lines.js's revision count, one run in two or four lost a line here: the tab granted
# the lock read its own stale copy of localStorage (Chromium brings other tabs' writes in
# asynchronously).
@pytest.mark.parametrize("rounds", [4])
def test_two_pages_saving_at_the_same_moment_keep_every_line(reader: Reader, rounds: int) -> None:
    first = reader.page
    second = _watched(reader.context.new_page(), reader.watch)
    for page in (first, second):
        page.goto(url(reader.origin, "zh"))
        wait_ready(page)
    expected: set[str] = set()
    for index in range(rounds):
        phones = [f"0918 123 {index:02d}1{n}" for n in (0, 1)]
        for page, phone in zip((first, second), phones, strict=True):
            _blank_form(page)
            submit(page, phone=phone, last_reload="2026-06-01")
        # Both clicks queued before either page's call to Python comes back.
        for page in (first, second):
            page.evaluate(
                "() => setTimeout(() => document.querySelector('[data-checker-save]').click())"
            )
        expected |= {answered(web.check_number(phone))["e164"] for phone in phones}
        for page in (first, second):  # each tab's list follows the other's save
            _wait_count(page, len(expected))
        assert _e164s(first) == expected
        assert {row["e164"] for row in _listed(second)} == expected
    # Every change was counted once, in the order the lock gave (lines.js REVISION_KEY).
    counts = [
        page.evaluate("localStorage.getItem('checker.lines.v1.revision')")
        for page in (first, second)
    ]
    assert counts == [str(2 * rounds)] * 2


def test_delete_all_deletes_what_the_reader_saw_and_says_what_it_kept(reader: Reader) -> None:
    page = reader.page
    _with_stored(page, reader.origin, "en", _document(_line("0918 123 4567", "2026-06-01", "W")))
    _wait_count(page, 1)
    # Another tab's save that this page has not drawn yet (a page gets no storage event
    # for its own writes): Delete all must keep it.
    newer = _document(
        _line("0918 123 4567", "2026-06-01", "W"), _line("0917 555 0000", "2026-03-15", "Mum")
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, newer])
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-checker-delete-all]")
    # Its notice says the change is done (the count was 1 before it too).
    said = message("saved.deleted_kept", "en", deleted=1, kept=1)
    page.wait_for_function(
        "t => document.querySelector('[data-checker-lines-notice]').textContent === t", arg=said
    )
    _wait_count(page, 1)
    assert _e164s(page) == {"+639175550000"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_line_dated_after_today_needs_attention_and_blocks_nothing(
    reader: Reader, lang: str
) -> None:
    """Saved "today" in Kiritimati (UTC+14), opened the day before in Los Angeles."""
    page = reader.page
    tomorrow = "2026-11-27"
    assert tomorrow > TODAY
    stored = _document(
        _line("0917 555 1111", tomorrow, "Mum"), _line("0918 123 4567", "2026-06-01", "Work")
    )
    _with_stored(page, reader.origin, lang, stored)
    _wait_count(page, 1)
    item = page.locator("[data-checker-attention-item]")
    assert item.count() == 1
    assert item.get_attribute("data-code") == "date.in_future"
    assert "Mum" in (item.text_content() or "")
    assert [row["label"] for row in _listed(page)] == ["Work"]
    assert page.is_enabled("[data-checker-delete-all]")
    # Save works, and keeps the line needing attention as it was.
    _save(page, "", phone="0917 555 0000", last_reload="2026-03-15")
    _wait_count(page, 2)
    assert len(_kept(page)["lines"]) == 3
    # Open puts it in the form; saved again with today's date, it is a line like the others.
    item.locator("[data-checker-saved-open]").click()
    assert page.input_value("input[name=last_reload]") == tomorrow
    assert page.input_value("[data-checker-label]") == "Mum"
    _save(page, "Mum", phone="0917 555 1111", last_reload=TODAY)
    _wait_count(page, 3)
    assert page.locator("[data-checker-attention-item]").count() == 0
    assert len(_kept(page)["lines"]) == 3


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("damaged", ["{broken", "null", '{"format": "x"}'])
def test_a_damaged_list_is_set_aside_never_overwritten(
    reader: Reader, lang: str, damaged: str
) -> None:
    page = reader.page
    _with_stored(page, reader.origin, lang, damaged)
    page.wait_for_selector(f"{LINES}[data-checker-list-state=damaged]", state="attached")
    assert page.text_content("[data-checker-damaged-message]") == message("saved.damaged", lang)
    assert _stored(page) == damaged  # nothing written by looking
    with page.expect_download() as download:
        page.click("[data-checker-aside-export]")
    assert download.value.path().read_text(encoding="utf-8") == damaged
    # A new list starts with the next save; the damaged text is kept aside as it was.
    _save(page, "", phone="0918 123 4567", last_reload="2026-06-01")
    _wait_count(page, 1)
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", ASIDE)) == [damaged]
    assert page.get_attribute(LINES, "data-checker-list-state") == "aside"
    assert page.is_visible("[data-checker-aside-delete]")


def test_undo_brings_back_a_deleted_line(reader: Reader) -> None:
    page = reader.page
    stored = _document(
        _line("0918 123 4567", "2026-06-01", "Work"), _line("0917 555 0000", "2026-03-15")
    )
    _with_stored(page, reader.origin, "en", stored)
    _wait_count(page, 2)
    page.click("[data-checker-saved-item][data-e164='+639181234567'] [data-checker-saved-delete]")
    _wait_count(page, 1)
    assert _notice(page) == message("saved.deleted", "en", label="Work")
    page.click("[data-checker-undo]")
    _wait_count(page, 2)
    assert _e164s(page) == {"+639181234567", "+639175550000"}
    assert not page.is_visible("[data-checker-undo]")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_labels_count_characters_refuse_separators_and_show_the_digits(
    reader: Reader, lang: str
) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    page.fill("[data-checker-label]", "😀" * 45)
    assert (
        page.evaluate("() => [...document.querySelector('[data-checker-label]').value].length")
        == 40
    )
    _save(page, "A\u2028B", phone="0918 123 4567", last_reload="2026-06-01")
    assert page.get_attribute("[data-checker-label-error]", "data-code") == "lines.label_bad"
    _save(page, "😀" * 40, phone="0918 123 4567", last_reload="2026-06-01")
    _wait_count(page, 1)
    digits = page.text_content("[data-checker-saved-item] .checker__saved-digits")
    assert digits == text("form.lines.last_digits", lang).replace("{digits}", "4567")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_what_a_reader_meets_empty_state_errors_and_a_return_visit(
    reader: Reader, lang: str
) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    _wait_count(page, 0)
    # Nothing saved: no action that would do nothing; the words say what saving brings.
    assert not page.is_visible("[data-checker-lines-actions]")
    assert page.is_visible("[data-checker-saved-empty]")
    button = page.locator("[data-checker-import-button]")
    assert button.is_visible() and button.text_content() == text("form.lines.import", lang)
    # Save without a number: the reason stands by the phone field, which gets the focus.
    _blank_form(page)
    submit(page, last_reload="2026-06-01")
    page.click("[data-checker-save]")
    page.wait_for_selector("[data-checker-field-error=phone][data-code='lines.need_number']")
    assert page.is_hidden("[data-checker-label-error]")
    assert page.evaluate("() => document.activeElement.name") == "phone"
    _save(page, "", phone="0918 123 4567", last_reload="2026-06-01")
    _wait_count(page, 1)
    # A return visit with a blank form: the list comes before the form.
    page.evaluate("() => sessionStorage.clear()")
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    _wait_count(page, 1)
    page.wait_for_selector("[data-checker][data-checker-lines-first='1']", state="attached")
    list_box = page.locator("[data-checker-saved]").bounding_box()
    form_box = page.locator("[data-checker-form]").bounding_box()
    assert list_box is not None and form_box is not None  # None: not on show
    assert list_box["y"] < form_box["y"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_that_is_not_utf8_is_refused(reader: Reader, lang: str, tmp_path: Path) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    line = _line("0918 123 4567", "2026-06-01", "Café")
    data = json.dumps(
        {"format": "smart-baohao.lines", "version": 1, "lines": [line]}, ensure_ascii=False
    ).encode("latin-1")
    path = tmp_path / "latin1.json"
    path.write_bytes(data)
    page.set_input_files("[data-checker-import]", str(path))
    page.wait_for_selector(f"{LINES}[data-checker-import-result]", state="attached")
    assert page.get_attribute(LINES, "data-checker-import-result") == "import.not_utf8"
    assert _stored(page) is None
