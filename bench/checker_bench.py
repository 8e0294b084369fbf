"""Benchmark of the in-page checker; prints one JSON object (run it with scripts/bench).

Not a timed test: numbers depend on the machine. What it measures, on one local server:

* boot: a bare page booting the stock npm Pyodide (served next to the site by the same
  server, its whole standard library and lock file included; loadPyodide in a module worker
  as the checker does) against the checker page reaching data-checker-state=ready, both from
  navigation start, medians over cold runs (a fresh browser profile each) taken in
  alternated triples with the checker page on the stock runtime (bench/stock_runtime.py),
  and their ratio;
* warm: the checker page reloaded once the service worker holds everything (a second visit,
  as a reader makes it), against a cold one and against the same page on the stock runtime;
* check latency: p50/p95 of 200 checks measured in the page (the glue's "checker:check"
  performance measures: form handled -> worker round trip -> results in the DOM), plus the
  same seen from a loop in the page;
* bytes: what a guide page and the checker page transfer, compressed as the server sends them
  (gzip, as the README's deploy section asks of a host) and decoded, the service worker's own
  requests included;
* the wheel's size;
* long tasks (over 50 ms, the Long Tasks API's threshold) on the main thread during the
  checker's boot;
* slow links: the checker's cold visit on links emulated through the DevTools protocol
  (:data:`LINKS`): time to ready, time until the page first shows bytes of the download
  arriving, the bytes transferred, and whether an error state showed before ready.
* Lighthouse performance (mobile preset, simulated throttling) on every page, zh and en, one
  run a page, against the same server (testsupport/lighthouse.py).

Every goal is written once, in :data:`GOALS`; the report's ``budgets`` gives each goal with
its measured value and whether it is met, the other sections the figures behind them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench import stock_runtime
from bench.goals import GOALS
from testsupport.browser import emulate_link, launch, serve
from testsupport.lighthouse import GUIDE_PAGES, PAGES, run_lighthouse

ROOT = Path(__file__).resolve().parents[1]

# The readers' links the benchmark emulates: (name, kilobits a second, round trip ms).
LINKS = (("1.6mbps_150ms", 1600, 150), ("9mbps_40ms", 9000, 40))
# The last reload the slow visits ask about: 100 days ago, inside the build's table.
LAST_RELOAD = (datetime.date.today() - datetime.timedelta(days=100)).isoformat()

# The bare page's script is a file, not inline: the site's Content-Security-Policy, which the
# server sends with every response, allows no inline script but the theme's.
BARE_PAGE = b"""<!doctype html>
<meta charset="utf-8"><title>bare Pyodide boot</title>
<script type="module" src="/__bench/bare.js"></script>
<body></body>
"""
BARE_SCRIPT = """const worker = new Worker("/__bench/bare-worker.js", { type: "module" });
worker.onmessage = (event) => {
  document.body.dataset.ready = String(performance.now());
  document.body.dataset.result = event.data;
};
worker.postMessage(new URL("/%s", location.href).href);
"""
BARE_WORKER = b"""self.onmessage = async (event) => {
  const { loadPyodide } = await import(event.data + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: event.data });
  self.postMessage(String(pyodide.runPython("1 + 1")));
};
"""
# How long a second visit waits after the first boot (see Bench.checker).
SETTLE_MS = 3_000
# Installed before any page script: when the checker becomes ready, and long tasks.
PROBE = """
window.__bench = { longtasks: [], ready: null };
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
} catch (e) {}
window.__bench.progress = null;
window.__bench.errors = 0;
window.__bench.usable = null;
window.__bench.date = null;
let lastState = null;
new MutationObserver(() => {
  const root = document.querySelector("[data-checker]");
  if (!root) return;
  const state = root.dataset.checkerState;
  if (state === "ready" && window.__bench.ready === null) {
    window.__bench.ready = performance.now();
  }
  if (state === "error" && lastState !== "error" && window.__bench.ready === null) {
    window.__bench.errors += 1;
  }
  lastState = state;
  const fieldset = root.querySelector("fieldset[data-checker-until-js]");
  if (window.__bench.usable === null && fieldset && !fieldset.disabled) {
    window.__bench.usable = performance.now();
  }
  const glance = root.querySelector("[data-checker-glance-answer]");
  if (window.__bench.date === null && glance && !glance.hidden && glance.dataset.reloadBy) {
    window.__bench.date = [performance.now(), glance.dataset.reloadBy, glance.dataset.early || ""];
  }
  const bytes = root.querySelector("[data-checker-bytes]");
  if (window.__bench.progress === null && Number(root.dataset.checkerLoaded) > 0 &&
      bytes && !bytes.hidden && bytes.textContent) {
    window.__bench.progress = performance.now();
  }
}).observe(document, {
  subtree: true, attributes: true,
  attributeFilter: [
    "data-checker-state", "data-checker-loaded", "data-reload-by", "hidden", "disabled",
  ],
});
"""
LATENCY_LOOP = """
async (count) => {
  const root = document.querySelector("[data-checker]");
  const form = root.querySelector("[data-checker-form]");
  const input = form.elements.namedItem("last_reload");
  const first = performance.getEntriesByName("checker:check").length;
  const seen = [];
  for (let i = 0; i < count; i++) {
    const before = Number(root.dataset.checkerChecks || 0);
    const pad = (n) => String(n).padStart(2, "0");
    input.value = `2026-${pad(1 + (i % 10))}-${pad(1 + (i % 27))}`;
    const t0 = performance.now();
    form.requestSubmit();
    while (Number(root.dataset.checkerChecks || 0) === before) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    seen.push(performance.now() - t0);
  }
  const entries = performance.getEntriesByName("checker:check").slice(first);
  const measured = entries.map((e) => e.duration);
  return { measured, seen };
}
"""


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return round(ordered[index], 2)


def _build(target: Path) -> Path:
    subprocess.run(["bash", "scripts/build-wheel"], cwd=ROOT, check=True)
    subprocess.run(["bash", "scripts/build-stdlib"], cwd=ROOT, check=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)],
        cwd=ROOT,
        # The local address, as the tests' build has it (tests/conftest.py); a publishing
        # build needs SITE_URL (hooks/findability.py).
        env={"SITE_URL": "http://127.0.0.1:8000/", **os.environ},
        check=True,
    )
    return target


def _decoded(site: Path, path: str) -> int:
    file = site / path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return file.stat().st_size if file.is_file() else 0


def _bytes(site: Path, served: list[tuple[str, int, int]], start: int) -> dict[str, Any]:
    rows = served[start:]
    pyodide = sum(n for path, _, n in rows if "/assets/pyodide/" in path or path.endswith(".whl"))
    return {
        "transferred": sum(n for _, _, n in rows),
        "decoded": sum(_decoded(site, path) for path, _, _ in rows),
        "pyodide_and_wheel": pyodide,
        "requests": len(rows),
        # The largest responses, as sent: what a cold visit spends its bytes on.
        "largest": [[path, n] for path, _, n in sorted(rows, key=lambda row: -row[2])[:8]],
    }


def _lighthouse(origin: str) -> dict[str, dict[str, Any]]:
    """Lighthouse's performance score and metrics (ms; CLS unitless) for every page."""
    results = run_lighthouse([f"{origin}/{page}" for page in PAGES], ["performance"])
    return {
        page: {
            "score": result["scores"]["performance"],
            "metrics": {
                k: round(v, 3 if k == "cumulative-layout-shift" else 0)
                for k, v in result["metrics"].items()
            },
        }
        for page, result in zip(PAGES, results, strict=True)
    }


def budgets(values: dict[str, float]) -> dict[str, dict[str, Any]]:
    """Each goal of :data:`GOALS` with its measured value; every goal must be measured.

    >>> budgets({**dict.fromkeys(GOALS, 0), "wheel": 70_000})["wheel"]["met"]
    False
    >>> budgets(dict.fromkeys(GOALS, 0))["lighthouse_performance_checker"]["met"]
    False
    """
    assert set(values) == set(GOALS), set(values) ^ set(GOALS)
    return {
        name: {
            "value": values[name],
            "goal": goal.limit,
            "unit": goal.unit,
            "met": values[name] >= goal.limit if goal.at_least else values[name] <= goal.limit,
            "what": goal.what,
        }
        for name, goal in GOALS.items()
    }


class Bench:
    def __init__(
        self,
        playwright: Any,
        site: Path,
        origin: str,
        served: list[tuple[str, int, int]],
        profiles: Path,
    ) -> None:
        self.playwright = playwright
        self.site = site
        self.origin = origin
        self.served = served
        self.profiles = profiles
        self.count = 0

    @contextlib.contextmanager
    def cold_page(self) -> Iterator[Any]:
        """A page in a browser with a fresh profile: nothing cached, nothing booted."""
        self.count += 1
        context = launch(
            self.playwright,
            self.profiles / f"profile-{self.count}",
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()

    def bare(self) -> dict[str, Any]:
        with self.cold_page() as page:
            start = len(self.served)
            page.goto(f"{self.origin}/__bench/bare.html")
            page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
            assert page.get_attribute("body", "data-result") == "2"
            return {
                "ready": float(page.get_attribute("body", "data-ready")),
                "bytes": _bytes(self.site, self.served, start),
            }

    def checker(self, path: str = "checker/") -> dict[str, Any]:
        with self.cold_page() as page:
            page.add_init_script(PROBE)
            start = len(self.served)
            page.goto(f"{self.origin}/{path}")
            page.wait_for_function("() => window.__bench.ready !== null", timeout=120_000)
            cold = page.evaluate("window.__bench")
            # A second visit is one the service worker serves: wait until it holds the runtime.
            page.wait_for_selector("[data-checker-offline=kept]", state="attached")
            transferred = _bytes(self.site, self.served, start)
            # A reader's second visit comes later than the moment the first boot ends: by then
            # V8 has written its code cache of pyodide.asm.wasm, which it does once no new
            # optimised code has been compiled for 2 s (--wasm-caching-timeout-ms).
            page.wait_for_timeout(SETTLE_MS)
            page.reload()
            page.wait_for_function("() => window.__bench.ready !== null", timeout=120_000)
            warm = page.evaluate("window.__bench.ready")
            return {
                "ready": cold["ready"],
                "warm": warm,
                "longtasks": cold["longtasks"],
                "bytes": transferred,
            }

    def slow(self, kbps: float, latency_ms: float, path: str = "checker/") -> dict[str, Any]:
        """A cold visit of the checker on an emulated link (a phone's viewport, zh).

        The address carries a last reload (as a shared link, or the form kept by the tab, has
        it), so the time to the date shown is the page's alone, not a reader's typing.
        """
        with self.cold_page() as page:
            page.set_viewport_size({"width": 360, "height": 740})
            page.add_init_script(PROBE)
            emulate_link(page, kbps, latency_ms)
            start = len(self.served)
            page.goto(f"{self.origin}/{path}#last_reload={LAST_RELOAD}", timeout=600_000)
            page.wait_for_function(
                "() => window.__bench.ready !== null || window.__bench.errors > 0",
                timeout=600_000,
                polling=250,
            )
            probe = page.evaluate("window.__bench")
            shown = probe["date"]
            return {
                "date_shown_ms": None if shown is None else round(shown[0]),
                # Whether it came from the build's table ("true") or the runtime ("").
                "date_shown_early": None if shown is None else shown[2],
                "usable_ms": None if probe["usable"] is None else round(probe["usable"]),
                "ready_ms": None if probe["ready"] is None else round(probe["ready"]),
                "first_progress_ms": None
                if probe["progress"] is None
                else round(probe["progress"]),
                "errors_before_ready": probe["errors"],
                "transferred": _bytes(self.site, self.served, start)["transferred"],
                "said_total": int(page.get_attribute("[data-checker]", "data-checker-total")),
            }

    def guide(self, path: str = "guide/numbers/") -> dict[str, Any]:
        with self.cold_page() as page:
            page.add_init_script(PROBE)
            start = len(self.served)
            page.goto(f"{self.origin}/{path}")
            page.wait_for_load_state("networkidle")
            page.wait_for_selector("html[data-offline=kept]", state="attached")
            return {
                "bytes": _bytes(self.site, self.served, start),
                "longtasks": page.evaluate("window.__bench.longtasks"),
            }

    def latency(self, checks: int) -> dict[str, Any]:
        with self.cold_page() as page:
            page.goto(f"{self.origin}/checker/")
            page.wait_for_selector("[data-checker][data-checker-state=ready]", timeout=120_000)
            result = page.evaluate(LATENCY_LOOP, checks)
            return {
                "checks": len(result["measured"]),
                "p50_ms": _percentile(result["measured"], 0.50),
                "p95_ms": _percentile(result["measured"], 0.95),
                "max_ms": _percentile(result["measured"], 1.0),
                "loop_p50_ms": _percentile(result["seen"], 0.50),
                "loop_p95_ms": _percentile(result["seen"], 0.95),
            }


def _bare_pages(runtime: str) -> dict[str, tuple[str, bytes]]:
    """The bare Pyodide boot's page, served next to the site, booting the runtime in the
    site-relative folder ``runtime`` (the stock npm Pyodide, bench/stock_runtime.py)."""
    return {
        "/__bench/bare.html": ("text/html; charset=utf-8", BARE_PAGE),
        "/__bench/bare.js": ("text/javascript", (BARE_SCRIPT % runtime).encode()),
        "/__bench/bare-worker.js": ("text/javascript", BARE_WORKER),
    }


def _slow_links(slow: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    never = float("inf")
    return {
        name: {
            "kbps": kbps,
            "rtt_ms": rtt,
            "last_reload": LAST_RELOAD,
            "date_shown_ms_median": _median([r["date_shown_ms"] or never for r in slow[name]]),
            "usable_ms_median": _median([r["usable_ms"] or never for r in slow[name]]),
            "ready_ms_median": _median([r["ready_ms"] or never for r in slow[name]]),
            "first_progress_ms_median": _median(
                [r["first_progress_ms"] or never for r in slow[name]]
            ),
            "runs": slow[name],
        }
        for name, kbps, rtt in LINKS
    }


def _engines(args: argparse.Namespace) -> int:
    from bench import engine_bench

    names = [name.strip() for name in args.engines.split(",") if name.strip()]
    unknown = sorted(set(names) - set(engine_bench.ALL))
    if unknown:
        raise SystemExit(f"unknown engine(s): {', '.join(unknown)}; known: {engine_bench.ALL}")
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        site = args.site or _build(Path(tmp) / "site")
        with stock_runtime.removed(site):
            extra = _bare_pages(stock_runtime.install(site))
            with serve(site, extra) as origin:
                report = engine_bench.measure(origin, names, args.runs, Path(tmp))
    print(json.dumps(report, indent=2))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--runs", type=int, default=7, help="cold runs of each boot (7)")
    parser.add_argument(
        "--slow-runs", type=int, default=2, help="cold visits on each emulated link (2)"
    )
    parser.add_argument("--checks", type=int, default=200, help="checks for the latency (200)")
    parser.add_argument(
        "--slow-only",
        action="store_true",
        help="only the emulated links (LINKS): time to the date shown, to usable, to ready",
    )
    parser.add_argument(
        "--engines",
        help="instead: cold and second-visit time to ready per engine, side by side, e.g."
        " chromium,firefox,webkit (bench/engine_bench.py)",
    )
    args = parser.parse_args()
    if args.engines:
        return _engines(args)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        site = args.site or _build(Path(tmp) / "site")
        # Read now: a site built here goes away with the temporary directory.
        wheel = next((site / "assets" / "checker").glob("checker-*.whl")).stat().st_size
        with stock_runtime.removed(site):
            stock = stock_runtime.install(site)
            stock_page = stock_runtime.stock_checker_page(site, stock)
            extra = _bare_pages(stock)
            served: list[tuple[str, int, int]] = []
            with serve(site, extra, served) as origin, sync_playwright() as playwright:
                bench = Bench(playwright, site, origin, served, Path(tmp))
                if args.slow_only:
                    only = {
                        name: [bench.slow(kbps, rtt) for _ in range(args.slow_runs)]
                        for name, kbps, rtt in LINKS
                    }
                    print(json.dumps({"slow_links": _slow_links(only)}, indent=2))
                    return 0
                bench.bare()  # one throw-away run of each: the OS file cache, not the browser's
                bench.checker()
                bench.checker(stock_page)
                # Alternated, each kind first in turn, so that the load of the machine (other
                # work on its 2 CPUs) weighs on all three alike.
                kinds: dict[str, Callable[[], dict[str, Any]]] = {
                    "bare": bench.bare,
                    "checker": bench.checker,
                    "stock": lambda: bench.checker(stock_page),
                }
                measured: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
                for i in range(args.runs):
                    order = list(kinds)[i % 3 :] + list(kinds)[: i % 3]
                    for kind in order:
                        measured[kind].append(kinds[kind]())
                slow = {
                    name: [bench.slow(kbps, rtt) for _ in range(args.slow_runs)]
                    for name, kbps, rtt in LINKS
                }
                guides = [bench.guide() for _ in range(args.runs)]
                latency = bench.latency(args.checks)
                lighthouse = _lighthouse(origin)

    bare = [run["ready"] for run in measured["bare"]]
    runs = measured["checker"]
    stock_runs = measured["stock"]
    ready = [run["ready"] for run in runs]
    warm = [run["warm"] for run in runs]
    stock_warm = [run["warm"] for run in stock_runs]
    cold_bytes = runs[0]["bytes"]["transferred"]
    guide_bytes = guides[0]["bytes"]
    longtasks = [task for run in runs for task in run["longtasks"]]
    ratio = round(statistics.median(ready) / statistics.median(bare), 3)
    slowest = slow[LINKS[0][0]]
    never = float("inf")  # a run that showed no progress at all misses the goal
    report = {
        "budgets": budgets(
            {
                "checker_ready_vs_bare_boot": ratio,
                "checker_page_cold_transferred": cold_bytes,
                "checker_ready_on_1.6mbps_150ms": statistics.median(
                    never if run["ready_ms"] is None else run["ready_ms"] for run in slowest
                ),
                "warm_vs_stock_runtime_warm": round(
                    statistics.median(warm) / statistics.median(stock_warm), 3
                ),
                "warm_vs_cold_ready": round(statistics.median(warm) / statistics.median(ready), 3),
                "check_latency_p95": latency["p95_ms"],
                "long_tasks_during_boot": max(len(run["longtasks"]) for run in runs),
                "guide_page_pyodide_bytes": guide_bytes["pyodide_and_wheel"],
                "guide_page_transferred": guide_bytes["transferred"],
                "wheel": wheel,
                "slow_link_first_progress": max(
                    never if run["first_progress_ms"] is None else run["first_progress_ms"]
                    for run in slowest
                ),
                "slow_link_errors_before_ready": sum(
                    run["errors_before_ready"] for runs in slow.values() for run in runs
                ),
                "date_shown_on_1.6mbps_150ms": max(
                    never if run["date_shown_ms"] is None else run["date_shown_ms"]
                    for run in slowest
                ),
                "lighthouse_performance_guide_pages": min(
                    lighthouse[page]["score"] for page in GUIDE_PAGES
                ),
                "lighthouse_performance_checker": min(
                    lighthouse[page]["score"] for page in PAGES if page not in GUIDE_PAGES
                ),
            }
        ),
        "runs": args.runs,
        "boot_ms": {
            "bare_pyodide_median": _median(bare),
            "checker_ready_median": _median(ready),
            "ratio": ratio,
            "bare_runs": [round(v) for v in bare],
            "checker_runs": [round(v) for v in ready],
            # The checker page on the stock runtime (its standard library and lock file).
            "stock_runtime_checker_median": _median([run["ready"] for run in stock_runs]),
            "stock_runtime_checker_runs": [round(run["ready"]) for run in stock_runs],
        },
        "warm_reload_ms": {
            "checker_ready_median": _median(warm),
            "cold_median": _median(ready),
            "warm_runs": [round(v) for v in warm],
            "stock_runtime_median": _median(stock_warm),
            "stock_runtime_runs": [round(v) for v in stock_warm],
        },
        "check_latency_ms": latency,
        "bytes": {
            "guide_page": guides[0]["bytes"],
            "checker_page_cold": runs[0]["bytes"],
            "bare_stock_pyodide_cold": measured["bare"][0]["bytes"],
            "stock_runtime_checker_page_cold": stock_runs[0]["bytes"],
        },
        "long_tasks_during_boot": {
            "over_50ms_per_run": [len(run["longtasks"]) for run in runs],
            "max_ms": round(max((d for _, d in longtasks), default=0.0), 1),
            "tasks_ms": [[round(d) for _, d in run["longtasks"]] for run in runs],
            # The same measure on a guide page (no checker): Material's own start-up.
            "guide_page_tasks_ms": [[round(d) for _, d in g["longtasks"]] for g in guides],
        },
        "slow_links": _slow_links(slow),
        "lighthouse_performance_mobile": lighthouse,
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
