"""Whose rules date a line: the reader's ``carrier`` choice, or the number's prefix.

The form's ``carrier`` field is ``auto`` unless the reader picks one. ``auto`` reads the
carrier from the prefix's original allocation (:mod:`checker.prefixes`): one carrier when
the sources agree; when they disagree (0924: DITO or Sun), every carrier they name is
dated and the one whose reload-by date comes soonest is used, the conservative side; with
no number, or a prefix no source lists, Smart's (the site's readers' carrier). A ported
number keeps its prefix (RA 11202), so the answer says which carrier it used and why, and
the reader can change it.

>>> from checker.phone import parse_phone
>>> choose("auto", parse_phone("0917 123 4567"))
Choice(candidates=('globe',), basis='number')
>>> choose("auto", parse_phone("0924 123 4567"))
Choice(candidates=('dito', 'smart'), basis='conflict')
>>> choose(" GOMO ", parse_phone("0917 123 4567"))
Choice(candidates=('gomo',), basis='chosen')
>>> choose("", None)
Choice(candidates=('smart',), basis='default')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from .carriers import AUTO, CARRIERS, CHOICES, DEFAULT_CARRIER
from .errors import CheckerError
from .estimate import Estimate
from .messages import message
from .phone import CARRIER_KEYS, PhoneNumber
from .prefixes import SOURCES
from .text import normalise

if TYPE_CHECKING:  # the shapes are for type checkers only; the wheel leaves them out
    from .web.shapes import AssumptionAnswer, NetworkAnswer

Basis = Literal["chosen", "number", "conflict", "default"]


@dataclass(frozen=True)
class Choice:
    """The carriers to date a line by (one, or those the sources disagree on), and why."""

    candidates: tuple[str, ...]
    basis: Basis


def read_choice(value: object) -> str:
    """The carrier field's value: one of :data:`checker.carriers.CHOICES`; blank is ``auto``.

    >>> read_choice(None), read_choice(" Globe ")
    ('auto', 'globe')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return AUTO
    try:
        text = normalise(value, field="carrier").lower()
    except CheckerError as error:  # not text, or too long: still the carrier field's error
        error.params.setdefault("field", "carrier")
        raise
    if text not in CHOICES:
        raise CheckerError("carrier.unknown", field="carrier")
    return text


def choose(value: object, number: PhoneNumber | None) -> Choice:
    choice = read_choice(value)
    if choice != AUTO:
        return Choice((choice,), "chosen")
    keys = _number_carriers(number)
    if not keys:
        return Choice((DEFAULT_CARRIER,), "default")
    return Choice(keys, "number" if len(keys) == 1 else "conflict")


def _number_carriers(number: PhoneNumber | None) -> tuple[str, ...]:
    if number is None:
        return ()
    keys = {CARRIER_KEYS.get(item.name) for item in number.networks}
    return tuple(sorted(key for key in keys if key in CARRIERS))


def soonest(choice: Choice, date_it: Callable[[str], Estimate]) -> Estimate:
    """The estimate of the carrier whose dates come soonest; a carrier that cannot date this
    line (PasaLoad outside Smart) is left out, unless none can."""
    dated: list[Estimate] = []
    first_error: CheckerError | None = None
    for key in choice.candidates:
        try:
            dated.append(date_it(key))
        except CheckerError as error:
            first_error = first_error or error
    if not dated:
        assert first_error is not None
        raise first_error
    return min(dated, key=lambda e: (e.reload_by or date.max, e.deactivates_on or date.max))


def networks_text(number: PhoneNumber, lang: str) -> str:
    """The networks a prefix was first allocated to, as a reader reads them: "DITO / Sun"."""
    return " / ".join(item.name for item in number.networks)


def networks_list(number: PhoneNumber) -> list[NetworkAnswer]:
    """JSON ``networks``: each name with its sources (key, title, url)."""
    return [
        {
            "name": item.name,
            "sources": [
                {"key": key, "title": SOURCES[key][0], "url": SOURCES[key][1]}
                for key in item.sources
            ],
        }
        for item in number.networks
    ]


def number_warnings(number: PhoneNumber) -> tuple[str, ...]:
    if not number.confirmed:
        return ("phone.unconfirmed_prefix",)
    if len(_number_carriers(number)) > 1:
        return ("phone.networks_disagree",)
    return ()


def carrier_name(key: str, lang: str) -> str:
    return message(f"carrier.{key}", lang)


def assumption(
    choice: Choice, used: str, number: PhoneNumber | None, lang: str
) -> AssumptionAnswer:
    """The assumption that names whose rules the dates follow, linked to that carrier's rules."""
    code = f"assumption.carrier.{choice.basis}"
    network = networks_text(number, lang) if number is not None else ""
    words = message(code, lang, carrier=carrier_name(used, lang), network=network, networks=network)
    rule = "load_validity" if used == DEFAULT_CARRIER else f"{used}.load_validity"
    return {"code": code, "message": words, "rule": rule}
