"""Reading the dates people type, and calendar-year arithmetic.

One reader for the CLI, the page and the saved lines (:func:`read_date`). It takes what
readers write in either language:

- a full date, year first: ``2026-03-15``, ``2026/3/15``, ``2026.3.15``, ``2026年3月15日``;
- a month name, in either order, with or without a year: ``March 15, 2026``, ``15 Mar 2026``,
  ``Mar 15``, ``15-Mar-2026``;
- numbers with the year last, when only one order makes a date: ``3/15/2026``, ``15/3/2026``;
- no year at all (``3月15日``, ``3/15``, ``Mar 15``): the most recent such day on or before
  ``today``, and the answer says which year it took (:attr:`ReadDate.year_assumed`);
- the page's own way of writing a date back (``2027年2月13日（周六）``, ``Sat 13 Feb 2027``):
  the weekday must then be that date's.

A date whose day and month could be swapped (``3/4/2026``) is a question, never a guess:
``date.ambiguous``, naming both readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import CheckerError
from .text import normalise

# Far enough back for any live line, far enough ahead that +1 year +120 days never overflows.
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2999, 12, 31)

# English month names as people write them: full, three letters, and "Sept".
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_WORDS = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_WORDS.update({name[:3]: number for name, number in list(_MONTH_WORDS.items())})
_MONTH_WORDS["sept"] = 9
# Weekdays as the page writes them (Monday first, like date.weekday()) and as people type them.
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORDS = {name: index for index, name in enumerate(_WEEKDAYS_EN)}
_WEEKDAY_WORDS.update({name[:3]: index for name, index in list(_WEEKDAY_WORDS.items())})
_WEEKDAY_WORDS.update({"tues": 1, "thur": 3, "thurs": 3})
_WEEKDAYS_ZH = "一二三四五六日"

_MONTH = r"(?P<name>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_SEP = r"[\s,./-]*"
_PATTERNS = (
    # Year first: always year, month, day (ISO and the Chinese order).
    re.compile(r"(?P<year>\d{4})\s*(?P<s>[-/.])\s*(?P<month>\d{1,2})\s*(?P=s)\s*(?P<day>\d{1,2})"),
    re.compile(r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]?"),
    # A month name before or after the day.
    re.compile(rf"{_MONTH}{_SEP}{_DAY}(?:{_SEP}{_YEAR})?"),
    re.compile(rf"{_DAY}{_SEP}(?:of\s+)?{_MONTH}(?:{_SEP}{_YEAR})?"),
)
# Numbers with the year last or no year: the order of day and month is read from the values.
_NUMBERS = re.compile(
    r"(?P<a>\d{1,2})\s*(?P<s>[-/.])\s*(?P<b>\d{1,2})(?:\s*(?P=s)\s*(?P<year>\d{4}))?"
)
# A weekday before (English) or after (Chinese, in brackets or not) the date.
_WEEKDAY_BEFORE = re.compile(r"(?P<weekday>[a-z]+)\.?\s*,?\s+(?P<rest>.+)")
_WEEKDAY_AFTER = re.compile(
    r"(?P<rest>.+?)\s*\(?\s*(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])\s*\)?"
)


@dataclass(frozen=True)
class ReadDate:
    """A date as read from what someone typed.

    ``year_assumed``: the text had no year, so the year is that of the most recent such day
    on or before today; the answer says so.
    """

    day: date
    year_assumed: bool = False


def parse_date(text: object, *, field: str = "date", today: date | None = None) -> date:
    """The date in ``text`` (see the module's documentation); ``field`` names the input.

    >>> parse_date("2026年3月5日")
    datetime.date(2026, 3, 5)
    >>> parse_date("２０２６／０３／０５")
    datetime.date(2026, 3, 5)
    >>> parse_date("3月15日", today=date(2026, 3, 1))
    datetime.date(2025, 3, 15)
    >>> parse_date("March 15, 2026"), parse_date("15 Mar 2026"), parse_date("3/15/2026")
    (datetime.date(2026, 3, 15), datetime.date(2026, 3, 15), datetime.date(2026, 3, 15))
    >>> parse_date("3/4/2026")
    Traceback (most recent call last):
    ...
    checker.errors.CheckerError: date.ambiguous
    >>> parse_date("2026-02-30")
    Traceback (most recent call last):
    ...
    checker.errors.CheckerError: date.not_exist
    """
    return read_date(text, field=field, today=today).day


def read_date(text: object, *, field: str = "date", today: date | None = None) -> ReadDate:
    """Like :func:`parse_date`, and whether the year was taken from ``today``.

    A text without a year needs ``today``; without it the error is ``date.needs_year``.
    """
    if type(text) is date:  # not a datetime, which cannot be compared with a date
        return ReadDate(_in_range(text, field=field))
    try:
        cleaned = normalise(text, field="date")
    except CheckerError as error:
        error.params.setdefault("field", field)
        raise
    lowered = cleaned.lower()
    rest, weekday = _weekday(lowered)
    year, month, day = _parts(rest, cleaned, field)
    if year is None:
        if today is None:
            raise CheckerError("date.needs_year", field=field)
        read = ReadDate(_most_recent(month, day, today, cleaned, field), year_assumed=True)
    else:
        read = ReadDate(_make(year, month, day, cleaned, field))
    if weekday is not None and read.day.weekday() != weekday:
        raise CheckerError("date.wrong_weekday", text=cleaned, field=field)
    return ReadDate(_in_range(read.day, field=field), read.year_assumed)


def _weekday(text: str) -> tuple[str, int | None]:
    """The text without a weekday written with it, and that weekday (0 is Monday)."""
    before = _WEEKDAY_BEFORE.fullmatch(text)
    if before and before["weekday"] in _WEEKDAY_WORDS:
        return before["rest"], _WEEKDAY_WORDS[before["weekday"]]
    after = _WEEKDAY_AFTER.fullmatch(text)
    if after:
        return after["rest"], _WEEKDAYS_ZH.index(after["weekday"].replace("天", "日"))
    return text, None


def _parts(text: str, cleaned: str, field: str) -> tuple[int | None, int, int]:
    for pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        found = match.groupdict()
        month = _MONTH_WORDS.get(found["name"] or "") if "name" in found else int(found["month"])
        if month is None:
            break
        year = found["year"]
        return (None if year is None else int(year)), month, int(found["day"])
    match = _NUMBERS.fullmatch(text)
    if match is None:
        raise CheckerError("date.unreadable", field=field)
    first, second = int(match["a"]), int(match["b"])
    year = None if match["year"] is None else int(match["year"])
    if first != second and 1 <= first <= 12 and 1 <= second <= 12:
        # 3/4: the 3rd of April to most of the world, 4 March to Americans and Filipinos.
        raise CheckerError(
            "date.ambiguous",
            text=cleaned,
            first_month=str(first),
            first_day=str(second),
            second_month=str(second),
            second_day=str(first),
            first_month_name=MONTHS[first - 1].title(),
            second_month_name=MONTHS[second - 1].title(),
            field=field,
        )
    # The one order that makes a month: 3/15 is 15 March, 15/3 too.
    month, day = (second, first) if first > 12 else (first, second)
    return year, month, day


def _make(year: int, month: int, day: int, cleaned: str, field: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CheckerError("date.not_exist", text=cleaned, field=field) from None


def _most_recent(month: int, day: int, today: date, cleaned: str, field: str) -> date:
    """The latest ``month``/``day`` on or before ``today`` (29 February: the last leap year's)."""
    _make(2000, month, day, cleaned, field)  # a leap year: refuses 30 February, 31 April
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    raise CheckerError("date.not_exist", text=cleaned, field=field)  # pragma: no cover


def _in_range(value: date, *, field: str = "date") -> date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise CheckerError(
            "date.out_of_range",
            first=FIRST_DATE.isoformat(),
            last=LAST_DATE.isoformat(),
            field=field,
        )
    return value


def add_years(start: date, years: int) -> date:
    """The same day ``years`` calendar years later; 29 February becomes 28 February.

    >>> add_years(date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    >>> add_years(date(2026, 3, 15), 1)
    datetime.date(2027, 3, 15)
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)
