"""Every carrier the checker dates: the rules data, the reader's choice, the dates, the CLI.

Standard library, pytest and hypothesis only: this file also runs under Pyodide.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import web
from checker.carrier_choice import choose
from checker.carriers import CARRIERS, CHOICES, DEFAULT_CARRIER, every_rule, rule
from checker.cli import main
from checker.dates import add_years
from checker.estimate import ReloadKind, estimate
from checker.messages import message
from checker.phone import parse_phone
from checker.rules import CHECKER_RULES, Confidence
from testsupport.checks import answered, refused

TODAY = "2026-11-26"
CHECKER_KEYS = {r.key for r in CHECKER_RULES}

# One engine case per carrier group: (carrier, last reload, zero balance since, status,
# balance ends, earliest disconnection). Regular reloads, the default 30-day margin.
ENGINE = [
    ("smart", "2026-03-15", None, "ok", "2027-03-15", "2027-07-13"),  # + 120 days
    ("globe", "2026-03-15", None, "ok", "2027-03-15", "2027-05-14"),  # + 60, the conservative
    ("dito", "2026-03-15", None, "ok", "2027-03-15", "2027-06-13"),  # + 90
    ("gomo", "2026-03-15", None, "ok", "2027-03-15", "2027-03-15"),  # a year, no payment
    ("dito", "2026-03-15", "2026-10-01", "grace", "2026-10-01", "2026-12-30"),  # under PHP 1
    ("globe", "2026-03-15", "2026-10-01", "grace", "2026-10-01", "2026-11-30"),
    ("globe", "2026-03-15", "2026-08-01", "deactivated", "2026-08-01", "2026-09-30"),
    # GOMO: a zero balance does not end the line; a year without a paid transaction does.
    ("gomo", "2026-03-15", "2026-10-01", "grace", "2026-10-01", "2027-03-15"),
    ("gomo", "2025-11-26", None, "deactivated", "2026-11-26", "2026-11-26"),  # the day itself
    ("smart", "2024-02-29", None, "deactivated", "2025-02-28", "2025-06-28"),
]


@pytest.mark.parametrize(("key", "last", "zero", "status", "ends", "lost"), ENGINE)
def test_one_engine_case_per_carrier(
    key: str, last: str, zero: str | None, status: str, ends: str, lost: str
) -> None:
    answer = web.next_reload(last, zero_balance_since=zero, today=TODAY, lang="en", carrier=key)
    assert answer["ok"], answer
    assert (answer["carrier"], answer["status"]) == (key, status)
    assert (answer["balance_ends"], answer["deactivates_on"]) == (ends, lost)
    assert answer["carrier_name"] == message(f"carrier.{key}", "en")


def test_the_engine_table_covers_every_carrier() -> None:
    assert {row[0] for row in ENGINE} == set(CARRIERS)


@pytest.mark.parametrize("key", [k for k in CARRIERS if k != DEFAULT_CARRIER])
def test_a_carriers_assumptions_name_its_own_rules(key: str) -> None:
    answer = answered(web.next_reload("2026-03-15", today=TODAY, lang="en", carrier=key))
    for item in answer["assumptions"]:
        assert item["rule"].startswith(f"{key}.") or item["rule"] in CHECKER_KEYS, item
        assert rule(item["rule"]).key == item["rule"]
    for source in answer["sources"]:
        assert source["rule"].startswith(f"{key}."), source


def test_globe_uses_the_most_conservative_figure_and_says_so() -> None:
    grace = rule("globe.deactivation_after_balance_ends")
    assert grace.confidence is Confidence.CONFLICT
    assert all(c.value is not None and c.value > (grace.value or 0) for c in grace.conflicts)
    answer = answered(web.next_reload("2026-03-15", today=TODAY, lang="en", carrier="globe"))
    said = next(a for a in answer["assumptions"] if a["code"] == "assumption.deactivation.globe")
    for figure in (grace.value, *(c.value for c in grace.conflicts)):
        assert f"{figure} days" in said["message"]


@pytest.mark.parametrize("item", every_rule(), ids=lambda r: r.key)
def test_a_conflicts_figure_is_never_the_conservative_one(item) -> None:  # type: ignore[no-untyped-def]
    # The rule's own figure is what the checker uses: the line ends soonest by it.
    for conflict in item.conflicts:
        both = isinstance(item.value, int) and isinstance(conflict.value, int)
        if both and item.key.endswith("after_balance_ends"):
            assert conflict.value > item.value, item.key


@pytest.mark.parametrize("key", list(CARRIERS))
def test_every_carrier_has_what_its_readers_need(key: str) -> None:
    rules = CARRIERS[key]
    assert rules.rule("load_validity").value == 1
    ends = [r for r in rules.rules if r.key.endswith(("after_balance_ends", "no_paid_transaction"))]
    assert len(ends) == 1
    for item in rules.rules:
        assert item.key == (
            item.key if key == DEFAULT_CARRIER else f"{key}.{item.key[len(key) + 1 :]}"
        )
        for source in item.sources:
            assert source.checked <= date(2026, 12, 3)


def test_pasaload_is_dated_for_smart_only() -> None:
    answer = refused(
        web.next_reload(
            "2026-11-01",
            amount="100",
            today=TODAY,
            lang="en",
            reload_kind="pasaload",
            carrier="dito",
        )
    )
    assert (answer["ok"], answer["code"], answer["field"]) == (
        False,
        "pasaload.smart_only",
        "reload_kind",
    )


# (carrier field, phone) -> (candidates, basis)
CHOICE_TABLE = [
    ("auto", "0917 123 4567", ("globe",), "number"),
    ("", "0918 123 4567", ("smart",), "number"),
    (None, "0940 123 4567", ("smart",), "number"),  # Sun: Smart's rules
    ("auto", "0924 123 4567", ("dito", "smart"), "conflict"),
    ("auto", "0980 123 4567", ("smart",), "default"),  # no source lists it
    ("auto", None, ("smart",), "default"),
    ("gomo", "0917 123 4567", ("gomo",), "chosen"),
    (" DITO ", "0918 123 4567", ("dito",), "chosen"),
]


@pytest.mark.parametrize(("value", "phone", "candidates", "basis"), CHOICE_TABLE)
def test_the_carrier_follows_the_number_unless_chosen(
    value: str | None, phone: str | None, candidates: tuple[str, ...], basis: str
) -> None:
    choice = choose(value, None if phone is None else parse_phone(phone))
    assert (choice.candidates, choice.basis) == (candidates, basis)


# (phone, carrier chosen) -> whether the status warns that the prefix points elsewhere
MISMATCH_TABLE = [
    ("0917 123 4567", "smart", True),  # a Globe prefix, Smart's rules: ported, perhaps
    ("0917 123 4567", "gomo", False),  # GOMO uses Globe's prefixes
    ("0917 123 4567", "globe", False),
    ("0918 123 4567", "gomo", True),  # a Smart prefix is not GOMO's
    ("0918 123 4567", "globe", True),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("phone", "chosen", "warns"), MISMATCH_TABLE)
def test_gomo_on_a_globe_prefix_is_no_mismatch(
    lang: str, phone: str, chosen: str, warns: bool
) -> None:
    form = {"phone": phone, "last_reload": "2026-11-01", "carrier": chosen}
    found = web.check_form(form, today=TODAY, lang=lang)["estimate"]
    assert found is not None, form
    answer = answered(found)
    assert answer["carrier"] == chosen
    assert answer["status_warnings"] == (["phone.carrier_mismatch"] if warns else [])
    assert len(answer["status_warning_messages"]) == len(answer["status_warnings"])


def test_a_conflicting_prefix_is_dated_by_the_soonest_carrier() -> None:
    # 0924: DITO (libphonenumber) or Sun (the lists): DITO's 90 days come before Smart's 120.
    answer = answered(web.next_reload("2026-03-15", today=TODAY, lang="en", phone="0924 123 4567"))
    assert answer["carrier"] == "dito"
    assert answer["assumptions"][0]["code"] == "assumption.carrier.conflict"
    assert "DITO / Sun" in answer["assumptions"][0]["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("bad", ["tm", "sun", "globe/tm", "x" * 65, 7, ["smart"]])
def test_an_unknown_carrier_is_an_error_beside_its_field(lang: str, bad: object) -> None:
    form = {"last_reload": "2026-03-15", "phone": "0917 123 4567", "amount": "100", "carrier": bad}
    result = web.check_form(form, today=TODAY, lang=lang)
    assert result["estimate"] is not None, result
    error = refused(result["estimate"])
    assert (error["ok"], error["field"]) == (False, "carrier")
    assert error["code"] in {"carrier.unknown", "input.too_long", "input.not_text"}
    # Nothing else in the form is lost: the number and the amount still answer.
    number, amount = result["number"], result["amount"]
    assert number is not None and number["ok"] and amount is not None and amount["ok"], result


def test_the_carrier_field_is_a_choice_defaulting_to_the_number() -> None:
    (field,) = [f for f in web.FIELDS if f.name == "carrier"]
    assert (field.kind, field.default, field.options) == ("choice", "auto", CHOICES)


@settings(deadline=None, max_examples=150)
@given(
    last=st.dates(date(2019, 1, 1), date(2026, 11, 26)),
    zero_after=st.none() | st.integers(0, 400),
    margin=st.integers(0, 90),
    kind=st.sampled_from([ReloadKind.REGULAR, ReloadKind.PROMO]),
)
def test_smarts_answers_are_unchanged(
    last: date, zero_after: int | None, margin: int, kind: ReloadKind
) -> None:
    # A Smart number, Smart chosen, or no number: the dates are the ones Smart always had.
    today = date(2026, 11, 26)
    zero = None if zero_after is None else min(last + timedelta(days=zero_after), today)
    base = estimate(last, today=today, zero_balance_since=zero, margin_days=margin, kind=kind)
    for carrier, phone in [(None, None), ("smart", None), ("auto", "0918 123 4567")]:
        answer = web.next_reload(
            last.isoformat(), margin_days=margin,
            zero_balance_since=None if zero is None else zero.isoformat(),
            today=today.isoformat(), lang="en", reload_kind=str(kind), carrier=carrier, phone=phone,
        )  # fmt: skip
        assert answer["ok"], answer
        assert answer["carrier"] == "smart"
        assert answer["reload_by"] == (base.reload_by and base.reload_by.isoformat())
        assert answer["deactivates_on"] == (base.deactivates_on and base.deactivates_on.isoformat())
        assert [a["rule"] for a in answer["assumptions"][1:]] == [a.rule for a in base.assumptions]


@settings(deadline=None, max_examples=150)
@given(
    last=st.dates(date(2019, 1, 1), date(2026, 11, 26)),
    zero_after=st.none() | st.integers(0, 400),
)
def test_the_conservative_figures_never_date_a_line_later_than_smarts(
    last: date, zero_after: int | None
) -> None:
    today = date(2026, 11, 26)
    zero = None if zero_after is None else min(last + timedelta(days=zero_after), today)
    smart = estimate(last, today=today, zero_balance_since=zero)
    # GOMO's line outlives a zero balance (a year without paying ends it), so it is compared
    # only where the balance lasts the year.
    for key in ("globe", "dito") if zero is not None else ("globe", "dito", "gomo"):
        other = estimate(last, today=today, zero_balance_since=zero, carrier_key=key)
        assert other.reload_by == smart.reload_by  # every load lasts the JMC's year
        assert other.deactivates_on is not None and smart.deactivates_on is not None
        assert other.deactivates_on <= smart.deactivates_on
        assert other.deactivates_on <= add_years(last, 1) + timedelta(days=120)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    status = main(["next", "--today", TODAY, "--json", *argv])
    return status, json.loads(capsys.readouterr().out)


def test_cli_carrier(capsys: pytest.CaptureFixture[str]) -> None:
    status, answer = _cli(capsys, "--last-reload", "2026-03-15", "--carrier", "globe")
    assert (status, answer["carrier"], answer["deactivates_on"]) == (0, "globe", "2027-05-14")


def test_cli_phone_defaults_the_carrier(capsys: pytest.CaptureFixture[str]) -> None:
    status, answer = _cli(capsys, "--last-reload", "2026-03-15", "--phone", "0991 123 4567")
    assert (status, answer["carrier"]) == (0, "dito")
    status, answer = _cli(
        capsys, "--last-reload", "2026-03-15", "--phone", "0991 123 4567", "--carrier", "smart"
    )
    assert (status, answer["carrier"]) == (0, "smart")


@pytest.mark.parametrize(
    ("argv", "code", "field"),
    [
        (("--carrier", "tm"), "carrier.unknown", "carrier"),
        (("--phone", "02 8123 4567"), "phone.not_mobile", "phone"),
    ],
)
def test_cli_bad_carrier_or_phone_is_exit_1_with_the_json(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], code: str, field: str
) -> None:
    status, answer = _cli(capsys, "--last-reload", "2026-03-15", *argv)
    assert (status, answer["ok"], answer["code"], answer["field"]) == (1, False, code, field)


@pytest.mark.parametrize("key", list(CARRIERS))
def test_summary_and_calendar_name_the_carrier(key: str) -> None:
    form = {"last_reload": "2026-11-01", "carrier": key}
    summary = web.check_form(form, today=TODAY, lang="zh")["summary"]
    assert summary is not None
    assert message(f"carrier.{key}", "zh") in summary
    assert summary.startswith(message(f"carrier.short.{key}", "zh"))
    ics = answered(web.calendar(form, today=TODAY, lang="zh", now="2026-11-26T00:00:00Z"))["ics"]
    unfolded = ics.replace("\r\n ", "")
    assert f"X-WR-CALNAME:{message(f'carrier.short.{key}', 'zh')} " in unfolded
    assert message(f"carrier.{key}", "zh").replace(",", "\\,") in unfolded
