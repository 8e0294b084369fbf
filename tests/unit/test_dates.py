"""Dates: the four accepted forms, impossible dates, and calendar-year arithmetic."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.dates import FIRST_DATE, LAST_DATE, add_years, parse_date
from checker.errors import CheckerError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-15", date(2026, 3, 15)),
        ("2026/03/15", date(2026, 3, 15)),
        ("2026.03.15", date(2026, 3, 15)),
        ("2026年3月15日", date(2026, 3, 15)),
        ("2026年03月15日", date(2026, 3, 15)),
        ("2026年3月15号", date(2026, 3, 15)),
        ("2026年3月15", date(2026, 3, 15)),
        ("2026 年 3 月 15 日", date(2026, 3, 15)),
        ("2026-3-5", date(2026, 3, 5)),
        ("２０２６－０３－１５", date(2026, 3, 15)),
        ("２０２６／３／１５", date(2026, 3, 15)),
        ("2026。3。15", date(2026, 3, 15)),
        (" 2024-02-29 ", date(2024, 2, 29)),
        ("2000-01-01", FIRST_DATE),
        ("2999-12-31", LAST_DATE),
        (date(2026, 1, 1), date(2026, 1, 1)),
    ],
)
def test_accepted(text: object, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "date.empty"),
        (None, "date.empty"),
        ("yesterday", "date.unreadable"),
        ("15/03/2026", "date.unreadable"),
        ("2026-03", "date.unreadable"),
        ("2026-03/15", "date.unreadable"),
        ("26-03-15", "date.unreadable"),
        ("99999-01-01", "date.unreadable"),
        ("2026-003-15", "date.unreadable"),
        ("2026-03-15T00:00", "date.unreadable"),
        ("2026-02-30", "date.not_exist"),
        ("2025-02-29", "date.not_exist"),
        ("2026-13-01", "date.not_exist"),
        ("2026-00-10", "date.not_exist"),
        ("2026年4月31日", "date.not_exist"),
        ("1999-12-31", "date.out_of_range"),
        ("3000-01-01", "date.out_of_range"),
        ("0001-01-01", "date.out_of_range"),
        (date(1970, 1, 1), "date.out_of_range"),
        ("2" * 65, "input.too_long"),
        (20260315, "input.not_text"),
    ],
)
def test_rejected(text: object, code: str) -> None:
    with pytest.raises(CheckerError) as caught:
        parse_date(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2024, 2, 29), date(2025, 2, 28)),
        (date(2023, 2, 28), date(2024, 2, 28)),
        (date(2023, 3, 1), date(2024, 3, 1)),
        (date(2026, 12, 31), date(2027, 12, 31)),
        (date(2026, 1, 1), date(2027, 1, 1)),
    ],
)
def test_add_one_year(start: date, expected: date) -> None:
    assert add_years(start, 1) == expected


@given(st.dates(min_value=FIRST_DATE, max_value=LAST_DATE))
def test_iso_round_trip(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day
