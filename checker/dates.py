"""Reading the dates people type, and calendar-year arithmetic."""

from __future__ import annotations

import re
from datetime import date

from .errors import CheckerError
from .text import normalise

# Far enough back for any live line, far enough ahead that +1 year +120 days never overflows.
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2999, 12, 31)

_NUMERIC = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
_CHINESE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")


def parse_date(text: object, *, field: str = "date") -> date:
    """Read ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYY.MM.DD`` or ``YYYY年M月D日``.

    ``field`` only names the input in an error's parameters.

    >>> parse_date("2026年3月5日")
    datetime.date(2026, 3, 5)
    >>> parse_date("２０２６／０３／０５")
    datetime.date(2026, 3, 5)
    >>> parse_date("2026-02-30")
    Traceback (most recent call last):
    ...
    checker.errors.CheckerError: date.not_exist
    """
    if type(text) is date:  # not a datetime, which cannot be compared with a date
        return _in_range(text, field=field)
    try:
        cleaned = normalise(text, field="date")
    except CheckerError as error:
        error.params.setdefault("field", field)
        raise
    match = _NUMERIC.fullmatch(cleaned) or _CHINESE.fullmatch(cleaned)
    if match is None:
        raise CheckerError("date.unreadable", field=field)
    numbers = [group for group in match.groups() if group.isdigit()]
    year, month, day = (int(number) for number in numbers)
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise CheckerError("date.not_exist", text=cleaned, field=field) from None
    return _in_range(parsed, field=field)


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
