"""The checker in Firefox and in WebKit (Safari's engine), in zh and en.

What differs between engines and the checker leans on: module workers, WebAssembly compiled
under a CSP with 'wasm-unsafe-eval', Cache Storage, the service worker, and Pyodide's private
memory snapshot. Each test is a first-time reader with a fresh browser; the ``engine``
fixture fails it on a CSP violation, a console or page error, or a request off the origin.
The Chromium suite (tests/browser) covers the rest in depth; this one is kept small.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from engine_page import estimate, field_error, submit, today, url, wait_ready

from testsupport.browser import DAMAGE_CACHED, serve
from testsupport.cli import cli_next
from testsupport.engines import Engine

pytestmark = pytest.mark.engines

# How a second visit boots in each engine: "snapshot" where the engine restores Pyodide's
# memory snapshot; an engine that refuses it must boot "fresh", cleanly (README, per engine).
SECOND_VISIT = {"firefox": "snapshot", "webkit": "snapshot"}
# (days before the browser's today of the last reload, other fields): every status.
# The promo (no date) comes first: the tests go on with the last case's answer on the page.
CASES: list[tuple[int, dict[str, Any]]] = [
    (100, {"reload_kind": "promo", "amount": "50", "margin_days": "0"}),  # unknown: no dates
    (150, {}),  # ok
    (320, {}),  # due soon
    (350, {"amount": "₱300"}),  # overdue
    (420, {}),  # grace
    (600, {}),  # deactivated
    (200, {"zero_balance_since": 30, "margin_days": "7"}),
    # One case per carrier group (issue 18), each dated by its own rules: Smart's are all of
    # the above (the carrier field left on "auto", no number typed).
    (400, {"carrier": "globe"}),
    (200, {"carrier": "gomo"}),
    (330, {"carrier": "dito", "zero_balance_since": 60}),
    (10, {"reload_kind": "pasaload", "amount": "200", "margin_days": "7"}),
]
STATUSES = {"ok", "due_soon", "overdue", "grace", "deactivated", "unknown"}
EMPTY = {
    "phone": "",
    "amount": "",
    "reload_kind": "regular",
    "zero_balance_since": "",
    "margin_days": "30",
    "carrier": "auto",
}
# (field, text typed): the message must show beside that field, as the CLI words it.
INVALID = [("last_reload", "2026-02-30"), ("margin_days", "500")]
# Whether the snapshot kept for the next visit is larger than `size` bytes.
SNAPSHOT_OVER = """(size) => {
  const config = JSON.parse(document.querySelector("[data-checker]").dataset.checkerConfig);
  const key = new URL(config.snapshot.key, document.baseURI).href;
  return caches.open(config.snapshot.cache).then((c) => c.match(key))
    .then((found) => found && found.arrayBuffer())
    .then((bytes) => bytes && bytes.byteLength > size);
}"""
KEPT = "() => document.querySelector('[data-checker]').dataset.checkerOffline === 'kept'"


def _form(now: date, days: int, extra: dict[str, Any]) -> dict[str, Any]:
    form = {**EMPTY, **extra, "last_reload": (now - timedelta(days=days)).isoformat()}
    if isinstance(form["zero_balance_since"], int):
        form["zero_balance_since"] = (now - timedelta(days=form["zero_balance_since"])).isoformat()
    return form


def _answers_like_the_cli(browser: Any, lang: str) -> set[str]:
    now = today(browser)
    statuses = set()
    for days, extra in CASES:
        form = _form(date.fromisoformat(now), days, extra)
        submit(browser, **form)
        cli = cli_next(
            now,
            lang=lang,
            **{k: v for k, v in form.items() if k != "phone"},
        )
        assert cli["ok"], cli
        shown = estimate(browser)
        if cli["status"] == "unknown":  # a promo: no date to show, only what to do
            shown = {k: shown[k] for k in ("status", "status_label", "status_detail")}
            cli_words = {k: cli[k] for k in ("status", "status_label", "status_detail")}
            assert shown == cli_words, (browser.name, form)
            statuses.add(cli["status"])
            continue
        expected = {
            "reload_by": cli["reload_by"],
            "load_expires": cli["load_expires"],
            "deactivates_on": cli["deactivates_on"],
            "days_left": str(cli["days_left"]),
            "status": cli["status"],
            "shown_reload_by": cli["reload_by_text"],
            "status_label": cli["status_label"],
            "status_detail": cli["status_detail"],
            "carrier": cli["carrier"],
        }
        assert shown == expected, (browser.name, form)
        statuses.add(cli["status"])
    return statuses


def _shows_field_errors(browser: Any, lang: str) -> None:
    now = today(browser)
    for name, text in INVALID:
        form = {**_form(date.fromisoformat(now), 150, {}), name: text}
        submit(browser, **form)
        cli = cli_next(now, lang=lang, **{k: v for k, v in form.items() if k != "phone"})
        assert not cli["ok"] and cli["field"] == name, cli
        box = field_error(browser, name)
        assert not box["hidden"] and box["height"] > 0, (browser.name, box)
        assert (box["code"], box["text"]) == (cli["code"], cli["message"]), browser.name
        assert box["invalid"] == "true" and box["describes"] and box["same_field"], box
        # Beside its field: drawn just under its own input, aligned with it.
        assert 0 <= box["gap"] <= 40 and abs(box["left"]) <= 4, (browser.name, box)


def _copies_or_offers_the_summary(browser: Any, lang: str) -> None:
    """Copy: on the clipboard where the engine allows it, else selected text to copy by hand."""
    strings = browser.evaluate(
        "() => JSON.parse(document.querySelector('[data-checker]').dataset.checkerConfig).strings"
    )
    reload_by = estimate(browser)["shown_reload_by"]
    browser.click("[data-checker-copy]")
    browser.wait("() => document.querySelector('[data-checker-notice]').textContent", None, 30)
    notice, shown, summary = browser.evaluate(
        """() => { const box = document.querySelector("[data-checker-summary]");
                   return [document.querySelector("[data-checker-notice]").textContent,
                           !box.hidden, box.value]; }"""
    )
    if notice == strings["copied"]:
        assert not shown
    else:
        assert notice == strings["copy_failed"], (browser.name, notice)
        assert shown and reload_by in summary, (browser.name, summary)


def _screenshot(browser: Any, lang: str, visit: str) -> None:
    folder = os.environ.get("ENGINE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        browser.screenshot(Path(folder) / f"{browser.name}-{lang}-{visit}.png")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checker_answers_as_the_cli_and_again_on_a_second_visit(
    engine: Engine, origin: str, lang: str
) -> None:
    engine.goto(url(origin, lang))
    assert wait_ready(engine)["boot"] == "fresh"
    statuses = _answers_like_the_cli(engine, lang)
    assert statuses == STATUSES
    _shows_field_errors(engine, lang)
    _answers_like_the_cli(engine, lang)  # and it recovers from them
    _copies_or_offers_the_summary(engine, lang)
    _screenshot(engine, lang, "first")

    # A second visit: the page from the service worker and, where the engine restores it,
    # Python from the snapshot the first visit kept.
    engine.wait(KEPT, timeout_s=60)
    if SECOND_VISIT[engine.name] == "snapshot":
        engine.wait(SNAPSHOT_OVER, 1_000_000, timeout_s=60)  # Python's memory
    engine.reload()
    assert wait_ready(engine)["boot"] == SECOND_VISIT[engine.name]
    assert _answers_like_the_cli(engine, lang) == statuses
    _shows_field_errors(engine, lang)
    _screenshot(engine, lang, "second")


@pytest.mark.private_window
def test_checker_answers_in_a_private_window(engine: Engine, origin: str) -> None:
    # Private windows limit storage and service workers; the checker must still answer.
    engine.goto(url(origin, "zh"))
    wait_ready(engine)
    assert _answers_like_the_cli(engine, "zh") == STATUSES


def test_a_snapshot_that_does_not_restore_gives_a_fresh_boot_and_no_error(
    engine: Engine, origin: str
) -> None:
    # What an engine that refuses the snapshot does on a second visit: a plain boot, unseen.
    engine.goto(url(origin, "en"))
    wait_ready(engine)
    engine.wait(SNAPSHOT_OVER, 1_000_000, timeout_s=60)  # Python's memory
    engine.evaluate(
        """() => {
          const config = JSON.parse(document.querySelector("[data-checker]").dataset.checkerConfig);
          const key = new URL(config.snapshot.key, document.baseURI).href;
          return caches.open(config.snapshot.cache)
            .then((c) => c.put(key, new Response(new Uint8Array(4096).fill(7))));
        }"""
    )
    engine.reload()
    assert wait_ready(engine)["boot"] == "fresh"
    assert _answers_like_the_cli(engine, "en") == STATUSES
    # ... and the broken snapshot is replaced by a good one for the next visit.
    engine.wait(SNAPSHOT_OVER, 1_000_000, timeout_s=60)
    engine.reload()
    assert wait_ready(engine)["boot"] == SECOND_VISIT[engine.name]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checker_opens_and_answers_offline_after_one_visit(
    engine: Engine, site_dir: Path, lang: str
) -> None:
    with serve(site_dir) as site:
        engine.site = site
        engine.goto(url(site, lang))
        wait_ready(engine)
        engine.wait(KEPT, timeout_s=60)
        if engine.can_go_offline:
            engine.offline(True)
            assert engine.evaluate("() => navigator.onLine") is False
    # The site goes away too: Firefox's offline mode (WebDriver BiDi) leaves the service
    # worker's own fetches on the network, and WebKitWebDriver has no offline mode at all.
    engine.reload()
    wait_ready(engine)
    assert _answers_like_the_cli(engine, lang) == STATUSES


def test_a_damaged_cached_runtime_is_dropped_and_fetched_again(engine: Engine, origin: str) -> None:
    # The service worker checks each cached file against the build's hash (hooks/offline.py):
    # a damaged WebAssembly runtime is fetched again, not served (tests/browser has each file).
    engine.goto(url(origin, "zh"))
    wait_ready(engine)
    engine.wait(KEPT, timeout_s=60)
    assert engine.evaluate(DAMAGE_CACHED, "pyodide.asm.wasm")
    engine.reload()
    wait_ready(engine)
    assert _answers_like_the_cli(engine, "zh") == STATUSES
