"""A reader who blocks site data: no uncaught error, search works, the palette toggle stays.

Chromium's own setting (Settings, Privacy, "Block all cookies", which blocks site data too) is
written into the profile before the browser starts, as the reader's choice would be:
``profile.default_content_setting_values.cookies = 2``. With it, reading localStorage or
sessionStorage throws, Cache Storage refuses, and service workers are denied. The theme's
inline scripts read localStorage first thing; overrides/main.html puts a page-lived storage in
its place only when the real one throws.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from checker_page import url, wait_ready
from playwright.sync_api import BrowserContext, Page, Playwright

from testsupport.browser import launch

pytestmark = pytest.mark.browser

SEARCH = {"zh": ("充值", "充值"), "en": ("reload", "reload")}


@pytest.fixture
def blocked(driver: Playwright, tmp_path: Path) -> Iterator[BrowserContext]:
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    prefs = {"profile": {"default_content_setting_values": {"cookies": 2}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")
    context = launch(driver, profile, viewport={"width": 360, "height": 740}, locale="zh-CN")
    try:
        yield context
    finally:
        context.close()


def _watched(context: BrowserContext) -> tuple[Page, list[str]]:
    page = context.new_page()
    page.set_default_timeout(90_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return page, errors


def _assert_really_blocked(page: Page) -> None:
    """The browser refuses site data: the shim took over the storages, Cache Storage throws."""
    shim = page.evaluate(
        """() => ['localStorage', 'sessionStorage'].map(
             n => 'value' in (Object.getOwnPropertyDescriptor(window, n) || {}))"""
    )
    assert shim == [True, True], "site data is not blocked: the real storages are in place"
    refused = page.evaluate("caches.keys().then(() => '', e => e.name)")
    assert refused == "SecurityError"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_guide_page_with_site_data_blocked(
    blocked: BrowserContext, origin: str, lang: str
) -> None:
    page, errors = _watched(blocked)
    page.goto(url(origin, lang, "guide/validity/"))
    page.wait_for_load_state("networkidle")
    _assert_really_blocked(page)

    # The palette toggle is there and works (for this page: nothing may be saved).
    toggle = page.locator("[data-md-component=palette] label:visible")
    assert toggle.count() == 1
    scheme = page.get_attribute("body", "data-md-color-scheme")
    toggle.click()
    page.wait_for_function(
        "s => document.body.getAttribute('data-md-color-scheme') !== s", arg=scheme
    )

    # Search starts and finds the word.
    word, expected = SEARCH[lang]
    page.click("label[for=__search]")
    query = page.locator("input[data-md-component=search-query]")
    query.fill(word)  # what an input method leaves; Material searches on the next key event
    query.press("End")
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=30_000)
    assert expected in (result.text_content() or "").lower()
    assert errors == [], errors


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_checker_with_site_data_blocked(
    blocked: BrowserContext, origin: str, lang: str
) -> None:
    page, errors = _watched(blocked)
    page.goto(url(origin, lang))
    wait_ready(page)
    _assert_really_blocked(page)
    page.fill("input[name=last_reload]", "2026-03-15")
    page.press("input[name=last_reload]", "Enter")
    page.wait_for_selector("[data-checker-estimate][data-reload-by]")
    assert page.get_attribute("[data-checker-estimate]", "data-reload-by")
    assert errors == [], errors
