"""The built site ships the lean runtime: Pyodide's own files, the standard library made for
the checker (scripts/build-stdlib) under a name that is its hash, and no lock file; the page,
the snapshot key and the service worker all name that file set (hooks/lean_runtime.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sitehtml import parse_file

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
STDLIB = ROOT / "build" / "pyodide" / "python_stdlib.zip"


def _runtime(site: Path) -> Path:
    (runtime,) = (site / "assets" / "pyodide").iterdir()
    return runtime


def _stdlib_name() -> str:
    return f"python_stdlib-{hashlib.sha256(STDLIB.read_bytes()).hexdigest()[:12]}.zip"


def _config(site: Path, page: str) -> dict[str, Any]:
    root = parse_file(site / page / "index.html")
    (element,) = root.find_all(lambda e: "data-checker-config" in e.attrs)
    config: dict[str, Any] = json.loads(element.attrs["data-checker-config"])
    return config


def test_the_runtime_folder_holds_exactly_what_the_page_loads(built_site: Path) -> None:
    runtime = _runtime(built_site)
    names = {path.name for path in runtime.iterdir()}
    assert names == {"pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", _stdlib_name()}
    assert (runtime / _stdlib_name()).read_bytes() == STDLIB.read_bytes()


@pytest.mark.parametrize("page", ["checker", "en/checker"])
def test_the_page_loads_the_lean_stdlib_and_no_lock_file(built_site: Path, page: str) -> None:
    config = _config(built_site, page)
    runtime = _runtime(built_site).name
    assert config["pyodide_options"][
        "stdLibURL"
    ] == f"../{'../' * page.count('/')}assets/pyodide/{runtime}/" + (_stdlib_name())
    npm_lock = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    assert config["pyodide_options"]["lockFileContents"] == {
        "info": npm_lock["info"],
        "packages": {},
    }
    assert config["pyodide_options"]["stdLibURL"] in config["offline"]
    assert not [url for url in config["offline"] if "pyodide-lock" in url or "stdlib.zip" in url]
    # A new standard library makes a new snapshot: the old one holds the old modules.
    assert config["snapshot"]["key"].endswith(f"&stdlib={_stdlib_name()[14:26]}")


def test_the_service_worker_lists_the_runtime_files(built_site: Path) -> None:
    line = next(
        line
        for line in (built_site / "sw.js").read_text().splitlines()
        if line.startswith("const BUILD")
    )
    build = json.loads(line.removeprefix("const BUILD = ").removesuffix(";"))
    assert build["runtime"] == sorted(p.name for p in _runtime(built_site).iterdir())
