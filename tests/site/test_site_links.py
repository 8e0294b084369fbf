"""Internal link check of the built site: every local href and src resolves, anchors included."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from sitehtml import parse_file

pytestmark = pytest.mark.site

ATTRS = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")]
SITE_ORIGIN = "http://site.invalid"


def page_url(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return f"{SITE_ORIGIN}/{rel}"


def target_file(site: Path, path: str) -> Path | None:
    local = site / unquote(path).lstrip("/")
    if path.endswith("/") or local.is_dir():
        local = local / "index.html"
    return local if local.is_file() else None


@cache
def ids_of(page: Path) -> frozenset[str]:
    doc = parse_file(page)
    found = {el.attrs["id"] for el in doc.iter() if "id" in el.attrs}
    found |= {el.attrs["name"] for el in doc.by_tag("a") if "name" in el.attrs}
    return frozenset(found)


def local_links(site: Path) -> list[tuple[Path, str]]:
    links = []
    for page in sorted(site.rglob("*.html")):
        doc = parse_file(page)
        for tag, attr in ATTRS:
            for el in doc.by_tag(tag):
                value = el.attrs.get(attr)
                if value is None:
                    continue
                absolute = urljoin(page_url(site, page), value)
                if absolute.startswith(SITE_ORIGIN + "/"):
                    links.append((page, absolute))
    return links


def test_there_are_links(built_site: Path) -> None:
    assert len(local_links(built_site)) > 500


def test_no_broken_internal_link(built_site: Path) -> None:
    broken = []
    for page, absolute in local_links(built_site):
        parts = urlsplit(absolute)
        target = target_file(built_site, parts.path)
        where = page.relative_to(built_site).as_posix()
        if target is None:
            broken.append((where, absolute, "no such file"))
            continue
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment not in ids_of(target):
            broken.append((where, absolute, "no such anchor"))
    assert broken == []


@pytest.mark.parametrize("name", ["sitemap.xml", "search/search_index.json"])
def test_generated_files_exist(built_site: Path, name: str) -> None:
    assert (built_site / name).is_file()
