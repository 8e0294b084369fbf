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

The page sends whatever a JavaScript value becomes in Python, so the strategies send any text
(NUL, lone surrogates, which JS strings can hold, RTL marks, emoji, full-width and non-Latin
digits, markup, SQL, format fields), 100,000-character strings, numbers written every way,
dates with any year, and every JSON value (huge ints, NaN, nested lists and dicts), plus
Python values no JSON gives (bytes, Decimal, dates; inside Pyodide, ``jsnull``, what JS
``null`` becomes). Plausible input is mixed in so that the
answers, not only the errors, are checked.

Standard library, pytest and hypothesis only: this file also runs under Pyodide.
"""

from __future__ import annotations

import functools
import json
import operator
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from checker import answer, web
from checker._prefixes import MOBILE_PREFIXES
from checker.carriers import CHOICES, rule
from checker.date_text import format_date
from checker.dates import FIRST_DATE, LAST_DATE, parse_date
from checker.estimate import Status
from checker.messages import CATALOG
from checker.text import MAX_INPUT_LENGTH

try:  # JavaScript's null reaches Python as jsnull, not None (undefined becomes None)
    from pyodide.ffi import jsnull  # type: ignore[import-not-found]
except ImportError:  # CPython
    jsnull = None

# Examples per function: 2,000 in the test command, on CPython and inside Pyodide alike (about
# 45 s for all six on CPython, 90 s in Pyodide), or the profile's max_examples when that is
# more (HYPOTHESIS_PROFILE=fuzz: 100,000).
ADAPTER_EXAMPLES = max(2_000, settings().max_examples)
FUZZ = settings(
    max_examples=ADAPTER_EXAMPLES,
    deadline=None,  # CI machines are noisy: a slow example is not a failure here
    derandomize=False,  # the seed comes from FUZZ_SEED (conftest.py), not from the test's code
    print_blob=True,
    # Huge strings and nested JSON values are the point, not a sign of a bad strategy.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

LANGS = ("zh", "en")
ESTIMATE_FIELDS = (
    "last_reload",
    "zero_balance_since",
    "margin_days",
    "amount",
    "promo",
    "reload_kind",
    "carrier",
)
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# --- Strategies ---------------------------------------------------------------------------

# Input people paste, pages mangle and attackers try.
NASTY = (
    "",
    " ",
    "\x00",
    "\x00" * 3 + "0918",
    "\t\r\n",
    "\u200b",  # zero-width space
    "\u200e0918\u200f",  # LTR and RTL marks
    "\u202e7654 321 8190",  # right-to-left override
    "\ufeff",  # byte order mark
    "\u2028\u2029\x85",  # line and paragraph separators, NEL
    "\ud800",  # lone surrogates: JS strings can hold them, Pyodide passes them on
    "\udfff0918",
    "😀",
    "👨‍👩‍👧‍👦",
    "🇵🇭",
    "﷽",  # NFKC makes 18 characters of it
    "ﬃ",
    "①②③",
    "½",
    "Ⅻ",
    "¹²³",
    "０９１８－１２３－４５６７",
    "٠٩١٨١٢٣٤٥٦٧",  # Arabic-Indic digits
    "۰۹۱۸۱۲۳۴۵۶۷",  # Persian digits
    "०९१८१२३४५६७",  # Devanagari digits
    "𝟎𝟗𝟏𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕",  # mathematical digits
    "٢٠٢٦-٠٣-١٥",
    "'; DROP TABLE users; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{0}{rules}{rules[amount_max]}{text}",
    "%s%n%x",
    "${jndi:ldap://x/}",
    "../../etc/passwd",
    "\\u0000",
    "null",
    "undefined",
    "None",
    "true",
    "[object Object]",
    "NaN",
    "-Infinity",
    "sNaN",
    "1e309",
    "0x1F",
    "1_000",
    "99999-01-01",
    "0000-00-00",
    "2024-02-29",
    "2026-02-29",
    "1999-12-31",
    "3000-01-01",
    "2026-03-15T10:00:00Z",
    "2026年2月30日",
    "+63",
    "+63 (0) 918 123 4567",
    "0063 918 123 4567",
    "+1 415 555 0100",
    "₱₱100",
    "PHP PHP 100",
    "100 php pesos",
)

any_char = st.characters(exclude_categories=())  # every code point: NUL, controls, surrogates
any_text = st.text(any_char, max_size=80)

# Strings around and far beyond the 64-character limit; repetition keeps them cheap to make.
huge_text = st.builds(
    operator.mul,
    st.sampled_from(["0", "9", " ", "x", "\x00", "😀", "﷽", "\ud800", "1,", "-", "0918"]),
    st.integers(MAX_INPUT_LENGTH - 4, MAX_INPUT_LENGTH + 4)
    | st.integers(1, 100_000)
    | st.just(100_000),
)

numeric_text = st.one_of(
    st.integers().map(str),
    st.integers(-(10**70), 10**70).map(str),
    st.integers(-(10**12), 10**12).map("{:,}".format),
    st.floats().map(repr),
    st.floats().map("{:e}".format),
    st.floats(allow_nan=False, allow_infinity=False).map("{:f}".format),
    st.floats(allow_nan=False, allow_infinity=False).map("{:.2f}".format),
    st.decimals().map(str),  # NaN, sNaN, Infinity, -0E+3 ...
    st.fractions().map(str),
    st.sampled_from(["NaN", "-nan", "Infinity", "inf", "-0", "+0", ".5", "5.", "1e3", "1E-7"]),
)


def _date_text(year: int, month: int, day: int, style: str, pad: bool) -> str:
    """A date in one of the forms people type, with whatever numbers it is given."""
    m, d = (f"{month:02d}", f"{day:02d}") if pad else (str(month), str(day))
    if style == "zh":
        return f"{year}年{m}月{d}日"
    return f"{year}{style}{m}{style}{d}"


def _full_width(text: str) -> str:
    """ASCII made full-width, as Chinese input methods type it."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


date_styles = st.sampled_from(["-", "/", ".", "zh"])
real_date_text = st.builds(
    lambda day, style, pad: _date_text(day.year, day.month, day.day, style, pad),
    st.dates(FIRST_DATE, LAST_DATE),
    date_styles,
    st.booleans(),
)
date_text = st.one_of(
    real_date_text,
    real_date_text.map(_full_width),
    st.builds(
        _date_text,
        st.integers(-1, 100_000) | st.sampled_from([0, 1999, 2000, 2999, 3000, 99999]),
        st.integers(-1, 100),
        st.integers(-1, 100),
        st.sampled_from(["-", "/", ".", "zh", " ", "--", "－", "-/"]),
        st.booleans(),
    ),
)


def _phone_text(prefix: str, rest: str, form: int) -> str:
    """A mobile number from a real prefix, in one of the forms people type."""
    n = (prefix + rest)[:10]
    forms = (
        f"0{n}",
        f"+63{n}",
        f"+63 {n[:3]} {n[3:6]} {n[6:]}",
        f"(0{n[:3]}) {n[3:6]}-{n[6:]}",
        f"0063{n}",
        f"63{n}",
        f"+63 (0) {n[:3]}.{n[3:6]}.{n[6:]}",
    )
    return forms[form % len(forms)]


real_phone_text = st.builds(
    _phone_text,
    st.sampled_from(MOBILE_PREFIXES),
    st.text("0123456789", min_size=7, max_size=7),
    st.integers(0, 6),
)
phone_text = st.one_of(
    real_phone_text,
    real_phone_text.map(_full_width),
    st.text("+0123456789 ()-.", max_size=24),
)

real_amount_text = st.builds(
    "{}{}{}".format,
    st.sampled_from(["", "₱", "P", "PHP ", "php", "₱ "]),
    st.decimals(Decimal("0.01"), Decimal("10000"), places=2).map(str)
    | st.integers(1, 10_000).map("{:,}".format),
    st.sampled_from(["", " pesos", "PHP", " peso"]),
)
# The amounts Smart documents PasaLoad's validity for, written as people write them.
pasaload_amount_text = st.builds(
    "{}{}".format,
    st.sampled_from(["", "₱", "P", "PHP ", "３"[:0]]),
    st.sampled_from(["30", "60", "100", "200", "30.00", "２００", "1,00", "200.50"]),
)
amount_text = st.one_of(
    real_amount_text,
    pasaload_amount_text,
    st.builds(
        "{}{}{}".format,
        st.sampled_from(["", "₱", "P", "PHP", "-₱", "＄"]),
        numeric_text,
        st.sampled_from(["", "php", " pesos", "%"]),
    ),
)

texts = st.one_of(
    st.sampled_from(NASTY),
    any_text,
    st.text(max_size=20),  # Hypothesis' default alphabet leans on ASCII edge cases
    huge_text,
    numeric_text,
    date_text,
    phone_text,
    amount_text,
    # Fragments glued together: a date with an emoji in it, a number after a script tag.
    st.lists(
        st.sampled_from(NASTY) | numeric_text | real_date_text | st.text(any_char, max_size=4),
        min_size=2,
        max_size=5,
    ).map("".join),
)

# Every JSON value, as the page's JavaScript could send it.
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**53 + 1, 2**63, -(2**63) - 1, 10**400]),
    st.floats(),  # NaN, ±Infinity and -0.0 included
    st.sampled_from(NASTY),
    st.text(any_char, max_size=10),
)
# Nested one or two levels: deeper nesting changes nothing (the adapter reads a form's top
# level), and st.recursive would cost twice as much per example.
json_values = st.one_of(
    json_scalars,
    st.lists(json_scalars, max_size=4),
    st.dictionaries(
        st.sampled_from(web.FIELD_NAMES) | st.text(max_size=8), json_scalars, max_size=4
    ),
    st.lists(
        st.lists(json_scalars, max_size=2)
        | st.dictionaries(st.text(max_size=3), json_scalars, max_size=2),
        max_size=2,
    ),
)
# Python values JSON never gives; the adapter promises an answer whatever it is given.
python_values = st.one_of(
    st.binary(max_size=10),
    st.decimals(),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(UTC)),
    st.times(),
    st.tuples(st.integers(), st.text(max_size=3)),
    st.frozensets(st.integers(), max_size=3),
    st.complex_numbers(),
    st.just(object()),
    st.just(jsnull),
)
anything = st.one_of(texts, json_values, python_values)

# The adapter only compares the language with "zh" and "en"; any JSON value will do as a wrong one.
langs = st.one_of(
    st.sampled_from(LANGS),
    st.sampled_from(["ZH", "En", "en-US", "zh-CN", " en", "", "fr"]),
    json_scalars,
)
# What each form field could hold: something plausible, hostile text, or any value at all.
plausible = {
    "phone": phone_text,
    "last_reload": date_text,
    "amount": amount_text,
    "promo": st.booleans() | st.sampled_from(["on", "off", "1", "0", "yes", " TRUE ", ""]),
    "reload_kind": st.none()
    | st.sampled_from(["regular", "promo", "pasaload", "", " PasaLoad ", "ＰＲＯＭＯ", "gift"]),
    "zero_balance_since": st.none() | st.just("") | date_text,
    "carrier": st.none()
    | st.sampled_from([*CHOICES, "", " Globe ", "ＧＯＭＯ", "SMART", "tm", "sun", "globe/tm"]),
    "margin_days": st.integers(-5, 100)
    | st.integers(-5, 100).map(str)
    | st.sampled_from(["", " 30 ", "+7", "-0", "-+5", "+-5", "3.5", "1e1", "３０", "٣٠"]),
}
field_values = {
    name: st.one_of(plausible[name], texts, anything)
    for name in web.FIELD_NAMES + web.LEGACY_FIELDS
}
forms = st.one_of(
    st.fixed_dictionaries({}, optional=field_values),
    # The page's fields plus keys it never sends.
    st.builds(
        lambda form, extra: {**extra, **form},
        st.fixed_dictionaries({}, optional=field_values),
        st.dictionaries(st.text(max_size=8), anything, max_size=3),
    ),
    anything,  # not a form at all
)
todays = st.one_of(real_date_text, date_text, texts, anything)


def _fixed_offset(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


# ``now`` as the page sends it (``Date.toISOString()``) and every other way.
nows = st.one_of(
    st.datetimes(timezones=st.builds(_fixed_offset, st.integers(-1439, 1439))).map(
        datetime.isoformat
    ),
    st.datetimes(timezones=st.just(UTC)).map(
        lambda moment: moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    ),
    st.sampled_from(
        [
            "+010000-01-01T00:00:00.000Z",  # toISOString() past year 9999
            "-000001-01-01T00:00:00.000Z",
            "0001-01-01T00:00:00+00:01",
            "9999-12-31T23:59:59-00:01",
            "2026-11-26T10:00:00",  # no time zone
        ]
    ),
    anything,
)

# --- Checks -------------------------------------------------------------------------------

_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")


def expected_lang(lang: object) -> str:
    return lang if isinstance(lang, str) and lang in LANGS else "zh"


@functools.cache
def _template(code: str, lang: str) -> re.Pattern[str]:
    """The catalog's text for ``code`` in ``lang``, its format fields matching anything."""
    zh, en = CATALOG[code]
    pieces = _FORMAT_FIELD.split(en if lang == "en" else zh)
    return re.compile(".*".join(re.escape(piece) for piece in pieces), re.DOTALL)


def assert_message(text: object, code: str, lang: str) -> None:
    assert isinstance(text, str)
    assert text.strip()
    assert _template(code, lang).fullmatch(text), (code, lang, text)


def assert_json_ready(value: object) -> None:
    assert json.loads(json.dumps(value, allow_nan=False)) == value


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
        carried = []
        ok_number = number is not None and number["ok"]
        if (
            estimate["ok"]
            and ok_number
            and number["carrier"] not in (None, estimate["carrier"])
            and (number["carrier"], estimate["carrier"]) != ("globe", "gomo")  # GOMO: Globe's
        ):
            carried = ["phone.carrier_mismatch"]
        if estimate["ok"]:
            assert estimate["status_warnings"] == carried
            alone = {**alone, "status_warnings": carried}
            alone["status_warning_messages"] = estimate["status_warning_messages"]
        assert estimate == alone
        inputs = _estimate_inputs(fields, today)
        check_estimate_result(estimate, as_lang, inputs)
        if not estimate["ok"] and estimate["field"] == "amount":
            # A bad amount is reported by itself; the estimate only says PasaLoad needs one.
            assert estimate["code"] in {"pasaload.amount_needed", "pasaload.undated"}
    if estimate is None or not estimate["ok"]:
        assert result["summary"] is None
    else:
        assert result["summary"] == web.summary_text(number, estimate, lang=as_lang)


def _consistent(
    last: date, later: int, zero_after: int | None, margin: object, today_style: str
) -> tuple[str, str | None, object, str]:
    """last_reload, zero_balance_since, margin_days and today that always give an estimate."""
    today = min(last + timedelta(days=later), LAST_DATE)
    zero = None if zero_after is None else min(last + timedelta(days=zero_after), today)
    return (
        _date_text(last.year, last.month, last.day, "-", True),
        None if zero is None else zero.isoformat(),
        margin,
        _date_text(today.year, today.month, today.day, today_style, False),
    )


consistent_estimates = st.builds(
    _consistent,
    st.dates(FIRST_DATE, LAST_DATE),
    st.integers(0, 800),
    st.none() | st.integers(0, 800),
    st.none() | st.just("") | st.integers(0, 90) | st.integers(0, 90).map(" {} ".format),
    date_styles,
)


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
