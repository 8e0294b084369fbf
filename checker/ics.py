"""RFC 5545 calendar export: all-day events with alarms for an estimate.

Text is escaped (backslash, semicolon, comma, newline), lines are folded at
75 octets without splitting a UTF-8 character, and every line ends in CRLF.
UIDs are derived from the inputs, so importing the same reminder twice
updates it instead of duplicating it.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from .estimate import Estimate
from .messages import message

PRODID = "-//smart-baohao//checker//EN"
_ALARM_HOUR = 9  # alarms ring at 09:00 on the day, local time of the calendar


def escape_text(value: str) -> str:
    r"""Escape a TEXT value.

    >>> escape_text("a,b;c\\d\ne")
    'a\\,b\\;c\\\\d\\ne'
    """
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character.

    >>> fold("X" * 80).split("\\r\\n ")
    ['XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'XXXXX']
    """
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _uid(estimate: Estimate, kind: str, number: str | None) -> str:
    key = "|".join(
        [
            kind,
            estimate.last_reload.isoformat(),
            str(estimate.zero_balance_since),
            str(estimate.margin_days),
            number or "",
        ]
    )
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}@smart-baohao.checker"


def _alarm(summary: str, trigger: str) -> list[str]:
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{trigger}",
        f"DESCRIPTION:{escape_text(summary)}",
        "END:VALARM",
    ]


def _event(
    estimate: Estimate,
    kind: str,
    day: date,
    *,
    lang: str,
    stamp: datetime,
    number: str | None,
    triggers: tuple[str, ...],
) -> list[str]:
    params = {
        "load_expires": estimate.load_expires.isoformat(),
        "deactivates_on": estimate.deactivates_on.isoformat(),
    }
    summary = message(f"ics.{kind}.summary", lang)
    description = message(f"ics.{kind}.description", lang, **params)
    if number:
        description = f"{message('label.number', lang)}: {number}\n{description}"
    alarm_text = message("ics.alarm", lang, summary=summary)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(estimate, kind, number)}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
    ]
    for trigger in triggers:
        lines += _alarm(alarm_text, trigger)
    return [*lines, "END:VEVENT"]


def calendar(estimate: Estimate, *, lang: str, stamp: datetime, number: str | None = None) -> str:
    """The ``.ics`` text: reload-by (alarms 7 days before and on the day), balance end, and
    earliest disconnection. ``stamp`` is the UTC time of the export (DTSTAMP)."""
    week_before = f"-P6DT{24 - _ALARM_HOUR}H"
    on_the_day = f"PT{_ALARM_HOUR}H"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(message('summary.title', lang))}",
    ]
    events = (
        ("reload_by", estimate.reload_by, (week_before, on_the_day)),
        ("balance_ends", estimate.balance_ends, (on_the_day,)),
        ("deactivates_on", estimate.deactivates_on, ()),
    )
    for kind, day, triggers in events:
        lines += _event(
            estimate, kind, day, lang=lang, stamp=stamp, number=number, triggers=triggers
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
