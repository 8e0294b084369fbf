"""Reading a reload amount in pesos; money is ``Decimal``, never float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .errors import CheckerError
from .rules import rule
from .text import normalise

_CURRENCY = re.compile(r"^(?:₱|php|p)\s*|\s*(?:php|pesos?)$", re.IGNORECASE)
_PLAIN = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?")
_EXPONENT_OR_SPECIAL = re.compile(
    r"^[+-]?(?:[\d.,]+e[+-]?\d+|nan|s?nan|inf(?:inity)?)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Amount:
    value: Decimal
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Two decimals, no grouping: ``"1000.00"``."""
        return f"{self.value:.2f}"


def parse_amount(text: object) -> Amount:
    """Read ``100``, ``₱100``, ``P100``, ``PHP 100``, ``1,000``, ``１００`` or ``100.50``.

    >>> parse_amount("PHP 1,000").text
    '1000.00'
    >>> parse_amount("₱10").warnings
    ('amount.unusually_small',)
    >>> parse_amount("1e3")
    Traceback (most recent call last):
    ...
    checker.errors.CheckerError: amount.exponent
    """
    cleaned = _CURRENCY.sub("", normalise(text, field="amount"), count=2).strip()
    if not cleaned:
        raise CheckerError("amount.empty")
    if _EXPONENT_OR_SPECIAL.match(cleaned):
        raise CheckerError("amount.exponent")
    match = _PLAIN.fullmatch(cleaned)
    if match is None:
        raise CheckerError("amount.not_a_number")
    decimals = match.group(1) or ""
    if len(decimals) > 2:
        raise CheckerError("amount.too_many_decimals")
    value = Decimal(cleaned.replace(",", ""))
    if value <= 0:
        raise CheckerError("amount.not_positive")
    if value > rule("amount_max").whole:
        raise CheckerError("amount.too_large")
    warnings = ("amount.unusually_small",) if value < rule("amount_small").whole else ()
    return Amount(value=value, warnings=warnings)
