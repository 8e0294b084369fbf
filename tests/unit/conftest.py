"""Hypothesis profiles for the unit suite, and the report of the adapter fuzz tests.

This file also runs inside Pyodide: tests/pyodide/run.mjs copies every ``tests/unit/*.py`` (and
``testsupport/``, the test data they import) and passes ``HYPOTHESIS_PROFILE`` and
``FUZZ_SEED`` on from Node's environment.

Profiles. ``HYPOTHESIS_PROFILE`` picks one; without it Hypothesis keeps its own choice, its
``default`` profile, or ``ci`` when it sees a CI environment. ``fuzz`` (``bash scripts/fuzz``)
raises ``max_examples`` to 100,000. The adapter fuzz tests in ``test_web_fuzz.py`` run
``max(2,000, max_examples)`` examples each: 2,000 in the test command, 100,000 under ``fuzz``.
Every other test keeps its own count, so the suite stays fast.

Seed. The adapter fuzz tests draw from ``FUZZ_SEED``, random for each run unless set, and the
summary prints it: every run explores new input (derandomizing would replay the same 2,000
examples forever), and ``FUZZ_SEED=N`` replays a run, CI's included (Hypothesis' ``ci``
profile has no example database). A failure also prints Hypothesis' ``@reproduce_failure``
blob, and, outside CI, the example database (``.hypothesis/``) replays it first next time.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import settings

settings.register_profile("fuzz", max_examples=100_000, deadline=None, print_blob=True)
if _profile := os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(_profile)

FUZZ_SEED = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))

_COUNTS = pytest.StashKey[dict[str, int]]()


@pytest.fixture(scope="session")
def fuzz_seed() -> int:
    """The seed of every adapter fuzz test in this run."""
    return FUZZ_SEED


@pytest.fixture(scope="session")
def fuzz_counts(request: pytest.FixtureRequest) -> dict[str, int]:
    """Examples each adapter fuzz test ran, by function name, for the terminal summary."""
    return request.config.stash.setdefault(_COUNTS, {})


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    counts = config.stash.get(_COUNTS, {})
    if counts:
        ran = ", ".join(f"{name} {count:,}" for name, count in counts.items())
        profile = settings.get_current_profile_name()
        terminalreporter.write_line(
            f"adapter fuzz, examples run (Hypothesis profile {profile}, FUZZ_SEED={FUZZ_SEED}): "
            f"{ran}"
        )
