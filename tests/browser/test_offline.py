"""Offline after one visit: the service worker (docs/sw.js, docs/assets/javascripts/offline.js).

A reader opens a guide page and then the checker once, online; later, with no network at all,
the checker opens, boots Pyodide and gives the same dates as the CLI. A new release replaces
the old caches, and a release that does not move Pyodide does not download it again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from checker_page import estimate_attrs, submit, until, url, wait_ready
from conftest import TODAY, Reader
from playwright.sync_api import Page, Playwright

from hooks import asset_versions, offline
from testsupport.browser import launch, serve
from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
KEPT = "[data-checker][data-checker-offline=kept]"


def _caches(page: Page) -> list[str]:
    return sorted(page.evaluate("caches.keys()"))


def _wait_kept(page: Page) -> None:
    """Until the service worker holds everything this page loaded."""
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("html[data-offline=kept]", state="attached")


def _visit_online(page: Page, origin: str, lang: str) -> None:
    """A first visit: a guide page from search, then the checker by an in-site link."""
    page.goto(url(origin, lang, "guide/reload/"))
    _wait_kept(page)
    page.click("article a[href$='checker/']")
    page.wait_for_url("**/checker/")
    wait_ready(page)
    page.wait_for_selector(KEPT, state="attached")
    assert page.locator("[data-checker-offline-note]").is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checker_opens_and_answers_offline_after_one_visit(reader: Reader, lang: str) -> None:
    page = reader.page
    _visit_online(page, reader.origin, lang)
    served_online = len(reader.requests)

    reader.set_offline(True)
    page.reload()
    wait_ready(page)
    submit(page, last_reload="2026-03-15", amount="100", margin_days="30")
    expected = cli_next(TODAY, last_reload="2026-03-15", amount="100", margin_days="30")
    attrs = estimate_attrs(page)
    assert attrs["reload-by"] == expected["reload_by"]
    assert attrs["deactivates-on"] == expected["deactivates_on"]
    assert attrs["status"] == expected["status"]

    # The guide page read before is there too, with its theme and its language.
    page.goto(url(reader.origin, lang, "guide/reload/"))
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.lang").startswith(lang)
    assert page.evaluate("getComputedStyle(document.body).fontFamily")  # the theme's CSS
    assert len(reader.requests) > served_online  # requests were made, and answered offline


def test_a_page_never_opened_says_it_is_offline(reader: Reader) -> None:
    reader.watch.allow_errors = True  # the browser logs the 503 of the offline answer
    page = reader.page
    page.goto(url(reader.origin, "zh", "guide/validity/"))
    _wait_kept(page)
    reader.set_offline(True)
    response = page.goto(url(reader.origin, "zh", "faq/"))
    assert response is not None and response.status == 503
    assert "Offline" in page.title()
    assert page.locator("a[href$='/checker/']").count() == 2


def test_a_new_release_replaces_the_old_caches(
    driver: Playwright, site_dir: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    served: list[tuple[str, int, int]] = []
    with serve(site, served=served) as origin:
        context = launch(driver, tmp_path / "profile")
        try:
            page = context.new_page()
            page.set_default_timeout(90_000)
            page.goto(url(origin, "zh"))
            wait_ready(page)
            page.wait_for_selector(KEPT, state="attached")
            before = _caches(page)
            assert [name for name in before if name.startswith("smart-pyodide-")]
            old_shell = [name for name in before if name.startswith("smart-shell-")]
            assert len(old_shell) == 1

            # A release that changes a text and a stylesheet, not Pyodide: the build writes a
            # new sw.js (the real hook); the browser finds it on the next visit.
            css = site / "assets" / "stylesheets" / "site.css"
            css.write_text(css.read_text() + "\n/* release 2 */\n")
            asset_versions.apply(site)  # pages name the new site.css
            sw = site / "sw.js"
            runtime = next((site / "assets" / "pyodide").iterdir()).name
            sw.write_text(
                offline.service_worker(
                    site, f"assets/pyodide/{runtime}/", f"smart-pyodide-{runtime}"
                )
            )
            assert sw.read_text() != ""
            first_new = len(served)
            page.reload()
            wait_ready(page)
            # The browser finds the new sw.js on this navigation; the new worker installs and
            # then deletes the caches of the old release.
            after = until(
                page,
                "old => caches.keys().then(n => !n.includes(old) && n.length === 2 && n.sort())",
                old_shell[0],
            )
            new_shell = [name for name in after if name.startswith("smart-shell-")]
            assert new_shell and new_shell != old_shell
            assert [n for n in after if n.startswith("smart-pyodide-")] == [
                n for n in before if n.startswith("smart-pyodide-")
            ]
            # The new stylesheet is what the cache holds now, and Pyodide was not fetched again.
            page.reload()
            wait_ready(page)
            new_css = asset_versions.versioned(site, "assets/stylesheets/site.css")
            held = page.evaluate(
                "url => caches.match(url).then(r => r ? r.text() : '')", f"{origin}/{new_css}"
            )
            assert "release 2" in held
            refetched = [path for path, _, _ in served[first_new:] if "/assets/pyodide/" in path]
            assert refetched == []
        finally:
            context.close()
