"""The checker page's lean runtime: what replaces Pyodide's stock standard library and lock file.

* The standard library is build/pyodide/python_stdlib.zip (scripts/build-stdlib): only the
  modules Pyodide's start-up and checker.web can import, compiled. The site ships it beside
  Pyodide as ``python_stdlib-<hash>.zip``: a name that changes with its content keeps every
  URL under ``assets/pyodide/<version>/`` immutable, and worker.js loads it with
  ``loadPyodide({stdLibURL})``.
* The lock file is not shipped. Pyodide reads it at boot only to know the packages it could
  load, and the checker loads none (its wheel is unpacked by hand); worker.js passes
  :func:`empty_lockfile` as ``lockFileContents``, which saves the page a download (122 KB,
  28 KB gzipped).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

STDLIB = Path("build") / "pyodide" / "python_stdlib.zip"


def stdlib(root: Path) -> Path:
    """The built standard library, or a build failure saying how to get it."""
    path = root / STDLIB
    if not path.is_file():
        raise PluginError(
            f"checker_assets: {path} is missing: run scripts/setup (or scripts/build-stdlib)"
        )
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def stdlib_name(path: Path) -> str:
    """``python_stdlib-<hash of its bytes>.zip``: the name the site serves it under."""
    return f"python_stdlib-{digest(path)}.zip"


def empty_lockfile(pyodide: Path) -> dict[str, Any]:
    """A lock file with no packages, for ``lockFileContents``: Pyodide checks only its ABI."""
    lock = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}
