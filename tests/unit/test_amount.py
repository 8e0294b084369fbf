"""Amounts: what people type, and every way to get it wrong."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.amount import parse_amount
from checker.errors import CheckerError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100", "100.00"),
        ("₱100", "100.00"),
        ("P100", "100.00"),
        ("p 100", "100.00"),
        ("PHP 100", "100.00"),
        ("php 50", "50.00"),
        ("Php50", "50.00"),
        ("100 PHP", "100.00"),
        ("50 pesos", "50.00"),
        ("1,000", "1000.00"),
        ("10,000", "10000.00"),
        ("１００", "100.00"),
        ("１，０００．５０", "1000.50"),
        ("100.50", "100.50"),
        ("100.5", "100.50"),
        ("0.01", "0.01"),
        ("+100", "100.00"),
        ("  300  ", "300.00"),
        ("\u3000500\u3000", "500.00"),
        ("100。50", "100.50"),
    ],
)
def test_accepted(text: str, expected: str) -> None:
    assert parse_amount(text).text == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "amount.empty"),
        ("   ", "amount.empty"),
        (None, "amount.empty"),
        ("₱", "amount.empty"),
        ("PHP", "amount.empty"),
        ("abc", "amount.not_a_number"),
        ("100abc", "amount.not_a_number"),
        ("1,00", "amount.not_a_number"),
        ("1,0000", "amount.not_a_number"),
        ("100.", "amount.not_a_number"),
        (".5", "amount.not_a_number"),
        ("1.2.3", "amount.not_a_number"),
        ("$100", "amount.not_a_number"),
        ("100 USD", "amount.not_a_number"),
        ("0", "amount.not_positive"),
        ("0.00", "amount.not_positive"),
        ("-5", "amount.not_positive"),
        ("−100", "amount.not_positive"),
        ("100.505", "amount.too_many_decimals"),
        ("0.001", "amount.too_many_decimals"),
        ("1e3", "amount.exponent"),
        ("1E+3", "amount.exponent"),
        ("NaN", "amount.exponent"),
        ("nan", "amount.exponent"),
        ("sNaN", "amount.exponent"),
        ("Infinity", "amount.exponent"),
        ("-inf", "amount.exponent"),
        ("10000.01", "amount.too_large"),
        ("10,001", "amount.too_large"),
        ("9" * 60, "amount.too_large"),
        ("1" * 65, "input.too_long"),
        (100, "input.not_text"),
        (Decimal("100"), "input.not_text"),
    ],
)
def test_rejected(text: object, code: str) -> None:
    with pytest.raises(CheckerError) as caught:
        parse_amount(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "warned"),
    [("19.99", True), ("5", True), ("20", False), ("100", False)],
)
def test_small_amounts_warn_but_pass(text: str, warned: bool) -> None:
    assert (parse_amount(text).warnings == ("amount.unusually_small",)) is warned


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10000"), places=2))
def test_round_trip(value: Decimal) -> None:
    amount = parse_amount(f"{value:,.2f}")
    assert amount.value == value
    assert parse_amount(amount.text) == amount


@given(st.text(max_size=80))
def test_only_checker_errors(text: str) -> None:
    try:
        amount = parse_amount(text)
    except CheckerError:
        return
    assert Decimal("0") < amount.value <= Decimal("10000")
