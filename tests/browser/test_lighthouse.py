"""Lighthouse's SEO, accessibility and best-practices audits on every page, zh and en: all 1.0.

These audits do not depend on the machine's speed, so they are a test; performance, which
does, is in the benchmark (``bash scripts/bench``). One Chrome (Debian's, or $CHROMIUM) runs
Lighthouse (pinned in package-lock.json, testsupport/lighthouse.mjs) on every page in turn,
mobile, against the tests' server: gzip, the headers of the site's ``_headers`` (the
Content-Security-Policy and each page's hreflang ``Link``), and 304 on revalidation.

Lighthouse checks link texts against English words only; tests/site/test_findability.py
checks the Chinese ones.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from testsupport.lighthouse import PAGES, run_lighthouse

pytestmark = pytest.mark.browser

CATEGORIES = ["seo", "accessibility", "best-practices"]


@pytest.fixture(scope="module")
def reports(origin: str, site_dir: Path) -> dict[str, Any]:
    found = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    listed = sorted(page.rstrip("/") or "." for page in PAGES)
    assert found == listed, "a page was added or removed: list it in PAGES"
    results = run_lighthouse([f"{origin}/{page}" for page in PAGES], CATEGORIES)
    return dict(zip(PAGES, results, strict=True))


@functools.cache
def _label(page: str) -> str:
    return page or "(home)"


@pytest.mark.parametrize("page", PAGES, ids=_label)
def test_lighthouse_scores_are_perfect(reports: dict[str, Any], page: str) -> None:
    report = reports[page]
    assert report["scores"] == dict.fromkeys(CATEGORIES, 1), json.dumps(
        report["failed"], ensure_ascii=False, indent=1
    )
