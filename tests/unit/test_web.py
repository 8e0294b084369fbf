"""The adapter the page calls: JSON-ready dicts, the CLI's fields, and never an exception.

The fuzz tests of the same functions are in test_web_fuzz.py.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from checker import web
from checker.date_text import format_date
from checker.messages import message
from testsupport.checks import answered, kept_lines, refused

if TYPE_CHECKING:  # the shapes are for type checkers: the wheel leaves them out
    from checker.web.shapes import ErrorAnswer, EstimateAnswer

TODAY = "2026-11-26"


def _is_json_ready(value: object) -> bool:
    return bool(json.loads(json.dumps(value)) == value)


def _estimate(
    form: dict[str, str], *, today: str = TODAY, lang: str
) -> EstimateAnswer | ErrorAnswer:
    """check_form's estimate part, given a form whose last reload is filled in."""
    result = web.check_form(form, today=today, lang=lang)["estimate"]
    assert result is not None, form
    return result


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "+63 918 123 4567",
            {"e164": "+639181234567", "national": "0918 123 4567", "network": "Smart"},
        ),
        ("０９１８１２３４５６７", {"e164": "+639181234567"}),
    ],
)
def test_check_number_ok(text: str, fields: dict[str, str]) -> None:
    result = web.check_number(text, "en")
    assert result["ok"] is True
    assert fields.items() <= result.items()
    assert "RA 11202" in result["caveat"]


@pytest.mark.parametrize(
    ("function", "args", "code", "field"),
    [
        (web.check_number, ("02 8123 4567",), "phone.not_mobile", "phone"),
        (web.check_number, ("",), "phone.empty", "phone"),
        (web.check_amount, ("1e3",), "amount.exponent", "amount"),
        (web.check_amount, ("x" * 1_000_000,), "input.too_long", "amount"),
        (web.next_reload, ("2026-02-30",), "date.not_exist", "last_reload"),
        (
            web.next_reload,
            ("2026-11-27", None, None, None, False, TODAY),
            "date.in_future",
            "last_reload",
        ),
        (
            web.next_reload,
            ("2026-03-15", "2026-03-01", None, None, False, TODAY),
            "date.zero_before_reload",
            "zero_balance_since",
        ),
        (
            web.next_reload,
            ("2026-03-15", "2026-11-27", None, None, False, TODAY),
            "date.zero_in_future",
            "zero_balance_since",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, "91", None, False, TODAY),
            "margin.out_of_range",
            "margin_days",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, "-1", None, False, TODAY),
            "margin.out_of_range",
            "margin_days",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, "9" * 40, None, False, TODAY),
            "margin.out_of_range",
            "margin_days",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, "3.5", None, False, TODAY),
            "margin.not_a_number",
            "margin_days",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, True, None, False, TODAY),
            "margin.not_a_number",
            "margin_days",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, None, "0", False, TODAY),
            "amount.not_positive",
            "amount",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, None, None, False, "today"),
            "date.unreadable",
            "today",
        ),
        (web.next_reload, ("2026-03-15", None, None, None, False, None), "date.empty", "today"),
        (web.next_reload, (), "date.empty", "last_reload"),
        # Found by fuzzing (test_web_fuzz.py): each was internal.error or named another field.
        (
            web.next_reload,
            ("2026-03-15", None, "-+5", None, False, TODAY),
            "margin.not_a_number",
            "margin_days",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, 3.5, None, False, TODAY),
            "input.not_text",
            "margin_days",
        ),
        (
            web.next_reload,
            (datetime(2026, 3, 15), None, None, None, False, TODAY),
            "input.not_text",
            "last_reload",
        ),
        (
            web.next_reload,
            ("2026-03-15", None, None, None, False, datetime(2026, 11, 26)),
            "input.not_text",
            "today",
        ),
        (
            web.next_reload,
            (date(1999, 12, 31), None, None, None, False, TODAY),
            "date.out_of_range",
            "last_reload",
        ),
    ],
)
def test_errors_are_dicts_with_a_field(
    function: Callable[..., Mapping[str, object]], args: tuple[object, ...], code: str, field: str
) -> None:
    # The table gives next_reload's arguments in their old order; it takes all but the first
    # by name.
    names = ("zero_balance_since", "margin_days", "amount", "promo", "today")
    by_name = dict(zip(names, args[1:], strict=False)) if function is web.next_reload else {}
    positional = args[:1] if by_name else args
    for lang in ("zh", "en"):
        result = function(*positional, **by_name, lang=lang)
        assert result == {"ok": False, "code": code, "message": result["message"], "field": field}
        assert result["message"]


def test_next_reload_fields() -> None:
    result = answered(
        web.next_reload("2026-03-15", margin_days="30", amount="₱300", today=TODAY, lang="en")
    )
    expected = {
        "ok": True,
        "load_expires": "2027-03-15",
        "balance_ends": "2027-03-15",
        "deactivates_on": "2027-07-13",
        "reload_by": "2027-02-13",
        "days_left": 79,
        "status": "ok",
        "amount": "300.00",
        "margin_days": 30,
        "warnings": [],
    }
    assert expected.items() <= result.items()
    assert result["status_label"] == "OK"
    assert {s["url"] for s in result["sources"]} >= {
        "https://help.smart.com.ph/article/prepaid-prepaid-call-and-text-card-expiry-and-validity",
        "https://noypigeeks.com/explained/sim-card-expiration",
    }
    assert len({s["url"] for s in result["sources"]}) == len(result["sources"])
    assert _is_json_ready(result)


@pytest.mark.parametrize(
    ("promo", "kind"),
    [
        ("on", "promo"),
        ("true", "promo"),
        (True, "promo"),
        ("", "regular"),
        (None, "regular"),
        ("off", "regular"),
    ],
)
def test_old_promo_flag_is_the_promo_kind(promo: object, kind: str) -> None:
    result = answered(web.next_reload("2026-03-15", promo=promo, today=TODAY))
    assert (result["reload_kind"], result["status"] == "unknown") == (kind, kind == "promo")


@pytest.mark.parametrize(
    ("reload_kind", "promo", "expected"),
    [
        ("regular", False, "regular"),
        ("promo", False, "promo"),
        ("pasaload", False, "pasaload"),
        (" PasaLoad ", False, "pasaload"),
        ("ＰＲＯＭＯ", False, "promo"),  # full-width, as an IME types it
        (None, True, "promo"),
        ("", "1", "promo"),
        ("regular", True, "regular"),  # the new field wins over the old flag
        ("gift", False, "kind.unknown"),
        ("promo only", False, "kind.unknown"),
        (1, False, "input.not_text"),
        ("x" * 65, False, "input.too_long"),
    ],
)
def test_reload_kind(reload_kind: object, promo: object, expected: str) -> None:
    result = web.next_reload(
        "2026-11-01", amount="100", promo=promo, today=TODAY, reload_kind=reload_kind
    )
    if result["ok"]:
        assert result["reload_kind"] == expected
    else:
        assert (result["code"], result["field"]) == (expected, "reload_kind")


@pytest.mark.parametrize(
    ("amount", "lang", "field", "expected"),
    [
        ("30", "en", "load_expires", "2026-11-16"),
        ("₱60", "en", "load_expires", "2026-12-01"),
        ("100.00", "en", "load_expires", "2026-12-01"),
        ("200", "zh", "load_expires", "2026-12-31"),
        ("200", "zh", "load_expires_label", "PasaLoad 话费有效期至"),
        ("200", "en", "load_expires_label", "PasaLoad valid until"),
        ("50", "en", "code", "pasaload.undated"),
        ("1,000", "zh", "code", "pasaload.undated"),
        ("", "en", "code", "pasaload.amount_needed"),
        (None, "zh", "code", "pasaload.amount_needed"),
        ("abc", "en", "code", "amount.not_a_number"),
    ],
)
def test_pasaload(amount: object, lang: str, field: str, expected: str) -> None:
    result = web.next_reload(
        "2026-11-01", amount=amount, today=TODAY, lang=lang, reload_kind="pasaload"
    )
    shown: Mapping[str, object] = result
    assert shown[field] == expected
    if not result["ok"]:
        assert result["field"] == "amount"
        # "cannot date it", in the reader's language, with the amounts that can be dated
        if result["code"] == "pasaload.undated":
            assert ("无法推算日期" if lang == "zh" else "cannot date it") in result["message"]
            assert ("200 比索：60 天" if lang == "zh" else "PHP 200: 60 days") in result["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_promo_is_unknown_with_its_own_words_and_no_dates(lang: str) -> None:
    result = web.next_reload("2026-11-01", today=TODAY, lang=lang, reload_kind="promo")
    assert result["ok"] is True
    assert result["status"] == "unknown"
    assert result["status_label"] == message("status.unknown", lang)
    assert result["status_label"] != message("status.ok", lang)
    dates = ("reload_by", "balance_ends", "load_expires", "deactivates_on", "days_left")
    shown: Mapping[str, object] = result
    assert [shown[name] for name in dates] == [None] * len(dates)
    assert result["days_text"] is None
    assert ("普通充值" if lang == "zh" else "regular reload") in result["status_detail"]
    summary = web.summary_text(None, result, lang=lang)
    assert "None" not in summary
    assert result["status_detail"] in summary


# --- the result never contradicts itself (issue 13, point 4) ----------------------------


@pytest.mark.parametrize(
    ("today", "lang", "days_text"),
    [
        ("2026-11-26", "en", "79 days left"),
        ("2027-02-12", "en", "1 day left"),
        ("2027-02-13", "en", "today"),
        ("2027-02-14", "en", "1 day ago"),
        ("2027-03-28", "en", "43 days ago"),
        ("2027-03-28", "zh", "已过 43 天"),
        ("2027-02-13", "zh", "就是今天"),
        ("2026-11-26", "zh", "还有 79 天"),
    ],
)
def test_days_past_a_date_are_said_in_words(today: str, lang: str, days_text: str) -> None:
    result = answered(web.next_reload("2026-03-15", today=today, lang=lang))
    assert result["days_text"] == days_text
    assert "-" not in result["days_text"]
    summary = web.summary_text(None, result, lang=lang)
    assert f"({days_text})" in summary
    assert not re.search(r"(?<![0-9-])-[0-9]", summary)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_zero_balance_gives_two_named_dates(lang: str) -> None:
    # Balance gone on 1 May; the regular load itself would have lasted until next March.
    result = answered(
        web.next_reload(
            "2026-03-15",
            zero_balance_since="2026-05-01",
            margin_days=None,
            amount=None,
            promo=False,
            today="2026-06-01",
            lang=lang,
        )
    )
    assert (result["balance_ends"], result["load_expires"]) == ("2026-05-01", "2027-03-15")
    labels = {message("label.balance_ends", lang), result["load_expires_label"]}
    assert len(labels) == 2
    assert result["load_expires_label"] == message("label.load_expires.regular", lang)
    summary = web.summary_text(None, result, lang=lang)
    said = {day: format_date(date.fromisoformat(day), lang) for day in ("2026-05-01", "2027-03-15")}
    assert f"{message('label.balance_ends', lang)}: {said['2026-05-01']}" in summary
    assert f"{result['load_expires_label']}: {said['2027-03-15']}" in summary
    # The status speaks of the balance's end, never of the later load date as the end.
    assert said["2027-03-15"] not in result["status_detail"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_chosen_carrier_the_prefix_does_not_point_to_stands_in_the_status(lang: str) -> None:
    # 0917 was first allocated to Globe; the reader says Smart (a ported number, perhaps).
    form = {"phone": "0917 123 4567", "last_reload": "2026-11-01", "carrier": "smart"}
    result = web.check_form(form, today=TODAY, lang=lang)
    number, estimate, summary = result["number"], result["estimate"], result["summary"]
    assert number is not None and number["ok"], result
    assert estimate is not None and estimate["ok"], result
    assert summary is not None, result
    assert number["warnings"] == []
    assert (estimate["status"], estimate["carrier"]) == ("ok", "smart")
    assert estimate["status_warnings"] == ["phone.carrier_mismatch"]
    assert "Globe" in estimate["status_warning_messages"][0]
    lines = summary.split("\n")
    status_line = next(
        i for i, line in enumerate(lines) if line.startswith(message("label.status", lang))
    )
    assert lines[status_line + 1] == f"! {estimate['status_warning_messages'][0]}"


def test_a_globe_number_gets_globes_rules_and_no_warning() -> None:
    form = {"phone": "0917 123 4567", "last_reload": "2026-11-01"}
    estimate = web.check_form(form, today=TODAY, lang="en")["estimate"]
    assert estimate is not None and estimate["ok"], estimate
    assert (estimate["carrier"], estimate["status_warnings"]) == ("globe", [])
    assert estimate["assumptions"][0]["code"] == "assumption.carrier.number"


def test_a_smart_number_adds_nothing_to_the_status() -> None:
    form = {"phone": "0918 123 4567", "last_reload": "2026-11-01"}
    estimate = web.check_form(form, today=TODAY, lang="en")["estimate"]
    assert estimate is not None and estimate["ok"], estimate
    assert estimate["status_warnings"] == []


def test_small_amount_warning_reaches_the_estimate() -> None:
    result = answered(web.next_reload("2026-03-15", amount="10", today=TODAY, lang="en"))
    assert result["warnings"] == ["amount.unusually_small"]
    assert "PHP 20" in result["warning_messages"][0]


def test_check_form_blank_fields_are_none() -> None:
    assert web.check_form({}, today=TODAY, lang="zh") == {
        "number": None,
        "amount": None,
        "estimate": None,
        "summary": None,
    }
    assert (
        web.check_form({"phone": "  ", "amount": "", "last_reload": ""}, today=TODAY, lang="en")[
            "number"
        ]
        is None
    )


def test_check_form_full() -> None:
    form = {
        "phone": "0918-123-4567",
        "last_reload": "2026年3月15日",
        "amount": "PHP 300",
        "promo": False,
        "zero_balance_since": "",
        "margin_days": "30",
    }
    result = web.check_form(form, today=TODAY, lang="en")
    number, amount, estimate = result["number"], result["amount"], result["estimate"]
    summary = result["summary"]
    assert number is not None and number["ok"], result
    assert amount is not None and amount["ok"], result
    assert estimate is not None and estimate["ok"], result
    assert summary is not None, result
    assert number["e164"] == "+639181234567"
    assert amount["amount"] == "300.00"
    assert estimate["reload_by"] == "2027-02-13"
    assert format_date(date(2027, 2, 13), "en") in summary
    assert "0918 123 4567" in summary
    assert _is_json_ready(result)


def test_check_form_keeps_the_estimate_when_only_the_amount_is_wrong() -> None:
    result = web.check_form({"last_reload": "2026-03-15", "amount": "abc"}, today=TODAY, lang="en")
    assert result["amount"] is not None and result["estimate"] is not None, result
    assert refused(result["amount"])["code"] == "amount.not_a_number"
    assert result["estimate"]["ok"] is True


def test_calendar() -> None:
    form = {"last_reload": "2026-03-15", "phone": "09181234567"}
    result = answered(web.calendar(form, today=TODAY, lang="en", now="2026-11-26T10:00:00Z"))
    assert result["filename"] == "smart-reload-by-2027-02-13.ics"
    late = answered(web.calendar(form, today="2027-03-01", lang="en", now="2027-03-01T10:00:00Z"))
    assert late["filename"] == "smart-reload-now-2027-03-01.ics"
    assert "DTSTAMP:20261126T100000Z" in result["ics"]
    assert "0918 123 4567" in result["ics"].replace("\r\n ", "")


@pytest.mark.parametrize(
    ("now", "stamp"),
    [
        ("2026-11-26T10:00:00+08:00", "20261126T020000Z"),
        ("2026-11-26T10:00:00", "20260315T000000Z"),  # no time zone: the last reload's date
        # Found by fuzzing: beyond year 1 or 9999 in UTC was internal.error, and a year before
        # 1000 gave a 3-digit DTSTAMP year. A clock outside the checker's dates is not used.
        ("0001-01-01T00:00:00+00:01", "20260315T000000Z"),
        ("9999-12-31T23:59:59-00:01", "20260315T000000Z"),
        ("0999-01-01T00:00:00.000Z", "20260315T000000Z"),
        ("3000-01-01T00:00:00Z", "20260315T000000Z"),
    ],
)
def test_calendar_stamp(now: str, stamp: str) -> None:
    result = answered(web.calendar({"last_reload": "2026-03-15"}, today=TODAY, lang="en", now=now))
    assert f"DTSTAMP:{stamp}\r\n" in result["ics"]


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"last_reload": "2026-03-15", "phone": "0918 123 456"}, "phone.too_short"),
        ({"last_reload": "nope"}, "date.unreadable"),
        ({}, "date.empty"),
        (
            {"last_reload": "2026-11-01", "reload_kind": "pasaload", "amount": "75"},
            "pasaload.undated",
        ),
        ({"last_reload": "2026-11-01", "reload_kind": "pasaload"}, "pasaload.amount_needed"),
        ({"last_reload": "2026-11-01", "reload_kind": "gift"}, "kind.unknown"),
        ("not a form", "date.empty"),
    ],
)
def test_calendar_errors(form: object, code: str) -> None:
    assert refused(web.calendar(form, today=TODAY, lang="zh"))["code"] == code


def test_megabyte_strings_are_refused_quickly() -> None:
    huge = "0" * 1_000_000
    assert refused(web.check_number(huge))["code"] == "input.too_long"
    assert refused(web.next_reload(huge, today=TODAY))["code"] == "input.too_long"
    estimate = web.check_form({name: huge for name in web.FIELD_NAMES}, today=TODAY)["estimate"]
    assert estimate is not None
    assert refused(estimate)["code"] == "input.too_long"


def test_decimal_is_not_text() -> None:
    assert refused(web.check_amount(Decimal("100")))["code"] == "input.not_text"


# --- The contract with the page: the form's fields and the calls -----------------------------


@pytest.mark.parametrize("field", web.FIELDS, ids=lambda f: f.name)
def test_every_field_is_well_formed(field: web.Field) -> None:
    if field.kind == "checkbox":
        assert field.default in (True, False) and not field.options
    elif field.kind == "choice":
        assert len(set(field.options)) == len(field.options) >= 2
        assert field.default in field.options
    else:
        assert isinstance(field.default, str) and not field.options
    # A default the checker itself refuses would show an error on a blank form.
    answer = web.check_form({field.name: field.default}, today=TODAY)
    assert all(part is None or part["ok"] for part in answer.values() if isinstance(part, dict))


def test_field_names_are_unique_and_the_form_reads_them_all() -> None:
    assert len(set(web.FIELD_NAMES)) == len(web.FIELDS)
    assert [f.name for f in web.FIELDS if f.required] == ["last_reload"]
    # Every field changes the answer somewhere: none is drawn and then ignored.
    base = {"last_reload": "2026-03-15", "phone": "0918 123 4567", "amount": "100"}
    changed = {
        "reload_kind": "promo",
        "zero_balance_since": "2026-04-01",
        "margin_days": "5",
        "amount": "50",
        "phone": "0917 123 4567",
        "last_reload": "2026-03-16",
        "carrier": "dito",
    }
    assert set(changed) == set(web.FIELD_NAMES)
    before = web.check_form(base, today=TODAY)
    for name, value in changed.items():
        assert web.check_form({**base, name: value}, today=TODAY) != before, name


@pytest.mark.parametrize("name", web.CALLS)
def test_every_call_names_its_arguments(name: str) -> None:
    # The worker passes these by name; a renamed parameter must fail here, not in a browser.
    parameters = tuple(inspect.signature(getattr(web, name)).parameters)
    assert parameters == web.CALLS[name]


@pytest.mark.parametrize(
    ("lang", "typed", "note"),
    [
        (
            "zh",
            "3月15日",
            "“3月15日”没有写年份，按今天或之前最近的那一天计算：2026年3月15日（周日）。",
        ),
        ("en", "Mar 15", "Mar 15 has no year: read as the most recent one, Sun 15 Mar 2026."),
        ("en", "15 March 2026", None),
    ],
)
def test_a_date_without_a_year_is_said_in_the_answer(
    lang: str, typed: str, note: str | None
) -> None:
    result = answered(_estimate({"last_reload": typed}, lang=lang))
    assert result["last_reload"] == "2026-03-15"
    assert result["date_notes"] == ([] if note is None else [note])
    summary = web.check_form({"last_reload": typed}, today=TODAY, lang=lang)["summary"]
    assert summary is not None
    assert note is None or note in summary


@pytest.mark.parametrize(
    ("form", "keys"),
    [
        # No zero-balance day: the balance ends when the load does, one row says it.
        ({"last_reload": "2026-03-15"}, ["last_reload", "load_expires", "deactivates_on"]),
        (
            {"last_reload": "2026-03-15", "zero_balance_since": "2026-05-01"},
            ["last_reload", "zero_balance_since", "balance_ends", "load_expires", "deactivates_on"],
        ),
        ({"last_reload": "2026-03-15", "reload_kind": "promo"}, []),
    ],
)
def test_the_fold_says_each_date_once(form: dict[str, str], keys: list[str]) -> None:
    result = answered(_estimate(form, today="2026-06-01", lang="en"))
    assert [row["key"] for row in result["other_dates"]] == keys
    for row in result["other_dates"]:
        assert row["text"] == format_date(date.fromisoformat(row["date"]), "en")


@pytest.mark.parametrize(
    ("typed", "code"),
    [("3/4/2026", "date.ambiguous"), ("Sat 13 Feb 2026", "date.wrong_weekday")],
)
def test_a_date_that_could_be_misread_is_a_question(typed: str, code: str) -> None:
    result = refused(_estimate({"last_reload": typed}, lang="en"))
    assert (result["ok"], result["code"], result["field"]) == (False, code, "last_reload")


def test_a_bad_today_is_the_error_for_a_date_without_a_year() -> None:
    result = refused(web.next_reload("3月15日", today="soon"))
    assert (result["code"], result["field"]) == ("date.unreadable", "today")


def test_a_saved_line_keeps_the_year_it_was_read_with() -> None:
    # "3月15日" means another day next year: the saved form keeps the date it was read as.
    form = {"phone": "0918 123 4567", "last_reload": "3月15日", "zero_balance_since": "2026-05-01"}
    saved = answered(web.save_line(form, label="", saved=None, today=TODAY, lang="zh"))
    kept = kept_lines(saved["saved"])[0]["form"]
    assert (kept["last_reload"], kept["zero_balance_since"]) == ("2026-03-15", "2026-05-01")
    later = answered(web.saved_lines(saved["saved"], today="2027-11-26", lang="zh"))["lines"][0]
    assert later["reload_by"] == "2026-04-08"
