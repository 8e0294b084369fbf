"""The shipped runtime answers exactly as CPython does: nothing the checker needs is missing.

Every call of the committed corpus (calls/corpus.jsonl: the table-driven cases and 10,000
calls drawn from testsupport/strategies.py's hostile input) plus
``FRESH_CALLS`` new ones each run goes through ``checker.web`` three times: on CPython, in the
pinned Pyodide on Node as the page runs it (the trimmed, compiled standard library of
build/pyodide/python_stdlib.zip, the shipped wheel, no lock file), and in the stock npm
Pyodide. The three must give identical JSON for every call. A module missing from the
trimmed library shows up here as an ``internal.error`` answer (checker.web turns any
exception into one) or a failed boot.

The stock run also records every module the calls loaded from the standard library's zip
(not those compiled into Pyodide, such as os); each must be in the shipped zip
(scripts/build-stdlib puts the record of the corpus into the module set; this checks that the
fresh calls, too, import nothing else).

Set FUZZ_SEED=N to replay the fresh calls of a run (the seed is printed).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import calls
from testsupport import corpus

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "build" / "pyodide" / "python_stdlib.zip"
STOCK = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
RUNNER = ROOT / "calls" / "checker_runtime.mjs"
FRESH_CALLS = 2_000


@pytest.fixture(scope="module")
def lines() -> list[str]:
    seed = int(os.environ.get("FUZZ_SEED") or random.randrange(2**32))
    print(f"differential: fresh calls with FUZZ_SEED={seed}")
    return corpus.saved() + corpus.generated(FRESH_CALLS, seed)


def _node(lines: list[str], *args: str) -> list[str]:
    result = subprocess.run(
        ["node", str(RUNNER), *args],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout.splitlines()


def _modules(names: list[str]) -> set[str]:
    found = set()
    for name in names:
        parts = name.removesuffix(".pyc").removesuffix(".py").split("/")
        if parts[-1] == "__init__":
            parts.pop()
        found.add(".".join(parts))
    return found


def _differences(lines: list[str], left: list[str], right: list[str]) -> list[str]:
    assert len(left) == len(right) == len(lines)
    return [
        f"{call[:300]}\n  {a[:300]}\n  {b[:300]}"
        for call, a, b in zip(lines, left, right, strict=True)
        if a != b
    ]


@dataclass(frozen=True)
class Answers:
    """One answer a call on each runtime, and the modules the stock run loaded from the zip."""

    cpython: list[str]
    shipped: list[str]
    stock: list[str]
    recorded: list[str]


@pytest.fixture(scope="module")
def answers(lines: list[str], tmp_path_factory: pytest.TempPathFactory) -> Answers:
    record = tmp_path_factory.mktemp("record") / "modules.json"
    return Answers(
        cpython=list(calls.run(lines)),
        shipped=_node(lines, "--stdlib", str(SHIPPED)),
        stock=_node(lines, "--record", str(record)),
        recorded=json.loads(record.read_text())["imported"],
    )


def test_corpus_is_big_enough(lines: list[str]) -> None:
    assert len(corpus.saved()) >= 10_000
    assert len(lines) >= 10_000 + FRESH_CALLS
    assert {json.loads(line)["fn"] for line in lines} == {*calls.FUNCTIONS, "summary"}


def test_shipped_runtime_answers_as_cpython(lines: list[str], answers: Answers) -> None:
    differences = _differences(lines, answers.cpython, answers.shipped)
    assert not differences, f"{len(differences)} calls differ:\n" + "\n".join(differences[:5])
    # Not vacuous: the calls reach dates and summaries as well as the errors.
    reached = [a for a in answers.shipped if '"reload_by"' in a or a.startswith('{"result": "')]
    assert len(reached) > 3_000, len(reached)
    assert not any("internal.error" in answer for answer in answers.shipped)


def test_stock_runtime_answers_as_cpython(lines: list[str], answers: Answers) -> None:
    differences = _differences(lines, answers.cpython, answers.stock)
    assert not differences, f"{len(differences)} calls differ:\n" + "\n".join(differences[:5])


def test_every_module_a_run_imports_is_shipped(answers: Answers) -> None:
    with zipfile.ZipFile(STOCK) as stock, zipfile.ZipFile(SHIPPED) as shipped:
        available = _modules([n for n in stock.namelist() if n.endswith(".py")])
        kept = _modules([n for n in shipped.namelist() if n.endswith(".pyc")])
    imported = set(answers.recorded)
    # Not vacuous: the record holds what checker.web imports from the zip.
    assert {"decimal", "hashlib", "json"} <= imported <= available
    assert imported <= kept, sorted(imported - kept)


def test_shipped_zip_is_compiled_and_trimmed() -> None:
    with zipfile.ZipFile(SHIPPED) as shipped:
        names = shipped.namelist()
    assert not [name for name in names if name.endswith(".py")]
    assert 100 < len([name for name in names if name.endswith(".pyc")]) < 300
    assert SHIPPED.stat().st_size < STOCK.stat().st_size * 0.6
