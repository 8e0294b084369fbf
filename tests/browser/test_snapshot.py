"""A second visit restores Python from the snapshot the first one kept (worker.js).

The snapshot is an optimisation that must never change an answer: the restored checker gives
the CLI's dates, and a snapshot that cannot be restored is dropped for a fresh start.
"""

from __future__ import annotations

import json

import pytest
from checker_page import ROOT_SELECTOR, estimate_attrs, submit, until, url, wait_ready
from conftest import TODAY, Session, Watch
from playwright.sync_api import Page

from testsupport.cli import cli_next

pytestmark = pytest.mark.browser


def _snapshot(page: Page) -> dict[str, str]:
    text = page.get_attribute(ROOT_SELECTOR, "data-checker-config")
    assert text is not None, "the page carries no data-checker-config"
    config = json.loads(text)
    key = page.evaluate("k => new URL(k, document.baseURI).href", config["snapshot"]["key"])
    return {"cache": config["snapshot"]["cache"], "key": key}


def _stored(page: Page, snapshot: dict[str, str]) -> int:
    size: int = page.evaluate(
        """async ({cache, key}) => {
             const found = await (await caches.open(cache)).match(key);
             return found ? (await found.arrayBuffer()).byteLength : 0;
           }""",
        snapshot,
    )
    return size


def _boot(page: Page) -> str | None:
    wait_ready(page)
    return page.get_attribute(ROOT_SELECTOR, "data-checker-boot")


def _answers_like_the_cli(page: Page) -> None:
    submit(page, last_reload="2026-03-15", zero_balance_since="2026-05-01", margin_days="7")
    expected = cli_next(
        TODAY, last_reload="2026-03-15", zero_balance_since="2026-05-01", margin_days="7"
    )
    attrs = estimate_attrs(page)
    assert attrs["reload-by"] == expected["reload_by"]
    assert attrs["deactivates-on"] == expected["deactivates_on"]
    assert attrs["status"] == expected["status"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_second_visit_restores_the_snapshot_and_answers_the_same(
    page: Page, browser: Session, lang: str
) -> None:
    page.goto(url(browser.origin, lang))
    wait_ready(page)
    snapshot = _snapshot(page)
    page.evaluate("({cache, key}) => caches.open(cache).then(c => c.delete(key))", snapshot)

    page.reload()
    assert _boot(page) == "fresh"
    _answers_like_the_cli(page)
    kept = "async ({cache, key}) => Boolean(await (await caches.open(cache)).match(key))"
    until(page, kept, snapshot)
    assert _stored(page, snapshot) > 1_000_000  # Python's memory, not an empty entry

    page.reload()
    assert _boot(page) == "snapshot"
    _answers_like_the_cli(page)


def test_a_snapshot_that_does_not_restore_is_replaced(
    page: Page, browser: Session, watch: Watch
) -> None:
    page.goto(url(browser.origin, "en"))
    wait_ready(page)
    snapshot = _snapshot(page)
    page.evaluate(
        """({cache, key}) => caches.open(cache)
             .then(c => c.put(key, new Response(new Uint8Array(4096).fill(7))))""",
        snapshot,
    )
    page.reload()
    assert _boot(page) == "fresh"
    _answers_like_the_cli(page)
    until(
        page,
        """async ({cache, key}) => {
             const found = await (await caches.open(cache)).match(key);
             return found && (await found.arrayBuffer()).byteLength > 4096;
           }""",
        snapshot,
    )
