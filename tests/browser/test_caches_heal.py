"""Caches that heal: each cached file of the checker damaged in Cache Storage, in Chromium.

A damaged copy (here: its first bytes overwritten, as a disk error or a cut write leaves it)
is never served: the service worker checks it against the build's hash (hooks/offline.py,
integrity), drops it and fetches it again, so the next visit simply works. With every cache
deleted while the service worker stays, the worker rebuilds its shell and the site works
offline again. Offline, a dropped file cannot be fetched again: the checker says it could not
load, names the file, throws nothing uncaught, and Retry, once back online, fetches it and
answers (offline here is the reader's server unplugged too: Playwright's offline mode does
not reach a service worker's own requests).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checker_page import SETTLED, estimate_attrs, state, submit, url, wait_ready
from conftest import TODAY, Reader
from playwright.sync_api import Page
from test_offline import KEPT

from testsupport.browser import DAMAGE_CACHED
from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

# Each file the checker needs, by the end of its cached URL's path.
DAMAGED = [
    "pyodide.asm.wasm",
    "pyodide.asm.js",
    "pyodide.mjs",
    ".zip",  # the checker's standard library
    ".whl",  # the checker
    "/worker.js",
    "/checker.js",
    "/client.js",
]


_CACHED_BYTES = """async (href) => {
  const response = await caches.match(href);
  return response ? [...new Uint8Array(await response.arrayBuffer()).slice(0, 16)] : null;
}"""


def _first_visit(page: Page, origin: str) -> None:
    page.goto(url(origin, "zh"))
    wait_ready(page)
    page.wait_for_selector(KEPT, state="attached")


def _answers(page: Page) -> None:
    submit(page, last_reload="2026-03-15")
    expected = cli_next(TODAY, last_reload="2026-03-15")
    assert estimate_attrs(page)["reload-by"] == expected["reload_by"]


@pytest.mark.parametrize("end", DAMAGED)
def test_a_damaged_cached_file_is_dropped_and_fetched_again(reader: Reader, end: str) -> None:
    page = reader.page
    _first_visit(page, reader.origin)
    hrefs = page.evaluate(DAMAGE_CACHED, end)
    assert hrefs, f"nothing cached ends with {end}"
    assert all(page.evaluate(_CACHED_BYTES, href)[:4] == [0x41] * 4 for href in hrefs)
    # The next visit is not stuck on the damaged copy: it is fetched again, kept again, and
    # the checker answers (before this, the page stayed on "无法加载。请重试" until a release).
    page.reload()
    wait_ready(page)
    _answers(page)
    for href in hrefs:  # each copy, once asked for, is a good one again
        page.evaluate("h => fetch(h).then(r => r.arrayBuffer())", href)
        page.wait_for_function(
            "h => caches.match(h).then(r => !!r)", arg=href, timeout=60_000, polling=500
        )
        assert page.evaluate(_CACHED_BYTES, href)[:4] != [0x41] * 4, href
    assert not reader.watch.page_errors, reader.watch


def test_the_shell_is_rebuilt_when_every_cache_is_deleted(reader: Reader) -> None:
    page = reader.page
    _first_visit(page, reader.origin)
    names = sorted(page.evaluate("caches.keys()"))
    page.evaluate("async () => { for (const n of await caches.keys()) await caches.delete(n); }")
    page.reload()
    wait_ready(page)
    page.wait_for_function(
        "n => caches.keys().then(k => n.every(x => k.includes(x)))",
        arg=names,
        timeout=120_000,
        polling=1000,
    )
    page.wait_for_selector(KEPT, state="attached")
    page.wait_for_load_state("networkidle")
    reader.set_offline(True)
    page.reload()
    wait_ready(page)
    _answers(page)


# The file damaged, and the words its failure is blamed with (worker.js blame()).
OFFLINE = [("pyodide.asm.wasm", "pyodide.asm.wasm"), (".whl", ".whl")]


@pytest.mark.parametrize(("end", "blamed"), OFFLINE)
def test_offline_a_dropped_file_fails_cleanly_and_retry_fetches_it_online(
    reader: Reader, end: str, blamed: str, tmp_path: Path
) -> None:
    page = reader.page
    _first_visit(page, reader.origin)
    assert page.evaluate(DAMAGE_CACHED, end)
    reader.set_offline(True)
    page.reload()  # the page itself comes from the service worker's shell
    page.wait_for_selector(SETTLED)
    page.screenshot(path=tmp_path / "offline-failed.png", full_page=True)
    assert state(page) == "error"
    detail = page.text_content("[data-checker-boot-detail]") or ""
    assert blamed in detail, detail
    assert page.is_visible("[data-checker-retry]")
    assert not reader.watch.page_errors, reader.watch.page_errors
    # Back online, Retry fetches the file again (not the dropped copy) and the checker answers.
    reader.set_offline(False)
    page.click("[data-checker-retry]")
    page.wait_for_selector("[data-checker][data-checker-state=ready]")
    _answers(page)
    assert not reader.watch.page_errors, reader.watch.page_errors
