"""What search engines read, from the real ``mkdocs build --strict`` (hooks/findability.py).

Every page its own title and description in its language; link texts that say where they go;
an absolute canonical, Open Graph and JSON-LD that parses (the FAQ's markup names exactly the
questions it shows); the zh/en/x-default alternates, absolute and reciprocal, in the sitemap
and the ``Link`` headers; robots.txt; no-transform; and no publishing build without SITE_URL.
"""

from __future__ import annotations

import doctest
import gzip
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sitehtml import Element, parse_file

import hooks.findability as findability
from hooks.findability import require_site_url

pytestmark = pytest.mark.site

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
SOURCES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
# Link texts that say nothing of where a link goes. Lighthouse knows English ones only.
BANNED_LINK_TEXTS = {
    "点击这里", "点击此处", "点这里", "这里", "此处", "更多", "详情", "了解更多", "链接",
    "click here", "here", "more", "read more", "link", "this",
}  # fmt: skip
# What a zh title should hold at least one of: the words readers type.
SEARCH_WORDS = ("Smart", "TNT", "保号", "充值", "有效期", "销号", "余额", "计算器")
LINK = re.compile(r'<([^>]+)>; rel="alternate"; hreflang="([^"]+)"')
NS = {"s": findability.SITEMAP_NS, "x": findability.XHTML_NS}


def site_url() -> str:
    return os.environ.get("SITE_URL", "http://127.0.0.1:8000/")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def head(page: Path) -> Element:
    return parse_file(page).by_tag("head")[0]


def metas(page: Path) -> dict[str, str]:
    found = {}
    for el in head(page).by_tag("meta"):
        key = el.attrs.get("name") or el.attrs.get("property") or el.attrs.get("http-equiv")
        if key:
            found[key] = el.attrs.get("content", "")
    return found


def title(page: Path) -> str:
    return head(page).by_tag("title")[0].clean_text()


def english(page: Path, site: Path) -> bool:
    return page.relative_to(site).parts[0] == "en"


def url_of(page: Path, site: Path) -> str:
    path = page.parent.relative_to(site).as_posix()
    return site_url() + ("" if path == "." else path + "/")


def json_ld(page: Path) -> list[dict[str, object]]:
    blocks = [
        el.text()
        for el in head(page).by_tag("script")
        if el.attrs.get("type") == "application/ld+json"
    ]
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("source", SOURCES)
def test_every_page_has_a_search_title_and_description(source: str) -> None:
    text = (DOCS / source).read_text(encoding="utf-8")
    front = text.split("---\n", 2)[1]
    for key in ("title", "head_title", "description"):
        assert re.search(rf"^{key}: \S", front, re.M), f"{source}: no {key} in the front matter"


def test_the_site_has_every_page_in_both_languages(built_site: Path) -> None:
    found = pages(built_site)
    zh = {p.relative_to(built_site) for p in found if not english(p, built_site)}
    en = {p.relative_to(built_site / "en") for p in found if english(p, built_site)}
    assert zh == en
    assert len(found) == len(SOURCES)


def test_titles_and_descriptions_are_unique_and_fit(built_site: Path) -> None:
    found = pages(built_site)
    titles = Counter(title(p) for p in found)
    descriptions = Counter(metas(p).get("description", "") for p in found)
    assert [t for t, n in titles.items() if n > 1 or not t] == []
    assert [d for d, n in descriptions.items() if n > 1 or not d] == []
    for page in found:
        name, description = title(page), metas(page)["description"]
        if english(page, built_site):
            # What Google shows of a title and a snippet before cutting them.
            assert 20 <= len(name) <= 65, (page, name)
            assert 70 <= len(description) <= 160, (page, description)
        else:
            # Baidu cuts a title at about 30 characters and a snippet at about 80 to 100.
            assert 8 <= len(name) <= 32, (page, name)
            assert 30 <= len(description) <= 100, (page, description)
            assert any(word in name for word in SEARCH_WORDS), (page, name)
            assert "检查器" not in name + description, page
            assert "普通话费充值" not in name + description, page


def test_no_link_says_only_click_here(built_site: Path) -> None:
    bad = [
        (str(page.relative_to(built_site)), a.clean_text())
        for page in pages(built_site)
        for a in parse_file(page).by_tag("a")
        if a.clean_text().lower().strip("»›>…. ") in BANNED_LINK_TEXTS
    ]
    assert bad == []


def test_the_banned_link_test_can_fail() -> None:
    from sitehtml import parse

    links = parse('<p><a href="x">点击这里</a> <a href="y">怎样充值</a></p>').by_tag("a")
    assert [a.clean_text() in BANNED_LINK_TEXTS for a in links] == [True, False]


def test_head_has_canonical_open_graph_and_no_transform(built_site: Path) -> None:
    for page in pages(built_site):
        url = url_of(page, built_site)
        canonical = [el for el in head(page).by_tag("link") if el.attrs.get("rel") == "canonical"]
        assert [el.attrs["href"] for el in canonical] == [url], page
        meta = metas(page)
        assert meta["og:url"] == url
        assert meta["og:title"] == title(page)
        assert meta["og:description"] == meta["description"]
        assert meta["og:locale"] == ("en_US" if english(page, built_site) else "zh_CN")
        assert meta["twitter:card"] == "summary"
        assert meta["Cache-Control"] == "no-transform"
        # Material's instant navigation would fetch a sitemap beside each (overrides/main.html).
        assert [el for el in head(page).by_tag("link") if el.attrs.get("hreflang")] == []


def test_json_ld_parses_and_says_where_a_page_is(built_site: Path) -> None:
    for page in pages(built_site):
        url = url_of(page, built_site)
        data = json_ld(page)
        kinds = [item["@type"] for item in data]
        assert all(item["@context"] == "https://schema.org" for item in data)
        if url in (site_url(), site_url() + "en/"):
            assert kinds == ["WebSite"]
            assert data[0]["url"] == url
            continue
        assert kinds[0] == "BreadcrumbList", page
        items = data[0]["itemListElement"]
        assert isinstance(items, list)
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[-1]["item"] == url
        assert items[0]["item"] == site_url() + ("en/" if english(page, built_site) else "")
        assert all(item["name"] for item in items)
        assert kinds[1:] == (["FAQPage"] if page.parent.name == "faq" else [])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_faq_markup_names_exactly_the_questions_shown(built_site: Path, lang: str) -> None:
    page = built_site / ("en/" if lang == "en" else "") / "faq" / "index.html"
    shown = [
        details.by_tag("summary")[0].clean_text()
        for details in parse_file(page).by_class("question")
        if details.tag == "details"
    ]
    (faq,) = [item for item in json_ld(page) if item["@type"] == "FAQPage"]
    entities = faq["mainEntity"]
    assert isinstance(entities, list)
    assert len(shown) >= 10
    assert [entity["name"] for entity in entities] == shown
    for entity in entities:
        answer = entity["acceptedAnswer"]["text"]
        assert len(answer) >= 10 and "[[rule:" not in answer, entity


def sitemap_entries(site: Path) -> dict[str, dict[str, str]]:
    tree = ElementTree.parse(site / "sitemap.xml")
    entries = {}
    for url in tree.getroot().findall("s:url", NS):
        loc = url.findtext("s:loc", "", NS)
        links = {x.attrib["hreflang"]: x.attrib["href"] for x in url.findall("x:link", NS)}
        assert loc not in entries, f"{loc} is listed twice"
        entries[loc] = links
    return entries


def test_sitemap_lists_every_page_with_reciprocal_alternates(built_site: Path) -> None:
    entries = sitemap_entries(built_site)
    assert set(entries) == {url_of(p, built_site) for p in pages(built_site)}
    for loc, links in entries.items():
        assert set(links) == {"zh", "en", "x-default"}, loc
        assert loc in (links["zh"], links["en"])  # each lists itself
        assert links["x-default"] == links[findability.X_DEFAULT]
        assert all(href.startswith(site_url()) for href in links.values())
        for href in links.values():
            assert entries[href] == links, f"{href} does not list what {loc} lists"
    gz = (built_site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(gz) == (built_site / "sitemap.xml").read_bytes()


def test_robots_txt_names_the_absolute_sitemap(built_site: Path) -> None:
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {site_url()}sitemap.xml" in lines
    assert "User-agent: *" in lines
    assert not [line for line in lines if line.startswith("Disallow: /")]


def read_headers(site: Path) -> dict[str, dict[str, str]]:
    blocks: dict[str, dict[str, str]] = {}
    path = ""
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            path = line.strip()
            assert path not in blocks, f"{path} twice in _headers"
            blocks[path] = {}
            continue
        name, _, value = line.strip().partition(": ")
        blocks[path][name] = value
    return blocks


def test_headers_keep_revalidation_and_carry_the_alternates(built_site: Path) -> None:
    blocks = read_headers(built_site)
    cache = blocks["/*"]["Cache-Control"].split(", ")
    assert {"no-transform", "must-revalidate", "max-age=0"} <= set(cache)
    assert "Content-Security-Policy" in blocks["/*"]
    entries = sitemap_entries(built_site)
    for loc, links in entries.items():
        path = loc[len(site_url()) - 1 :]
        value = blocks[path]["Link"]
        found = {m[2]: m[1] for m in LINK.finditer(value)}
        assert found == links, path


@pytest.mark.parametrize(
    ("command", "value", "ok"),
    [
        ("serve", None, True),
        ("serve", "", True),
        ("build", "https://example.org/", True),
        ("build", "http://user.github.io/smart/", True),
        ("gh-deploy", "https://example.org/", True),
        ("build", None, False),
        ("build", "", False),
        ("build", "example.org", False),
        ("build", "/smart/", False),
        ("build", "ftp://example.org/", False),
        ("gh-deploy", None, False),
    ],
)
def test_a_publishing_build_needs_site_url(command: str, value: str | None, ok: bool) -> None:
    environ = {} if value is None else {"SITE_URL": value}
    if ok:
        require_site_url(command, environ)
    else:
        with pytest.raises(Exception, match="SITE_URL"):
            require_site_url(command, environ)


def test_mkdocs_build_without_site_url_fails(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env |= {"NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "s")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr + result.stdout
    assert not (tmp_path / "s" / "index.html").exists()


def test_doctests() -> None:
    result = doctest.testmod(findability)
    assert result.attempted >= 2 and result.failed == 0
