"""checker.phone against libphonenumber itself (the ``phonenumbers`` package).

CPython only: ``phonenumbers`` is a dev dependency and never ships with the checker.
"""

from __future__ import annotations

import importlib.util
import random
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

if sys.platform == "emscripten":  # pragma: no cover
    pytest.skip("the oracle needs phonenumbers (CPython only)", allow_module_level=True)

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType, carrier

from checker import _prefixes
from checker.errors import CheckerError
from checker.phone import PhoneNumber, parse_phone

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "scripts" / "generate_prefixes.py"
GENERATED = ROOT / "checker" / "_prefixes.py"
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_prefixes", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- The generated table is what the generator makes today ----------------------------


def test_generated_file_has_not_drifted() -> None:
    assert _generator().render() == GENERATED.read_text(encoding="utf-8"), (
        "checker/_prefixes.py is stale: run .venv/bin/python scripts/generate_prefixes.py"
    )


def test_generator_writes_and_checks_a_file(tmp_path: Path) -> None:
    generator = _generator()
    output = tmp_path / "_prefixes.py"
    assert generator.main(["--check", "--output", str(output)]) == 1
    assert generator.main(["--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == GENERATED.read_text(encoding="utf-8")
    assert generator.main(["--check", "--output", str(output)]) == 0


def test_generated_file_is_small() -> None:
    assert GENERATED.stat().st_size < 8_000


def test_generated_version_is_the_installed_one() -> None:
    assert phonenumbers.__version__ == _prefixes.PHONENUMBERS_VERSION


# --- Number by number, the checker agrees with libphonenumber ------------------------


def _oracle(national: str) -> PhoneNumber | None:
    """What libphonenumber says about the national number ``national`` (no trunk 0)."""
    number = phonenumbers.PhoneNumber(country_code=63, national_number=int(national))
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) not in MOBILE_TYPES:
        return None
    network = carrier.name_for_number(number, "en")
    return PhoneNumber(
        e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        national=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        network=network,
        carrier_key=None,  # not libphonenumber's business; compared separately
    )


def _checker(text: str) -> PhoneNumber | str:
    try:
        return parse_phone(text)
    except CheckerError as error:
        return error.code


# Every way the checker differs from libphonenumber, by national prefix, and why
# (shared/facts/smart-prepaid.md, section 11). libphonenumber is one source of the checker's
# prefixes (checker.prefixes), not the judge of them.
REFUSED_LISTED = "libphonenumber refuses it (pattern unchanged since 2021); a list gives it as live"
REFUSED_UNKNOWN = "no source lists it; a 09xx number is accepted with a warning, never refused"
UNNAMED = "libphonenumber takes it as mobile but names no network; the prefix lists name one"
CONFLICT = "the sources disagree: network is empty and networks lists each name"
SPELLING = "libphonenumber spells DITO 'Dito'"
DIFFERENCES: dict[str, str] = {
    "817": UNNAMED,
    "895": SPELLING,
    "896": SPELLING,
    "897": SPELLING,
    "898": SPELLING,
    "900": REFUSED_LISTED,  # a 2017 list only
    "901": REFUSED_UNKNOWN,
    "902": REFUSED_UNKNOWN,
    "903": REFUSED_UNKNOWN,
    "904": REFUSED_LISTED,  # Globe
    "913": REFUSED_LISTED,  # Smart/TNT
    "914": CONFLICT,  # libphonenumber Globe, the lists Smart
    "922": CONFLICT,  # libphonenumber Smart, the lists Sun (both Smart's rules)
    "923": CONFLICT,
    "924": CONFLICT,  # libphonenumber DITO, the lists Sun
    "925": CONFLICT,
    "931": CONFLICT,
    "932": CONFLICT,
    "933": CONFLICT,
    "934": CONFLICT,  # libphonenumber DITO, the lists Sun
    "940": REFUSED_LISTED,  # Sun
    "941": REFUSED_LISTED,  # Sun
    "942": CONFLICT,
    "943": CONFLICT,
    "944": CONFLICT,  # libphonenumber DITO, the lists Sun
    "962": CONFLICT,
    "973": UNNAMED,
    "974": UNNAMED,
    "979": UNNAMED,
    "980": REFUSED_UNKNOWN,
    "982": REFUSED_UNKNOWN,
    "984": REFUSED_UNKNOWN,
    "989": UNNAMED,
    "990": REFUSED_UNKNOWN,
    "991": SPELLING,
    "992": CONFLICT,  # one list gives it to Smart and DITO
    "993": SPELLING,
    "994": CONFLICT,  # one list gives it to Globe and DITO
}


def _difference(expected: PhoneNumber | None, got: PhoneNumber | str) -> str | None:
    """Which kind of difference this is, in the words of :data:`DIFFERENCES`; None if none."""
    if expected is None:
        if isinstance(got, str):
            return None
        return REFUSED_LISTED if got.confirmed else REFUSED_UNKNOWN
    assert isinstance(got, PhoneNumber), got
    assert (got.e164, got.national) == (expected.e164, expected.national)
    if got.network == expected.network:
        return None
    if got.network == "" and len(got.networks) > 1:
        return CONFLICT
    if expected.network == "":
        return UNNAMED
    assert (expected.network, got.network) == ("Dito", "DITO")
    return SPELLING


def _agree(national: str) -> None:
    """The checker says what libphonenumber says, or differs as DIFFERENCES lists."""
    expected = _oracle(national)
    for text in ("0" + national, "+63" + national):
        got = _checker(text)
        kind = _difference(expected, got)
        if kind is not None:
            assert DIFFERENCES.get(national[:3]) == kind, (text, kind)
        elif expected is None and len(national) == _prefixes.MOBILE_LENGTH:
            assert got == "phone.not_mobile", (text, got)


@pytest.mark.parametrize("prefix", sorted(DIFFERENCES))
def test_every_listed_difference_is_real(prefix: str) -> None:
    # A difference that no longer is one (libphonenumber caught up) must leave the list.
    national = f"{prefix}1234567"
    assert _difference(_oracle(national), _checker("0" + national)) == DIFFERENCES[prefix]


def test_the_four_prefixes_reported_upstream_are_accepted() -> None:
    # giggsey/libphonenumber-for-php#455, daddyz/phonelib#166
    for prefix in ("904", "913", "940", "941"):
        assert DIFFERENCES[prefix] == REFUSED_LISTED
        number = parse_phone(f"0{prefix} 123 4567")
        assert number.confirmed and number.networks


def _samples(prefix: str, count: int, rng: random.Random) -> list[str]:
    rest = _prefixes.MOBILE_LENGTH - len(prefix)
    fills = ["0" * rest, "9" * rest]
    fills += ["".join(rng.choice("0123456789") for _ in range(rest)) for _ in range(count)]
    return [prefix + fill for fill in fills]


@pytest.mark.parametrize("first", "123456789")
def test_every_four_digit_prefix_agrees(first: str) -> None:
    """Every 10-digit range 0X000-0X999 (mobile, landline, unallocated), five numbers each."""
    rng = random.Random(int(first))
    for n in range(1000):
        for national in _samples(f"{first}{n:03d}", 3, rng):
            _agree(national)


@pytest.mark.parametrize("prefix", _prefixes.MOBILE_PREFIXES)
def test_every_mobile_prefix_agrees(prefix: str) -> None:
    # Every prefix libphonenumber takes as mobile the checker takes too.
    rng = random.Random(prefix)
    numbers = _samples(prefix, 50, rng)
    for national in numbers:
        _agree(national)
        assert _oracle(national) is not None, national


@pytest.mark.parametrize("prefix", sorted(_prefixes.NETWORKS))
def test_every_network_prefix_agrees(prefix: str) -> None:
    rng = random.Random(prefix)
    for national in _samples(prefix, 20, rng):
        _agree(national)


@settings(deadline=None, max_examples=500)
@given(st.integers(10**9, 10**10 - 1))
def test_random_ten_digit_numbers_agree(number: int) -> None:
    _agree(str(number))


@settings(deadline=None, max_examples=300)
@given(st.from_regex(r"[1-9][0-9]{0,14}", fullmatch=True))
def test_random_lengths_agree(national: str) -> None:
    _agree(national)


# --- Typed forms and other countries --------------------------------------------------

TYPED = [
    "+63 918 123 4567",
    "0918-123-4567",
    "639181234567",
    "00639181234567",
    "(0918) 123 4567",
    "9181234567",
    "+63 (0) 918 123 4567",
    "０９１８１２３４５６７",
    "+63 813 123 4567",
    "0817 123 4567",
    "0895 123 4567",
    "0924 123 4567",
]


@pytest.mark.parametrize("text", TYPED)
def test_typed_forms_agree(text: str) -> None:
    number = phonenumbers.parse(text, "PH")
    got = parse_phone(text)
    assert got.e164 == phonenumbers.format_number(number, PhoneNumberFormat.E164)
    assert got.national == phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    network = carrier.name_for_number(number, "en")
    if got.network != network:
        assert DIFFERENCES[got.national[1:4]] in (CONFLICT, UNNAMED, SPELLING), text


FOREIGN_REGIONS = sorted(
    region
    for region in phonenumbers.SUPPORTED_REGIONS
    if phonenumbers.country_code_for_region(region) != 63
)


@pytest.mark.parametrize("region", FOREIGN_REGIONS)
def test_foreign_numbers_name_their_country_code(region: str) -> None:
    example = phonenumbers.example_number(region) or phonenumbers.example_number_for_type(
        region, PhoneNumberType.FIXED_LINE
    )
    if example is None:
        pytest.skip(f"libphonenumber has no example number for {region}")
    code = str(example.country_code)
    for text in (
        phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.format_number(example, PhoneNumberFormat.E164),
        "00" + phonenumbers.format_number(example, PhoneNumberFormat.E164)[1:],
    ):
        with pytest.raises(CheckerError) as caught:
            parse_phone(text)
        assert (caught.value.code, caught.value.params) == ("phone.not_ph", {"country_code": code})


def test_every_country_code_is_known() -> None:
    codes = {str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE}
    assert codes == _prefixes.COUNTRY_CODES
    for code in codes - {"63"}:
        with pytest.raises(CheckerError) as caught:
            parse_phone(f"+{code} 123 456 789")
        assert caught.value.params == {"country_code": code}


# --- Decimal digits of every script ----------------------------------------------------

# The zero of every run of ten decimal digits (Unicode category Nd): Arabic-Indic, Persian,
# Devanagari, Thai, Myanmar, mathematical, ... libphonenumber reads them all, as we do.
SCRIPT_ZEROS = [
    ch for ch in map(chr, range(0x110000)) if ch.isdecimal() and unicodedata.decimal(ch) == 0
]


def _in_script(text: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(ch)) if ch.isdigit() else ch for ch in text)


def test_every_script_is_tried() -> None:
    assert {"\u0660", "\u06f0", "\u0966", "\u0e50"} <= set(SCRIPT_ZEROS)
    assert len(SCRIPT_ZEROS) > 60


@pytest.mark.parametrize("zero", SCRIPT_ZEROS, ids=lambda zero: f"U+{ord(zero):04X}")
@pytest.mark.parametrize("text", TYPED)
def test_typed_forms_in_every_script_agree(text: str, zero: str) -> None:
    written = _in_script(text, zero)
    number = phonenumbers.parse(written, "PH")
    got = parse_phone(written)
    assert got.e164 == phonenumbers.format_number(number, PhoneNumberFormat.E164)
    assert got.national == phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


@settings(deadline=None, max_examples=300)
@given(st.integers(10**9, 10**10 - 1), st.sampled_from(SCRIPT_ZEROS))
def test_random_numbers_in_any_script_agree(number: int, zero: str) -> None:
    """A number in another script gets the answer its ASCII digits get from the oracle."""
    national = str(number)
    for text in ("0" + national, "+63" + national):
        ascii_answer = _checker(text)
        assert _checker(_in_script(text, zero)) == ascii_answer, (text, zero)
    _agree(national)
