"""The guide and FAQ state each fact of issue 13 from the rules data, with its source.

Every fact below is a rule in ``checker.rules``; the page that answers a reader's question
shows the rule's figure (or its statement) and links the rule's sources, in both languages.
The Chinese pages also read as Chinese: no space between two Chinese characters.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitehtml import Element, parse_file

from checker.rules import Rule, format_range, format_rule
from checker.rules import rule as checker_rule
from hooks.guide_facts import GUIDE_RULES

pytestmark = pytest.mark.site

REPO = Path(__file__).resolve().parents[2]


def rule(key: str) -> Rule:
    """A rule of the checker, or a fact of the guide (hooks/guide_facts.py)."""
    found = [fact for fact in GUIDE_RULES if fact.key == key]
    return found[0] if found else checker_rule(key)


LANGS = {"zh": "", "en": "en/"}

# (rule key, page that states it, what it must show: "figure", "range" or "summary").
FACTS = [
    ("pasaload_validity", "guide/validity/", "figure"),
    ("pasaload_validity", "faq/", "figure"),
    ("pasaload_validity", "guide/reload/", "range"),
    ("reload_1510_roaming", "guide/reload/", "summary"),
    ("tnt_reload_code", "guide/reload/", "summary"),
    ("pin_attempts", "guide/reload/", "figure"),
    ("pin_attempts", "faq/", "figure"),
    ("roaming_minimum_load", "guide/reload/", "figure"),
    ("roaming_grace_receiving", "guide/validity/", "summary"),
    ("sun_brand_status", "guide/numbers/", "summary"),
    ("multi_sim", "guide/validity/", "summary"),
    ("multi_sim", "faq/", "summary"),
    ("codes_not_arriving", "faq/", "summary"),
    ("sim_replacement", "faq/", "summary"),
    ("recycled_number", "faq/", "summary"),
    ("self_service_kiosk", "faq/", "summary"),
    ("self_service_kiosk", "guide/reload/", "summary"),
    ("overseas_distributors", "faq/", "summary"),
    ("tourist_sim_validity", "faq/", "figure"),
]


def content(site: Path, lang: str, page: str) -> Element:
    return parse_file(site / LANGS[lang] / page / "index.html").first_class("md-content")


def expected_text(key: str, what: str, lang: str) -> str:
    found = rule(key)
    if what == "range":
        return format_range(found, lang)
    if what == "figure":
        return format_rule(found, lang)
    return found.summary.get(lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("key", "page", "what"), FACTS)
def test_page_states_the_fact_and_links_its_source(
    built_site: Path, lang: str, key: str, page: str, what: str
) -> None:
    main = content(built_site, lang, page)
    assert expected_text(key, what, lang) in main.clean_text(), f"{key} not on {lang} {page}"
    hrefs = {a.attrs.get("href", "") for a in main.by_tag("a")}
    sources = rule(key).sources
    assert sources, key
    assert any(source.url in hrefs for source in sources), f"no source of {key} on {page}"


def test_the_roaming_minimum_is_shown_as_a_conflict(built_site: Path) -> None:
    found = rule("roaming_minimum_load")
    for lang in LANGS:
        text = content(built_site, lang, "guide/reload/").clean_text()
        assert format_rule(found, lang) in text
        assert found.conflicts[0].note.get(lang) in text
    (row,) = [
        el
        for el in content(built_site, "en", "rules/").by_tag("tr")
        if el.attrs.get("data-rule") == "roaming_minimum_load"
    ]
    links = {a.attrs["href"] for a in row.by_class("rule-conflict")[0].by_tag("a")}
    assert {s.url for s in found.conflicts[0].sources} <= links


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "anchor",
    [
        "faq-roaming-codes",
        "faq-codes-missing",
        "faq-lost-sim",
        "faq-tourist-mistake",
        "faq-move-logins",
        "faq-overseas-load",
        "faq-kiosk",
        "glossary",
    ],
)
def test_home_links_the_readers_questions(built_site: Path, lang: str, anchor: str) -> None:
    hrefs = {a.attrs.get("href", "") for a in content(built_site, lang, "").by_tag("a")}
    assert f"faq/#{anchor}" in hrefs
    ids = {el.attrs.get("id") for el in content(built_site, lang, "faq/").iter()}
    assert anchor in ids


def test_glossary_has_chinese_smart_english_and_english(built_site: Path) -> None:
    for lang in LANGS:
        main = content(built_site, lang, "faq/")
        tables = [t for t in main.by_tag("table") if "Regular Load" in t.clean_text()]
        assert len(tables) == 1, lang
        rows = tables[0].by_tag("tr")
        assert len(rows) > 10
        for row in rows[1:]:
            cells = [c.clean_text() for c in row.by_tag("td")]
            assert len(cells) == 3 and re.search(r"[\u4e00-\u9fff]", cells[0]), cells


# A Chinese character or CJK punctuation; a space between two of them is a stray gap.
WIDE = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
PUNCT = r"[\u3000-\u303f\uff00-\uffef]"


def visible_text(element: Element) -> str:
    """The text a reader sees, without code (commands are typed as they are)."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag in ("code", "pre"):
            parts.append("x")  # stands for the command, which is Latin text
        elif child.tag not in ("script", "style"):
            parts.append(visible_text(child))
    return "".join(parts)


ZH_PAGES = sorted(
    {p for _, p, _ in FACTS}
    | {"", "guide/balance/", "guide/avoid-failures/", "checker/", "rules/", "about/"}
)


@pytest.mark.parametrize("page", ZH_PAGES)
def test_no_stray_space_in_chinese_text(built_site: Path, page: str) -> None:
    text = visible_text(content(built_site, "zh", page))
    gaps = rf"{WIDE}[ \t]+{WIDE}|{PUNCT}[ \t]+\S|\S[ \t]+{PUNCT}"
    stray = [text[m.start() - 10 : m.end() + 10] for m in re.finditer(gaps, text)]
    assert stray == []


# Section 10 of the facts file: words that mislead a mainland reader.
# The checker page's form speaks the checker's own words (checker/messages.py), tested there.
@pytest.mark.parametrize("page", [p for p in ZH_PAGES if p != "checker/"])
def test_chinese_pages_say_it_as_a_mainland_reader_does(built_site: Path, page: str) -> None:
    text = visible_text(content(built_site, "zh", page))
    assert "回国" not in text
    # 停机 reads as a suspension that paying undoes; Smart's disconnection is permanent. The
    # glossary may name it only to say how it differs from 销号.
    sentences = re.split(r"[。！？\n]", text)
    assert [s for s in sentences if "停机" in s and "销号" not in s] == []
    assert [s for s in sentences if "国内" in s and "停机" not in s] == []


@pytest.mark.parametrize("fact", GUIDE_RULES, ids=lambda r: r.key)
def test_guide_facts_are_sourced_and_link_no_seller(fact: Rule) -> None:
    assert fact.sources and fact.summary.zh and fact.summary.en
    assert fact.value is None and fact.unit == ""
    for source in fact.sources:
        assert source.url.startswith(("https://", "http://"))
        assert not re.search(r"t\.me/|telegram", source.url, re.IGNORECASE)
    with pytest.raises(KeyError):
        checker_rule(fact.key)  # not in the checker's data, which ships in the wheel
