"""The examples in the docstrings run (on CPython: the wheel the site ships has none)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import checker

# The shipped wheel is compiled like `python -OO`: inside Pyodide there are no docstrings.
pytestmark = pytest.mark.skipif(
    checker.__doc__ is None, reason="docstrings are stripped from the wheel the site ships"
)
# Every module, checker.web's too (a package of its own).
SUBMODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(checker.__path__, "checker.")
    if not info.name.endswith("__main__")
)
MODULES = ["checker", *SUBMODULES]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_examples_exist() -> None:
    attempted = sum(doctest.testmod(importlib.import_module(name)).attempted for name in MODULES)
    assert attempted >= 30
