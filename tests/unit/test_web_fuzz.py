"""Fuzzing checker.web, the adapter the page calls: hostile input, no unexpected exception.

Each public function of the adapter gets at least 2,000 examples in the test command (on
CPython and inside Pyodide) and 100,000 under ``bash scripts/fuzz`` (profiles and seed:
conftest.py); the terminal summary prints how many ran. "Unexpected" is any of:

- an exception escaping the function;
- a result with code ``internal.error`` (what ``web._safely`` turns an unexpected exception
  into), anywhere in the result;
- a result that ``json.dumps(allow_nan=False)`` refuses or that does not survive a JSON round
  trip unchanged;
- a result outside the documented shape: ``ok`` a bool; an error exactly ``ok``, ``code``,
  ``message``, ``field``, with a known code, a field the function has, and a message in the
  language asked for (``zh`` for anything but ``"zh"`` and ``"en"``); an answer with its fields
  in range and its messages in that language;
- ``check_form`` disagreeing with the functions it combines.

The strategies (hostile and plausible input) are testsupport/strategies.py's.

Standard library, pytest and hypothesis only: this file also runs under Pyodide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from checker import answer, web
from checker.carriers import CHOICES, rule
from checker.date_text import format_date
from checker.dates import FIRST_DATE, parse_date
from checker.estimate import Status
from checker.messages import CATALOG
from checker.text import MAX_INPUT_LENGTH
from testsupport.checks import assert_json_ready, assert_message, expected_lang
from testsupport.strategies import (
    ADAPTER_EXAMPLES,
    ESTIMATE_FIELDS,
    FUZZ,
    amount_text,
    anything,
    consistent_estimates,
    field_values,
    forms,
    langs,
    nows,
    pasaload_amount_text,
    phone_text,
    plausible,
    real_amount_text,
    texts,
    todays,
)

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# --- Checks -------------------------------------------------------------------------------


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# Which field each family of error codes belongs to.
_CODE_FIELDS = {
    "phone": {"phone"},
    "amount": {"amount"},
    "margin": {"margin_days"},
    "date": {"last_reload", "zero_balance_since", "today"},
    "kind": {"reload_kind"},
    "pasaload": {"amount", "reload_kind"},
    "carrier": {"carrier"},
}


def check_error(result: Mapping[str, Any], lang: str, inputs: Mapping[str, object]) -> None:
    """An error dict: its shape, a code that is not internal.error, its field, its message.

    ``inputs`` maps each field of the function to the value it was given.
    """
    assert set(result) == {"ok", "code", "message", "field"}
    code, field = result["code"], result["field"]
    assert isinstance(code, str)
    assert code != "internal.error", result
    assert code in CATALOG
    assert field in inputs, result
    assert field in _CODE_FIELDS.get(code.partition(".")[0], inputs), result
    assert_message(result["message"], code, lang)
    # The field named must be the culprit, so the page shows the error by the right input.
    value = inputs[field]
    if code == "input.not_text":
        assert not isinstance(value, str), (result, value)
    elif code == "input.too_long":
        assert isinstance(value, str), (result, value)
        assert len(value) > MAX_INPUT_LENGTH, (result, value)


def check_warnings(result: Mapping[str, Any], lang: str, allowed: set[str]) -> None:
    warnings, texts = result["warnings"], result["warning_messages"]
    assert isinstance(warnings, list)
    assert isinstance(texts, list)
    assert set(warnings) <= allowed
    assert len(warnings) == len(set(warnings)) == len(texts)
    for code, text in zip(warnings, texts, strict=True):
        assert_message(text, code, lang)


def check_number_result(result: Mapping[str, Any], lang: str, text: object) -> None:
    assert isinstance(result["ok"], bool)
    if not result["ok"]:
        check_error(result, lang, {"phone": text})
        return
    assert set(result) == {"ok", "e164", "national", "network", "caveat"} | {
        "networks",
        "network_text",
        "confirmed",
        "carrier",
        "warnings",
        "warning_messages",
    }
    # One network only when every source agrees; the page shows them all.
    names = [item["name"] for item in result["networks"]]
    assert result["network"] == (names[0] if len(names) == 1 else "")
    assert result["network_text"] == " / ".join(names)
    assert all(item["sources"] for item in result["networks"])
    assert result["carrier"] in (None, *CHOICES[1:])
    e164, national = result["e164"], result["national"]
    assert isinstance(e164, str)
    assert re.fullmatch(r"\+63[0-9]{10}", e164)
    assert national == f"0{e164[3:6]} {e164[6:9]} {e164[9:]}"
    assert isinstance(result["network"], str)
    assert_message(result["caveat"], "phone.ported_caveat", lang)
    check_warnings(result, lang, {"phone.unconfirmed_prefix", "phone.networks_disagree"})
    assert ("phone.unconfirmed_prefix" in result["warnings"]) is (not result["confirmed"])


def check_amount_result(result: Mapping[str, Any], lang: str, text: object) -> None:
    assert isinstance(result["ok"], bool)
    if not result["ok"]:
        check_error(result, lang, {"amount": text})
        return
    assert set(result) == {"ok", "amount", "currency", "warnings", "warning_messages"}
    amount = result["amount"]
    assert isinstance(amount, str)
    assert re.fullmatch(r"[0-9]+\.[0-9]{2}", amount)
    assert Decimal(0) < Decimal(amount) <= Decimal(rule("amount_max").value or 0)
    assert result["currency"] == "PHP"
    small = Decimal(amount) < Decimal(rule("amount_small").value or 0)
    assert result["warnings"] == (["amount.unusually_small"] if small else [])
    check_warnings(result, lang, {"amount.unusually_small"})


_ESTIMATE_KEYS = {
    "ok",
    "carrier",
    "carrier_name",
    "last_reload",
    "reload_kind",
    "load_expires_label",
    "days_text",
    "status_warnings",
    "status_warning_messages",
    "zero_balance_since",
    "margin_days",
    "amount",
    "load_expires",
    "balance_ends",
    "deactivates_on",
    "reload_by",
    "days_left",
    "status",
    "status_label",
    "status_detail",
    "warnings",
    "warning_messages",
    "assumptions",
    "sources",
    # The dates as the reader says them, the answer card's fold, how a typed date was read
    *(f"{name}_text" for name in answer.DATE_NAMES),
    "other_dates",
    "date_notes",
    "years_assumed",
}


def _day(value: object) -> date:
    assert isinstance(value, str)
    assert ISO_DAY.fullmatch(value)
    return date.fromisoformat(value)


def check_date_texts(result: Mapping[str, Any], lang: str) -> None:
    """Every date is also said in the reader's words, and the fold says each meaning once."""
    for name in answer.DATE_NAMES:
        iso, said = result[name], result[f"{name}_text"]
        assert said == (None if iso is None else format_date(_day(iso), lang))
        if said is not None:
            assert parse_date(said) == _day(iso)  # the page's words read back as the date
    rows = result["other_dates"]
    keys = [row["key"] for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["text"] == format_date(_day(row["date"]), lang)
        assert row["date"] == result[row["key"]]
    if result["reload_by"] is None:
        assert rows == []
    else:
        split = result["balance_ends"] != result["load_expires"]
        assert ("balance_ends" in keys) is split
    assert isinstance(result["date_notes"], list)
    assert len(result["years_assumed"]) == len(result["date_notes"])
    assert set(result["years_assumed"]) <= {"last_reload", "zero_balance_since"}


def check_estimate_result(
    result: Mapping[str, Any], lang: str, inputs: Mapping[str, object]
) -> None:
    assert isinstance(result["ok"], bool)
    if not result["ok"]:
        check_error(result, lang, inputs)
        return
    assert set(result) == _ESTIMATE_KEYS
    kind, status = result["reload_kind"], result["status"]
    assert kind in web.KINDS
    assert_message(result["load_expires_label"], f"label.load_expires.{kind}", lang)
    last = _day(result["last_reload"])
    assert last >= FIRST_DATE
    # A promo, and only a promo, is "unknown", with no dates at all.
    assert (status == "unknown") is (kind == "promo")
    undated = ("reload_by", "balance_ends", "load_expires", "deactivates_on", "days_left")
    if status == "unknown":
        assert [result[name] for name in undated] == [None] * len(undated)
        assert result["days_text"] is None
    else:
        reload_by = _day(result["reload_by"])
        balance_ends, load_expires = _day(result["balance_ends"]), _day(result["load_expires"])
        deactivates_on = _day(result["deactivates_on"])
        assert last <= reload_by <= balance_ends <= load_expires
        # GOMO's line ends a year after the last paid transaction, with the load it bought.
        assert balance_ends < deactivates_on or result["carrier"] == "gomo"
        assert balance_ends <= deactivates_on
        assert type(result["days_left"]) is int
        days = result["days_left"]
        # Words, never a bare negative number.
        word = "days.today" if days == 0 else "days.left" if days > 0 else "days.ago"
        assert_message(result["days_text"], f"{word}.one" if abs(days) == 1 else word, lang)
        assert "-" not in result["days_text"]
    if result["zero_balance_since"] is not None:
        assert last <= _day(result["zero_balance_since"])
    check_date_texts(result, lang)
    margin = result["margin_days"]
    assert type(margin) is int
    assert 0 <= margin <= int(rule("safety_margin_max").value or 0)
    amount = result["amount"]
    assert amount is None or (isinstance(amount, str) and re.fullmatch(r"[0-9]+\.[0-9]{2}", amount))
    assert status in {str(member) for member in Status}
    assert_message(result["status_label"], f"status.{status}", lang)
    assert_message(result["status_detail"], f"status.{status}.detail", lang)
    check_warnings(
        result,
        lang,
        {"estimate.pasaload", "estimate.margin_shortened", "amount.unusually_small"},
    )
    assert ("estimate.pasaload" in result["warnings"]) is (kind == "pasaload")
    assert isinstance(result["status_warnings"], list)
    assert set(result["status_warnings"]) <= {"phone.carrier_mismatch"}
    assert result["carrier"] in CHOICES[1:]
    assert_message(result["carrier_name"], f"carrier.{result['carrier']}", lang)
    assert len(result["status_warnings"]) == len(result["status_warning_messages"])
    assumptions = result["assumptions"]
    assert isinstance(assumptions, list)
    assert assumptions
    for item in assumptions:
        assert set(item) == {"code", "message", "rule"}
        assert_message(item["message"], item["code"], lang)
        assert rule(item["rule"]).key == item["rule"]  # the page links to its row
    sources = result["sources"]
    assert isinstance(sources, list)
    assert sources
    for source in sources:
        assert set(source) == {"rule", "title", "url", "confidence", "confidence_label", "checked"}
        assert_message(source["confidence_label"], f"confidence.{source['confidence']}", lang)
        assert source["url"].startswith(("https://", "http://"))


def check_ics(text: object, first_day: str) -> None:
    """RFC 5545 as the calendar promises it: CRLF, folded at 75 octets, sane stamps."""
    assert isinstance(text, str)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert "\r" not in line
        assert "\n" not in line
        assert len(line.encode("utf-8")) <= 75, line
    lines = text.replace("\r\n ", "").split("\r\n")[:-1]
    assert 1 <= lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") <= 3
    stamps = {line for line in lines if line.startswith("DTSTAMP:")}
    assert len(stamps) == 1
    (stamp,) = stamps
    assert re.fullmatch(r"DTSTAMP:[0-9]{8}T[0-9]{6}Z", stamp), stamp
    datetime.strptime(stamp, "DTSTAMP:%Y%m%dT%H%M%SZ")
    starts = [line for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    # The first event is the reload-by date, or today's "reload now": nothing is before it.
    assert starts[0] == f"DTSTART;VALUE=DATE:{first_day.replace('-', '')}"
    assert starts == sorted(starts)


def check_calendar_result(
    result: Mapping[str, Any], lang: str, inputs: Mapping[str, object]
) -> None:
    assert isinstance(result["ok"], bool)
    if not result["ok"]:
        check_error(result, lang, inputs)
        return
    assert set(result) == {"ok", "filename", "ics"}
    filename = result["filename"]
    assert isinstance(filename, str)
    match = re.fullmatch(r"smart-reload-(?:by|now)-([0-9]{4}-[0-9]{2}-[0-9]{2})\.ics", filename)
    assert match
    check_ics(result["ics"], match.group(1))


def _form_fields(form: object) -> dict[str, object]:
    fields = form if isinstance(form, Mapping) else {}
    return {name: fields.get(name) for name in web.FIELD_NAMES + web.LEGACY_FIELDS}


def _estimate_inputs(fields: Mapping[str, object], today: object) -> dict[str, object]:
    names = ("last_reload", "zero_balance_since", "margin_days", "amount", "reload_kind")
    return {**{name: fields[name] for name in names}, "today": today, "carrier": fields["carrier"]}


# --- The fuzz tests -----------------------------------------------------------------------
# Each takes ``ran``, a one-item list the example count goes into.


@FUZZ
@given(text=st.one_of(phone_text, texts, anything), lang=langs)
def fuzz_check_number(ran: list[int], text: object, lang: Any) -> None:
    ran[0] += 1
    result = web.check_number(text, lang)
    assert_json_ready(result)
    check_number_result(result, expected_lang(lang), text)


@FUZZ
@given(text=st.one_of(amount_text, texts, anything), lang=langs)
def fuzz_check_amount(ran: list[int], text: object, lang: Any) -> None:
    ran[0] += 1
    result = web.check_amount(text, lang)
    assert_json_ready(result)
    check_amount_result(result, expected_lang(lang), text)


@FUZZ
@given(
    form=st.fixed_dictionaries({name: field_values[name] for name in ESTIMATE_FIELDS}),
    today=todays,
    lang=langs,
)
def fuzz_next_reload(ran: list[int], form: dict[str, object], today: object, lang: Any) -> None:
    ran[0] += 1
    result = web.next_reload(
        form["last_reload"],
        zero_balance_since=form["zero_balance_since"],
        margin_days=form["margin_days"],
        amount=form["amount"],
        promo=form["promo"],
        today=today,
        lang=lang,
        reload_kind=form["reload_kind"],
        carrier=form["carrier"],
    )
    assert_json_ready(result)
    check_estimate_result(result, expected_lang(lang), _estimate_inputs(form, today))


@FUZZ
@given(form=forms, today=todays, lang=langs, now=nows)
def fuzz_calendar(ran: list[int], form: object, today: object, lang: Any, now: object) -> None:
    ran[0] += 1
    result = web.calendar(form, today=today, lang=lang, now=now)
    assert_json_ready(result)
    fields = _form_fields(form)
    inputs = {**_estimate_inputs(fields, today), "phone": fields["phone"]}
    check_calendar_result(result, expected_lang(lang), inputs)
    if not result["ok"] and result["field"] == "amount":
        # Only PasaLoad's dates read the amount.
        assert web.check_form(form, today=today, lang=lang)["estimate"] is not None
        assert result["code"].startswith(("pasaload.", "amount.", "input."))


@FUZZ
@given(form=forms, today=todays, lang=langs)
def fuzz_check_form(ran: list[int], form: object, today: object, lang: Any) -> None:
    """Properties of the form's answer, not a second implementation of it.

    Shape: four parts, a blank field gives no part, each part is in the documented shape and
    the language asked for. Agreement: the number and the amount are what their own functions
    answer; the estimate is what ``next_reload`` gives for the dates alone, plus the amount
    and its warnings when the amount is good (a bad amount is reported by itself, never by
    the estimate); the summary is ``summary_text`` of the parts.
    """
    ran[0] += 1
    result = web.check_form(form, today=today, lang=lang)
    assert_json_ready(result)
    assert set(result) == {"number", "amount", "estimate", "summary"}
    as_lang = expected_lang(lang)
    fields = _form_fields(form)
    number, amount, estimate = result["number"], result["amount"], result["estimate"]
    assert (number is None) is _is_blank(fields["phone"])
    if number is not None:
        check_number_result(number, as_lang, fields["phone"])
        assert number == web.check_number(fields["phone"], as_lang)
    assert (amount is None) is _is_blank(fields["amount"])
    if amount is not None:
        check_amount_result(amount, as_lang, fields["amount"])
    if _is_blank(fields["last_reload"]):
        assert estimate is None
    else:
        assert estimate is not None
        good_amount = None if amount is None or not amount["ok"] else fields["amount"]
        alone = web.next_reload(
            fields["last_reload"],
            zero_balance_since=fields["zero_balance_since"],
            margin_days=fields["margin_days"],
            amount=good_amount,
            promo=fields["promo"],
            today=today,
            lang=as_lang,
            reload_kind=fields["reload_kind"],
            carrier=fields["carrier"],
            phone=fields["phone"] if number is not None and number["ok"] else None,
        )
        # The same, but for a chosen carrier the prefix does not point to, said in the status.
        carried: list[str] = []
        if (
            estimate["ok"]
            and number is not None
            and number["ok"]
            and number["carrier"] not in (None, estimate["carrier"])
            and (number["carrier"], estimate["carrier"]) != ("globe", "gomo")  # GOMO: Globe's
        ):
            carried = ["phone.carrier_mismatch"]
        expected: dict[str, object] = dict(alone)
        if estimate["ok"]:
            assert estimate["status_warnings"] == carried
            expected["status_warnings"] = carried
            expected["status_warning_messages"] = estimate["status_warning_messages"]
        assert estimate == expected
        inputs = _estimate_inputs(fields, today)
        check_estimate_result(estimate, as_lang, inputs)
        if not estimate["ok"] and estimate["field"] == "amount":
            # A bad amount is reported by itself; the estimate only says PasaLoad needs one.
            assert estimate["code"] in {"pasaload.amount_needed", "pasaload.undated"}
    if estimate is None or not estimate["ok"]:
        assert result["summary"] is None
    else:
        assert result["summary"] == web.summary_text(number, estimate, lang=as_lang)


@FUZZ
@given(
    phone=st.none() | phone_text | texts,
    estimate_args=consistent_estimates,
    kind_amount=st.tuples(
        st.none() | st.sampled_from(["regular", "promo", " Promo "]), st.none() | real_amount_text
    )
    | st.tuples(
        st.just("pasaload"), pasaload_amount_text.filter(lambda a: "," not in a and ".5" not in a)
    ),
    promo=plausible["promo"],
    lang=langs,
)
def fuzz_summary_text(
    ran: list[int],
    phone: object,
    estimate_args: tuple[str, str | None, object, str],
    kind_amount: tuple[str | None, str | None],
    promo: object,
    lang: Any,
) -> None:
    """The summary of any number result and any estimate the page can get."""
    ran[0] += 1
    as_lang = expected_lang(lang)
    last, zero, margin, today = estimate_args
    kind, amount = kind_amount
    estimate = web.next_reload(
        last,
        zero_balance_since=zero,
        margin_days=margin,
        amount=amount,
        promo=promo,
        today=today,
        lang=as_lang,
        reload_kind=kind,
    )
    assert estimate["ok"] is True, estimate  # consistent input always gets an answer
    number = None if phone is None else web.check_number(phone, as_lang)
    text = web.summary_text(number, estimate, lang=lang)
    assert isinstance(text, str)
    lines = text.split("\n")
    assert_message(lines[0], "summary.title", as_lang)
    assert len(lines) >= 6
    assert "None" not in text
    if estimate["reload_by"] is not None:
        assert f"{estimate['reload_by_text']} ({estimate['days_text']})" in text
    assert estimate["status_detail"] in text
    if number is not None and number["ok"]:
        assert f"{number['national']} ({number['e164']})" in lines[1]
    if amount is not None:
        assert f"PHP {estimate['amount']}" in text
    for warning in estimate["warning_messages"]:
        assert f"! {warning}" in lines
    assert lines[-len(estimate["assumptions"]) :] == [
        f"- {item['message']}" for item in estimate["assumptions"]
    ]


FUZZERS: dict[str, Callable[[list[int]], None]] = {
    "check_number": fuzz_check_number,
    "check_amount": fuzz_check_amount,
    "next_reload": fuzz_next_reload,
    "calendar": fuzz_calendar,
    "check_form": fuzz_check_form,
    "summary_text": fuzz_summary_text,
}


def test_every_public_function_is_fuzzed() -> None:
    public = {
        name
        for name in web.__all__
        if callable(value := getattr(web, name))
        and getattr(value, "__module__", "").startswith(web.__name__)
        if not isinstance(value, type)  # the Field data class is data, not a call
        if not name.startswith("_") and not name.endswith("_dict")
    }
    from test_lines_fuzz import FUZZERS as LINES_FUZZERS  # the saved lines' calls

    assert public == set(FUZZERS) | set(LINES_FUZZERS)


@pytest.mark.parametrize("name", FUZZERS)
def test_adapter_fuzz(name: str, fuzz_seed: int, fuzz_counts: dict[str, int]) -> None:
    ran = [0]
    try:
        seed(fuzz_seed)(FUZZERS[name])(ran)
    finally:
        fuzz_counts[name] = ran[0]
    # Hypothesis stops early only when it runs out of distinct inputs, which these strategies
    # never do; this makes sure the count the summary prints is the count asked for.
    assert ran[0] >= ADAPTER_EXAMPLES
