"""What the answer card says beyond the estimate's ISO dates: the dates as the reader says
them, one row for each date that means something of its own, and how a typed date was read.

The page shows these words as they are (it formats no date); its ``data-*`` attributes keep
the ISO dates.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .date_text import format_date
from .dates import ReadDate
from .estimate import Estimate
from .messages import message

if TYPE_CHECKING:
    from .web.shapes import OtherDate

# The dates an answer names, ISO in the dict, and "<name>_text" beside each.
DATE_NAMES = (
    "last_reload",
    "zero_balance_since",
    "load_expires",
    "balance_ends",
    "deactivates_on",
    "reload_by",
)


def date_texts(result: Estimate, lang: str) -> dict[str, str | None]:
    """Each of :data:`DATE_NAMES` as ``<name>_text``, in ``lang``'s style; ``None`` if none."""
    texts: dict[str, str | None] = {}
    for name in DATE_NAMES:
        day: date | None = getattr(result, name)
        texts[f"{name}_text"] = None if day is None else format_date(day, lang)
    return texts


def other_dates(result: Estimate, lang: str) -> list[OtherDate]:
    """The dates under the fold, each meaning said once.

    The balance ends when the load does unless the reader gave an earlier zero-balance day:
    then one row says it (under the load's own name), never two rows with one date.
    """
    rows: list[tuple[str, str, date | None]] = [
        ("last_reload", message("label.last_reload", lang), result.last_reload),
    ]
    if result.zero_balance_since is not None:
        label = message("label.zero_balance_since", lang)
        rows.append(("zero_balance_since", label, result.zero_balance_since))
    load_label = message(f"label.load_expires.{result.kind}", lang)
    if result.balance_ends is not None and result.balance_ends != result.load_expires:
        rows.append(("balance_ends", message("label.balance_ends", lang), result.balance_ends))
    rows.append(("load_expires", load_label, result.load_expires))
    rows.append(("deactivates_on", message("label.deactivates_on", lang), result.deactivates_on))
    dated: list[OtherDate] = [
        {"key": key, "label": label, "date": day.isoformat(), "text": format_date(day, lang)}
        for key, label, day in rows
        if day is not None
    ]
    return dated


def read_notes(read: dict[str, tuple[str, ReadDate]], lang: str) -> list[str]:
    """How each typed date without a year was read: "3月15日 ... 2026年3月15日（周日）"."""
    return [
        message("date.year_assumed", lang, text=text, day=format_date(day.day, lang))
        for text, day in read.values()
        if day.year_assumed
    ]
