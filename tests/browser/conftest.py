"""Fixtures for the in-page checker's browser tests: one server, one Chromium per session.

The site is ``built_site`` from tests/conftest.py (the real ``mkdocs build --strict``). Set
CHECKER_SITE_DIR to serve an already built site instead (handy while editing the JS).

Every test gets a fresh ``page`` (one Pyodide boot each) whose teardown fails the test on a
console error, an uncaught page error, or a request that left the site's origin.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Playwright

from testsupport.browser import FAKE_WORKER_FILE, FAKE_WORKER_PATH, launch, serve

ROOT = Path(__file__).resolve().parents[2]
# The browser's "today" in every test, so statuses and dates are deterministic.
TODAY = "2026-11-26"
BOOT_TIMEOUT_MS = 90_000
CHECKER_WORKER = "/assets/checker/worker.js"
# Known noise that is not the checker's: Material fetches sitemap.xml next to every
# <link rel="alternate"> (here: per page, so a 404). Reported to the site's owner.
TOLERATED_CONSOLE: tuple[str, ...] = ()
# axe-core (a devDependency in package.json, never shipped with the site), served by the test
# server at a same-origin path: the site's Content-Security-Policy allows scripts from 'self'
# only, so an inline copy would be refused.
AXE_PATH = "/__tests__/axe.min.js"
AXE_FILE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


# Material remembers the last palette in localStorage, which the browser context shares
# across tests; start from the system's, as a new visitor does.
FORGET_PALETTE = (
    "for (const k of Object.keys(localStorage))"
    " if (k.endsWith('__palette')) localStorage.removeItem(k)"
)


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    override = os.environ.get("CHECKER_SITE_DIR")
    if override:
        return Path(override)
    try:
        return Path(request.getfixturevalue("built_site"))
    except pytest.FixtureLookupError:
        target = tmp_path_factory.mktemp("site")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)],
            cwd=ROOT,
            # The local address, as the tests' build has it (tests/conftest.py); a publishing
            # build needs SITE_URL (hooks/findability.py).
            env={"SITE_URL": "http://127.0.0.1:8000/", **os.environ},
            check=True,
        )
        return target


def _test_files() -> dict[str, tuple[str, bytes]]:
    """What the test server serves besides the site: axe-core and the stand-in worker."""
    extra = {AXE_PATH: ("text/javascript", AXE_FILE.read_bytes())} if AXE_FILE.is_file() else {}
    extra[FAKE_WORKER_PATH] = ("text/javascript", FAKE_WORKER_FILE.read_bytes())
    return extra


@pytest.fixture(scope="session")
def origin(site_dir: Path) -> Iterator[str]:
    with serve(site_dir, extra=_test_files()) as url:
        yield url


@pytest.fixture(scope="session")
def axe_url(origin: str) -> str:
    """The URL of axe-core on the test server, for ``page.add_script_tag(url=...)``."""
    assert AXE_FILE.is_file(), f"{AXE_FILE} is missing: run bash scripts/setup (npm ci)"
    return origin + AXE_PATH


@dataclass
class Session:
    context: BrowserContext
    origin: str
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def driver() -> Iterator[Playwright]:
    """Playwright, started once: its sync API cannot be started twice in one thread."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(
    driver: Playwright, origin: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Session]:
    context = launch(
        driver,
        tmp_path_factory.mktemp("chromium-profile"),
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
        # The service worker would serve later tests from its cache, out of reach of their
        # page.route() (a blocked .wasm, a slow start); test_offline.py and test_csp.py
        # run it in browsers of their own.
        service_workers="block",
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    session = Session(context=context, origin=origin)
    context.on("request", lambda request: session.requests.append(request.url))
    try:
        yield session
    finally:
        context.close()


@dataclass
class Watch:
    """What a page did that a test may want to allow."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)
    allow_errors: bool = False


@pytest.fixture
def watch() -> Watch:
    return Watch()


def _watched(page: Page, watch: Watch) -> Page:
    """``page`` at the tests' "today", reporting what ``_assert_clean`` checks into ``watch``."""
    page.clock.set_fixed_time(f"{TODAY}T10:00:00")
    page.set_default_timeout(BOOT_TIMEOUT_MS)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            if not any(where.endswith(noise) for noise in TOLERATED_CONSOLE):
                watch.console_errors.append(f"{message.text} ({where})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on(
        "worker",
        lambda worker: watch.workers.append(worker.url) if CHECKER_WORKER in worker.url else None,
    )
    return page


def _assert_clean(watch: Watch, requests: list[str], origin: str) -> None:
    foreign = [
        url for url in requests if not url.startswith((origin + "/", "blob:" + origin, "data:"))
    ]
    assert not foreign, f"requests left the site's origin: {foreign}"
    if not watch.allow_errors:
        assert not watch.page_errors, watch.page_errors
        assert not watch.console_errors, watch.console_errors


@pytest.fixture
def page(browser: Session, watch: Watch) -> Iterator[Page]:
    page = _watched(browser.context.new_page(), watch)
    first = len(browser.requests)
    yield page
    page.close()
    _assert_clean(watch, browser.requests[first:], browser.origin)


@dataclass
class Reader:
    """A browser of its own, as a first-time reader has: fresh profile, service worker allowed."""

    context: BrowserContext
    page: Page
    origin: str
    watch: Watch
    requests: list[str] = field(default_factory=list)
    unplugged: threading.Event = field(default_factory=threading.Event)

    def set_offline(self, offline: bool) -> None:
        """Offline for the pages and for the service worker: Playwright's offline mode does
        not reach a service worker's own requests, so the reader's server is unplugged too."""
        if offline:
            self.unplugged.set()
        else:
            self.unplugged.clear()
        self.context.set_offline(offline)


@pytest.fixture
def reader(driver: Playwright, site_dir: Path, tmp_path: Path) -> Iterator[Reader]:
    """A first-time reader, on a server of its own (which set_offline unplugs)."""
    unplugged = threading.Event()
    with serve(site_dir, extra=_test_files(), unplugged=unplugged) as origin:
        context = launch(driver, tmp_path / "profile", viewport={"width": 390, "height": 844})
        watch = Watch()
        page = _watched(context.new_page(), watch)
        session = Reader(context, page, origin, watch, unplugged=unplugged)
        context.on("request", lambda request: session.requests.append(request.url))
        try:
            yield session
        finally:
            context.close()
    _assert_clean(watch, session.requests, origin)
