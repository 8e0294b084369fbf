"""Lighthouse on many pages in one Chrome (lighthouse.mjs, beside this file), for the test and
the benchmark: the site's pages, and the call that returns Lighthouse's scores for them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from testsupport.browser import chromium_path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).with_name("lighthouse.mjs")
DOCS = ROOT / "docs"
CHECKER_PAGE = "checker/"


def _page(source: str) -> str:
    """The path under the site's root of a docs/ Markdown file ("guide/reload.en.md")."""
    english = source.endswith(".en.md")
    stem = source.removesuffix(".en.md" if english else ".md")
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return ("en/" if english else "") + path


# Every page of the site, zh then en, from docs/ (so a new page is tested too).
PAGES = tuple(
    sorted(
        (_page(p.relative_to(DOCS).as_posix()) for p in DOCS.rglob("*.md")),
        key=lambda page: (page.startswith("en/"), page),
    )
)
GUIDE_PAGES = tuple(page for page in PAGES if page.removeprefix("en/") != CHECKER_PAGE)


def run_lighthouse(urls: list[str], categories: list[str], form_factor: str = "mobile") -> Any:
    """Lighthouse's results for ``urls``, in order: scores, failed audits, metrics."""
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
        timeout=60 + 90 * len(urls),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return json.loads(result.stdout)
