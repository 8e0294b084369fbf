"""hooks/checker_assets.py refuses to build a site whose checker could not run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from hooks import checker_assets

pytestmark = pytest.mark.site


def _config(root: Path) -> MkDocsConfig:
    return MkDocsConfig(config_file_path=str(root / "mkdocs.yml"))


def test_missing_pyodide_fails_the_build_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match=r"pyodide\.asm\.wasm.*run scripts/setup"):
        checker_assets.on_config(_config(tmp_path))


def test_missing_wheel_or_stdlib_fails_the_build_with_the_fix(tmp_path: Path) -> None:
    pyodide = tmp_path / "node_modules" / "pyodide"
    pyodide.mkdir(parents=True)
    for name in checker_assets.PYODIDE_FILES:
        (pyodide / name).write_bytes(b"")
    with pytest.raises(PluginError, match=r"checker-\*-cp313-none-any\.whl.*run scripts/setup"):
        checker_assets.on_config(_config(tmp_path))
    wheels = tmp_path / "build" / "pyodide"
    wheels.mkdir(parents=True)
    (wheels / "checker-0.1.0-cp313-none-any.whl").write_bytes(b"")
    with pytest.raises(PluginError, match=r"python_stdlib\.zip is missing: run scripts/setup"):
        checker_assets.on_config(_config(tmp_path))
    (wheels / "python_stdlib.zip").write_bytes(b"")
    assert checker_assets.on_config(_config(tmp_path)).config_file_path.endswith("mkdocs.yml")


def test_every_module_the_page_imports_is_shipped_and_kept_offline() -> None:
    # The service worker keeps what the config's "offline" list names (MODULES among it):
    # a module imported but not listed would be missing on the first visit with no network.
    own = Path(checker_assets.__file__).parents[1] / "docs" / "assets" / "checker"
    imported = {
        name
        for script in own.glob("*.js")
        for name in re.findall(r"""from\s+["']\./([\w-]+\.js)["']""", script.read_text())
    }
    assert imported == set(checker_assets.MODULES)
    assert {p.name for p in own.glob("*.js")} == {
        *checker_assets.MODULES,
        *(n for n in checker_assets.OWN_FILES.values() if n.endswith(".js")),
    }
