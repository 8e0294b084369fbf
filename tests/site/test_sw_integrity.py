"""The service worker's hashes (hooks/offline.py ``integrity``): the checker's files and its
runtime, each with the SHA-256 of the file as built, so that a damaged cached copy is found."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def _manifest(site: Path) -> dict:
    line = next(
        line for line in (site / "sw.js").read_text().splitlines() if line.startswith("const BUILD")
    )
    return json.loads(line.removeprefix("const BUILD = ").removesuffix(";"))


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
