"""A local server for the built site and a Chromium to drive it (tests/browser and bench/).

The server is a threaded ``http.server`` on 127.0.0.1 inside the calling process. It does what
the README's deploy section asks of a real host, so that tests and the benchmark see what a
reader gets: ``.wasm`` as application/wasm and ``.mjs`` as text/javascript; the headers of the
built site's ``_headers`` file (the Content-Security-Policy, hooks/csp.py); and gzip for text
and WebAssembly when the browser accepts it.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import io
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from playwright.sync_api import BrowserContext, CDPSession, Page, Playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# The tests' stand-in for the checker's worker (tests/browser/fake_worker.js), served at a
# test-only path by tests/browser/conftest.py; checker_page.stand_in_worker swaps it in. Here
# because tests/engines loads that conftest too, without tests/browser on its import path.
FAKE_WORKER_PATH = "/__tests__/fake-worker.js"
FAKE_WORKER_FILE = Path(__file__).resolve().parents[1] / "tests" / "browser" / "fake_worker.js"

# What a static host compresses; .zip and .whl are compressed already.
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".wasm", ".txt")


# A script for the page: every cached copy of the files whose path ends with its argument
# (a page may have asked for one under two URLs), its first bytes overwritten as a disk
# error or a cut write leaves them; answers the URLs damaged. For the Chromium and the
# engine tests of the service worker's integrity check (hooks/offline.py).
DAMAGE_CACHED = """async (end) => {
  const damaged = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (!new URL(request.url).pathname.endsWith(end)) continue;
      const old = await cache.match(request);
      const bytes = new Uint8Array(await old.arrayBuffer());
      bytes.fill(0x41, 0, Math.min(bytes.length, 4096));
      await cache.put(request, new Response(bytes, { headers: old.headers }));
      damaged.push(request.url);
    }
  }
  return damaged;
}"""


def read_headers_file(path: Path) -> list[tuple[str, str, str]]:
    """(path pattern, header, value) rows of a Netlify-style ``_headers`` file."""
    rows: list[tuple[str, str, str]] = []
    pattern = ""
    if not path.is_file():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = line.strip()
            continue
        name, _, value = line.strip().partition(":")
        rows.append((pattern, name.strip(), value.strip()))
    return rows


def _matches(pattern: str, path: str) -> bool:
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


@functools.lru_cache(maxsize=64)
def _gzipped(file: str, mtime_ns: int) -> bytes:
    # Level 6, as web servers default to; cached: Pyodide's .wasm takes a moment to compress.
    return gzip.compress(Path(file).read_bytes(), compresslevel=6, mtime=0)


def _not_after(since: str, modified: int) -> bool:
    try:
        return modified <= email.utils.parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError):
        return False


class _Handler(SimpleHTTPRequestHandler):
    # Shared by every handler and never changed. Not a ClassVar (ruff's RUF012 asks for one):
    # the standard library's stubs declare it an instance variable, which mypy then refuses.
    extensions_map = {  # noqa: RUF012
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/octet-stream",
        ".zip": "application/zip",
    }
    # Extra pages served from memory: {"/path": (content_type, bytes)} (the bench's bare page).
    extra: ClassVar[dict[str, tuple[str, bytes]]] = {}
    # Every response as (path, status, body bytes), when the caller passes a list to serve().
    served: ClassVar[list[tuple[str, int, int]] | None] = None
    # Set: the reader is offline (serve(unplugged=...)).
    unplugged: ClassVar[threading.Event | None] = None
    _status = 0

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length" and self.served is not None:
            self.served.append((self.path.split("?", 1)[0], self._status, int(value)))
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, name, value in read_headers_file(Path(self.directory) / "_headers"):
            if _matches(pattern, path):
                self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        page = self.extra.get(path)
        if page is None and path.endswith("/sitemap.xml"):
            page = self._sitemap(path)
        if page is None:
            super().do_GET()
            return
        content_type, body = page
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_head(self) -> Any:
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if (
            not accepts
            or not file.is_file()
            or not file.name.endswith(COMPRESSIBLE)
            or self.headers.get("Range")
            or not self.path.split("?", 1)[0].endswith(("/", file.name))
        ):
            return super().send_head()
        modified = int(file.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since and _not_after(since, modified):
            self.send_response(304)
            self.end_headers()
            return None
        body = _gzipped(str(file), file.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.end_headers()
        return io.BytesIO(body)

    def _sitemap(self, path: str) -> tuple[str, bytes] | None:
        # The site is built for its site_url; this server stands in for that host. Material's
        # instant navigation only intercepts links listed in sitemap.xml, matched on the
        # port as well, so the <loc>s must name this server.
        file = Path(self.directory) / path.lstrip("/")
        if not file.is_file():
            return None
        here = f"http://{self.headers.get('Host', '127.0.0.1')}/"
        text = re.sub(r"(<loc>|href=\")https?://[^/<\"]+/", rf"\g<1>{here}", file.read_text())
        return "application/xml", text.encode()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:
        # Unplugged: the connection closes unanswered, so the browser's fetch fails as it does
        # offline, for the page and its service worker alike (Playwright's set_offline does
        # not reach a service worker's own requests).
        if self.unplugged is not None and self.unplugged.is_set():
            return
        # A browser closing a connection mid-transfer is not an error worth printing.
        with contextlib.suppress(ConnectionError):
            super().handle()


@contextlib.contextmanager
def serve(
    directory: Path,
    extra: dict[str, tuple[str, bytes]] | None = None,
    served: list[tuple[str, int, int]] | None = None,
    unplugged: threading.Event | None = None,
) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1; yields the origin, e.g. ``http://127.0.0.1:8123``.

    ``extra`` adds in-memory pages; ``served``, if given, receives (path, status, bytes);
    while ``unplugged`` is set, every connection closes unanswered, as if the reader were
    offline.
    """
    handler = type(
        "Handler",
        (_Handler,),
        {"extra": dict(extra or {}), "served": served, "unplugged": unplugged},
    )
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str | None:
    """$CHROMIUM, else Debian's /usr/bin/chromium, else None (Playwright's own Chromium)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and shutil.which(candidate):
            return candidate
    return None


def launch(playwright: Playwright, user_data_dir: Path, **options: Any) -> BrowserContext:
    """A persistent Chromium context with a fresh profile in ``user_data_dir``."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=chromium_path(),
        headless=True,
        args=CHROMIUM_ARGS,
        **options,
    )


def emulate_link(page: Page, kbps: float, latency_ms: float) -> CDPSession:
    """Put ``page`` on a slow link (DevTools' network emulation), with its HTTP cache off.

    Down and up at ``kbps`` kilobits a second, ``latency_ms`` added to every round trip; the
    page's workers' requests go through the same link. Returns the CDP session.
    """
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    # A first visit: nothing from an earlier page's HTTP cache (the page's workers share it).
    cdp.send("Network.clearBrowserCache")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    rate = kbps * 1000 / 8  # bytes a second
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency_ms,
            "downloadThroughput": rate,
            "uploadThroughput": rate,
        },
    )
    return cdp
