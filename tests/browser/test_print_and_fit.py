"""The checker printed, and the validity timeline on a phone and a desktop.

Printing the checker (Chromium's own print-to-PDF, ``page.pdf``) must give the dates on page 1
with the form and the buttons left out; the timeline on guide/validity/ must show its end at
360 px and at 1280 px (it wraps between steps; nothing is cut or scrolls the page).
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from checker_page import open_checker, submit, url
from conftest import TODAY, Session
from playwright.sync_api import Page
from pypdf import PdfReader

from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

# Words that only the form and its buttons carry (form.* of checker/page_words.json).
SCREEN_ONLY = {
    "zh": ("填写你的号码信息", "提前多少天充值", "添加到日历", "复制链接"),
    "en": ("Your number", "How early to reload", "Add to calendar", "Copy link"),
}


def _pdf_pages(page: Page) -> list[str]:
    """The text of each printed A4 page; NFKC undoes the CJK radicals some PDF text maps use."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]


@pytest.mark.parametrize("viewport", [(360, 740), (1280, 900)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_printing_the_checker_gives_the_dates_on_page_one(
    page: Page, browser: Session, lang: str, viewport: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    open_checker(page, browser.origin, lang)
    fields = {"last_reload": "2026-03-15", "amount": "100", "phone": "0918 123 4567"}
    submit(page, **fields)
    expected = cli_next(TODAY, last_reload="2026-03-15", amount="100", lang=lang)

    pages = _pdf_pages(page)
    first = pages[0]
    reload_by = page.text_content("[data-checker-out=reload_by_text]")
    assert reload_by is not None  # None: no such element
    reload_by = reload_by.strip()
    assert reload_by == expected["reload_by_text"]
    # As the PDF's text is read: NFKC ("（" is "("), and spaces put between CJK glyphs.
    packed = "".join(first.split())

    def on_paper(text: str) -> bool:
        return "".join(unicodedata.normalize("NFKC", text).split()) in packed

    assert on_paper(reload_by), f"{reload_by} is not on page 1"
    # The folded dates print, the last reload the reader typed among them.
    for row in expected["other_dates"]:
        assert on_paper(row["text"]), f"{row['key']} ({row['text']}) is not on page 1"
    assert any(row["key"] == "last_reload" for row in expected["other_dates"])
    status = page.text_content("[data-checker-out=status_label]")
    assert status is not None  # None: no such element ("" would be on any paper)
    status = status.strip()
    assert on_paper(status), f"{status} is not on page 1"
    everything = "".join(pages)
    for word in SCREEN_ONLY[lang]:
        assert word not in everything, f"{word!r} (a form control) was printed"
    assert len(pages) <= 3, len(pages)


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_validity_timeline_fits(page: Page, browser: Session, lang: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url(browser.origin, lang, "guide/validity/"))
    timeline = page.locator("ol.timeline")
    assert timeline.locator("li").count() == 5
    fit = timeline.evaluate(
        """ol => {
          const box = ol.getBoundingClientRect();
          const last = ol.lastElementChild.getBoundingClientRect();
          return {scroll: ol.scrollWidth - ol.clientWidth, lastRight: last.right,
                  right: box.right, page: document.documentElement.scrollWidth - innerWidth,
                  article: document.querySelector('article').getBoundingClientRect().right};
        }"""
    )
    assert fit["scroll"] <= 0, fit  # nothing hidden inside its box
    assert fit["lastRight"] <= fit["right"] <= fit["article"] + 0.5, fit  # its end is in view
    assert fit["page"] <= 0, fit  # and the page does not scroll sideways
