"""The rules data: complete, sourced, and honest about what is an assumption."""

from __future__ import annotations

import re

import pytest

from checker.rules import CARRIERS, CHECKER_RULES, Confidence, all_rules, format_value, rule

RULES = all_rules()


@pytest.mark.parametrize("item", RULES, ids=lambda r: r.key)
def test_every_rule_is_described_in_both_languages(item) -> None:
    assert item.name.zh and item.name.en
    assert re.search(r"[\u4e00-\u9fff]", item.summary.zh)
    assert item.summary.en
    assert item.unit in {"", "year", "day", "php"}
    assert (item.value is None) == (item.unit == "")


@pytest.mark.parametrize(
    "item", [r for r in RULES if r.confidence is not Confidence.ASSUMPTION], ids=lambda r: r.key
)
def test_carrier_rules_have_sources(item) -> None:
    assert item.sources
    for source in item.sources:
        assert source.url.startswith(("https://", "http://"))
        assert source.title


@pytest.mark.parametrize("item", CHECKER_RULES, ids=lambda r: r.key)
def test_checker_settings_are_labelled_assumptions(item) -> None:
    assert item.confidence is Confidence.ASSUMPTION


def test_no_seller_or_telegram_source() -> None:
    urls = [
        s.url for r in RULES for s in r.sources + tuple(x for c in r.conflicts for x in c.sources)
    ]
    assert not [u for u in urls if re.search(r"t\.me/|telegram|esim1088", u, re.IGNORECASE)]


def test_the_facts_the_checker_rests_on() -> None:
    # From shared/facts/smart-prepaid.md; change them only with the facts file.
    assert (rule("load_validity").value, rule("load_validity").unit) == (1, "year")
    deactivation = rule("deactivation_after_balance_ends")
    assert (deactivation.value, deactivation.unit, deactivation.confidence) == (
        120,
        "day",
        Confidence.OFFICIAL,
    )
    assert [c.value for c in deactivation.conflicts] == [180]
    assert rule("amount_max").value == 10000
    assert rule("safety_margin").value == 30
    assert rule("safety_margin_max").value == 90


def test_brands_share_the_carrier_rules() -> None:
    assert CARRIERS["smart"].brands == ("Smart Prepaid", "TNT", "Sun")


def test_unknown_rule() -> None:
    with pytest.raises(KeyError):
        rule("no_such_rule")


@pytest.mark.parametrize(
    ("value", "unit", "lang", "text"),
    [
        (1, "year", "en", "1 year"),
        (2, "year", "en", "2 years"),
        (1, "year", "zh", "1 年"),
        (120, "day", "zh", "120 天"),
        (120, "day", "en", "120 days"),
        (10000, "php", "zh", "10,000 比索"),
        (10000, "php", "en", "PHP 10,000"),
        (None, "", "en", ""),
    ],
)
def test_format_value(value, unit: str, lang: str, text: str) -> None:
    assert format_value(value, unit, lang) == text
