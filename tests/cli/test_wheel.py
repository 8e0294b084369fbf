"""The wheel the site ships: compiled for Pyodide, .pyc only, within its budget."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# 40 KB until issue 13 added the reload kinds, the unknown status and the rewritten words
# (45 KB); 48 KB until issue 14's saved lines (checker/lines.py and their calls, ~9 KB);
# 60 KB until issue 22's dates as readers write and say them (dates.py, date_text.py,
# answer.py, ~6.5 KB). Still a fraction of a percent of the 5.7 MB gzipped runtime beside it.
BUDGET = 72 * 1024


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
