"""The service worker's hashes (hooks/offline.py ``integrity``): the checker's files and its
runtime, each with the SHA-256 of the file as built, so that a damaged cached copy is found."""

from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest


def _manifest(site: Path) -> dict[str, Any]:
    line = next(
        line for line in (site / "sw.js").read_text().splitlines() if line.startswith("const BUILD")
    )
    build: dict[str, Any] = json.loads(line.removeprefix("const BUILD = ").removesuffix(";"))
    return build


def test_every_checker_and_runtime_file_has_its_hash(built_site: Path) -> None:
    build = _manifest(built_site)
    integrity = build["integrity"]
    expected = {
        path.relative_to(built_site).as_posix()
        for folder in ("assets/checker", build["pyodidePath"])
        for path in (built_site / folder).rglob("*")
        if path.is_file()
    }
    assert set(integrity) == expected
    for name in ("pyodide.asm.wasm", "pyodide.mjs"):
        assert f"{build['pyodidePath']}{name}" in integrity
    assert any(name.endswith(".whl") for name in integrity)
    for name, digest in integrity.items():
        assert hashlib.sha256((built_site / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("page", ["checker/index.html", "en/checker/index.html"])
def test_the_checker_keeps_offline_every_url_its_page_names(built_site: Path, page: str) -> None:
    """The URLs the page loads (src, href) under assets/checker/ are those the service worker
    is asked to keep (the config's ``offline``), query included: offline, a page can only
    load what was kept under the very URL it asks for."""
    html = (built_site / page).read_text(encoding="utf-8")
    found = re.search(r"data-checker-config='([^']*)'", html)
    assert found is not None
    config = json.loads(unescape(found.group(1)))
    named = set(re.findall(r'\s(?:src|href)="((?:\.\./)+assets/checker/[^"#]+)"', html))
    assert {"checker.js", "checker.css"} <= {url.rsplit("/", 1)[1].split("?")[0] for url in named}
    assert named <= set(config["offline"]), sorted(named - set(config["offline"]))
    assert config["worker"] in config["offline"]
