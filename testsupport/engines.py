"""Firefox and WebKit, driven the same way, for tests/engines and the benchmark (bench/).

* Firefox: Debian's ``firefox-esr`` through ``firefox_driver.mjs`` beside this file (npm
  puppeteer-core over WebDriver BiDi), a Node process this module talks to one JSON line at
  a time.
* WebKit, Safari's engine: Debian's ``WebKitWebDriver`` with its ``MiniBrowser --automation``
  under an Xvfb display started here (MiniBrowser's own ``--headless`` hangs), through
  Selenium's ``webdriver.WebKitGTK``.

Both expose the few things the tests need: go to a URL, reload, run a script (a function's
source, called with one JSON argument; it may return a promise), wait for a script to be
truthy, take the browser offline where the driver can, a screenshot, and what the page did
(console errors, uncaught errors, requests) where the driver reports it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
ENGINES = ("firefox", "webkit")
TIMEOUT_S = 120.0

# Installed in every page before its own scripts where the driver can (Firefox), else at once
# after each load: CSP violations, console errors and uncaught errors, kept in the page; and
# when the checker became ready (bench/engine_bench.py), ``readyLate`` if it already was.
PROBE = """() => {
  if (window.__engineProbe) return;
  const seen = (window.__engineProbe = { violations: [], console: [], errors: [] });
  document.addEventListener("securitypolicyviolation", (e) =>
    seen.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}`));
  window.addEventListener("error", (e) => seen.errors.push(String(e.message)));
  window.addEventListener("unhandledrejection", (e) => seen.errors.push(String(e.reason)));
  const error = console.error;
  console.error = (...args) => { seen.console.push(args.map(String).join(" ")); error(...args); };
  const ready = () => {
    const root = document.querySelector("[data-checker]");
    return Boolean(root) && root.dataset.checkerState === "ready";
  };
  seen.readyLate = ready();
  seen.ready = seen.readyLate ? performance.now() : null;
  new MutationObserver(() => {
    if (seen.ready === null && ready()) seen.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true,
                         attributeFilter: ["data-checker-state"] });
}"""


class Unsupported(Exception):
    """The driver cannot do this in this engine (said in the README, per engine)."""


def missing(engine: str) -> str | None:
    """Why ``engine`` cannot run here, naming what is missing; None when it can."""
    if engine == "firefox":
        if not shutil.which(FIREFOX):
            return f"firefox: {FIREFOX} is missing (Debian: apt-get install firefox-esr)"
        if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
            return "firefox: node_modules/puppeteer-core is missing (run bash scripts/setup)"
        if not shutil.which("node"):
            return "firefox: node is missing"
        return None
    if engine == "webkit":
        for path, package in (
            (WEBKIT_DRIVER, "webkit2gtk-driver"),
            (MINIBROWSER, "webkit2gtk-driver"),
            ("Xvfb", "xvfb"),
        ):
            if not shutil.which(path):
                return f"webkit: {path} is missing (Debian: apt-get install {package})"
        try:
            import selenium  # noqa: F401
        except ImportError:
            return "webkit: the Python package selenium is missing (run bash scripts/setup)"
        return None
    return f"{engine}: unknown engine"


# What the page recorded since the last look, emptied as it is read: the probe's findings and
# every resource it loaded (Resource Timing; a worker's requests are in the worker's own).
RECORD = """() => {
  const probe = window.__engineProbe || { violations: [], console: [], errors: [] };
  const seen = { violations: probe.violations.splice(0), console: probe.console.splice(0),
    errors: probe.errors.splice(0),
    requests: [...(location.protocol === "about:" ? [] : [location.href]),
      ...performance.getEntriesByType("resource").map((e) => e.name)] };
  performance.clearResourceTimings();
  return seen;
}"""
KINDS = ("violations", "console", "errors", "requests")


class Engine:
    """What both drivers share: a record of what each page did, kept across navigations."""

    name = ""
    version = ""
    can_go_offline = False
    site = ""  # the origin a test serves from, when not the session's server

    def __init__(self) -> None:
        self._seen: dict[str, list[str]] = {kind: [] for kind in KINDS}

    def evaluate(self, script: str, arg: Any = None) -> Any:
        raise NotImplementedError

    def _navigate(self, url: str | None) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def offline(self, on: bool) -> None:
        """Take the browser off the network (only where ``can_go_offline``)."""
        raise NotImplementedError

    def wait(self, script: str, arg: Any = None, timeout_s: float = TIMEOUT_S) -> None:
        """Until ``script`` is truthy (a promise is awaited first)."""
        deadline = time.monotonic() + timeout_s
        while not self.evaluate(script, arg):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: still false after {timeout_s} s: {script}")
            time.sleep(0.1)

    def _collect(self) -> None:
        # The page's record, before a navigation replaces it (nothing to read on a blank page).
        with contextlib.suppress(Exception):
            for kind, found in self.evaluate(RECORD).items():
                self._seen[kind] += found

    def goto(self, url: str) -> None:
        self._collect()
        self._navigate(url)
        self.evaluate(PROBE)  # where no preload script put it there first

    def reload(self) -> None:
        self._collect()
        self._navigate(None)
        self.evaluate(PROBE)

    def events(self) -> dict[str, list[str]]:
        """Everything seen since the last call: violations, console, errors, requests."""
        self._collect()
        seen, self._seen = self._seen, {kind: [] for kind in KINDS}
        return seen


class Firefox(Engine):
    name = "firefox"
    can_go_offline = True

    def __init__(
        self, profile: Path, width: int = 1280, height: int = 900, private: bool = False
    ) -> None:
        super().__init__()
        self._process = subprocess.Popen(
            ["node", str(Path(__file__).with_name("firefox_driver.mjs"))],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "FIREFOX": FIREFOX},
        )
        self._next = 0
        self.version = self._send(
            "launch",
            profile=str(profile),
            width=width,
            height=height,
            preload=PROBE,
            private=private,
        )

    def _send(self, cmd: str, **args: Any) -> Any:
        assert self._process.stdin and self._process.stdout
        self._next += 1
        line = json.dumps({"id": self._next, "cmd": cmd, "args": args})
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()
        reply = self._process.stdout.readline()
        if not reply:
            raise RuntimeError(f"firefox driver exited ({self._process.poll()}) during {cmd}")
        answer = json.loads(reply)
        if not answer["ok"]:
            raise RuntimeError(f"firefox {cmd}: {answer['error']}")
        return answer["value"]

    def _navigate(self, url: str | None) -> None:
        if url is None:
            self._send("reload")
        else:
            self._send("goto", url=url)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self._send("evaluate", script=script, arg=arg)

    def wait(self, script: str, arg: Any = None, timeout_s: float = TIMEOUT_S) -> None:
        self._send("waitFor", script=script, arg=arg, timeout=int(timeout_s * 1000))

    def click(self, selector: str) -> None:
        self._send("click", selector=selector)

    def offline(self, on: bool) -> None:
        self._send("offline", on=on)

    def screenshot(self, path: Path, width: int = 0, height: int = 0) -> None:
        self._send("screenshot", path=str(path), width=width, height=height)

    def _collect(self) -> None:
        # The driver's own record is the fuller one: it sees workers' requests and logs too.
        super()._collect()
        with contextlib.suppress(Exception):
            for kind, found in self._send("events").items():
                self._seen[kind] += found

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._send("close")
        with contextlib.suppress(Exception):
            assert self._process.stdin
            self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout:
            self._process.stdout.close()


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """An X display of our own (``:N``), for as long as the block runs."""
    read, write = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=30)


class WebKit(Engine):
    name = "webkit"
    # WebKitWebDriver has no network emulation; tests take the server away instead.
    can_go_offline = False

    def __init__(
        self, display: str, width: int = 1280, height: int = 900, private: bool = False
    ) -> None:
        super().__init__()
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        if private:
            options.add_argument("--private")
        service = Service(
            executable_path=WEBKIT_DRIVER,
            env={**os.environ, "DISPLAY": display},
            log_output=subprocess.DEVNULL,
        )
        with warnings.catch_warnings():
            # Selenium's own WebKitGTK class still uses the connection argument it deprecates.
            warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_window_size(width, height)
        self.driver.set_script_timeout(TIMEOUT_S)
        self.driver.set_page_load_timeout(TIMEOUT_S)
        self.version = self.driver.capabilities.get("browserVersion", "")

    def _navigate(self, url: str | None) -> None:
        if url is None:
            self.driver.refresh()
        else:
            self.driver.get(url)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        answer = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"Promise.resolve().then(() => ({script})(arguments[0]))"
            ".then((value) => done({ ok: true, value: value === undefined ? null : value }),"
            " (error) => done({ ok: false, error: String((error && error.stack) || error) }));",
            arg,
        )
        if not answer["ok"]:
            raise RuntimeError(f"webkit evaluate: {answer['error']}")
        return answer["value"]

    def click(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def offline(self, on: bool) -> None:
        raise Unsupported("WebKitWebDriver cannot take the browser offline")

    def screenshot(self, path: Path, width: int = 0, height: int = 0) -> None:
        if width:
            self.driver.set_window_size(width, height)
        self.driver.save_screenshot(str(path))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.driver.quit()
