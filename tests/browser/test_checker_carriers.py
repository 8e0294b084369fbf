"""The carrier field in Chromium at phone width: it follows the typed number, the reader can
change it, and the page's dates are the CLI's for every carrier (zh and en)."""

from __future__ import annotations

import pytest
from checker_page import estimate_attrs, field_error, open_checker, reset, submit
from conftest import TODAY, Session
from playwright.sync_api import Page

from checker import web
from testsupport.checks import refused
from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

EMPTY = {field.name: field.default for field in web.FIELDS if not field.required}
# (phone typed, carrier field, the carrier whose rules the page must use)
CASES = [
    ("0917 123 4567", "auto", "globe"),  # Globe's prefix: Globe's rules, no warning
    ("0918 123 4567", "auto", "smart"),
    ("0991 123 4567", "auto", "dito"),
    ("0924 123 4567", "auto", "dito"),  # DITO or Sun: the soonest, DITO
    ("0913 123 4567", "auto", "smart"),  # refused by libphonenumber; listed as Smart's
    ("0917 123 4567", "gomo", "gomo"),  # GOMO uses Globe's prefixes: the reader says so
]


def _carrier(page: Page) -> str | None:
    return page.get_attribute("[data-checker-estimate]", "data-carrier")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_carrier_follows_the_typed_number_at_phone_width(
    page: Page, browser: Session, lang: str
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    open_checker(page, browser.origin, lang)
    for phone, carrier, used in CASES:
        reset(page)
        submit(page, **{**EMPTY, "last_reload": "2026-03-15", "phone": phone, "carrier": carrier})
        page.wait_for_selector(f"[data-checker-estimate][data-carrier='{used}']")
        cli = cli_next(TODAY, lang=lang, last_reload="2026-03-15", phone=phone, carrier=carrier)
        assert cli["ok"] and cli["carrier"] == used, cli
        shown = estimate_attrs(page)
        assert shown["reload-by"] == cli["reload_by"]
        assert shown["deactivates-on"] == cli["deactivates_on"]
        # The answer names whose rules it used, in the page's language.
        name = page.text_content("[data-checker-estimate] [data-checker-out=carrier_name]")
        assert name == cli["carrier_name"]
        # The carrier field stays the reader's: "auto" is not rewritten to the number's.
        assert page.is_checked(f"input[name=carrier][value={carrier}]")
        # Nothing of the answer runs off a 360 px screen.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, width


def test_a_chosen_carrier_that_is_not_the_prefixs_is_said_in_the_status(
    page: Page, browser: Session
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    open_checker(page, browser.origin, "zh")
    submit(page, **{**EMPTY, "last_reload": "2026-03-15", "phone": "0917 123 4567"})
    page.wait_for_selector("[data-checker-estimate][data-carrier='globe']")
    assert page.get_attribute("[data-checker-status]", "data-caveat") is None
    page.check("input[name=carrier][value=smart]")
    page.wait_for_selector("[data-checker-estimate][data-carrier='smart']")
    page.wait_for_selector("[data-checker-status][data-caveat='1']")
    warning = page.text_content("[data-checker-status] [data-checker-list=status_warning_messages]")
    assert "Globe" in (warning or "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unknown_carrier_is_said_beside_its_field_and_nothing_is_lost(
    page: Page, browser: Session, lang: str
) -> None:
    # The radio group cannot hold another value; a tampered page (or a future option the
    # adapter does not know) can: the adapter's error shows beside the field, in the page's
    # language, and every other answer stays.
    open_checker(page, browser.origin, lang)
    form = {**EMPTY, "last_reload": "2026-03-15", "phone": "0917 123 4567", "amount": "100"}
    submit(page, **form)
    page.evaluate("document.querySelector('input[name=carrier][value=dito]').value = 'tm'")
    page.check("input[name=carrier][value=tm]")
    # A field is judged when the reader leaves it or checks (issue 22): check, as a reader does.
    page.press("input[name=last_reload]", "Enter")
    page.wait_for_selector("[data-checker-field-error=carrier]:not([hidden])")
    expected = web.check_form({**form, "carrier": "tm"}, today=TODAY, lang=lang)["estimate"]
    assert expected is not None, form
    assert field_error(page, "carrier") == ("carrier.unknown", refused(expected)["message"])
    assert page.is_visible("[data-checker-number]") and page.is_visible("[data-checker-amount]")
    assert page.input_value("input[name=phone]") == "0917 123 4567"
    assert page.input_value("input[name=last_reload]") == "2026-03-15"
