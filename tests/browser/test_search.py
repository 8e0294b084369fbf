"""Search through Material's real search box, in Chromium, on the real built site (issue 13).

On /en/ every English word finds its pages whatever its form, and only English pages; on the
Chinese site a Chinese word finds Chinese pages only.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from checker_page import url

pytestmark = pytest.mark.browser

RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def results(page: Any, origin: str, lang: str, query: str) -> list[str]:
    """Type ``query`` in the header's search box; the paths of the results' links."""
    page.goto(url(origin, lang, ""))
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # a narrow screen shows a search button first
        page.click("label.md-header__button[for=__search]")
    box.click()
    box.press_sequentially(query, delay=20)
    # Chinese is inserted as text, without key events; Material reads the box on keyup.
    box.press("End")
    page.wait_for_function(
        """() => {
          const meta = document.querySelector(".md-search-result__meta");
          return meta && !/键入|初始化|Type to start|Initializing/.test(meta.textContent);
        }"""
    )
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]  # without ?h= (highlight) and #section


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("validity", "/en/guide/validity/"),
        ("reloading", "/en/guide/reload/"),
        ("codes", "/en/faq/"),
        ("disconnected", "/en/guide/validity/"),
    ],
)
def test_english_words_find_english_pages(page, browser, query, expected):
    found = results(page, browser.origin, "en", query)
    assert any(path.startswith(expected) for path in found), found
    assert all(path.startswith("/en/") for path in found), found


@pytest.mark.parametrize(("query", "expected"), [("保号", "/"), ("销号", "/guide/validity/")])
def test_chinese_words_find_chinese_pages(page, browser, query, expected):
    found = results(page, browser.origin, "zh", query)
    assert expected in found, found
    assert not [path for path in found if path.startswith("/en/")], found
