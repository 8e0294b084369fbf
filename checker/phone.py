"""Reading a Philippine mobile number the way people really type it.

:func:`parse_phone` accepts ``+63 918 123 4567``, ``0918-123-4567``,
``639181234567``, ``00639181234567``, ``(0918) 123 4567``, ``9181234567``,
``+63 (0) 918 123 4567``, full-width digits, Chinese punctuation and the
decimal digits of any script (Arabic-Indic ``٠٩١٨``, Persian, Devanagari, ...),
as the date fields do, and returns a :class:`PhoneNumber`, or raises
:class:`~checker.errors.CheckerError`.

Which ranges are mobile, and which network each prefix was originally allocated
to, come from :mod:`checker.prefixes`: libphonenumber's data (copied into
:mod:`checker._prefixes` by ``scripts/generate_prefixes.py``; this module never imports
``phonenumbers``) and the community prefix lists, each name with its sources.

Precedence: the first check that fails names the error.

1. :func:`checker.text.normalise`: ``input.not_text``; ``input.too_long`` (more
   than 64 characters, before any other work); ``phone.empty`` (``None``,
   nothing or only spaces).
2. ``phone.invalid_chars``: any character other than decimal digits (Unicode category
   Nd, the ``\\d`` that :mod:`checker.dates` reads), spaces and
   ``+ - . ( )``, or a ``+`` after the first digit. ``chars`` lists the
   offenders once each in order, at most five, with invisible ones written as
   ``U+XXXX``.
3. ``phone.empty``: separators but no digit (``+``, ``( )``, ``-``).
4. The international prefix, ``+`` (repeated pluses count as one) or ``00``:

   * a country calling code other than 63 -> ``phone.not_ph`` (``country_code``
     is ``"86"`` for ``+86 ...`` and ``0086 ...``), whatever the length;
   * too few digits for a country code (``+6``, ``00``) -> ``phone.too_short``;
   * digits that start no country code (``+999 ...``, an unallocated range) ->
     ``phone.not_mobile``;
   * a ``0`` right after the prefix (``+0918 ...``, ``00 0918 ...``): no calling
     code starts with 0, so it is the domestic trunk 0 and the prefix a slip
     (``+00 63 ...`` is ``00 63 ...``).

   Without a prefix, a leading ``0`` is the trunk prefix, 11 or more digits
   starting with ``63`` carry the country code, and anything else is the
   national number itself (``9181234567``).
   After ``63`` one trunk ``0`` is dropped (``+63 (0) 918 ...``, ``0063 0918 ...``).
5. The national number (10 digits for a mobile):

   * no digit left (``+63``, ``0``) -> ``phone.too_short``;
   * it cannot be, or start, a mobile number (landline ``02 8123 4567``,
     ``+63 2 8123 4567``, ``0800 123 4567``) -> ``phone.not_mobile``. Every ``09`` number
     can be: a ``09xx`` prefix that no source lists is accepted with ``confirmed`` False
     (the answer warns), never refused;
   * it is the start of a mobile number -> ``phone.too_short``;
   * a mobile number with digits to spare -> ``phone.too_long``.

Numbers written without ``+`` or ``00`` are taken as Philippine: ``86 138 0013
8000`` is ``phone.not_mobile``, not ``phone.not_ph``.

>>> parse_phone("+63 918 123 4567").network
'Smart'
>>> parse_phone("０９１７－１２３－４５６７").carrier_key
'globe'
>>> parse_phone("0924 123 4567").network  # sources disagree: DITO or Sun
''
>>> parse_phone("0904 123 4567").confirmed  # libphonenumber refuses it; lists give it to Globe
True
>>> parse_phone("0980 123 4567").confirmed  # no source lists it: accepted, with a warning
False
>>> parse_phone("٠٩١٨ ١٢٣ ٤٥٦٧").e164  # Arabic-Indic digits, as typed in the Gulf
'+639181234567'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ._prefixes import COUNTRY_CODE, COUNTRY_CODES, MOBILE_LENGTH
from .errors import CheckerError
from .prefixes import Allocation, allocations, could_be_mobile, known
from .text import normalise

__all__ = ["CARRIER_KEYS", "PhoneNumber", "parse_phone"]

# The sources name the operator a range was allocated to, not a brand, and a ported
# number keeps its prefix (RA 11202), so the network is shown only as "originally
# allocated to". Smart Communications sells Smart, TNT (Talk 'N Text) and Sun, which
# follow Smart's rules; Globe sells Globe and TM (GOMO is Globe's too, but has no
# prefixes of its own). A name missing here maps to None; a unit test fails on any name
# in the prefix data that is not listed, so a new name gets a human decision.
CARRIER_KEYS: dict[str, str | None] = {
    "Smart": "smart",
    "TNT": "smart",
    "Talk 'N Text": "smart",
    "Talk & Text": "smart",
    "Sun": "smart",
    "Sun Cellular": "smart",
    "Globe": "globe",
    "TM": "globe",
    "DITO": "dito",
}

_SEPARATORS = frozenset(" -.()")
_MAX_SHOWN = 5
_MAX_CODE_LENGTH = max(len(code) for code in COUNTRY_CODES)


@dataclass(frozen=True)
class PhoneNumber:
    """A valid Philippine mobile number.

    ``networks`` are the networks the sources give its prefix, each with its sources;
    ``network`` is the one name when they agree ("" when they disagree or name none);
    ``carrier_key`` is the carrier (``checker.carriers``) whose rules they all point to,
    else ``None``; ``confirmed`` is False for a ``09xx`` prefix no source lists.
    """

    e164: str
    national: str
    network: str
    carrier_key: str | None
    networks: tuple[Allocation, ...] = ()
    confirmed: bool = True


def parse_phone(text: object) -> PhoneNumber:
    """Read a Philippine mobile number, or raise :class:`CheckerError` (see the module).

    >>> parse_phone("(0918) 123-4567").e164
    '+639181234567'
    >>> parse_phone("+63 (0) 895 123 4567").national
    '0895 123 4567'
    >>> parse_phone("0924 123 4567").carrier_key is None  # DITO or Sun (Smart)
    True
    >>> parse_phone("+86 138 0013 8000")
    Traceback (most recent call last):
    ...
    checker.errors.CheckerError: phone.not_ph
    >>> parse_phone("02 8123 4567")
    Traceback (most recent call last):
    ...
    checker.errors.CheckerError: phone.not_mobile
    >>> try:
    ...     parse_phone("0918-ABC-4567")
    ... except CheckerError as error:
    ...     print(error.code, error.params)
    phone.invalid_chars {'chars': 'A B C'}
    """
    cleaned = normalise(text, field="phone")
    digits, international = _digits(cleaned)
    national = _national(digits, international)
    return _mobile(national)


def _digits(cleaned: str) -> tuple[str, bool]:
    """The digits, and whether a leading ``+`` marked them international."""
    digits: list[str] = []
    bad: list[str] = []
    plus = False
    for ch in cleaned:
        if ch.isdecimal():  # category Nd, any script: what re's \d matches in dates.py
            digits.append(str(unicodedata.decimal(ch)))
        elif ch == "+" and not digits:
            plus = True
        elif ch not in _SEPARATORS and ch not in bad:
            bad.append(ch)
    if bad:
        shown = [_show(ch) for ch in bad[:_MAX_SHOWN]]
        if len(bad) > _MAX_SHOWN:
            shown.append("…")
        raise CheckerError("phone.invalid_chars", chars=" ".join(shown))
    if not digits:
        raise CheckerError("phone.empty")
    return "".join(digits), plus


def _show(ch: str) -> str:
    """A character as it can safely appear in a message: itself, or ``U+XXXX``."""
    if ch.isprintable() and unicodedata.category(ch)[0] not in "CMZ":
        return ch
    return f"U+{ord(ch):04X}"


def _national(digits: str, international: bool) -> str:
    """The national significant number: country code and trunk 0 removed."""
    if digits.startswith("00"):
        digits, international = digits[2:], True
    if international and digits.startswith("0"):
        international = False  # no calling code starts with 0: it is the trunk 0 after a stray +
    if international:
        code = next(
            (digits[:n] for n in range(1, _MAX_CODE_LENGTH + 1) if digits[:n] in COUNTRY_CODES),
            None,
        )
        if code is None:
            could_grow = any(known.startswith(digits) for known in COUNTRY_CODES)
            raise CheckerError("phone.too_short" if could_grow else "phone.not_mobile")
        if code != COUNTRY_CODE:
            raise CheckerError("phone.not_ph", country_code=code)
        return _drop_trunk(digits[len(code) :])
    if digits.startswith("0"):
        return digits[1:]
    if digits.startswith(COUNTRY_CODE) and len(digits) > MOBILE_LENGTH:
        return _drop_trunk(digits[len(COUNTRY_CODE) :])
    return digits


def _drop_trunk(national: str) -> str:
    return national[1:] if national.startswith("0") else national


def _mobile(national: str) -> PhoneNumber:
    if not national:
        raise CheckerError("phone.too_short")
    if not could_be_mobile(national[:3]):
        raise CheckerError("phone.not_mobile")
    if len(national) < MOBILE_LENGTH:
        raise CheckerError("phone.too_short")
    if len(national) > MOBILE_LENGTH:
        raise CheckerError("phone.too_long")
    found = allocations(national)
    keys = {CARRIER_KEYS.get(item.name) for item in found}
    return PhoneNumber(
        e164=f"+{COUNTRY_CODE}{national}",
        national=f"0{national[:3]} {national[3:6]} {national[6:]}",
        network=found[0].name if len(found) == 1 else "",
        carrier_key=keys.pop() if len(keys) == 1 else None,
        networks=found,
        confirmed=known(national),
    )
