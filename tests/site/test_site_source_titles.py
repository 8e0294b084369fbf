"""A Chinese reader sees a Chinese title on every source link, the page's own name after it.

The Chinese title is data next to the source (``checker_source(..., zh=...)``), never retyped
on a page: a Chinese page links ``中文标题（Original title）``, an English page the original.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitehtml import parse_file

from checker.carriers import CARRIERS
from checker.rules import CHECKER_RULES, Rule, Source
from hooks.guide_facts import GUIDE_RULES

pytestmark = pytest.mark.site

HAN = re.compile(r"[\u3400-\u9fff]")


def all_rules() -> list[Rule]:
    rules = [r for carrier in CARRIERS.values() for r in carrier.rules]
    return rules + list(CHECKER_RULES) + list(GUIDE_RULES)


def all_sources() -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for found in all_rules():
        for source in found.sources + tuple(s for c in found.conflicts for s in c.sources):
            sources[source.url] = source
    return sources


@pytest.mark.parametrize("source", list(all_sources().values()), ids=lambda s: s.url[-40:])
def test_every_source_has_a_chinese_title(source: Source) -> None:
    assert HAN.search(source.title_zh), source.url
    assert not HAN.search(source.title)  # the page's own name, as the page gives it
    assert source.label("zh") == f"{source.title_zh}（{source.title}）"
    assert source.label("en") == source.title


def source_links(site: Path, lang: str) -> list[tuple[str, str, str]]:
    """(page, link text, url) of every link to a source, on every page of ``lang``."""
    sources = all_sources()
    links = []
    for path in sorted(site.rglob("index.html")):
        page = path.parent.relative_to(site).as_posix()
        if page.startswith("en") != (lang == "en"):
            continue
        for a in parse_file(path).by_tag("a"):
            if a.attrs.get("href") in sources:
                links.append((page, a.clean_text(), a.attrs["href"]))
    return links


def test_chinese_pages_link_sources_by_their_chinese_title(built_site: Path) -> None:
    links = source_links(built_site, "zh")
    assert len(links) >= 40  # the rules page alone lists more
    # Two sources may share a page (one page, read for two carriers): either title will do.
    labels: dict[str, set[str]] = {}
    for found in all_rules():
        for source in found.sources + tuple(s for c in found.conflicts for s in c.sources):
            labels.setdefault(source.url, set()).add(source.label("zh"))
    wrong = [(page, text) for page, text, url in links if text not in labels[url]]
    assert wrong == []


def test_english_pages_link_sources_by_their_own_title(built_site: Path) -> None:
    links = source_links(built_site, "en")
    assert links
    assert [(page, text) for page, text, _ in links if HAN.search(text)] == []
