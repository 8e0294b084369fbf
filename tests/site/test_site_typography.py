"""One typography and one vocabulary, on every page and in the checker's words (issue 19).

Section 10 of the facts file: the words a mainland reader reads as translated or misparses
(检查器, 普通话费 "Mandarin fee", 社区说法 ...) appear nowhere a reader looks: the built site in
both languages (pages, search index, scripts, calendar, manifests) and the catalogue of the
checker's words (``checker.messages.CATALOG``, ``checker/page_words.json``). Chinese text has
a space between Chinese and Latin letters or digits, writes a range with ～ or 至 (never a
dash), and quotes with “” only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitehtml import Element, parse_file

from checker.messages import CATALOG

pytestmark = pytest.mark.site

REPO = Path(__file__).resolve().parents[2]

BANNED = (
    "检查器", "普通话费", "社区说法", "说明性规则", "安全余量", "核对于", "当地的亲友",
    "国外发行的卡", "不用 1510",
)  # fmt: skip
# Files a reader's browser shows or reads. Material's own Japanese segmenter (lunr/tinyseg.js)
# is not our text; the index's search config holds a separator with 「」 to split on them.
READ = (".html", ".json", ".js", ".ics", ".webmanifest", ".xml", ".txt")
NOT_OURS = ("assets/javascripts/lunr/",)

HAN = r"[\u3400-\u9fff]"
# Chinese next to a Latin letter or digit, with no space between.
UNSPACED = re.compile(rf"{HAN}[A-Za-z0-9]|[A-Za-z0-9]{HAN}")
# A range written with a dash: "15–60", "0895 — 0898".
DASH_RANGE = re.compile(r"\d\s*[–—]\s*\d")
OTHER_QUOTES = re.compile(rf"[「」『』]|{HAN}\"|\"{HAN}")
# A date as a reader types it into the form ("2026年3月15日", or "3月15日" without a year:
# checker/dates.py reads both) is an input example, not prose; and the form and the answer
# card write their dates the same compact way ("2027年2月13日（周六）", date.format), as
# mainland apps do. Prose in the guides keeps the spaced "2023 年 7 月 25 日".
TYPED_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")

BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "summary", "dt", "dd",
    "label", "figcaption", "caption", "button", "option", "legend", "title",
}  # fmt: skip


def site_files(site: Path) -> list[Path]:
    return [
        path
        for path in sorted(site.rglob("*"))
        if path.suffix in READ
        and path.is_file()
        and not any(part in path.relative_to(site).as_posix() for part in NOT_OURS)
    ]


def test_banned_terms_are_nowhere_in_the_built_site(built_site: Path) -> None:
    found = [
        f"{path.relative_to(built_site)}: {term}"
        for path in site_files(built_site)
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        for term in BANNED
        if term in text
    ]
    assert found == []


def catalogue() -> list[tuple[str, str]]:
    """Every Chinese string of the checker's words, placeholders left out."""
    words = json.loads((REPO / "checker" / "page_words.json").read_text(encoding="utf-8"))
    pairs = [(key, zh) for key, (zh, _) in CATALOG.items()]
    pairs += [(key, texts[0]) for key, texts in words.items()]
    return [(key, re.sub(r"\{\{?[^{}]*\}?\}", "", zh)) for key, zh in pairs]


def test_the_catalogue_has_no_banned_term_and_one_typography() -> None:
    bad = [
        (key, text)
        for key, text in catalogue()
        if any(term in text for term in BANNED)
        or UNSPACED.search(TYPED_DATE.sub("", text))
        or DASH_RANGE.search(text)
        or OTHER_QUOTES.search(text)
    ]
    assert bad == []
    assert any("保号计算器" in text or "计算器" in text for _, text in catalogue())


def block_texts(element: Element) -> list[str]:
    """The text of each block a reader reads as one run: a paragraph, a cell, a heading.

    A block's nested blocks are runs of their own, and code counts as Latin text ("x").
    """
    runs: list[str] = []

    def inline(node: Element) -> str:
        parts: list[str] = []
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag in ("code", "pre", "kbd"):
                parts.append("x")
            elif child.tag in ("script", "style", "svg"):
                continue
            elif child.tag in BLOCKS:
                runs.extend(block_texts(child))
                parts.append("\n")
            else:
                parts.append(inline(child))
        return "".join(parts)

    if element.tag in BLOCKS:
        runs.insert(0, inline(element))
    else:
        for child in element.children:
            if isinstance(child, Element) and child.tag not in ("script", "style", "svg"):
                runs.extend(block_texts(child))
    return runs


def chinese_pages(site: Path) -> list[Path]:
    return [
        path
        for path in sorted(site.rglob("index.html"))
        if not path.relative_to(site).as_posix().startswith("en/")
    ]


@pytest.mark.parametrize(
    ("rule", "pattern"),
    [("spacing", UNSPACED), ("ranges", DASH_RANGE), ("quotes", OTHER_QUOTES)],
)
def test_chinese_pages_keep_one_typography(
    built_site: Path, rule: str, pattern: re.Pattern[str]
) -> None:
    pages = chinese_pages(built_site)
    assert len(pages) >= 10
    bad = []
    for path in pages:
        root = parse_file(path)
        for block in root.by_class("md-content") + root.by_tag("title"):
            for run in block_texts(block):
                text = TYPED_DATE.sub("", run)
                where = path.parent.relative_to(built_site)
                bad += [
                    f"{where}: {text[max(0, m.start() - 12) : m.end() + 12]!r}"
                    for m in pattern.finditer(text)
                ]
    assert bad == [], rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("有效 1 年", None),
        ("有效1年", "spacing"),
        ("用 Smart 的页面", None),
        ("用Smart 的页面", "spacing"),
        ("15～60 天", None),
        ("15–60 天", "ranges"),
        ("0895 — 0898", "ranges"),
        ("2026-11-26", None),
        ("“普通充值”", None),
        ("「普通充值」", "quotes"),
        ('选"Regular Load"', "quotes"),
        ("2026年3月15日", None),
        ("最晚充值日：2027年2月13日（周六）", None),  # the answer card's date.format
    ],
)
def test_the_typography_rules_catch_what_they_should(text: str, rule: str | None) -> None:
    """The patterns above, on the cases they were written for (so the page test can fail)."""
    checks = {"spacing": UNSPACED, "ranges": DASH_RANGE, "quotes": OTHER_QUOTES}
    caught = {name for name, pattern in checks.items() if pattern.search(TYPED_DATE.sub("", text))}
    assert caught == ({rule} if rule else set())
