"""Shared fixtures. ``built_site`` builds the real site once per test session."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# A line MkDocs logs at WARNING or ERROR level (with or without colours).
_PROBLEM = re.compile(r"^(?:\x1b\[[0-9;]*m)*(WARNING|ERROR)\b", re.MULTILINE)


@dataclass(frozen=True)
class SiteBuild:
    site: Path
    output: str


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """Run ``mkdocs build --strict`` once, in a subprocess, into a temporary directory.

    A subprocess keeps jieba's and MkDocs' own warnings out of this process, where
    ``filterwarnings = error`` would turn them into failures of unrelated tests.
    """
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    env.setdefault("SITE_URL", "http://127.0.0.1:8000/")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = f"{result.stdout}\n{result.stderr}"
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({result.returncode}):\n{output}", False)
    if problems := [m.group(0) for m in _PROBLEM.finditer(output)]:
        pytest.fail(f"mkdocs build logged {len(problems)} warning(s):\n{output}", False)
    return SiteBuild(site=site, output=output)


@pytest.fixture(scope="session")
def built_site(site_build: SiteBuild) -> Path:
    """The directory of the built site (``mkdocs build --strict``, zero warnings)."""
    return site_build.site
