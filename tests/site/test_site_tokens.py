"""Figures come from the rules data: tokens work, typos fail the build, nothing is retyped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from checker.rules import CHECKED, all_rules, format_value, rule
from hooks import rules_page as hook

pytestmark = pytest.mark.site

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"


GOOD = [
    ("[[rule:deactivation_after_balance_ends]]", "zh", "120 天"),
    ("[[rule:deactivation_after_balance_ends]]", "en", "120 days"),
    ("[[rule:load_validity]]", "zh", "1 年"),
    ("[[rule:load_validity]]", "en", "1 year"),
    ("[[rule:deactivation_after_balance_ends:value]]", "en", "120"),
    ("[[rule:deactivation_after_balance_ends:conflict]]", "zh", "180 天"),
    ("[[rule:roaming_minimum_load]]", "en", "PHP 100"),
    ("[[rule:amount_max]]", "zh", "10,000 比索"),
    ("[[rule:tourist_sim_validity:name]]", "en", "Validity of a tourist SIM"),
    ("[[rule:pasaload_validity]]", "zh", "30 比索：15 天；60、100 比索：30 天；200 比索：60 天"),
    ("[[rule:pasaload_validity]]", "en", "PHP 30: 15 days; PHP 60, 100: 30 days; PHP 200: 60 days"),
    ("[[rule:pasaload_validity:range]]", "zh", "15～60 天"),
    ("[[rule:pasaload_validity:confidence]]", "en", "Official"),
    ("[[confidence:assumption]]", "zh", "计算器的假设"),
    ("[[rule:pin_attempts]]", "zh", "5 次"),
    ("[[rule:pin_attempts]]", "en", "5 attempts"),
    ("[[checked]]", "en", CHECKED.isoformat()),
]

BAD = [
    "[[rule:no_such_rule]]",
    "[[rule:load_validity:colour]]",
    "[[rule:disconnected_number_lost]]",  # a statement: no value to show
    "[[rule:load_validity:conflict]]",  # no conflict
    "[[rule:pasaload_validity:value]]",  # a figure by amount: no single value
    "[[rule:load_validity:range]]",  # one value: no range
    "[[rules-tabel]]",
    "[[rule:]]",
    "[[confidence:sure]]",
    "[[ruel:load_validity]]",
]


@pytest.mark.parametrize(("token", "lang", "expected"), GOOD)
def test_token_renders_from_the_data(token: str, lang: str, expected: str) -> None:
    assert hook.replace_tokens(f"a {token} b", lang) == f"a {expected} b"


# Pages write a space on both sides of a token; in Chinese it must not end up between two
# Chinese characters (or after a full-width stop), where a reader sees a stray gap.
SPACING = [
    ("宽限期 [[rule:deactivation_after_balance_ends]] 的", "zh", "宽限期 120 天的"),
    ("余额结束后 [[rule:deactivation_after_balance_ends]] 内", "zh", "余额结束后 120 天内"),
    ("有效 [[rule:load_validity]]。", "zh", "有效 1 年。"),
    ("有效 [[rule:load_validity]]，", "zh", "有效 1 年，"),
    ("输错 [[rule:pin_attempts]] 后", "zh", "输错 5 次后"),
    ("最多 [[rule:roaming_minimum_load]] 话费", "zh", "最多 100 比索话费"),
    ("Smart [[rule:load_validity]] x", "zh", "Smart 1 年 x"),
    ("**不能。** [[rule:incoming_not_activity:summary]] 要", "zh", "**不能。**没有任何来源"),
    ("[[rule:incoming_not_activity:summary]] 要保号", "zh", "计算器假定不算。要保号"),
    ("[[rule:multi_sim:summary]] [[rule:multi_sim:sources]]", "zh", "办法。来源："),
    ("[[rule:tourist_sim_validity:summary]] Smart 说", "zh", "也无法延长。Smart 说"),
    ("（[[rule:load_validity]]）", "zh", "（1 年）"),
    ("拨 `*123#` [[rule:load_validity]] 后", "zh", "拨 `*123#` 1 年后"),
    ("after [[rule:deactivation_after_balance_ends]] of grace", "en", "after 120 days of grace"),
]


@pytest.mark.parametrize(("markdown", "lang", "expected"), SPACING)
def test_no_stray_space_around_a_figure_in_chinese(markdown: str, lang: str, expected: str) -> None:
    assert expected in hook.replace_tokens(markdown, lang)


def test_sources_token_links_every_source() -> None:
    found = rule("pin_attempts")
    for lang in ("zh", "en"):
        text = hook.replace_tokens("[[rule:pin_attempts:sources]]", lang)
        for source in found.sources:
            assert f"[{source.label(lang)}]({source.url})" in text


@pytest.mark.parametrize("token", BAD)
def test_unknown_token_fails_the_build(token: str) -> None:
    with pytest.raises(PluginError):
        hook.replace_tokens(f"text {token} text", "zh", "page.md")


def test_unknown_language_fails() -> None:
    with pytest.raises(PluginError):
        hook.replace_tokens("[[rule:load_validity]]", "fr")


def _forbidden_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each figure of the rules data, as a page would write it by hand."""
    words = {
        "day": r"(?:天|日|days?\b|-day\b)",
        "year": r"(?:年|years?\b|-year\b)",
        "attempt": r"(?:次|(?:wrong )?(?:attempts?|PINs?|tries)\b)",
        "percent": r"(?:%|％|percent\b|per cent\b)",
    }
    patterns: list[tuple[str, re.Pattern[str]]] = [
        ("365", re.compile(r"(?<![\d.,])365(?![\d,])")),
        ("一年", re.compile(r"一年(?!规则)")),
        ("one year", re.compile(r"(?<!#)\bone[ -]year\b(?! rule)", re.I)),
    ]
    for found in all_rules():
        values = [(found.value, found.unit)]
        values += [(c.value, found.unit) for c in found.conflicts]
        values += [(row.value, found.unit) for row in found.by_amount]
        for value, unit in values:
            if value is None or not unit:
                continue
            number = rf"(?<![\d.,]){value:,}(?![\d,])".replace(",", ",?")
            if unit == "php":
                regex = rf"(?:PHP|₱|\bP)\s*{number}|{number}\s*(?:比索|pesos?\b)"
            else:
                regex = rf"{number}\s*{words[unit]}"
            label = format_value(value, unit, "en")
            patterns.append((label, re.compile(regex, re.I)))
    return patterns


PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_no_figure_of_the_rules_is_typed_by_hand(page: Path) -> None:
    text = hook.TOKEN.sub(" ", page.read_text(encoding="utf-8"))
    hits = [
        (label, match.group(0))
        for label, pattern in _forbidden_patterns()
        for match in pattern.finditer(text)
    ]
    assert hits == []


def test_the_hand_typed_check_would_catch_a_figure() -> None:
    patterns = _forbidden_patterns()
    for sample in ["宽限期 120 天", "after 180 days", "keep PHP 100", "valid for 1 year", "₱200"]:
        assert any(p.search(sample) for _, p in patterns), sample
    assert rule("deactivation_after_balance_ends").value == 120
