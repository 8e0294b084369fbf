"""Time to ready of the checker per engine: Chromium, Firefox, WebKit, side by side in one run.

``bash scripts/bench --engines chromium,firefox,webkit`` (checker_bench.py hands over here).
Each run opens the checker page in each engine in turn, with a fresh browser and profile:

* bare: a bare Pyodide boot (checker_bench.py's page: loadPyodide in a module worker, the
  same self-hosted files), what the engine itself takes, for scale;
* cold: navigation start to data-checker-state=ready, nothing cached;
* second visit: the page reloaded once the service worker holds everything and the Python
  snapshot is kept, to ready again; ``boot`` says whether the snapshot restored.

The engines alternate within each run, so that the machine's drift (±15 % between runs on 2
shared CPUs) falls on all of them alike. The ready time is taken in the page by the probe of
testsupport/engines.py; where the driver cannot install it before the page's own scripts
(WebKit), it is installed at the load event and a page already ready by then counts as
``ready_late`` (its time is an upper bound).
"""

from __future__ import annotations

import contextlib
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from testsupport.browser import launch
from testsupport.engines import PROBE, Engine, Firefox, WebKit, missing, xvfb

ALL = ("chromium", "firefox", "webkit")
READY = "() => window.__engineProbe && window.__engineProbe.ready !== null"
STATE = """() => ({ ready: window.__engineProbe.ready, late: window.__engineProbe.readyLate,
                    boot: document.querySelector("[data-checker]").dataset.checkerBoot })"""
KEPT = """() => {
  const root = document.querySelector("[data-checker]");
  if (root.dataset.checkerOffline !== "kept") return false;
  const config = JSON.parse(root.dataset.checkerConfig);
  const key = new URL(config.snapshot.key, document.baseURI).href;
  return caches.open(config.snapshot.cache).then((c) => c.match(key)).then(Boolean);
}"""


class Chromium(Engine):
    """Debian's Chromium through Playwright, as tests/browser and checker_bench.py drive it."""

    name = "chromium"

    def __init__(self, playwright: Any, profile: Path) -> None:
        super().__init__()
        self._context = launch(playwright, profile, viewport={"width": 1280, "height": 900})
        self._context.add_init_script(f"({PROBE})()")
        self._page = self._context.pages[0] if self._context.pages else self._context.new_page()
        self._page.set_default_timeout(120_000)
        self.version = self._context.browser.version if self._context.browser else ""

    def _navigate(self, url: str | None) -> None:
        if url is None:
            self._page.reload()
        else:
            self._page.goto(url)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self._page.evaluate(script, arg)

    def close(self) -> None:
        self._context.close()


def _bare(browser: Engine, origin: str) -> float:
    browser.goto(f"{origin}/__bench/bare.html")
    browser.wait("() => document.body.dataset.ready")
    assert browser.evaluate("() => document.body.dataset.result") == "2"
    return float(browser.evaluate("() => document.body.dataset.ready"))


def _visit(browser: Engine, origin: str) -> dict[str, Any]:
    browser.goto(f"{origin}/checker/")
    browser.wait(READY)
    cold = browser.evaluate(STATE)
    browser.wait(KEPT, timeout_s=120)
    browser.reload()
    browser.wait(READY)
    warm = browser.evaluate(STATE)
    assert cold["boot"] == "fresh", cold
    return {
        "version": browser.version,
        "cold": cold["ready"],
        "warm": warm["ready"],
        "boot": warm["boot"],
        "late": bool(cold["late"] or warm["late"]),
    }


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def measure(origin: str, engines: list[str], runs: int, profiles: Path) -> dict[str, Any]:
    """The per-engine table: medians of cold and second-visit time to ready, and their ratio."""
    skipped = {name: reason for name in engines if (reason := _missing(name))}
    engines = [name for name in engines if name not in skipped]
    with contextlib.ExitStack() as stack:
        makers = _makers(stack, engines)
        count = 0
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in engines}
        for run in range(runs + 1):
            for name in engines:
                count += 1
                browser = makers[name](profiles / f"{name}-{count}")
                try:
                    visit = _visit(browser, origin)
                finally:
                    browser.close()
                browser = makers[name](profiles / f"{name}-{count}-bare")
                try:
                    visit["bare"] = _bare(browser, origin)
                finally:
                    browser.close()
                if run:  # the first run of each warms the OS file cache, not the browser's
                    results[name].append(visit)
    table: dict[str, Any] = {}
    for name, visits in results.items():
        cold = [v["cold"] for v in visits]
        warm = [v["warm"] for v in visits]
        bare = [v["bare"] for v in visits]
        table[name] = {
            "version": visits[0]["version"],
            "bare_pyodide_ms": _median(bare),
            "cold_vs_bare": round(statistics.median(cold) / statistics.median(bare), 3),
            "cold_ready_ms": _median(cold),
            "second_visit_ready_ms": _median(warm),
            "second_visit_vs_cold": round(statistics.median(warm) / statistics.median(cold), 3),
            "second_visit_boot": sorted({v["boot"] for v in visits}),
            "ready_time_upper_bound": any(v["late"] for v in visits),
            "bare_runs": [round(v) for v in bare],
            "cold_runs": [round(v) for v in cold],
            "second_visit_runs": [round(v) for v in warm],
        }
    return {"runs": runs, "engines": table, "skipped": skipped}


def _missing(name: str) -> str | None:
    return None if name == "chromium" else missing(name)


def _makers(stack: contextlib.ExitStack, engines: list[str]) -> dict[str, Callable[[Path], Engine]]:
    makers: dict[str, Callable[[Path], Engine]] = {}
    if "chromium" in engines:
        from playwright.sync_api import sync_playwright

        playwright = stack.enter_context(sync_playwright())
        makers["chromium"] = lambda profile: Chromium(playwright, profile)
    if "firefox" in engines:
        makers["firefox"] = Firefox
    if "webkit" in engines:
        display = stack.enter_context(xvfb())
        makers["webkit"] = lambda _profile: WebKit(display)
    return makers
