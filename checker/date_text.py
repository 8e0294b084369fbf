"""A date as the reader says it: "2027年2月13日（周六）", "Sat 13 Feb 2027".

The page never formats a date itself: the adapter sends these words beside the ISO dates,
and :func:`checker.dates.read_date` reads them back.

>>> from datetime import date
>>> format_date(date(2027, 2, 13), "zh"), format_date(date(2027, 2, 13), "en")
('2027年2月13日（周六）', 'Sat 13 Feb 2027')
"""

from __future__ import annotations

from datetime import date

from .messages import message


def format_date(day: date, lang: str, *, weekday: bool = True) -> str:
    """``day`` in ``lang``'s own style, with its weekday unless ``weekday`` is false."""
    code = "date.format" if weekday else "date.format.no_weekday"
    return message(
        code,
        lang,
        year=day.year,
        month=day.month,
        day=day.day,
        weekday=message("date.weekdays", lang).split()[day.weekday()],
        month_name=message("date.months", lang).split()[day.month - 1],
    )


def format_iso(text: str | None, lang: str) -> str | None:
    """An ISO date from an answer, as the reader says it; ``None`` stays ``None``."""
    return None if text is None else format_date(date.fromisoformat(text), lang)
