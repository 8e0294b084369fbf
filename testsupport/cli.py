"""The command line's estimate, which the page must agree with (tests/browser, tests/engines)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def cli_next(today: str, **options: str | bool) -> dict[str, Any]:
    """``python -m checker next ... --json``: the estimate the page must agree with."""
    argv = [sys.executable, "-m", "checker", "next", "--today", today, "--json"]
    for name, value in options.items():
        flag = "--kind" if name == "reload_kind" else "--" + name.replace("_", "-")
        if value is True:
            argv.append(flag)
        elif value not in (False, None, ""):
            argv += [flag, str(value)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    # The CLI's JSON, as the page's answer is: untyped here, compared key by key.
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer
