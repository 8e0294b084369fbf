"""checker.phone: every way people type a number, every error, and invariants.

Standard library, pytest and hypothesis only: this file also runs under Pyodide.
The comparison with libphonenumber itself is in tests/oracle/test_phone_oracle.py.
"""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import _prefixes
from checker.carriers import CARRIERS
from checker.dates import parse_date
from checker.errors import CheckerError
from checker.messages import CATALOG, message
from checker.phone import CARRIER_KEYS, PhoneNumber, parse_phone
from checker.prefixes import COMMUNITY, LIBPHONENUMBER, SOURCES, allocations, known

SMART_918 = parse_phone("0918 123 4567")

ERROR_CODES = {
    "input.not_text",
    "input.too_long",
    "phone.empty",
    "phone.invalid_chars",
    "phone.too_short",
    "phone.too_long",
    "phone.not_ph",
    "phone.not_mobile",
}

# Every form people type, each read as 0918 123 4567.
SAME_NUMBER = [
    "+63 918 123 4567",
    "+639181234567",
    "0918-123-4567",
    "0918 123 4567",
    "09181234567",
    "639181234567",
    "63 918 123 4567",
    "00639181234567",
    "0063 918 123 4567",
    "(0918) 123 4567",
    "(0918)1234567",
    "9181234567",
    "918 123 4567",
    "+63 (0) 918 123 4567",
    "+63 0918 123 4567",
    "+6309181234567",
    "0063 0918 123 4567",
    "6309181234567",
    "(+63) 918 123 4567",
    "+63-918-123-4567",
    "+63.918.123.4567",
    "0918.123.4567",
    "++63 918 123 4567",
    "+0918 123 4567",  # a stray plus: no calling code starts with 0
    "+00 63 918 123 4567",
    "00 0918 123 4567",  # 00 then 0 is the trunk 0, as after a stray plus
    "  0918 123 4567  ",
    "\t0918\n123\r\n4567",
    "0918\u00a0123\u00a04567",  # no-break spaces
    "0918\u2009123\u20094567",  # thin spaces
    "０９１８１２３４５６７",  # full-width digits
    "＋６３ ９１８ １２３ ４５６７",  # full-width plus
    "＋６３\u3000９１８\u3000１２３\u3000４５６７",  # ideographic spaces
    "（０９１８）１２３－４５６７",  # full-width brackets and hyphen
    "0918－123－4567",
    "0918—123—4567",  # em dashes
    "0918–123–4567",  # en dashes
    "0918−123−4567",  # minus signs
    "0918ー123ー4567",  # katakana long vowel typed as a dash
    "0918。123。4567",  # ideographic full stops
    "０９１８　１２３　４５６７",
]


# 0918 123 4567 in the decimal digits (Unicode category Nd) of other scripts: what people in
# the Gulf, Iran, South Asia type on their phones, and what checker.dates reads too.
OTHER_SCRIPTS = [
    ("٠٩١٨ ١٢٣ ٤٥٦٧", "Arabic-Indic"),
    ("٠٩١٨١٢٣٤٥٦٧", "Arabic-Indic, no spaces"),
    ("+٦٣ ٩١٨ ١٢٣ ٤٥٦٧", "Arabic-Indic with the country code"),
    ("٠٠٦٣ ٩١٨ ١٢٣ ٤٥٦٧", "Arabic-Indic with 00"),
    ("۰۹۱۸ ۱۲۳ ۴۵۶۷", "Extended Arabic-Indic (Persian, Urdu)"),
    ("०९१८ १२३ ४५६७", "Devanagari"),
    ("০৯১৮ ১২৩ ৪৫৬৭", "Bengali"),
    ("๐๙๑๘ ๑๒๓ ๔๕๖๗", "Thai"),
    ("၀၉၁၈ ၁၂၃ ၄၅၆၇", "Myanmar"),
    ("𝟎𝟗𝟏𝟖 𝟏𝟐𝟑 𝟒𝟓𝟔𝟕", "mathematical bold (folded by NFKC)"),
    ("0918 ١٢٣ ٤٥٦٧", "ASCII and Arabic-Indic mixed, as a keyboard switch leaves it"),
    ("(٠٩١٨) ١٢٣-٤٥٦٧", "Arabic-Indic with brackets and a hyphen"),
]


@pytest.mark.parametrize(("text", "script"), OTHER_SCRIPTS)
def test_decimal_digits_of_other_scripts(text: str, script: str) -> None:
    assert parse_phone(text) == SMART_918, script


@pytest.mark.parametrize("text", SAME_NUMBER)
def test_every_form_reads_the_same_number(text: str) -> None:
    assert parse_phone(text) == SMART_918


# (input, the names the sources give, network, carrier_key, confirmed): every carrier, the
# four prefixes libphonenumber refused (0904, 0913, 0940, 0941), and the conflicts.
VALID = [
    ("0813 123 4567", ("Smart",), "Smart", "smart", True),
    ("0817 123 4567", ("Globe",), "Globe", "globe", True),  # libphonenumber: mobile, unnamed
    ("0895 123 4567", ("DITO",), "DITO", "dito", True),
    ("0898 999 9999", ("DITO",), "DITO", "dito", True),
    ("0904 123 4567", ("Globe",), "Globe", "globe", True),  # refused by libphonenumber
    ("0905 000 0000", ("Globe",), "Globe", "globe", True),
    ("0907 123 4567", ("Smart",), "Smart", "smart", True),
    ("0913 123 4567", ("Smart",), "Smart", "smart", True),  # refused by libphonenumber
    ("0914 123 4567", ("Globe", "Smart"), "", None, True),  # libphonenumber vs the lists
    ("0917 123 4567", ("Globe",), "Globe", "globe", True),
    ("0918 123 4567", ("Smart",), "Smart", "smart", True),
    ("0920 123 4567", ("Smart",), "Smart", "smart", True),
    ("0922 123 4567", ("Smart", "Sun"), "", "smart", True),  # Sun is Smart's: one carrier
    ("0924 123 4567", ("DITO", "Sun"), "", None, True),  # libphonenumber DITO, lists Sun
    ("0934 123 4567", ("DITO", "Sun"), "", None, True),
    ("0940 123 4567", ("Sun",), "Sun", "smart", True),  # refused by libphonenumber
    ("0941 123 4567", ("Sun",), "Sun", "smart", True),  # refused by libphonenumber
    ("0944 123 4567", ("DITO", "Sun"), "", None, True),
    ("0949 123 4567", ("Smart",), "Smart", "smart", True),
    ("0950 123 4567", ("Smart",), "Smart", "smart", True),
    ("0956 123 4567", ("Globe",), "Globe", "globe", True),
    ("0991 123 4567", ("DITO",), "DITO", "dito", True),
    ("0992 123 4567", ("DITO", "Smart"), "", None, True),  # one list gives it to both
    ("0994 123 4567", ("DITO", "Globe"), "", None, True),
    ("0999 999 9999", ("Smart",), "Smart", "smart", True),
    ("0900 123 4567", ("Smart",), "Smart", "smart", True),  # only a 2017 list has it
    ("0980 123 4567", (), "", None, False),  # no source: accepted, unconfirmed
    ("0990 123 4567", (), "", None, False),
]


@pytest.mark.parametrize(("text", "names", "network", "carrier_key", "confirmed"), VALID)
def test_valid_numbers(
    text: str, names: tuple[str, ...], network: str, carrier_key: str | None, confirmed: bool
) -> None:
    number = parse_phone(text)
    national = text.replace(" ", "")
    assert (number.e164, number.national) == ("+63" + national[1:], text)
    assert tuple(item.name for item in number.networks) == names
    assert (number.network, number.carrier_key, number.confirmed) == (
        network,
        carrier_key,
        confirmed,
    )


def test_every_carrier_with_prefixes_is_in_the_table() -> None:
    keys = {carrier_key for _, _, _, carrier_key, _ in VALID}
    assert keys >= {"smart", "globe", "dito"}  # GOMO has no prefixes of its own


@pytest.mark.parametrize("text", [row[0] for row in VALID])
def test_each_name_comes_with_the_sources_that_give_it(text: str) -> None:
    national = text.replace(" ", "")[1:]
    for item in parse_phone(text).networks:
        assert item.sources
        for key in item.sources:
            assert key in SOURCES
            if key != LIBPHONENUMBER:
                source = next(s for s in COMMUNITY if s.key == key)
                assert any(
                    name == item.name and national[:3] in listed for name, listed in source.prefixes
                )


# (input, code, params)
ERRORS = [
    # nothing there
    (None, "phone.empty", {}),
    ("", "phone.empty", {}),
    (" ", "phone.empty", {}),
    ("\t\n\u3000\u00a0", "phone.empty", {}),
    ("+", "phone.empty", {}),
    ("()", "phone.empty", {}),
    ("- . -", "phone.empty", {}),
    ("＋", "phone.empty", {}),
    # not text, or too much of it (checked before anything else)
    (9181234567, "input.not_text", {}),
    (b"09181234567", "input.not_text", {}),
    (["0918"], "input.not_text", {}),
    ("0" * 65, "input.too_long", {"limit": "64"}),
    ("a" * 65, "input.too_long", {"limit": "64"}),
    (" " * 65, "input.too_long", {"limit": "64"}),
    # characters that are not part of a number
    ("0918 ABC 4567", "phone.invalid_chars", {"chars": "A B C"}),
    ("0918 abc abc", "phone.invalid_chars", {"chars": "a b c"}),
    ("０９１８ ａｂｃ", "phone.invalid_chars", {"chars": "a b c"}),  # folded first
    ("abcdefgh", "phone.invalid_chars", {"chars": "a b c d e …"}),
    ("tel:+639181234567", "phone.invalid_chars", {"chars": "t e l :"}),
    ("0918 123 4567 ext 12", "phone.invalid_chars", {"chars": "e x t"}),
    ("0918\x00123", "phone.invalid_chars", {"chars": "U+0000"}),
    ("\x00", "phone.invalid_chars", {"chars": "U+0000"}),
    ("0918\u200b1234567", "phone.invalid_chars", {"chars": "U+200B"}),  # zero-width space
    ("\u202e0918 123 4567", "phone.invalid_chars", {"chars": "U+202E"}),  # bidi override
    ("0918 123 4567 😀", "phone.invalid_chars", {"chars": "😀"}),
    ("0918👍\ufe0f", "phone.invalid_chars", {"chars": "👍 U+FE0F"}),
    ("0918/123/4567", "phone.invalid_chars", {"chars": "/"}),
    ("0918，123", "phone.invalid_chars", {"chars": ","}),
    ("0918、123", "phone.invalid_chars", {"chars": ","}),
    ("0918 123 4567#", "phone.invalid_chars", {"chars": "#"}),
    ("٠٩١٨ x ١٢٣", "phone.invalid_chars", {"chars": "x"}),  # a letter among Arabic-Indic digits
    ("0918 ¼ 4567", "phone.invalid_chars", {"chars": "⁄"}),  # NFKC makes ¼ 1⁄4: not one digit
    ("0918 Ⅻ 4567", "phone.invalid_chars", {"chars": "X I"}),  # Roman numerals are letters
    ("0918+123 4567", "phone.invalid_chars", {"chars": "+"}),
    ("63+918 123 4567", "phone.invalid_chars", {"chars": "+"}),
    ("+63 918 123 4567+", "phone.invalid_chars", {"chars": "+"}),
    ("+63 x918 +", "phone.invalid_chars", {"chars": "x +"}),
    # too short
    ("0", "phone.too_short", {}),
    ("09", "phone.too_short", {}),
    ("0918", "phone.too_short", {}),
    ("0918 123 456", "phone.too_short", {}),  # 9 national digits
    ("918 123 456", "phone.too_short", {}),
    ("+63", "phone.too_short", {}),
    ("++63", "phone.too_short", {}),
    ("0063", "phone.too_short", {}),
    ("+63 0", "phone.too_short", {}),
    ("+63 918 123 456", "phone.too_short", {}),
    ("63918123456", "phone.too_short", {}),  # country code, then 9 digits
    ("00", "phone.too_short", {}),
    ("+6", "phone.too_short", {}),
    ("+8", "phone.too_short", {}),
    # too long
    ("0918 123 45678", "phone.too_long", {}),  # 11 national digits
    ("٠٩١٨ ١٢٣ ٤٥٦", "phone.too_short", {}),  # the same rules in any script's digits
    ("٠٩١٨ ١٢٣ ٤٥٦٧٨", "phone.too_long", {}),
    ("٠٢ ٨١٢٣ ٤٥٦٧", "phone.not_mobile", {}),
    ("+٨٦ ١٣٨ ٠٠١٣ ٨٠٠٠", "phone.not_ph", {"country_code": "86"}),
    ("+63 918 123 45678", "phone.too_long", {}),
    ("0918 123 4567 0918 123 4567", "phone.too_long", {}),
    ("6391812345678", "phone.too_long", {}),
    # another country (needs + or 00)
    ("+86 138 0013 8000", "phone.not_ph", {"country_code": "86"}),
    ("0086 138 0013 8000", "phone.not_ph", {"country_code": "86"}),
    ("+86", "phone.not_ph", {"country_code": "86"}),
    ("+852 1234 5678", "phone.not_ph", {"country_code": "852"}),
    ("+853 6612 3456", "phone.not_ph", {"country_code": "853"}),
    ("+886 912 345 678", "phone.not_ph", {"country_code": "886"}),
    ("+1 212 555 0100", "phone.not_ph", {"country_code": "1"}),
    ("+1", "phone.not_ph", {"country_code": "1"}),
    ("+7 912 345 6789", "phone.not_ph", {"country_code": "7"}),
    ("+44 7700 900123", "phone.not_ph", {"country_code": "44"}),
    ("+65 8123 4567", "phone.not_ph", {"country_code": "65"}),
    ("+971 50 123 4567", "phone.not_ph", {"country_code": "971"}),
    ("+9181234567", "phone.not_ph", {"country_code": "91"}),  # India, not 0918 without the 0
    ("+8131234567", "phone.not_ph", {"country_code": "81"}),
    ("(+86) 138 0013 8000", "phone.not_ph", {"country_code": "86"}),
    ("＋８６ １３８ ００１３ ８０００", "phone.not_ph", {"country_code": "86"}),
    ("+86 138 0013 800", "phone.not_ph", {"country_code": "86"}),  # foreign, whatever the length
    # not a mobile number
    ("02 8123 4567", "phone.not_mobile", {}),  # Metro Manila landline
    ("(02) 8123-4567", "phone.not_mobile", {}),
    ("+63 2 8123 4567", "phone.not_mobile", {}),
    ("632 8123 4567", "phone.not_mobile", {}),
    ("8123 4567", "phone.not_mobile", {}),
    ("032 234 5678", "phone.not_mobile", {}),  # Cebu landline
    ("0814 123 4567", "phone.not_mobile", {}),  # an 08 prefix no source lists
    ("0800 123 4567", "phone.not_mobile", {}),
    ("0890 123 4567", "phone.not_mobile", {}),  # 089 is Dito's block, only 0895-0898 are mobile
    ("0899 123 4567", "phone.not_mobile", {}),
    ("1800 1234 5678", "phone.not_mobile", {}),  # toll free
    ("02", "phone.not_mobile", {}),
    ("1", "phone.not_mobile", {}),
    ("02 8123 4567 890", "phone.not_mobile", {}),
    ("86 138 0013 8000", "phone.not_mobile", {}),  # without + or 00 it is read as Philippine
    ("+999 123 4567", "phone.not_mobile", {}),  # no such country code
    ("+28 123 4567", "phone.not_mobile", {}),
    ("000 0918 123 4567", "phone.not_mobile", {}),  # 00, trunk 0, then 0918...
    ("0000000000", "phone.not_mobile", {}),
    ("0063 00918 123 4567", "phone.not_mobile", {}),  # only one trunk 0 is dropped
]


@pytest.mark.parametrize(("text", "code", "params"), ERRORS)
def test_errors(text: object, code: str, params: dict[str, str]) -> None:
    with pytest.raises(CheckerError) as caught:
        parse_phone(text)
    assert (caught.value.code, caught.value.params) == (code, params)


def test_every_error_code_is_covered() -> None:
    assert {code for _, code, _ in ERRORS} == ERROR_CODES


@pytest.mark.parametrize(
    ("code", "params"),
    sorted({(code, tuple(sorted(params.items()))) for _, code, params in ERRORS}),
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_error_has_a_message(
    code: str, params: tuple[tuple[str, str], ...], lang: str
) -> None:
    zh, en = CATALOG[code]
    assert zh.strip() and en.strip()
    text = message(code, lang, **dict(params))
    for value in dict(params).values():
        assert value in text
    assert "{" not in text


def test_input_too_long_is_checked_before_anything_else() -> None:
    assert len("+86" + "x" * 62) == 65
    with pytest.raises(CheckerError) as caught:
        parse_phone("+86" + "x" * 62)
    assert caught.value.code == "input.too_long"


def test_sixty_four_characters_are_read() -> None:
    text = " " * 25 + "0918 123 4567" + " " * 26
    assert len(text) == 64
    assert parse_phone(text) == SMART_918


def test_phone_number_is_frozen() -> None:
    with pytest.raises(AttributeError):
        SMART_918.e164 = "+639170000000"  # type: ignore[misc]


def test_every_network_in_the_data_has_a_decision() -> None:
    # A new name in any source needs a human to decide whose rules it follows.
    names = {item.name for n in range(10**3) for item in allocations(f"{n:03d}0000000")}
    assert names == {"Smart", "Sun", "Globe", "DITO"}
    assert names <= set(CARRIER_KEYS)
    assert {name for s in COMMUNITY for name, _ in s.prefixes} <= set(CARRIER_KEYS)
    assert {key for key in CARRIER_KEYS.values() if key is not None} <= set(CARRIERS)


@pytest.mark.parametrize("first", "123456789")
def test_a_prefix_is_refused_only_when_no_source_lists_it(first: str) -> None:
    # Every 9 prefix is accepted (with a warning when no source lists it); another only when
    # some source lists it as mobile.
    for n in range(100):
        national = f"{first}{n:02d}1234567"
        try:
            number = parse_phone("0" + national)
        except CheckerError as error:
            assert error.code == "phone.not_mobile"
            assert first != "9" and not known(national)
        else:
            assert number.confirmed is known(national)
            assert first == "9" or number.confirmed


def test_generated_tables_are_sane() -> None:
    prefixes = _prefixes.MOBILE_PREFIXES
    assert {"813", "817", "895", "896", "897", "898"} <= set(prefixes)
    assert len(set(prefixes)) == len(prefixes)
    for a in prefixes:
        assert a.isdigit() and len(a) <= _prefixes.MOBILE_LENGTH
        assert not any(b != a and b.startswith(a) for b in prefixes)
    codes = _prefixes.COUNTRY_CODES
    assert {"1", "63", "86", "852"} <= codes
    for a in codes:
        assert not any(b != a and b.startswith(a) for b in codes)
    assert all(key.isdigit() for key in _prefixes.NETWORKS)


# --- Invariants -------------------------------------------------------------------


@st.composite
def mobile_numbers(draw: st.DrawFn) -> str:
    """A valid national significant number (10 digits, no trunk 0)."""
    prefix = draw(st.sampled_from(_prefixes.MOBILE_PREFIXES))
    rest = _prefixes.MOBILE_LENGTH - len(prefix)
    return prefix + draw(st.text(string.digits, min_size=rest, max_size=rest))


SEPARATOR = st.sampled_from(["", " ", "-", ".", "\u3000", "－", " - "])


@st.composite
def typed(draw: st.DrawFn, national: str) -> str:
    """``national`` as someone might type it, with random separators and widths."""
    lead = draw(st.sampled_from(["0", "+63", "+63 (0)", "0063", "63", "", "(0", "+630"]))
    groups = [national[:3], national[3:6], national[6:]]
    if lead == "(0":
        groups[0] += ")"
    text = lead + draw(SEPARATOR) + groups[0]
    for group in groups[1:]:
        text += draw(SEPARATOR) + group
    if draw(st.booleans()):
        text = unicodedata.normalize("NFKC", text).translate(_FULL_WIDTH)
    return text


_FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + "+()"})


@settings(deadline=None)
@given(st.data())
def test_typed_forms_of_a_valid_number_agree(data: st.DataObject) -> None:
    national = data.draw(mobile_numbers())
    number = parse_phone(data.draw(typed(national)))
    assert number.e164 == "+63" + national
    assert number.national.replace(" ", "") == "0" + national


# Every decimal digit there is, by value: Unicode category Nd, what re's \\d matches.
_ND_DIGITS = [ch for ch in map(chr, range(0x110000)) if ch.isdecimal()]
_ND_BY_VALUE = {v: [ch for ch in _ND_DIGITS if unicodedata.decimal(ch) == v] for v in range(10)}


@settings(deadline=None)
@given(st.data())
def test_any_scripts_digits_read_as_the_ascii_ones(data: st.DataObject) -> None:
    """Each digit of a typed number swapped for any Nd digit of the same value: same number."""
    text = data.draw(typed(data.draw(mobile_numbers())))
    swapped = "".join(
        data.draw(st.sampled_from(_ND_BY_VALUE[int(ch)])) if ch in string.digits else ch
        for ch in text
    )
    assert parse_phone(swapped) == parse_phone(text)


@settings(deadline=None)
@given(st.characters())
def test_the_phone_reads_the_digits_the_date_reads(ch: str) -> None:
    """A character the date field reads as a digit the phone field reads as one, and back."""
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1 or not folded.strip() or folded in "+-.()\u3002\u30fc":
        return  # not one character after folding, or a separator that both read as such
    try:
        day = parse_date(f"2026-03-1{ch}", field="last_reload").day
    except CheckerError:
        day = None
    try:
        last = parse_phone(f"0918 123 456{ch}").e164[-1]
    except CheckerError:
        last = None
    assert (day is None) == (last is None), ch
    if day is not None:
        assert day == 10 + int(last)


@settings(deadline=None)
@given(mobile_numbers())
def test_parsing_is_idempotent(national: str) -> None:
    number = parse_phone("0" + national)
    assert parse_phone(number.e164) == number
    assert parse_phone(number.national) == number
    keys = {CARRIER_KEYS.get(item.name) for item in number.networks}
    assert number.carrier_key == (keys.pop() if len(keys) == 1 else None)
    assert number.network in ("", *(item.name for item in number.networks))
    assert number.national[0] == "0" and [len(g) for g in number.national.split()] == [4, 3, 4]


@settings(deadline=None)
@given(mobile_numbers(), st.integers(1, 9), st.text(string.digits, min_size=1, max_size=20))
def test_a_mobile_number_cut_or_extended(national: str, cut: int, extra: str) -> None:
    for text, code in [
        ("0" + national[:-cut], "phone.too_short"),
        ("+63" + national[:-cut], "phone.too_short"),
        ("0" + national + extra, "phone.too_long"),
        ("+63" + national + extra, "phone.too_long"),
    ]:
        with pytest.raises(CheckerError) as caught:
            parse_phone(text)
        assert caught.value.code == code, text


def _check_outcome(text: object) -> None:
    try:
        number = parse_phone(text)
    except CheckerError as error:
        assert error.code in ERROR_CODES
        assert all(isinstance(v, str) for v in error.params.values())
        for lang in ("zh", "en"):
            assert message(error.code, lang, **error.params)
        chars = error.params.get("chars", "")
        assert len(chars) <= 5 * 8 + 2
        assert all(ch.isprintable() for ch in chars)
    else:
        assert isinstance(number, PhoneNumber)
        assert parse_phone(number.e164) == number


@settings(deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_a_number_or_a_checker_error(text: str) -> None:
    _check_outcome(text)


PHONEISH = st.text(st.sampled_from("0123456789 +-.()（）＋０９６３\u3000x"), max_size=30)


@settings(deadline=None)
@given(PHONEISH)
def test_phone_like_text_gives_a_number_or_a_checker_error(text: str) -> None:
    _check_outcome(text)


@settings(deadline=None)
@given(st.none() | st.integers() | st.floats() | st.binary() | st.lists(st.integers()))
def test_anything_else_gives_a_checker_error(value: object) -> None:
    with pytest.raises(CheckerError):
        parse_phone(value)
