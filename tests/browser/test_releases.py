"""One release at a time: a page of a new release never runs with the old release's assets.

A reader's browser holds release 1 (its service worker and caches, its HTTP cache); the site
is then replaced by release 2, which changes page text, site.css and our scripts, as a real
release does. Release 2 is made the way tests/browser/test_offline.py makes one: the built
site is edited and the real hooks rerun over it (hooks/asset_versions.py, hooks/offline.py).

Each page the reader then sees must be entirely release 2: its text, the stylesheet the page
applied, the script it ran, and every asset it names, as the service worker gives it, byte
for byte the release-2 file. That holds on the first reload (where the HTML is new), on the
second, and after an in-site click (instant navigation) that brings a release-2 page into a
document opened under release 1.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from checker_page import url
from playwright.sync_api import Page, Playwright

from hooks import asset_versions, offline
from testsupport.browser import launch, serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
MARK_CSS = '\n:root { --site-release: "2"; }\n'
MARK_JS = "\nwindow.__siteRelease = 2;\n"
MARK_PAGE = '<p id="release-2">release 2</p>'


def _release_two(site: Path) -> None:
    """Edit the built site as release 2 would, then run the build's hooks over it again."""
    css = site / "assets" / "stylesheets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + MARK_CSS, encoding="utf-8")
    for script in ("offline.js", "language-switch.js"):
        js = site / "assets" / "javascripts" / script
        js.write_text(js.read_text(encoding="utf-8") + MARK_JS, encoding="utf-8")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(<h1[^>]*>)", rf"{MARK_PAGE}\1", text, count=1), encoding="utf-8")
    asset_versions.apply(site)
    runtime = next((site / "assets" / "pyodide").iterdir()).name
    worker = offline.service_worker(site, f"assets/pyodide/{runtime}/", f"smart-pyodide-{runtime}")
    (site / "sw.js").write_text(worker, encoding="utf-8")


def _assets(page: Page) -> list[str]:
    """Every same-origin asset the page names: stylesheets, scripts, icons."""
    assets: list[str] = page.evaluate(
        """() => [...document.querySelectorAll(
             'link[rel~=stylesheet][href], link[rel~=icon][href], script[src]')]
           .map(el => el.href || el.src).filter(u => u.startsWith(location.origin))"""
    )
    return assets


def _assert_release_two(page: Page, site: Path, where: str) -> None:
    assert page.locator("#release-2").count() == 1, f"{where}: the page text is not release 2"
    applied = page.evaluate(
        """() => [getComputedStyle(document.documentElement)
                    .getPropertyValue('--site-release').trim(), window.__siteRelease]"""
    )
    assert applied == ['"2"', 2], f"{where}: the page applied release 1's assets: {applied}"
    for asset in _assets(page):
        path = urlsplit(asset).path.lstrip("/")
        got = page.evaluate(
            "u => fetch(u).then(r => r.arrayBuffer()).then(b => [...new Uint8Array(b)])", asset
        )
        assert bytes(got) == (site / path).read_bytes(), f"{where}: {asset} is not release 2's"


def test_a_new_release_never_mixes_with_the_old(
    driver: Playwright, site_dir: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    with serve(site) as origin:
        context = launch(driver, tmp_path / "profile", viewport={"width": 360, "height": 740})
        try:
            page = context.new_page()
            page.set_default_timeout(60_000)
            # Release 1: the reader reads a guide page; the service worker keeps it, and the
            # reload is served by the worker, assets from its cache.
            page.goto(url(origin, "zh", "guide/validity/"))
            page.wait_for_load_state("networkidle")
            page.wait_for_selector("html[data-offline=kept]", state="attached")
            page.reload()
            page.wait_for_function("navigator.serviceWorker.controller !== null")
            assert page.locator("#release-2").count() == 0
            # A second tab, also opened under release 1, for an in-site click later.
            other = context.new_page()
            other.set_default_timeout(60_000)
            other.goto(url(origin, "zh", "guide/reload/"))
            assert other.locator("#release-2").count() == 0

            _release_two(site)

            # The reader reloads the page they had open: the HTML is new on this first reload.
            page.reload()
            _assert_release_two(page, site, "first reload")
            page.reload()
            _assert_release_two(page, site, "second reload")

            # An in-site click in the other tab: instant navigation fetches a release-2 page
            # into a release-1 document; it must end up a release-2 page with its assets.
            other.click("article a[href$='checker/']")
            other.wait_for_url("**/checker/")
            # The release-2 page arrives in the release-1 document first; offline.js then
            # reloads it, once the new release's service worker is in charge (a reload asked
            # for while it was activating used to be dropped, about one run in ten). Polled
            # on a timer: the wait must not depend on frames being drawn.
            other.wait_for_function("() => window.__siteRelease === 2", polling=250)
            other.wait_for_load_state("load")
            _assert_release_two(other, site, "after an in-site click")
        finally:
            context.close()
