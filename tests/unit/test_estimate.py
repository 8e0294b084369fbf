"""The next-reload estimate, against the definitions in the issue, boundary by boundary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.estimate import ASSUMPTIONS, Assumption, Estimate, ReloadKind, Status, estimate
from checker.rules import rule

D = date.fromisoformat
TODAY = D("2026-11-26")


@pytest.mark.parametrize(
    ("last", "zero", "margin", "load_expires", "balance_ends", "reload_by", "deactivates_on"),
    [
        # The plain case: one calendar year, 30 days margin, 120 days to disconnection.
        ("2026-03-15", None, 30, "2027-03-15", "2027-03-15", "2027-02-13", "2027-07-13"),
        # 29 February -> 28 February.
        ("2024-02-29", None, 30, "2025-02-28", "2025-02-28", "2025-01-29", "2025-06-28"),
        ("2024-02-29", None, 0, "2025-02-28", "2025-02-28", "2025-02-28", "2025-06-28"),
        # The balance reached zero before the load expired: E is the zero date.
        ("2026-03-15", "2026-05-01", 30, "2027-03-15", "2026-05-01", "2026-04-08", "2026-08-29"),
        # A zero date after the expiry changes nothing.
        ("2025-01-10", "2026-02-01", 30, "2026-01-10", "2026-01-10", "2025-12-11", "2026-05-10"),
        # Margin longer than the balance lasted: never before the last reload.
        ("2026-03-15", "2026-03-20", 30, "2027-03-15", "2026-03-20", "2026-03-18", "2026-07-18"),
        ("2026-03-15", "2026-03-15", 90, "2027-03-15", "2026-03-15", "2026-03-15", "2026-07-13"),
        ("2026-03-15", None, 90, "2027-03-15", "2027-03-15", "2026-12-15", "2027-07-13"),
        ("2026-11-26", None, 0, "2027-11-26", "2027-11-26", "2027-11-26", "2028-03-25"),
    ],
)
def test_dates(
    last: str,
    zero: str | None,
    margin: int,
    load_expires: str,
    balance_ends: str,
    reload_by: str,
    deactivates_on: str,
) -> None:
    result = estimate(
        D(last), today=TODAY, zero_balance_since=D(zero) if zero else None, margin_days=margin
    )
    assert result.load_expires == D(load_expires)
    assert result.balance_ends == D(balance_ends)
    assert result.reload_by == D(reload_by)
    assert result.deactivates_on == D(deactivates_on)
    assert result.days_left == (D(reload_by) - TODAY).days


# Last reload 2026-03-15 with the default margin: reload_by 2027-02-13, E 2027-03-15,
# deactivates_on 2027-07-13. Each boundary, and the day on either side of it.
@pytest.mark.parametrize(
    ("today", "status", "days_left"),
    [
        ("2026-03-15", Status.OK, 335),
        ("2027-01-13", Status.OK, 31),
        ("2027-01-14", Status.DUE_SOON, 30),
        ("2027-02-13", Status.DUE_SOON, 0),
        ("2027-02-14", Status.OVERDUE, -1),
        ("2027-03-14", Status.OVERDUE, -29),
        ("2027-03-15", Status.GRACE, -30),
        ("2027-07-12", Status.GRACE, -149),
        ("2027-07-13", Status.DEACTIVATED, -150),
        ("2030-01-01", Status.DEACTIVATED, -1053),
    ],
)
def test_status(today: str, status: Status, days_left: int) -> None:
    result = estimate(D("2026-03-15"), today=D(today))
    assert (result.status, result.days_left) == (status, days_left)


def test_margin_zero_on_the_last_day_is_grace() -> None:
    # reload_by == E: the balance is gone that day, so the conservative status wins.
    result = estimate(D("2026-03-15"), today=D("2027-03-15"), margin_days=0)
    assert result.status is Status.GRACE


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"last_reload": D("2026-11-27")}, "date.in_future", "last_reload"),
        (
            {"last_reload": D("2026-03-15"), "zero_balance_since": D("2026-03-14")},
            "date.zero_before_reload",
            "zero_balance_since",
        ),
        (
            {"last_reload": D("2026-03-15"), "zero_balance_since": D("2026-11-27")},
            "date.zero_in_future",
            "zero_balance_since",
        ),
        ({"last_reload": D("2026-03-15"), "margin_days": -1}, "margin.out_of_range", "margin_days"),
        ({"last_reload": D("2026-03-15"), "margin_days": 91}, "margin.out_of_range", "margin_days"),
    ],
)
def test_rejected(kwargs: dict[str, Any], code: str, field: str) -> None:
    last = kwargs.pop("last_reload")
    with pytest.raises(CheckerError) as caught:
        estimate(last, today=TODAY, **kwargs)
    assert caught.value.code == code
    assert caught.value.params["field"] == field


# PasaLoad lasts the days Smart documents for its amount (facts file, section 9).
@pytest.mark.parametrize(
    ("last", "amount", "zero", "load_expires", "balance_ends", "reload_by", "deactivates_on"),
    [
        ("2026-11-01", "30", None, "2026-11-16", "2026-11-16", "2026-11-09", "2027-03-16"),
        ("2026-11-01", "30.00", None, "2026-11-16", "2026-11-16", "2026-11-09", "2027-03-16"),
        ("2026-11-01", "60", None, "2026-12-01", "2026-12-01", "2026-11-16", "2027-03-31"),
        ("2026-11-01", "100", None, "2026-12-01", "2026-12-01", "2026-11-16", "2027-03-31"),
        ("2026-11-01", "200", None, "2026-12-31", "2026-12-31", "2026-12-01", "2027-04-30"),
        # Across a year end and 29 February: days, not calendar months.
        ("2027-12-31", "200", None, "2028-02-29", "2028-02-29", "2028-01-30", "2028-06-28"),
        # A zero balance before the PasaLoad ends ends the balance then.
        ("2026-11-01", "200", "2026-11-10", "2026-12-31", "2026-11-10", "2026-11-06", "2027-03-10"),
    ],
)
def test_pasaload_dates(
    last: str,
    amount: str,
    zero: str | None,
    load_expires: str,
    balance_ends: str,
    reload_by: str,
    deactivates_on: str,
) -> None:
    today = max(D(last), D(zero) if zero else D(last))
    result = estimate(
        D(last),
        today=today,
        zero_balance_since=D(zero) if zero else None,
        kind=ReloadKind.PASALOAD,
        amount=Decimal(amount),
    )
    assert (result.kind, result.load_expires) == (ReloadKind.PASALOAD, D(load_expires))
    assert (result.balance_ends, result.reload_by) == (D(balance_ends), D(reload_by))
    assert result.deactivates_on == D(deactivates_on)
    assert "estimate.pasaload" in result.warnings
    assert "assumption.balance_ends.pasaload" in {item.code for item in result.assumptions}
    rules = {key for key, _ in result.sources}
    assert "pasaload_validity" in rules


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (None, "pasaload.amount_needed"),
        ("50", "pasaload.undated"),
        ("15", "pasaload.undated"),
        ("300", "pasaload.undated"),
        ("200.01", "pasaload.undated"),
        ("29.99", "pasaload.undated"),
    ],
)
def test_pasaload_without_a_documented_validity_is_not_dated(amount: str | None, code: str) -> None:
    with pytest.raises(CheckerError) as caught:
        estimate(
            D("2026-11-01"),
            today=TODAY,
            kind=ReloadKind.PASALOAD,
            amount=None if amount is None else Decimal(amount),
        )
    assert (caught.value.code, caught.value.params["field"]) == (code, "amount")


@pytest.mark.parametrize("zero", [None, "2026-04-01"])
@pytest.mark.parametrize("today", ["2026-04-01", "2026-11-26", "2030-01-01"])
def test_promo_is_unknown_and_undated(zero: str | None, today: str) -> None:
    result = estimate(
        D("2026-03-15"),
        today=D(today),
        zero_balance_since=D(zero) if zero else None,
        kind=ReloadKind.PROMO,
    )
    assert result.status is Status.UNKNOWN
    assert not result.dated
    dates = (result.load_expires, result.balance_ends, result.reload_by, result.deactivates_on)
    assert dates == (None, None, None, None)
    assert result.days_left is None
    assert "assumption.promo" in {item.code for item in result.assumptions}
    assert "promo_outside_validity" in {key for key, _ in result.sources}


@pytest.mark.parametrize("kind", [ReloadKind.REGULAR, ReloadKind.PASALOAD])
def test_amount_only_matters_for_pasaload(kind: ReloadKind) -> None:
    with_amount = estimate(D("2026-11-01"), today=TODAY, kind=kind, amount=Decimal("100"))
    if kind is ReloadKind.REGULAR:
        assert with_amount == estimate(D("2026-11-01"), today=TODAY, kind=kind, amount=None)
    else:
        assert with_amount.load_expires == D("2026-12-01")


@given(
    last=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    extra=st.integers(0, 400),
    kind=st.sampled_from(list(ReloadKind)),
    amount=st.sampled_from(["30", "60", "100", "200"]),
    margin=st.integers(0, 90),
)
def test_only_a_promo_is_unknown(
    last: date, extra: int, kind: ReloadKind, amount: str, margin: int
) -> None:
    result = estimate(
        last,
        today=last + timedelta(days=extra),
        margin_days=margin,
        kind=kind,
        amount=Decimal(amount),
    )
    assert (result.status is Status.UNKNOWN) is (kind is ReloadKind.PROMO)
    if result.dated:
        assert result.load_expires and result.balance_ends and result.reload_by
        assert last <= result.reload_by <= result.balance_ends <= result.load_expires
        # PasaLoad never outlasts a regular reload of the same day.
        regular = estimate(last, today=last + timedelta(days=extra), margin_days=margin)
        assert result.load_expires <= (regular.load_expires or result.load_expires)


def test_names_its_assumptions_and_sources() -> None:
    result = estimate(D("2026-03-15"), today=TODAY)
    assert "assumption.deactivation" in {item.code for item in result.assumptions}
    urls = {source.url for _, source in result.sources}
    assert (
        "https://help.smart.com.ph/article/prepaid-prepaid-call-and-text-card-expiry-and-validity"
        in urls
    )


@pytest.mark.parametrize("item", ASSUMPTIONS, ids=lambda a: a.code)
def test_every_assumption_rests_on_a_rule(item: Assumption) -> None:
    # The page links each assumption to this rule's row on the rules page (#rule-KEY); the
    # site test checks the anchor in both languages.
    assert rule(item.rule).key == item.rule


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@dataclass(frozen=True)
class Dated:
    """The dates of an estimate that has them (a regular reload's; a promo's has none)."""

    reload_by: date
    balance_ends: date
    load_expires: date
    deactivates_on: date
    days_left: int


def dated(result: Estimate) -> Dated:
    reload_by, ends, expires = result.reload_by, result.balance_ends, result.load_expires
    deactivates, days_left = result.deactivates_on, result.days_left
    assert reload_by is not None and ends is not None and expires is not None, result
    assert deactivates is not None and days_left is not None, result
    return Dated(reload_by, ends, expires, deactivates, days_left)


margins = st.integers(min_value=0, max_value=90)


@given(
    last=days,
    extra=st.integers(0, 2000),
    zero_after=st.none() | st.integers(0, 800),
    margin=margins,
)
def test_order_of_dates(last: date, extra: int, zero_after: int | None, margin: int) -> None:
    today = last + timedelta(days=extra)
    zero = None if zero_after is None else last + timedelta(days=zero_after)
    assume(zero is None or zero <= today)
    result = dated(estimate(last, today=today, zero_balance_since=zero, margin_days=margin))
    assert last <= result.reload_by <= result.balance_ends <= result.load_expires
    assert result.balance_ends < result.deactivates_on
    if zero is None:  # the invariant; an early zero balance moves disconnection earlier
        assert result.reload_by <= result.load_expires < result.deactivates_on
    assert result.days_left == (result.reload_by - today).days


@given(first=days, gap=st.integers(0, 800), margin=margins, later=st.integers(0, 3000))
def test_monotonic_in_the_last_reload(first: date, gap: int, margin: int, later: int) -> None:
    second = first + timedelta(days=gap)
    today = second + timedelta(days=later)
    a_estimate = estimate(first, today=today, margin_days=margin)
    b_estimate = estimate(second, today=today, margin_days=margin)
    a, b = dated(a_estimate), dated(b_estimate)
    assert a.reload_by <= b.reload_by
    assert a.load_expires <= b.load_expires
    assert a.deactivates_on <= b.deactivates_on
    assert a.days_left <= b.days_left
    order = list(Status)
    assert order.index(a_estimate.status) >= order.index(b_estimate.status)


@pytest.mark.parametrize(
    ("kind", "amount", "zero_after", "margin", "used", "shortened"),
    [
        # A regular reload's year is long enough for any margin the checker allows.
        (ReloadKind.REGULAR, None, None, 90, 90, False),
        (ReloadKind.REGULAR, None, None, 30, 30, False),
        # PasaLoad: the margin takes at most half of its days (rounded down).
        (ReloadKind.PASALOAD, "100", None, 30, 15, True),
        (ReloadKind.PASALOAD, "30", None, 30, 7, True),
        (ReloadKind.PASALOAD, "200", None, 30, 30, False),
        (ReloadKind.PASALOAD, "200", None, 31, 30, True),
        (ReloadKind.PASALOAD, "100", None, 0, 0, False),
        # A zero-balance day soon after the reload shortens what the balance lasts.
        (ReloadKind.REGULAR, None, 10, 30, 5, True),
        (ReloadKind.REGULAR, None, 0, 30, 0, True),
        (ReloadKind.REGULAR, None, 1, 30, 0, True),
    ],
)
def test_margin_is_at_most_half_of_what_the_load_lasts(
    kind: ReloadKind,
    amount: str | None,
    zero_after: int | None,
    margin: int,
    used: int,
    shortened: bool,
) -> None:
    last = D("2026-11-01")
    zero = None if zero_after is None else last + timedelta(days=zero_after)
    result = estimate(
        last,
        today=max(last, zero or last),
        zero_balance_since=zero,
        margin_days=margin,
        kind=kind,
        amount=None if amount is None else Decimal(amount),
    )
    assert (result.margin_days, result.margin_used) == (margin, used)
    dates = dated(result)
    assert dates.reload_by == dates.balance_ends - timedelta(days=used)
    assert ("estimate.margin_shortened" in result.warnings) is shortened


@given(
    last=days,
    amount=st.sampled_from(["30", "60", "100", "200"]),
    margin=margins,
    kind=st.sampled_from([ReloadKind.REGULAR, ReloadKind.PASALOAD]),
)
def test_a_fresh_load_is_never_overdue_on_its_first_day(
    last: date, amount: str, margin: int, kind: ReloadKind
) -> None:
    # The day it arrives and the day after: whatever the margin, the reader still has time.
    for today in (last, last + timedelta(days=1)):
        result = estimate(last, today=today, margin_days=margin, kind=kind, amount=Decimal(amount))
        assert result.status in {Status.OK, Status.DUE_SOON}
        assert result.days_left is not None and result.days_left >= 0
        assert result.reload_by is not None and result.reload_by > last
