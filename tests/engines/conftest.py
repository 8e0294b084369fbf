"""Fixtures for the cross-engine tests: Firefox and WebKit against the built site.

The site and its server are tests/browser's (``site_dir``: the real ``mkdocs build --strict``,
or CHECKER_SITE_DIR; ``origin``: testsupport.browser's server, with the site's CSP header and
gzip), taken from tests/browser/conftest.py rather than written again. An engine that is not
installed skips its tests with a message naming what is missing (``bash scripts/setup``
installs them when root on Debian).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from testsupport.engines import ENGINES, Engine, Firefox, WebKit, missing, xvfb

HERE = Path(__file__).resolve().parent


def _browser_fixtures() -> object:
    spec = importlib.util.spec_from_file_location(
        "browser_conftest", HERE.parent / "browser" / "conftest.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_browser = _browser_fixtures()
site_dir = _browser.site_dir  # type: ignore[attr-defined]
origin = _browser.origin  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """An Xvfb display for WebKit's MiniBrowser, started once (its --headless hangs)."""
    with xvfb() as name:
        yield name


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    reason = missing(request.param)
    if reason:
        pytest.skip(f"engine not installed: {reason}")
    name: str = request.param
    return name


@pytest.fixture
def engine(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A browser of its own, as a first-time reader has: fresh profile, service worker allowed.

    Teardown fails the test on a CSP violation, a console or page error, or a request that
    left the site's origin. A test marked ``private_window`` gets a private window instead.
    """
    private = request.node.get_closest_marker("private_window") is not None
    if engine_name == "firefox":
        browser: Engine = Firefox(tmp_path / "profile", private=private)
    else:
        browser = WebKit(request.getfixturevalue("display"), private=private)
    try:
        yield browser
        seen = browser.events()
    finally:
        browser.close()
    site = browser.site or request.getfixturevalue("origin")
    foreign = [
        url for url in seen["requests"] if not url.startswith((site + "/", "blob:" + site, "data:"))
    ]
    assert not foreign, f"{engine_name}: requests left the site's origin: {foreign}"
    assert not seen["violations"], f"{engine_name}: CSP violations: {seen['violations']}"
    assert not seen["errors"], f"{engine_name}: page errors: {seen['errors']}"
    assert not seen["console"], f"{engine_name}: console errors: {seen['console']}"
