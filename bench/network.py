"""Emulated links for the benchmark: Chromium's own throttling, through the DevTools protocol.

    with throttled(page, "1.6mbps-150ms"):
        page.goto(...)

A profile is what a reader's link gives: download and upload rates and a round-trip latency.
Add one to ``PROFILES`` to measure another link.

Chromium applies a page's conditions to the requests of its dedicated workers too (the
checker's Pyodide downloads come from one); requests of a service worker are its own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Profile:
    download_kbps: float
    upload_kbps: float
    latency_ms: float

    def conditions(self) -> dict[str, Any]:
        # The protocol counts bytes per second.
        return {
            "offline": False,
            "latency": self.latency_ms,
            "downloadThroughput": self.download_kbps * 1000 / 8,
            "uploadThroughput": self.upload_kbps * 1000 / 8,
        }


PROFILES = {
    # A slow mobile link: 1.6 Mbps down, 750 kbps up, 150 ms round trips (Lighthouse's "slow 4G").
    "1.6mbps-150ms": Profile(download_kbps=1600, upload_kbps=750, latency_ms=150),
}


@contextlib.contextmanager
def throttled(page: Any, profile: str) -> Iterator[Profile]:
    """Emulate ``PROFILES[profile]`` for ``page`` (a Playwright page in Chromium)."""
    chosen = PROFILES[profile]
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", chosen.conditions())
    try:
        yield chosen
    finally:
        with contextlib.suppress(Exception):  # the page may be closed already
            session.send("Network.emulateNetworkConditions", PROFILES_OFF)
            session.detach()


PROFILES_OFF = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
