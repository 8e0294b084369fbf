"""hooks/checker_assets.py refuses to build a site whose checker could not run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

pytestmark = pytest.mark.site

HOOK = Path(__file__).resolve().parents[2] / "hooks" / "checker_assets.py"


def _hook():
    # As MkDocs loads a hook: with its folder on sys.path, for the sibling checker_ui module.
    sys.path.insert(0, str(HOOK.parent))
    try:
        spec = importlib.util.spec_from_file_location("checker_assets_hook", HOOK)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOK.parent))
    return module


def _config(root: Path) -> SimpleNamespace:
    return SimpleNamespace(config_file_path=str(root / "mkdocs.yml"))


def test_missing_pyodide_fails_the_build_with_the_fix(tmp_path):
    with pytest.raises(PluginError, match=r"pyodide\.asm\.wasm.*run scripts/setup"):
        _hook().on_config(_config(tmp_path))


def test_missing_wheel_or_stdlib_fails_the_build_with_the_fix(tmp_path):
    hook = _hook()
    pyodide = tmp_path / "node_modules" / "pyodide"
    pyodide.mkdir(parents=True)
    for name in hook.PYODIDE_FILES:
        (pyodide / name).write_bytes(b"")
    with pytest.raises(PluginError, match=r"checker-\*-cp313-none-any\.whl.*run scripts/setup"):
        hook.on_config(_config(tmp_path))
    wheels = tmp_path / "build" / "pyodide"
    wheels.mkdir(parents=True)
    (wheels / "checker-0.1.0-cp313-none-any.whl").write_bytes(b"")
    with pytest.raises(PluginError, match=r"python_stdlib\.zip is missing: run scripts/setup"):
        hook.on_config(_config(tmp_path))
    (wheels / "python_stdlib.zip").write_bytes(b"")
    assert hook.on_config(_config(tmp_path)).config_file_path.endswith("mkdocs.yml")
