"""Lighthouse's SEO, accessibility and best-practices audits on every page, zh and en: all 1.0.

These audits do not depend on the machine's speed, so they are a test; performance, which
does, is in the benchmark (``bash scripts/bench``). One Chrome (Debian's, or $CHROMIUM) runs
Lighthouse (pinned in package-lock.json, tests/browser/lighthouse.mjs) on every page in turn,
mobile, against the tests' server: gzip, the headers of the site's ``_headers`` (the
Content-Security-Policy and each page's hreflang ``Link``), and 304 on revalidation.

Lighthouse checks link texts against English words only; tests/site/test_findability.py
checks the Chinese ones.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from browser_support import chromium_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "browser" / "lighthouse.mjs"
CATEGORIES = ["seo", "accessibility", "best-practices"]
PAGES = [
    f"{lang}{page}"
    for lang in ("", "en/")
    for page in (
        "",
        "guide/numbers/",
        "guide/validity/",
        "guide/reload/",
        "guide/balance/",
        "guide/avoid-failures/",
        "faq/",
        "checker/",
        "rules/",
        "about/",
    )
]


def run_lighthouse(urls: list[str], categories: list[str], form_factor: str = "mobile") -> Any:
    """Lighthouse's results for ``urls``, one Chrome for all (tests/browser/lighthouse.mjs)."""
    chrome = chromium_path()
    if chrome is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chrome = playwright.chromium.executable_path
    node = shutil.which("node")
    assert node, "Node.js is needed (bash scripts/setup)"
    job = {"urls": urls, "categories": categories, "chrome": chrome, "formFactor": form_factor}
    result = subprocess.run(
        [node, str(SCRIPT)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60 + 60 * len(urls),
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout)


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
