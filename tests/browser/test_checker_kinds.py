"""The kinds of reload and the result that never contradicts itself, on the page (issue 13).

Each case is read on the page in both languages and compared with the CLI, which prints the
same dicts; the screenshots (360 px, zh) are for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checker_page import field_error, open_checker, reset, submit, values
from conftest import TODAY, Session
from playwright.sync_api import Page

from checker import messages, web
from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

STATUS = "[data-checker-status]"


def _colours(page: Page) -> list[str]:
    colours: list[str] = page.locator(STATUS).evaluate(
        "el => { const s = getComputedStyle(el); return [s.color, s.backgroundColor]; }"
    )
    return colours


def _visible_rows(page: Page) -> list[str]:
    rows: list[str] = page.eval_on_selector_all(
        "[data-checker-estimate] [data-checker-row]",
        "rows => rows.filter(r => !r.hidden).map(r => r.querySelector('[data-checker-out]')"
        ".dataset.checkerOut)",
    )
    return rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_promo_is_unknown_in_its_own_colour_with_no_dates(
    page: Page, browser: Session, lang: str, tmp_path: Path
) -> None:
    open_checker(page, browser.origin, lang)
    submit(page, last_reload="2026-03-15")
    ok_colours = _colours(page)
    assert page.get_attribute(STATUS, "data-status") == "ok"
    submit(page, reload_kind="promo")
    cli = cli_next(TODAY, lang=lang, last_reload="2026-03-15", reload_kind="promo")
    assert page.get_attribute(STATUS, "data-status") == "unknown"
    assert page.text_content("[data-checker-out=status_label]") == cli["status_label"]
    assert page.text_content("[data-checker-out=status_detail]") == cli["status_detail"]
    assert cli["status_label"] == ("无法推算" if lang == "zh" else "Cannot be dated")
    # Never the green of "ok": another text colour and another background.
    unknown_colours = _colours(page)
    assert unknown_colours[0] != ok_colours[0] and unknown_colours[1] != ok_colours[1]
    # Nothing to date: no date rows, and the reader is told what to do instead.
    assert _visible_rows(page) == []
    detail = cli["status_detail"]
    assert ("最近一次普通充值" if lang == "zh" else "last regular reload") in detail
    if lang == "zh":
        page.set_viewport_size({"width": 360, "height": 780})
        results = page.locator("[data-checker-results]")
        results.screenshot(path=str(tmp_path / "checker-promo-360-zh.png"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pasaload_is_dated_by_its_amount(page: Page, browser: Session, lang: str) -> None:
    open_checker(page, browser.origin, lang)
    for amount, expires in [("30", "2026-12-05"), ("₱100", "2026-12-20"), ("200", "2027-01-19")]:
        submit(page, last_reload="2026-11-20", reload_kind="pasaload", amount=amount)
        assert page.get_attribute("[data-checker-estimate]", "data-load-expires") == expires
        label = page.text_content("[data-checker-date=load_expires] dt")
        assert label == ("PasaLoad 话费有效期至" if lang == "zh" else "PasaLoad valid until")
        warnings = page.locator("[data-checker-estimate] [data-checker-list=warning_messages] li")
        assert "PasaLoad" in (warnings.first.text_content() or "")
    # No amount, or one Smart gives no validity for: the amount field says it cannot be dated.
    for amount, code in [("", "pasaload.amount_needed"), ("150", "pasaload.undated")]:
        submit(page, amount=amount)
        assert field_error(page, "amount")[0] == code
        assert page.is_hidden("[data-checker-estimate]")
    reset(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_zero_balance_shows_two_named_dates(
    page: Page, browser: Session, lang: str, tmp_path: Path
) -> None:
    open_checker(page, browser.origin, lang)
    page.set_viewport_size({"width": 360, "height": 780})
    submit(page, last_reload="2026-03-15", zero_balance_since="2026-09-01")
    page.click("[data-checker-more-dates] summary")
    pairs = page.eval_on_selector_all(
        "[data-checker-more-dates] [data-checker-date]",
        "rows => rows.map(r => [r.querySelector('dt').textContent,"
        " r.querySelector('dd').dataset.date])",
    )
    rows = dict(pairs)
    balance = "话费余额结束日" if lang == "zh" else "Balance ends"
    load = "普通充值有效期至" if lang == "zh" else "Regular load valid until"
    assert rows[balance] == "2026-09-01"
    assert rows[load] == "2027-03-15"
    assert len(rows) == len(pairs)
    # No label shows a date after the balance ended as if it were the end of the balance.
    assert len(rows) == len(set(rows))
    page.locator("[data-checker-estimate]").screenshot(path=str(tmp_path / f"zero-{lang}.png"))


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "已过 42 天"), ("en", "42 days ago")]
)  # fmt: skip
def test_days_past_a_date_are_words(page: Page, browser: Session, lang: str, said: str) -> None:
    # Reload-by 2026-10-15 (a year after 2025-11-14, less 30 days): 42 days ago on 26 November.
    open_checker(page, browser.origin, lang)
    submit(page, last_reload="2025-11-14")
    assert page.text_content("[data-checker-out=days_text]") == said
    shown = page.text_content("[data-checker-estimate]")
    assert shown is not None  # None: no estimate at all, and no "-42" in it either
    assert "-42" not in shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_network_warning_stands_in_the_status(
    page: Page, browser: Session, lang: str, tmp_path: Path
) -> None:
    open_checker(page, browser.origin, lang)
    # First allocated to Globe, and the reader says Smart (issue 18: with "auto" the dates
    # would follow Globe's rules, with nothing to warn about).
    submit(page, last_reload="2026-03-15", phone="0917 123 4567", carrier="smart")
    assert page.get_attribute(STATUS, "data-status") == "ok"
    assert page.get_attribute(STATUS, "data-caveat") == "1"
    inside = page.locator(f"{STATUS} [data-checker-list=status_warning_messages] li")
    assert inside.count() == 1
    assert "Globe" in (inside.first.text_content() or "")
    # It comes before the status words, and is not repeated below them.
    first = page.locator(STATUS).evaluate(
        "el => el.querySelector('li').compareDocumentPosition("
        "el.querySelector('[data-checker-out=status_label]')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert first
    below = page.locator("[data-checker-number] [data-checker-list=warning_messages]")
    assert below.is_hidden()
    if lang == "zh":
        page.set_viewport_size({"width": 360, "height": 780})
        results = page.locator("[data-checker-results]")
        results.screenshot(path=str(tmp_path / "checker-network-360-zh.png"))
    # A Smart number: no caveat.
    submit(page, phone="0918 123 4567")
    assert page.get_attribute(STATUS, "data-caveat") is None
    assert page.locator(f"{STATUS} [data-checker-list=status_warning_messages]").is_hidden()


def test_an_old_link_with_promo_opens_as_a_promo(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "en", "#last_reload=2026-03-15&promo=1")
    page.wait_for_selector(f"{STATUS}[data-status=unknown]")
    assert values(page)["reload_kind"] == "promo"
    assert "reload_kind=promo" in page.evaluate("location.hash")


def test_the_choice_is_labelled_and_lists_every_kind(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "zh")
    # A radio group (overrides/partials/checker-field.html): each option its own label.
    options = page.eval_on_selector_all(
        "[data-checker-field=reload_kind] input[type=radio]",
        "os => os.map(o => [o.value, o.checked, [...o.labels].map(l => l.textContent.trim())])",
    )
    assert [value for value, _, _ in options] == list(web.KINDS)
    assert [checked for _, checked, _ in options] == [True, False, False]
    assert all(len(labels) == 1 for _, _, labels in options)
    assert "Regular Load" in options[0][2][0]
    legend = page.text_content("[data-checker-field=reload_kind] legend")
    assert legend and legend.strip() == messages.text("form.reload_kind", "zh")
