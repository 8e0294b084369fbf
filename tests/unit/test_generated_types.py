"""types/checker-web.d.ts is what scripts/generate_types.py writes from checker.web's shapes.

The page's JavaScript is type-checked against that file (``tsc --noEmit``, in scripts/test):
a stale file would let a renamed key through. The shapes are not in the wheel, so inside
Pyodide this file skips.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("checker.web.shapes", reason="the shapes are for type checkers, not shipped")

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "generate_types.py"


def test_the_declarations_are_current() -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--check"], check=False)
    assert run.returncode == 0, "types/checker-web.d.ts is stale: run scripts/generate_types.py"
