"""The checker page in Chromium: the form, the results, and that they agree with the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from checker_page import estimate_attrs, field_error, open_checker, reset, submit, until, values
from conftest import TODAY, Session
from playwright.sync_api import Page

from checker import web
from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

# (form fields, what the CLI is given): the same inputs, typed the way people type them.
CASES = [
    {"last_reload": "2026-03-15"},  # ok
    {"last_reload": "2026年1月10日"},  # due soon
    {"last_reload": "2025/12/1"},  # overdue
    {"last_reload": "2025-10-01", "amount": "₱300"},  # grace
    {"last_reload": "2025-06-01"},  # deactivated
    {"last_reload": "2026-03-15", "zero_balance_since": "2026-09-01"},
    {"last_reload": "2026-05-05", "reload_kind": "promo", "amount": "50", "margin_days": "0"},
    {"last_reload": "2026-11-20", "reload_kind": "pasaload", "amount": "₱200"},  # PasaLoad
    {"last_reload": "2026-11-20", "zero_balance_since": "2026-11-21", "margin_days": "90"},
    {"last_reload": "2026-02-01", "margin_days": "45", "phone": "0918 123 4567"},
]
# A blank form: every field at its default (checker.web.FIELDS), the date still to come.
EMPTY = {field.name: field.default for field in web.FIELDS if not field.required}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_dates_equal_the_cli(page: Page, browser: Session, lang: str) -> None:
    open_checker(page, browser.origin, lang)
    seen = set()
    for case in CASES:
        form = {**EMPTY, **case}
        submit(page, **form)
        cli = cli_next(
            TODAY,
            lang=lang,
            last_reload=form["last_reload"],
            zero_balance_since=form["zero_balance_since"],
            margin_days=form["margin_days"],
            amount=form["amount"],
            reload_kind=form["reload_kind"],
        )
        assert cli["ok"], cli
        shown = estimate_attrs(page)
        expected = {
            "reload-by": cli["reload_by"],
            "balance-ends": cli["balance_ends"],
            "load-expires": cli["load_expires"],
            "deactivates-on": cli["deactivates_on"],
            "days-left": None if cli["days_left"] is None else str(cli["days_left"]),
            "status": cli["status"],
            "reload-kind": cli["reload_kind"],
        }
        assert shown == expected, case
        # The words on the page are the CLI's words, in the page's language.
        # The reload-by date in the reader's words (the adapter's; the page formats none).
        assert page.text_content("[data-checker-out=reload_by_text]") == (
            cli["reload_by_text"] or ""
        )
        assert page.text_content("[data-checker-out=days_text]") == (cli["days_text"] or "")
        folded = page.eval_on_selector_all(
            "[data-checker-more-dates] [data-checker-date]",
            "rows => rows.map(r => [r.querySelector('dt').textContent,"
            " r.querySelector('dd').textContent, r.querySelector('dd').dataset.date])",
        )
        assert folded == [[r["label"], r["text"], r["date"]] for r in cli["other_dates"]]
        assert page.text_content("[data-checker-out=status_label]") == cli["status_label"]
        assert page.text_content("[data-checker-out=status_detail]") == cli["status_detail"]
        warnings = page.locator("[data-checker-estimate] [data-checker-list=warning_messages] li")
        assert warnings.all_text_contents() == cli["warning_messages"]
        assumptions = page.locator("[data-checker-list=assumptions] li")
        assert assumptions.count() == len(cli["assumptions"])
        assert (assumptions.first.locator("a").get_attribute("href") or "").startswith("../")
        seen.add(cli["status"])
    assert seen == {"ok", "due_soon", "overdue", "grace", "deactivated", "unknown"}


VALID = [
    ("phone", "0918 123 4567", "[data-checker-number]", "data-e164", "+639181234567"),
    ("phone", "+63 917 555 0000", "[data-checker-number]", "data-network", "Globe"),
    ("amount", "₱1,000", "[data-checker-amount]", "data-amount", "1000.00"),
    ("margin_days", "0", "[data-checker-estimate]", "data-margin-days", "0"),
    ("zero_balance_since", "2026-09-01", "[data-checker-estimate]", "data-status", "grace"),
]
INVALID = [
    ("phone", "0918 123", "phone.too_short"),
    ("phone", "02 8123 4567", "phone.not_mobile"),
    ("phone", "0918 123 4567 x", "phone.invalid_chars"),
    ("amount", "abc", "amount.not_a_number"),
    ("amount", "0", "amount.not_positive"),
    ("last_reload", "2026-02-30", "date.not_exist"),
    ("last_reload", "2026-12-01", "date.in_future"),
    ("last_reload", "soon", "date.unreadable"),
    ("zero_balance_since", "2026-01-01", "date.zero_before_reload"),
    ("zero_balance_since", "2026-12-24", "date.zero_in_future"),
    ("margin_days", "abc", "margin.not_a_number"),
    ("margin_days", "500", "margin.out_of_range"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_field_accepts_valid_and_reports_invalid_input(
    page: Page, browser: Session, lang: str
) -> None:
    open_checker(page, browser.origin, lang)
    for name, text, selector, attribute, expected in VALID:
        reset(page)
        submit(page, **{"last_reload": "2026-03-15", name: text})
        assert page.get_attribute(selector, attribute) == expected, (name, text)
        assert field_error(page, name) == (None, ""), (name, text)
        assert page.get_attribute(f"input[name={name}]", "aria-invalid") == "false"
    for name, text, code in INVALID:
        reset(page)
        submit(page, **{"last_reload": "2026-03-15", name: text})
        shown_code, message = field_error(page, name)
        assert shown_code == code, (name, text)
        assert message, (name, text)
        assert page.is_visible(f"[data-checker-field-error={name}]")
        assert page.get_attribute(f"input[name={name}]", "aria-invalid") == "true"
        # (An English message may quote a Chinese date format as an example.)
        cjk = any("\u4e00" <= ch <= "\u9fff" for ch in message.replace("2026年3月15日", ""))
        assert cjk == (lang == "zh"), message
    # PasaLoad of an amount Smart gives no validity for: the amount field says so.
    reset(page)
    submit(page, last_reload="2026-11-01", reload_kind="pasaload", amount="75")
    amount_code, message = field_error(page, "amount")
    assert amount_code == "pasaload.undated"
    assert ("无法推算日期" if lang == "zh" else "cannot date it") in message
    assert page.get_attribute("input[name=amount]", "aria-invalid") == "true"


def test_results_follow_typing_without_submit(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "en")
    page.type("input[name=last_reload]", "2026-03-15", delay=20)
    page.wait_for_selector("[data-checker-estimate][data-reload-by='2027-02-13']")
    assert page.is_visible("[data-checker-estimate]")
    assert page.is_hidden("[data-checker-empty]")
    page.fill("input[name=last_reload]", "")
    page.wait_for_selector("[data-checker-estimate]:not([data-reload-by])", state="attached")
    assert page.is_visible("[data-checker-empty]")


def test_share_link_restores_the_form(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "zh")
    form = {
        "phone": "0918 123 4567",
        "last_reload": "2026/3/15",
        "amount": "₱100",
        "reload_kind": "pasaload",
        "zero_balance_since": "2026-03-20",
        "margin_days": "14",
        "carrier": "smart",  # a link carries the reader's choice of carrier too
    }
    submit(page, **form)
    dates = estimate_attrs(page)
    link = page.get_attribute("[data-checker-share]", "href")
    assert link is not None and link.startswith(browser.origin + "/checker/#")
    assert page.evaluate("location.href") == link
    other = browser.context.new_page()
    try:
        other.clock.set_fixed_time(f"{TODAY}T10:00:00")
        open_checker(other, browser.origin, "zh", "#" + link.split("#", 1)[1])
        assert values(other) == form
        other.wait_for_selector("[data-checker-estimate][data-reload-by]")
        assert estimate_attrs(other) == dates
    finally:
        other.close()


def test_reload_and_language_switch_keep_the_input(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "zh")
    form = {**EMPTY, "last_reload": "2026-03-15", "amount": "200", "phone": "09181234567"}
    submit(page, **form)
    page.reload()
    page.wait_for_selector("[data-checker][data-checker-state=ready]")
    assert values(page) == form
    # Switch to English with the header's language link.
    english = page.locator("a[hreflang=en]").first
    assert "#" in (english.get_attribute("href") or "")
    page.evaluate("document.querySelector('a[hreflang=en]').click()")
    page.wait_for_url("**/en/checker/**")
    page.wait_for_selector("[data-checker][data-checker-state=ready]")
    assert values(page) == form
    page.wait_for_selector("[data-checker-estimate][data-reload-by='2027-02-13']")
    assert page.text_content("[data-checker-out=status_label]") == "OK"
    # And back to Chinese.
    page.evaluate("document.querySelector('a[hreflang=zh]').click()")
    page.wait_for_function("() => document.documentElement.lang.startsWith('zh')")
    page.wait_for_selector("[data-checker][data-checker-state=ready]")
    assert page.evaluate("location.pathname") == "/checker/"
    assert values(page) == form
    page.wait_for_selector("[data-checker-estimate][data-reload-by='2027-02-13']")
    assert page.text_content("[data-checker-out=status_label]") == "正常"


def test_calendar_downloads_a_valid_ics(page: Page, browser: Session) -> None:
    from icalendar import Calendar

    open_checker(page, browser.origin, "en")
    submit(page, last_reload="2026-03-15", phone="0918 123 4567")
    with page.expect_download() as download:
        page.click("[data-checker-calendar]")
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(path).read_bytes())
    starts = sorted(str(event.decoded("dtstart")) for event in calendar.walk("VEVENT"))
    attrs = estimate_attrs(page)
    assert attrs["reload-by"] in starts
    assert attrs["deactivates-on"] in starts
    assert page.is_visible("[data-checker-notice]")


def test_copy_summary_puts_the_dates_on_the_clipboard(page: Page, browser: Session) -> None:
    open_checker(page, browser.origin, "zh")
    submit(page, last_reload="2026-03-15")
    page.click("[data-checker-copy]")
    page.wait_for_function(
        "() => document.querySelector('[data-checker-notice]').textContent !== ''"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "最晚充值日: 2027年2月13日（周六）" in copied  # as the reader says it
    assert copied.splitlines()[0] == "Smart 保号提醒"
    page.click("[data-checker-copy-link]")
    until(page, "() => navigator.clipboard.readText().then(t => t.includes('#last_reload='))")
