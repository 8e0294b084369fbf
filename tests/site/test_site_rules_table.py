"""The generated rules page shows exactly the checker's data, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitehtml import Element, parse_file

from checker import messages
from checker.rules import (
    CARRIERS,
    CHECKER_RULES,
    Confidence,
    Rule,
    Source,
    format_rule,
    format_value,
    rule,
)
from hooks import rules_page as hook

pytestmark = pytest.mark.site

REPO = Path(__file__).resolve().parents[2]

PAGES = {"zh": "rules/index.html", "en": "en/rules/index.html"}

SECTIONS = [(f"carrier-{key}", carrier.rules) for key, carrier in CARRIERS.items()]
SECTIONS.append(("guide-facts", hook.GUIDE_RULES))
SECTIONS.append(("checker", CHECKER_RULES))

CASES = [
    pytest.param(lang, section, found, id=f"{lang}-{found.key}")
    for lang in PAGES
    for section, rules in SECTIONS
    for found in rules
]


def rules_page(site: Path, lang: str) -> Element:
    return parse_file(site / PAGES[lang])


def row_of(site: Path, lang: str, key: str) -> Element:
    rows = rules_page(site, lang).find_all(lambda el: el.attrs.get("id") == f"rule-{key}")
    assert len(rows) == 1, f"{lang}: {len(rows)} rows for {key}"
    return rows[0]


def listed_sources(container: Element) -> list[tuple[str, str, str, str]]:
    lists = [
        el
        for el in container.direct_children("ul", "p")
        if "rule-sources" in el.attrs.get("class", "")
    ]
    assert len(lists) == 1
    return [
        (
            li.by_tag("a")[0].attrs["href"],
            li.by_tag("a")[0].clean_text(),
            li.attrs["data-confidence"],
            li.by_tag("time")[0].attrs["datetime"],
        )
        for li in lists[0].by_tag("li")
    ]


def expected_sources(sources: tuple[Source, ...], lang: str) -> list[tuple[str, str, str, str]]:
    """As the row lists them: in Chinese the Chinese title, the page's own name after it."""
    return [(s.url, s.label(lang), s.confidence.value, s.checked.isoformat()) for s in sources]


def label(confidence: Confidence, lang: str) -> str:
    return hook.confidence_label(confidence, lang)


def test_every_confidence_level_has_two_distinct_labels() -> None:
    for lang in PAGES:
        labels = [label(level, lang) for level in Confidence]
        assert len(set(labels)) == len(Confidence)


@pytest.mark.parametrize("lang", PAGES)
@pytest.mark.parametrize(("section", "rules"), SECTIONS, ids=[s for s, _ in SECTIONS])
def test_sections_hold_exactly_their_rules(
    built_site: Path, lang: str, section: str, rules: tuple[Rule, ...]
) -> None:
    doc = rules_page(built_site, lang)
    (table,) = doc.find_all(lambda el: el.attrs.get("data-section") == section)
    keys = [tr.attrs["data-rule"] for tr in table.by_tag("tr") if "data-rule" in tr.attrs]
    assert keys == [found.key for found in rules]
    heading = doc.find_all(
        lambda el: (
            el.tag == "h2"
            and el.attrs.get("id") == section.replace("checker", "checker-assumptions")
        )
    )
    assert heading, f"no heading for {section}"


@pytest.mark.parametrize(("lang", "section", "found"), CASES)
def test_row_equals_the_checker_data(
    built_site: Path, lang: str, section: str, found: Rule
) -> None:
    row = row_of(built_site, lang, found.key)
    assert row.attrs["data-value"] == ("" if found.value is None else str(found.value))
    assert row.attrs["data-unit"] == found.unit
    assert row.attrs["data-confidence"] == found.confidence.value

    name = row.first_class("rule-name").clean_text()
    assert name == found.name.get(lang)

    value = row.first_class("rule-value").clean_text()
    if found.value is None and not found.by_amount:
        assert value == messages.text("rules.no_value", lang)
    else:
        assert value == format_rule(found, lang)
    by_amount = " ".join(f"{r.amount}:{r.value}" for r in found.by_amount)
    assert row.attrs.get("data-by-amount", "") == by_amount

    summary = row.first_class("rule-summary")
    assert summary.clean_text().startswith(" ".join(found.summary.get(lang).split()))

    sources_cell = row.first_class("rule-source-cell")
    if found.sources:
        assert listed_sources(sources_cell) == expected_sources(found.sources, lang)
    else:
        assert sources_cell.first_class("rule-sources--none")

    assert row.first_class("rule-confidence").clean_text() == label(found.confidence, lang)

    conflicts = summary.by_class("rule-conflict")
    assert len(conflicts) == len(found.conflicts)
    for shown, conflict in zip(conflicts, found.conflicts, strict=True):
        expected_value = "" if conflict.value is None else str(conflict.value)
        assert shown.attrs["data-value"] == expected_value
        text = shown.clean_text()
        assert " ".join(conflict.note.get(lang).split()) in text
        if conflict.value is not None:
            assert format_value(conflict.value, found.unit, lang) in text
        if conflict.sources:
            assert listed_sources(shown) == expected_sources(conflict.sources, lang)
        else:
            assert shown.first_class("rule-sources--none")


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("zh", "30 比索：15 天；60、100 比索：30 天；200 比索：60 天"),
        ("en", "PHP 30: 15 days; PHP 60, 100: 30 days; PHP 200: 60 days"),
    ],
)
def test_pasaload_validity_row_shows_every_amount_and_its_sources(
    built_site: Path, lang: str, shown: str
) -> None:
    # Written out, not computed, so that a change of the data or the formatting is seen here.
    row = row_of(built_site, lang, "pasaload_validity")
    assert row.attrs["data-by-amount"] == "30:15 60:30 100:30 200:60"
    assert row.first_class("rule-value").clean_text() == shown
    assert row.attrs["data-confidence"] == "official"
    hrefs = [href for href, *_ in listed_sources(row.first_class("rule-source-cell"))]
    assert hrefs == [s.url for s in rule("pasaload_validity").sources]
    assert "help.smart.com.ph/article/prepaid-reload-options-while-roaming" in " ".join(hrefs)
