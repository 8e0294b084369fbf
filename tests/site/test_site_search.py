"""Search works in Chinese (jieba at build time) and in English, on the built index.

Material's search splits the index text on its ``separator`` (jieba joins Chinese words with
U+200B), and in the browser splits a Chinese query greedily into tokens that exist in the
index (``segment`` below is a port of Material's ``search/query/segment``), then adds a
trailing wildcard to every segment. A query finds a page when the query is one token of the
page (jieba kept the word whole) and every segment is the prefix of a token of the page.

mkdocs-static-i18n writes one index for both languages; Chinese pages are at the root and
English pages under ``en/``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from search_questions import EN_QUESTIONS, ZH_QUESTIONS, answers

pytestmark = pytest.mark.site

ZH_QUERIES = [
    ("充值", "guide/reload/"),
    ("有效期", "guide/validity/"),
    ("保号", ""),
    ("保号", "checker/"),
    ("销号", "guide/validity/"),
    ("销号", "faq/"),
    ("停机", "faq/"),  # the glossary says how it differs from 销号
    ("话费", "guide/reload/"),
    ("余额", "guide/balance/"),
    ("验证码", "faq/"),
    ("实名登记", "guide/validity/"),
    ("宽限期", "guide/validity/"),
    ("游客", "faq/"),
    ("支付宝", "guide/reload/"),
    ("来源", "rules/"),
    ("隐私", "about/"),
]
EN_QUERIES = [
    ("reload", "en/guide/reload/"),
    ("expiry", "en/guide/balance/"),
    ("disconnected", "en/guide/validity/"),
    ("promo", "en/faq/"),
    ("PasaLoad", "en/guide/reload/"),
    ("registration", "en/guide/validity/"),
    ("privacy", "en/about/"),
    ("sources", "en/rules/"),
]


@cache
def index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def tokens(site: Path, text: str) -> list[str]:
    separator = re.compile(index(site)["config"]["separator"])
    plain = re.sub(r"<[^>]+>", " ", text)
    return [t.lower() for t in separator.split(plain) if t]


@cache
def page_tokens(site: Path) -> dict[str, set[str]]:
    pages: dict[str, set[str]] = {}
    for doc in index(site)["docs"]:
        page = doc["location"].split("#")[0]
        pages.setdefault(page, set()).update(tokens(site, f"{doc['title']} {doc['text']}"))
    return pages


def all_tokens(site: Path) -> set[str]:
    return set().union(*page_tokens(site).values())


def segment(query: str, known: set[str]) -> set[str]:
    """Material's greedy segmentation of a Chinese query against the index's tokens."""
    n = len(query)
    wordcuts = [0] * (n + 1)
    for i in range(n):
        for j in range(i + 1, n):
            if query[i:j] in known:
                wordcuts[i] = j - i
    segments: set[str] = set()
    stack = [0]
    while stack:
        p = stack.pop()
        for q in range(1, wordcuts[p]):
            if wordcuts[p + q] > wordcuts[p] - q:
                segments.add(query[p : p + q])
                stack.append(p + q)
        q = p + wordcuts[p]
        if wordcuts[q] and q < n - 1:
            stack.append(q)
        segments.add(query[p:q])
    return {query} if "" in segments else segments


def test_index_is_segmented_with_zero_width_spaces(built_site: Path) -> None:
    docs = index(built_site)["docs"]
    assert any("\u200b" in doc["text"] for doc in docs)
    assert "\\u200b" in index(built_site)["config"]["separator"]
    # lunr's trimmer strips non-ASCII characters and would erase every Chinese word.
    assert "trimmer" not in index(built_site)["config"]["pipeline"]


@pytest.mark.parametrize(("query", "page"), ZH_QUERIES)
def test_chinese_query_finds_page(built_site: Path, query: str, page: str) -> None:
    pages = page_tokens(built_site)
    assert page in pages, f"{page!r} is not in the index"
    # jieba kept the word whole on that page ...
    assert query in pages[page], f"{query!r} is not one token of {page!r}"
    # ... and the browser's query (each segment with a trailing wildcard) matches the page.
    segments = segment(query, all_tokens(built_site))
    assert segments, query
    missing = {s for s in segments if not any(t.startswith(s) for t in pages[page])}
    assert not missing, f"{query!r} -> {segments}: {missing} match no token of {page!r}"


@pytest.mark.parametrize(("query", "page"), EN_QUERIES)
def test_english_query_finds_page(built_site: Path, query: str, page: str) -> None:
    pages = page_tokens(built_site)
    assert page in pages
    assert query.lower() in pages[page]


def test_both_languages_are_indexed(built_site: Path) -> None:
    locations = page_tokens(built_site)
    assert any(loc.startswith("en/") for loc in locations)
    assert any(not loc.startswith("en/") for loc in locations)


# --- the real search worker, on the real index -------------------------------------------------

RUNNER = Path(__file__).with_name("search_worker.mjs")

# Every English word a reader types finds its pages, whatever its form (issue 13).
EN_WORDS = [
    *((word, "en/guide/carriers/") for word in ("Globe", "TM", "GOMO", "DITO", "globe", "dito")),
    ("validity", "en/guide/validity/"),
    ("expiry", "en/guide/balance/"),
    ("verification", "en/guide/avoid-failures/"),
    ("disconnected", "en/guide/validity/"),
    ("disconnection", "en/faq/"),
    ("reloads", "en/guide/reload/"),
    ("reloading", "en/guide/reload/"),
    ("reload", "en/guide/reload/"),
    ("codes", "en/faq/"),
    ("code", "en/faq/"),
    ("roaming", "en/faq/"),
    ("expires", "en/guide/validity/"),
    ("registered", "en/guide/validity/"),
    ("PasaLoad", "en/guide/validity/"),
    ("verif", "en/guide/avoid-failures/"),  # a word still being typed
    ("disconn", "en/guide/validity/"),
]
# Every carrier the checker covers is found in both languages (issue 18).
CARRIER_WORDS = ["Globe", "TM", "GOMO", "DITO", "globe", "dito"]
ZH_WORDS = [(query, page) for query, page in ZH_QUERIES] + [("PasaLoad", "guide/validity/")]
ZH_WORDS += [(word, "guide/carriers/") for word in CARRIER_WORDS]


def worker_file(site: Path, lang: str) -> str:
    (found,) = (site / "assets/javascripts/workers").glob(f"search-{lang}.*.min.js")
    page = site / ("en/" if lang == "en" else "") / "index.html"
    assert found.name in page.read_text(encoding="utf-8"), "the page names another worker"
    return found.name


@cache
def search_locations(site: Path, lang: str, queries: tuple[str, ...]) -> dict[str, list[str]]:
    """Each query's results, best first: the location of each result's best entry."""
    node = shutil.which("node")
    assert node, "Node.js is needed (bash scripts/setup)"
    result = subprocess.run(
        [node, str(RUNNER), str(site), worker_file(site, lang), *queries],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


def search(site: Path, lang: str, queries: tuple[str, ...]) -> dict[str, list[str]]:
    """Each query's results, best first: the page of each result."""
    found = search_locations(site, lang, queries)
    return {q: [loc.split("#")[0] for loc in locs] for q, locs in found.items()}


@pytest.mark.parametrize(("query", "page"), EN_WORDS)
def test_english_word_finds_its_page_through_the_worker(
    built_site: Path, query: str, page: str
) -> None:
    found = search(built_site, "en", tuple(q for q, _ in EN_WORDS))[query]
    assert page in found, f"{query!r} -> {found}"
    assert all(loc.startswith("en/") for loc in found), f"{query!r} found other languages"


@pytest.mark.parametrize(("query", "page"), ZH_WORDS)
def test_chinese_search_shows_chinese_pages(built_site: Path, query: str, page: str) -> None:
    found = search(built_site, "zh", tuple(q for q, _ in ZH_WORDS))[query]
    assert page in found, f"{query!r} -> {found}"
    assert not [loc for loc in found if loc.startswith("en/")], f"{query!r} found en pages"


def test_material_worker_alone_misses_the_words(built_site: Path) -> None:
    """The regression this fixes: Material's worker on this index finds none of them."""
    node = shutil.which("node")
    assert node
    (material,) = (built_site / "assets/javascripts/workers").glob("search.*.min.js")
    words = ["validity", "expiry", "verification", "disconnected", "reloads", "codes"]
    result = subprocess.run(
        [node, str(RUNNER), str(built_site), material.name, *words],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert all(found == [] for found in json.loads(result.stdout).values())


# --- typed questions (issue 19): the same table as the browser test, on the worker in Node ------

QUESTIONS = [("zh", q, a) for q, a in ZH_QUESTIONS] + [("en", q, a) for q, a in EN_QUESTIONS]


@pytest.mark.parametrize(("lang", "query", "expected"), QUESTIONS)
def test_typed_question_finds_its_answer_first(
    built_site: Path, lang: str, query: str, expected: str
) -> None:
    table = ZH_QUESTIONS if lang == "zh" else EN_QUESTIONS
    found = search_locations(built_site, lang, tuple(q for q, _ in table))[query]
    assert found, f"{query!r} found nothing"
    assert answers(found[0], expected), f"{query!r} -> {found[:3]}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_worker_takes_any_input(built_site: Path, lang: str) -> None:
    bad = ("", " ", "保" * 500, "a" * 500, "😀", "😀 TNT 充值", "a:b^2~3 +-*", '"', "\\ [ ] { }")
    found = search_locations(built_site, lang, bad)  # the runner fails if the worker throws
    assert set(found) == set(bad)
    assert found["😀"] == [] and found[""] == []


@pytest.mark.parametrize(("query", "meant"), [("出国", "国外"), ("停用", "销号")])
def test_a_word_the_pages_never_use_finds_the_word_they_use(
    built_site: Path, query: str, meant: str
) -> None:
    """出国 is on no page: it once fell apart into 出*, which found every 出现."""
    assert query not in all_tokens(built_site)
    found = search_locations(built_site, "zh", (query,))[query]
    assert found
    entries = {d["location"]: d["title"] + d["text"] for d in index(built_site)["docs"]}
    assert meant in entries[found[0]].replace("\u200b", ""), found[0]
