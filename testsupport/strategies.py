"""Hostile and plausible input for checker.web, shared by the fuzz tests and the differential
corpus: the Hypothesis strategies, and the settings the adapter fuzz tests run under.

The page sends whatever a JavaScript value becomes in Python, so the strategies send any text
(NUL, lone surrogates, which JS strings can hold, RTL marks, emoji, full-width and non-Latin
digits, markup, SQL, format fields), 100,000-character strings, numbers written every way,
dates with any year, and every JSON value (huge ints, NaN, nested lists and dicts), plus
Python values no JSON gives (bytes, Decimal, dates; inside Pyodide, ``jsnull``, what JS
``null`` becomes). Plausible input is mixed in so that the answers, not only the errors, are
checked.

Standard library and hypothesis only: this module also runs under Pyodide.
"""

from __future__ import annotations

import operator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from checker import web
from checker._prefixes import MOBILE_PREFIXES
from checker.carriers import CHOICES
from checker.dates import FIRST_DATE, LAST_DATE
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
