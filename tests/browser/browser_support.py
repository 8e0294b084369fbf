"""A local server for the built site and a Chromium to drive it (tests/browser and bench/).

The server is a threaded ``http.server`` on 127.0.0.1 inside the calling process; it serves
``.wasm`` as application/wasm and ``.mjs`` as text/javascript, as a real host must.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

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


class _Handler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
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
    _status = 0

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length" and self.served is not None:
            self.served.append((self.path.split("?", 1)[0], self._status, int(value)))
        super().send_header(keyword, value)

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
        # A browser closing a connection mid-transfer is not an error worth printing.
        with contextlib.suppress(ConnectionError):
            super().handle()


@contextlib.contextmanager
def serve(
    directory: Path,
    extra: dict[str, tuple[str, bytes]] | None = None,
    served: list[tuple[str, int, int]] | None = None,
) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1; yields the origin, e.g. ``http://127.0.0.1:8123``.

    ``extra`` adds in-memory pages; ``served``, if given, receives (path, status, bytes).
    """
    handler = type("Handler", (_Handler,), {"extra": dict(extra or {}), "served": served})
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


def launch(playwright: Any, user_data_dir: Path, **options: Any) -> Any:
    """A persistent Chromium context with a fresh profile in ``user_data_dir``."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=chromium_path(),
        headless=True,
        args=CHROMIUM_ARGS,
        **options,
    )
