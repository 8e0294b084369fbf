"""Dates: every way a reader writes one, the questions instead of guesses, and year arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.date_text import format_date
from checker.dates import FIRST_DATE, LAST_DATE, add_years, parse_date, read_date
from checker.errors import CheckerError

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Year first: ISO and the Chinese order
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
        # English month names, either order, any case, with or without the comma or a dot
        ("March 15, 2026", date(2026, 3, 15)),
        ("march 15 2026", date(2026, 3, 15)),
        ("Mar. 15, 2026", date(2026, 3, 15)),
        ("15 Mar 2026", date(2026, 3, 15)),
        ("15 MARCH 2026", date(2026, 3, 15)),
        ("15-Mar-2026", date(2026, 3, 15)),
        ("15th of March, 2026", date(2026, 3, 15)),
        ("March 1st 2026", date(2026, 3, 1)),
        ("Sept 3, 2026", date(2026, 9, 3)),
        ("3 September 2026", date(2026, 9, 3)),
        ("May 5, 2026", date(2026, 5, 5)),
        # Numbers with the year last, when only one order makes a date
        ("3/15/2026", date(2026, 3, 15)),
        ("15/3/2026", date(2026, 3, 15)),
        ("15/03/2026", date(2026, 3, 15)),
        ("15.03.2026", date(2026, 3, 15)),
        ("12-31-2026", date(2026, 12, 31)),
        ("4/4/2026", date(2026, 4, 4)),  # both orders give the same day
        # The page's own words, read back; the weekday must be the date's
        ("2027年2月13日（周六）", date(2027, 2, 13)),
        ("2027年2月13日 星期六", date(2027, 2, 13)),
        ("Sat 13 Feb 2027", date(2027, 2, 13)),
        ("Saturday, 13 February 2027", date(2027, 2, 13)),
    ],
)
def test_accepted(text: object, expected: date) -> None:
    assert parse_date(text) == expected
    assert read_date(text, today=TODAY).year_assumed is False


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # No year: the most recent such day on or before today
        ("3月15日", TODAY, date(2026, 3, 15)),
        ("3月15号", TODAY, date(2026, 3, 15)),
        ("12月3日", TODAY, date(2026, 12, 3)),  # today itself
        ("12月4日", TODAY, date(2025, 12, 4)),  # tomorrow is last year's
        ("3/15", TODAY, date(2026, 3, 15)),
        ("15/3", TODAY, date(2026, 3, 15)),
        ("Mar 15", TODAY, date(2026, 3, 15)),
        ("15 March", TODAY, date(2026, 3, 15)),
        ("December 25", TODAY, date(2025, 12, 25)),
        ("1/1", date(2026, 1, 1), date(2026, 1, 1)),
        ("12/31", date(2026, 1, 1), date(2025, 12, 31)),
        ("2月29日", TODAY, date(2024, 2, 29)),  # the last leap year's
        ("2月29日", date(2028, 2, 29), date(2028, 2, 29)),
        ("2月29日", date(2028, 2, 28), date(2024, 2, 29)),
    ],
)
def test_without_a_year(text: str, today: date, expected: date) -> None:
    read = read_date(text, today=today)
    assert (read.day, read.year_assumed) == (expected, True)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "date.empty"),
        (None, "date.empty"),
        ("yesterday", "date.unreadable"),
        ("2026-03", "date.unreadable"),
        ("2026-03/15", "date.unreadable"),
        ("26-03-15", "date.unreadable"),
        ("15/03/26", "date.unreadable"),  # a two-digit year: which century, which order?
        ("99999-01-01", "date.unreadable"),
        ("2026-003-15", "date.unreadable"),
        ("2026-03-15T00:00", "date.unreadable"),
        ("Marchy 15 2026", "date.unreadable"),
        ("15 Smarch 2026", "date.unreadable"),
        ("2026-02-30", "date.not_exist"),
        ("2025-02-29", "date.not_exist"),
        ("2026-13-01", "date.not_exist"),
        ("2026-00-10", "date.not_exist"),
        ("2026年4月31日", "date.not_exist"),
        ("Feb 30, 2026", "date.not_exist"),
        ("13/13/2026", "date.not_exist"),
        ("0/5/2026", "date.not_exist"),
        ("2月30日", "date.not_exist"),
        # The day and the month could be swapped: a question, never a guess
        ("3/4/2026", "date.ambiguous"),
        ("03.04.2026", "date.ambiguous"),
        ("12-1-2026", "date.ambiguous"),
        ("3/4", "date.ambiguous"),
        # A weekday that is not the date's
        ("Fri 13 Feb 2027", "date.wrong_weekday"),
        ("2027年2月13日（周日）", "date.wrong_weekday"),
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
        parse_date(text, today=TODAY)
    assert caught.value.code == code


def test_ambiguous_names_both_readings() -> None:
    with pytest.raises(CheckerError) as caught:
        parse_date("3/4/2026", field="last_reload")
    params = caught.value.params
    assert (params["first_month"], params["first_day"]) == ("3", "4")
    assert (params["second_month"], params["second_day"]) == ("4", "3")
    assert params["field"] == "last_reload"


def test_no_year_needs_today() -> None:
    with pytest.raises(CheckerError) as caught:
        parse_date("3月15日")
    assert caught.value.code == "date.needs_year"


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


@pytest.mark.parametrize(
    ("day", "lang", "said"),
    [
        (date(2027, 2, 13), "zh", "2027年2月13日（周六）"),
        (date(2027, 2, 13), "en", "Sat 13 Feb 2027"),
        (date(2026, 12, 3), "zh", "2026年12月3日（周四）"),
        (date(2026, 12, 3), "en", "Thu 3 Dec 2026"),
        (date(2024, 2, 29), "en", "Thu 29 Feb 2024"),
    ],
)
def test_said_as_the_reader_says_it(day: date, lang: str, said: str) -> None:
    assert format_date(day, lang) == said


_DAYS = st.dates(min_value=FIRST_DATE, max_value=LAST_DATE)
_MONTHS = (
    "January",
    "Feb",
    "MARCH",
    "apr",
    "May",
    "June",
    "Jul",
    "Aug",
    "Sept",
    "oct",
    "Nov",
    "Dec",
)


@given(_DAYS)
def test_every_written_form_round_trips(day: date) -> None:
    month = _MONTHS[day.month - 1]
    for text in (
        day.isoformat(),
        f"{day.year}年{day.month}月{day.day}日",
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        format_date(day, "zh"),
        format_date(day, "en"),
    ):
        assert parse_date(text) == day, text


@given(_DAYS)
def test_numbers_are_read_or_asked_never_swapped(day: date) -> None:
    # Month first and day first: the same date, or a question when both orders make one.
    for text in (f"{day.month}/{day.day}/{day.year}", f"{day.day}/{day.month}/{day.year}"):
        try:
            assert parse_date(text) == day
        except CheckerError as error:
            assert error.code == "date.ambiguous"
            assert day.day <= 12 and day.day != day.month


@given(st.dates(min_value=date(2001, 1, 1), max_value=LAST_DATE), st.integers(0, 400))
def test_without_a_year_is_the_most_recent_past(today: date, back: int) -> None:
    day = max(today - timedelta(days=back), FIRST_DATE)
    if (day.month, day.day) == (2, 29):
        return  # its own table rows above: the last leap year's
    read = read_date(f"{day.month}月{day.day}日", today=today)
    assert read.year_assumed
    assert read.day <= today
    assert (read.day.month, read.day.day) == (day.month, day.day)
    assert today - read.day < timedelta(days=366)  # the most recent one, not an older one
