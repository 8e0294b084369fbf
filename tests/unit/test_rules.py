"""The rules data: complete, sourced, and honest about what is an assumption."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from checker.carriers import every_rule
from checker.rules import (
    CARRIERS,
    CHECKER_RULES,
    UNITS,
    Confidence,
    Rule,
    format_range,
    format_rule,
    format_value,
    rule,
    value_for_amount,
)

# Every carrier's rules (checker.carriers), not only Smart's.
RULES = every_rule()


@pytest.mark.parametrize("item", RULES, ids=lambda r: r.key)
def test_every_rule_is_described_in_both_languages(item: Rule) -> None:
    assert item.name.zh and item.name.en
    assert re.search(r"[\u4e00-\u9fff]", item.summary.zh)
    assert item.summary.en
    assert item.unit in {"", "percent", *UNITS}
    assert (item.value is None and not item.by_amount) == (item.unit == "")
    assert not (item.value is not None and item.by_amount)


@pytest.mark.parametrize(
    "item", [r for r in RULES if r.confidence is not Confidence.ASSUMPTION], ids=lambda r: r.key
)
def test_carrier_rules_have_sources(item: Rule) -> None:
    assert item.sources
    for source in item.sources:
        assert source.url.startswith(("https://", "http://"))
        assert source.title


@pytest.mark.parametrize("item", CHECKER_RULES, ids=lambda r: r.key)
def test_checker_settings_are_labelled_assumptions(item: Rule) -> None:
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


@pytest.mark.parametrize(
    ("amount", "days"),
    [
        ("30", 15),
        ("60", 30),
        ("100", 30),
        ("200", 60),
        ("30.00", 15),  # the same amount written with centavos
        ("50", None),  # no documented validity
        ("300", None),
        ("0", None),
        ("29.99", None),
    ],
)
def test_pasaload_validity_by_amount(amount: str, days: int | None) -> None:
    # shared/facts/smart-prepaid.md section 9: 15 days (P30), 30 (P60, P100), 60 (P200).
    found = rule("pasaload_validity")
    assert (found.unit, found.confidence, found.value) == ("day", Confidence.OFFICIAL, None)
    assert value_for_amount(found, Decimal(amount)) == days


def test_pasaload_validity_sources_are_smarts_roaming_pages() -> None:
    urls = {s.url for s in rule("pasaload_validity").sources}
    assert (
        "https://smart.com.ph/help/article/smart-help/2021/07/14/how-to-reload-my-smart-prepaid-account-while-roaming"
        in urls
    )
    assert "https://help.smart.com.ph/article/prepaid-reload-options-while-roaming" in urls
    assert all(s.confidence is Confidence.OFFICIAL for s in rule("pasaload_validity").sources)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "PHP 30: 15 days; PHP 60, 100: 30 days; PHP 200: 60 days"),
        ("zh", "30 比索：15 天；60、100 比索：30 天；200 比索：60 天"),
    ],
)
def test_format_rule_by_amount(lang: str, text: str) -> None:
    assert format_rule(rule("pasaload_validity"), lang) == text
    assert (
        format_range(rule("pasaload_validity"), lang)
        == {"en": "15–60 days", "zh": "15～60 天"}[lang]
    )
    assert format_rule(rule("load_validity"), lang) == format_value(1, "year", lang)


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
def test_format_value(value: int | Decimal | None, unit: str, lang: str, text: str) -> None:
    assert format_value(value, unit, lang) == text


def test_the_facts_of_the_second_review() -> None:
    # Facts file sections 4 and 9 (2026-12-02); change them only with the facts file.
    assert (rule("pin_attempts").value, rule("pin_attempts").unit) == (5, "attempt")
    assert format_value(5, "attempt", "zh") == "5 次"
    assert rule("roaming_minimum_load").confidence is Confidence.CONFLICT
    (dropped,) = rule("roaming_minimum_load").conflicts
    assert dropped.sources and all(s.confidence is Confidence.COMMUNITY for s in dropped.sources)
    assert rule("roaming_grace_receiving").confidence is Confidence.UNKNOWN
    assert rule("sun_brand_status").confidence is Confidence.UNKNOWN
    assert "*133#" in rule("reload_1510_roaming").summary.en
    assert "1511" in rule("tnt_reload_code").summary.en


@pytest.mark.parametrize("item", RULES, ids=lambda r: r.key)
def test_a_summary_can_sit_in_markdown(item: Rule) -> None:
    # Pages insert summaries into Markdown: "<PIN>" would be read as an HTML tag and vanish.
    for text in (item.summary.zh, item.summary.en, item.name.zh, item.name.en):
        assert not re.search(r"[<>\[\]]", text), text
