"""The language switch keeps the page and the anchor, also after instant navigation."""

from __future__ import annotations

import pytest
from checker_page import url
from conftest import Session
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "lang", "expected_path", "expected_lang"),
    [
        ("zh", "en", "/en/guide/validity/", "en"),
        ("en", "zh", "/guide/validity/", "zh"),
    ],
)
def test_switch_after_instant_navigation(
    page: Page, browser: Session, start: str, lang: str, expected_path: str, expected_lang: str
) -> None:
    page.goto(url(browser.origin, start, "guide/numbers/"))
    page.evaluate("window.__marker = 1")
    page.click("nav.md-nav--primary a.md-nav__link[href$='guide/validity/']")
    page.wait_for_url("**/guide/validity/")
    assert page.evaluate("window.__marker") == 1  # instant navigation, no page load
    page.evaluate("history.replaceState(null, '', '#one-year')")
    page.evaluate(f"document.querySelector('a[hreflang={lang}]').click()")
    page.wait_for_function(f"() => document.documentElement.lang.startsWith('{expected_lang}')")
    assert page.evaluate("location.pathname") == expected_path
    assert page.evaluate("location.hash") == "#one-year"
    assert page.locator("#one-year").count() == 1
