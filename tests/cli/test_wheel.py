"""The wheel the site ships: compiled for Pyodide, .pyc only, within its budget."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from bench.goals import GOALS

ROOT = Path(__file__).resolve().parents[2]
# The budget is the benchmark's goal, written once (bench/goals.py says how it grew).
BUDGET = GOALS["wheel"].limit


@pytest.fixture(scope="module")
def wheel() -> Path:
    found = sorted((ROOT / "build/pyodide").glob("checker-*-cp313-none-any.whl"))
    assert found, "no compiled wheel: run scripts/setup (it runs scripts/build-wheel)"
    return found[-1]


def test_within_budget(wheel: Path) -> None:
    assert wheel.stat().st_size <= BUDGET


def test_pyc_only_and_complete(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.endswith(".py")]
    sources = {f"checker/{p.stem}.pyc" for p in (ROOT / "checker").glob("*.py")}
    assert sources <= set(names)


def test_only_python_and_metadata() -> None:
    # Page-only words (checker/page_words.json) and anything else stay out of the download.
    found = sorted((ROOT / "build/pyodide").glob("checker-*-cp313-none-any.whl"))
    names = zipfile.ZipFile(found[-1]).namelist()
    assert [n for n in names if not n.endswith(".pyc") and ".dist-info/" not in n] == []
