"""Nothing is loaded from another origin, and no page links to a seller or to Telegram."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitehtml import parse_file

from checker.carriers import every_rule
from checker.prefixes import SOURCES as PREFIX_SOURCES
from hooks.carrier_facts import CARRIER_FACTS
from hooks.guide_facts import GUIDE_RULES

pytestmark = pytest.mark.site

# Hosts and words that mean a seller, a chat channel or a marketplace.
FORBIDDEN_LINK_PARTS = [
    "t.me", "telegram", "tg://", "wa.me", "whatsapp", "line.me", "weixin", "wechat",
    "alipay", "taobao", "shopee", "lazada", "ding.com", "recharge", "topup", "top-up",
]  # fmt: skip

# (tag, attribute) pairs that make the browser fetch something.
LOADING = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("link", "href"),  # stylesheets, icons, preloads, manifests: all of them
]


SOURCE_URLS = {
    source.url
    for found in (*every_rule(), *GUIDE_RULES, *(f for fs in CARRIER_FACTS.values() for f in fs))
    for source in (*found.sources, *(s for c in found.conflicts for s in c.sources))
} | {url for _, url in PREFIX_SOURCES.values()}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_other_origin(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_there_are_pages(built_site: Path) -> None:
    assert len(html_pages(built_site)) >= 21


@pytest.mark.parametrize(("tag", "attr"), LOADING)
def test_nothing_loaded_from_another_origin(built_site: Path, tag: str, attr: str) -> None:
    offenders = []
    for page in html_pages(built_site):
        for el in parse_file(page).by_tag(tag):
            if tag == "link" and el.attrs.get("rel") in ("alternate", "canonical"):
                continue  # navigation hints, not loaded
            value = el.attrs.get(attr)
            if not value:
                continue
            urls = [part.split()[0] for part in value.split(",")] if "srcset" in attr else [value]
            offenders += [(page.name, url) for url in urls if is_other_origin(url)]
    assert offenders == []


def test_no_remote_css_or_fonts(built_site: Path) -> None:
    remote = re.compile(r"(@import\s+(url\()?\s*['\"]?|url\(\s*['\"]?)(https?:)?//", re.I)
    offenders = [
        str(css.relative_to(built_site))
        for css in built_site.rglob("*.css")
        if remote.search(css.read_text(encoding="utf-8"))
    ]
    for page in html_pages(built_site):
        for style in parse_file(page).by_tag("style"):
            if remote.search(style.text()):
                offenders.append(page.name)
    assert offenders == []
    assert not any("googleapis" in p.read_text(encoding="utf-8") for p in html_pages(built_site))


@pytest.mark.parametrize("part", FORBIDDEN_LINK_PARTS)
def test_no_link_to_a_seller_or_telegram(built_site: Path, part: str) -> None:
    offenders = [
        (page.name, a.attrs["href"])
        for page in html_pages(built_site)
        for a in parse_file(page).by_tag("a")
        if part in a.attrs.get("href", "").lower()
    ]
    assert offenders == []


def test_every_external_link_is_a_source_of_the_rules(built_site: Path) -> None:
    external = {
        a.attrs["href"]
        for page in html_pages(built_site)
        for a in parse_file(page).by_tag("a")
        if is_other_origin(a.attrs.get("href", "")) and not a.attrs["href"].startswith("#")
    }
    assert external - SOURCE_URLS == set()
