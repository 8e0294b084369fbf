"""The built site: every page in both languages, the language switch, the 404 page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sitehtml import parse_file

pytestmark = pytest.mark.site

# Every page, by its path under each language root ("" is the home page).
PAGES = [
    "",
    "guide/numbers/",
    "guide/carriers/",
    "guide/validity/",
    "guide/reload/",
    "guide/balance/",
    "guide/avoid-failures/",
    "faq/",
    "checker/",
    "rules/",
    "about/",
]
LANGS = {"zh": "", "en": "en/"}
EXPECTED_URLS = [f"/{prefix}{page}" for prefix in LANGS.values() for page in PAGES]


def html_file(site: Path, url: str) -> Path:
    return site / url.lstrip("/") / "index.html"


def test_expected_url_list_is_complete(built_site: Path) -> None:
    built = {
        "/" + str(p.parent.relative_to(built_site)).replace(".", "").strip("/") + "/"
        for p in built_site.rglob("index.html")
    }
    built = {url.replace("//", "/") for url in built}
    assert built == set(EXPECTED_URLS)


@pytest.mark.parametrize("url", EXPECTED_URLS)
def test_page_exists_in_its_language(built_site: Path, url: str) -> None:
    path = html_file(built_site, url)
    assert path.is_file(), url
    lang = "en" if url.startswith("/en/") else "zh"
    doc = parse_file(path)
    (html,) = doc.by_tag("html")
    assert html.attrs["lang"] == lang
    main = doc.first_class("md-content")
    # Words marked as the other language (the glossary's Chinese column) are meant to be there.
    for other in main.find_all(lambda el: el.attrs.get("lang", lang) != lang):
        other.children = []
    content = main.clean_text()
    cjk = sum(1 for ch in content if "\u4e00" <= ch <= "\u9fff")
    if lang == "zh":
        assert cjk > 50, f"{url} does not read as Chinese"
    else:
        assert cjk < 20, f"{url} has {cjk} Chinese characters: an untranslated page?"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_stays_on_the_same_page(built_site: Path, lang: str, page: str) -> None:
    url = f"/{LANGS[lang]}{page}"
    doc = parse_file(html_file(built_site, url))
    links = {
        a.attrs["hreflang"]: urlsplit(urljoin(url, a.attrs["href"])).path
        for a in doc.by_class("md-select__link")
    }
    assert links == {other: f"/{prefix}{page}" for other, prefix in LANGS.items()}


@pytest.mark.parametrize("url", ["/checker/", "/en/checker/"])
def test_checker_page_uses_the_checker_template_and_reads_without_js(
    built_site: Path, url: str
) -> None:
    doc = parse_file(html_file(built_site, url))
    note = doc.find_all(lambda el: "data-checker-needs-js" in el.attrs)
    assert len(note) == 1 and "JavaScript" in note[0].clean_text()
    assert "hidden" not in note[0].attrs, "the needs-JavaScript note must show without JS"
    # Nothing is ever submitted: a form with method="dialog" outside a <dialog> goes nowhere.
    (form,) = doc.find_all(lambda el: "data-checker-form" in el.attrs)
    assert form.attrs.get("method") == "dialog" and "action" not in form.attrs
    assert not doc.find_all(lambda el: el.tag == "dialog")
    # Until the glue runs the form is disabled: without JavaScript it does not look usable.
    # (The form's own fieldset; a choice field is a fieldset inside it, disabled with it.)
    (fieldset,) = [el for el in form.by_tag("fieldset") if "data-checker-until-js" in el.attrs]
    assert "disabled" in fieldset.attrs
    assert all("disabled" in b.attrs for b in form.by_tag("button"))
    summary = doc.find_all(lambda el: el.attrs.get("id") == "rules-used")
    assert summary, "no static summary of the rules"


def test_404_page(built_site: Path) -> None:
    page = built_site / "404.html"
    assert page.is_file()
    doc = parse_file(page)
    text = doc.first_class("md-content").clean_text()
    assert "找不到这个页面" in text
    assert "Page not found" in text
    hrefs = {a.attrs.get("href", "") for a in doc.first_class("md-content").by_tag("a")}
    # Served at any depth, so its own links must be absolute paths.
    assert hrefs and all(h.startswith("/") for h in hrefs)
    assert not (built_site / "en" / "404.html").exists()


@pytest.mark.parametrize("url", EXPECTED_URLS)
def test_no_token_left_unreplaced(built_site: Path, url: str) -> None:
    text = html_file(built_site, url).read_text(encoding="utf-8")
    assert "[[" not in text and "]]" not in text


@pytest.mark.parametrize("url", ["/faq/", "/en/faq/"])
def test_faq_has_at_least_15_collapsible_questions(built_site: Path, url: str) -> None:
    doc = parse_file(html_file(built_site, url))
    questions = doc.find_all(
        lambda el: el.tag == "details" and "question" in el.attrs.get("class", "").split()
    )
    assert len(questions) >= 15
    assert all("open" not in q.attrs for q in questions)


@pytest.mark.parametrize("url", ["/guide/reload/", "/en/guide/reload/"])
def test_reload_channels_are_content_tabs(built_site: Path, url: str) -> None:
    doc = parse_file(html_file(built_site, url))
    (tabs,) = doc.by_class("tabbed-set")
    labels = [label.clean_text() for label in tabs.first_class("tabbed-labels").by_tag("label")]
    assert len(labels) == 8
