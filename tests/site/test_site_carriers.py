"""The carriers page in the real build: every carrier's rules and the prefix table, made from
the checker's data in both languages, and the home and numbers pages pointing to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitehtml import Element, parse_file

from checker.carrier_choice import choose
from checker.carriers import CARRIERS
from checker.messages import text
from checker.phone import parse_phone
from checker.prefixes import allocations
from checker.rules import format_value
from hooks.carrier_facts import CARRIER_FACTS

LANGS = {"zh": "", "en": "en/"}


def _page(site: Path, lang: str, page: str) -> Element:
    return parse_file(site / LANGS[lang] / page / "index.html").first_class("md-content")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", [k for k in CARRIERS if k != "smart"])
def test_each_carrier_has_its_table_with_every_rule(built_site: Path, lang: str, key: str) -> None:
    page = _page(built_site, lang, "guide/carriers/")
    (table,) = page.find_all(lambda el: el.attrs.get("data-section") == f"carrier-{key}")
    rows = [el.attrs["data-rule"] for el in table.iter() if "data-rule" in el.attrs]
    expected = [r.key for r in CARRIERS[key].rules + CARRIER_FACTS.get(key, ())]
    assert rows == expected
    for found in CARRIERS[key].rules:
        if found.value is not None:
            assert format_value(found.value, found.unit, lang) in table.clean_text()


@pytest.mark.parametrize("lang", LANGS)
def test_globes_page_shows_every_figure_of_the_conflict(built_site: Path, lang: str) -> None:
    page = _page(built_site, lang, "guide/carriers/")
    (row,) = page.find_all(
        lambda el: el.attrs.get("id") == "rule-globe.deactivation_after_balance_ends"
    )
    figures = {el.attrs["data-value"] for el in row.iter() if "data-value" in el.attrs}
    assert figures == {"60", "120", "365"}


# (prefix, names shown, the rules the checker uses): the four libphonenumber refused, the
# conflicts, one of each carrier.
PREFIXES = [
    ("0904", {"Globe"}, "globe"),
    ("0913", {"Smart"}, "smart"),
    ("0940", {"Sun"}, "smart"),
    ("0941", {"Sun"}, "smart"),
    ("0924", {"DITO", "Sun"}, None),
    ("0994", {"DITO", "Globe"}, None),
    ("0917", {"Globe"}, "globe"),
    ("0991", {"DITO"}, "dito"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("prefix", "names", "used"), PREFIXES)
def test_the_prefix_table_is_the_checkers(
    built_site: Path, lang: str, prefix: str, names: set[str], used: str | None
) -> None:
    page = _page(built_site, lang, "guide/carriers/")
    (row,) = page.find_all(lambda el: el.attrs.get("data-prefix") == prefix)
    shown = {el.text() for el in row.by_tag("strong")}
    assert shown == names == {a.name for a in allocations(prefix[1:] + "1234567")}
    cells = row.by_tag("td")
    expected = text(f"carrier.{used}", lang) if used else text("rules.prefix_soonest", lang)
    assert cells[-1].clean_text() == expected
    # The page's word is the checker's answer: one carrier, or the soonest of several.
    choice = choose("auto", parse_phone(prefix + "1234567"))
    assert (choice.basis == "conflict") is (used is None)
    # Each name links to its sources.
    assert all(li.by_tag("a") for li in row.by_tag("li"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["", "guide/numbers/"])
def test_home_and_numbers_pages_say_which_carriers_are_covered(
    built_site: Path, lang: str, page: str
) -> None:
    body = _page(built_site, lang, page)
    words = body.clean_text()
    for name in ("Smart", "Globe", "TM", "GOMO", "DITO"):
        assert name in words, name
    links = [a.attrs.get("href", "") for a in body.by_tag("a")]
    assert any("carriers/" in href for href in links), links
