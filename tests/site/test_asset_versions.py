"""hooks/asset_versions.py: every asset a page names is versioned by its content."""

from __future__ import annotations

import doctest
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hooks import asset_versions

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.site

CSS = b"body { color: red }\n"
CSS_V = "v=" + hashlib.sha256(CSS).hexdigest()[:12]


def test_doctests() -> None:
    assert doctest.testmod(asset_versions).failed == 0


# (page, html, expected html): what the hook writes for a page at that path.
CASES = [
    (
        "a/b/index.html",
        '<link href="../../assets/s.css">',
        f'<link href="../../assets/s.css?{CSS_V}">',
    ),
    ("index.html", '<link href="assets/s.css?v=0123abcd">', f'<link href="assets/s.css?{CSS_V}">'),
    ("404.html", '<link href="/assets/s.css">', f'<link href="/assets/s.css?{CSS_V}">'),
    (
        "index.html",
        '<script src="assets/x.0123abcd.min.js">',
        '<script src="assets/x.0123abcd.min.js">',
    ),
    (
        "index.html",
        '<a href="https://example.org/assets/s.css">',
        '<a href="https://example.org/assets/s.css">',
    ),
    ("index.html", '<a href="assets/missing.css">', '<a href="assets/missing.css">'),
    ("index.html", '<a href="faq/">', '<a href="faq/">'),
    ("index.html", '<img src="assets/pyodide/1.0/p.js">', '<img src="assets/pyodide/1.0/p.js">'),
]


@pytest.mark.parametrize(("page", "html", "expected"), CASES)
def test_version_page(tmp_path: Path, page: str, html: str, expected: str) -> None:
    for name, body in {
        "assets/s.css": CSS,
        "assets/x.0123abcd.min.js": b"x",
        "assets/pyodide/1.0/p.js": b"p",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(body)
    (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
    got, _ = asset_versions.version_page(tmp_path, tmp_path / page, html)
    assert got == expected


def test_every_asset_a_page_names_is_versioned_by_content(built_site: Path) -> None:
    reference = re.compile(r'\s(?:src|href)="([^"#]+)"')
    wrong = set()
    stamps = set()
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        stamps |= set(re.findall(r'data-md-component="container" data-site-assets="(\w+)"', text))
        for link in reference.findall(text):
            path, _, query = link.partition("?")
            if urlsplit(path).scheme or "assets/" not in path:
                continue
            base = built_site if path.startswith("/") else page.parent
            name = (base / path.lstrip("/")).resolve().relative_to(built_site.resolve())
            name = name.as_posix()
            if asset_versions.needs_version(name):
                if query != f"v={asset_versions.digest(built_site / name)}":
                    wrong.add(f"{name}?{query}")
            elif not (re.search(r"\.[0-9a-f]{8}\.min\.", name) or "/pyodide/" in name):
                wrong.add(name)
    assert not wrong, sorted(wrong)
    assert len(stamps) == 1, "every page must carry the same release of assets"
