"""RFC 5545 calendar export: all-day events with alarms for an estimate.

Text is escaped (backslash, semicolon, comma, newline), lines are folded at
75 octets without splitting a UTF-8 character, and every line ends in CRLF.
UIDs are derived from the inputs, so importing the same reminder twice
updates it instead of duplicating it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
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


# Alarms ring at 09:00 local time: a week before the day, or on the day. (Days from the
# event's day, TRIGGER relative to its start at midnight.)
_WEEK_BEFORE = (-7, f"-P6DT{24 - _ALARM_HOUR}H")
_ON_THE_DAY = (0, f"PT{_ALARM_HOUR}H")


def _uid(estimate: Estimate, kind: str, number: str | None) -> str:
    parts = [
        kind,
        estimate.last_reload.isoformat(),
        str(estimate.zero_balance_since),
        str(estimate.margin_days),
        number or "",
    ]
    if estimate.kind != "regular":  # regular reloads keep the UIDs they always had
        parts.append(str(estimate.kind))
    if estimate.carrier != "smart":  # and so do Smart's lines
        parts.append(estimate.carrier)
    if estimate.load_expires is not None:
        parts.append(estimate.load_expires.isoformat())
    return f"{hashlib.sha256('|'.join(parts).encode()).hexdigest()[:24]}@smart-baohao.checker"


def _alarm(summary: str, trigger: str) -> list[str]:
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{trigger}",
        f"DESCRIPTION:{escape_text(summary)}",
        "END:VALARM",
    ]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _event(
    estimate: Estimate,
    kind: str,
    day: date,
    *,
    lang: str,
    stamp: datetime,
    number: str | None,
    triggers: tuple[str, ...],
    line: Line | None = None,
) -> list[str]:
    params = {
        "load_expires": _iso(estimate.load_expires),
        "balance_ends": _iso(estimate.balance_ends),
        "deactivates_on": _iso(estimate.deactivates_on),
    }
    code = f"ics.{kind}.{estimate.status}" if kind == "reload_now" else f"ics.{kind}"
    short = message(f"carrier.short.{estimate.carrier}", lang)
    summary = message(f"ics.{kind}.summary", lang, carrier=short)
    description = message(f"{code}.description", lang, **params)
    # Whose rules the dates follow, so a reader with two carriers' lines knows which is which.
    carrier = message(f"carrier.{estimate.carrier}", lang)
    description = f"{description}\n{message('label.carrier', lang)}: {carrier}"
    if line is not None:  # one of several lines: its label says which, never its number
        summary = message("ics.line_summary", lang, label=line.label, summary=summary)
    elif number:
        description = f"{message('label.number', lang)}: {number}\n{description}"
    alarm_text = message("ics.alarm", lang, summary=summary, carrier=short)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(estimate, kind, number) if line is None else line_uid(line.e164, kind)}",
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


def planned_events(estimate: Estimate, today: date) -> list[tuple[str, date, tuple[str, ...]]]:
    """(kind, day, alarm triggers) of each event, none of them before ``today``.

    A reader past the reload-by date (or with a promo, which cannot be dated) gets one
    "reload now" event today instead of a reload-by event in the past. An alarm rings only on
    a day after today: the export does not know the reader's hour, so 09:00 today may be over.
    """
    planned: list[tuple[str, date | None, tuple[tuple[int, str], ...]]] = []
    if estimate.reload_by is None or estimate.reload_by < today:
        planned.append(("reload_now", today, ()))
    else:
        planned.append(("reload_by", estimate.reload_by, (_WEEK_BEFORE, _ON_THE_DAY)))
    planned.append(("balance_ends", estimate.balance_ends, (_ON_THE_DAY,)))
    planned.append(("deactivates_on", estimate.deactivates_on, (_WEEK_BEFORE, _ON_THE_DAY)))
    return [
        (kind, day, tuple(text for offset, text in alarms if day + timedelta(offset) > today))
        for kind, day, alarms in planned
        if day is not None and day >= today
    ]


def calendar(
    estimate: Estimate,
    *,
    lang: str,
    stamp: datetime,
    today: date,
    number: str | None = None,
) -> str:
    """The ``.ics`` text: reload-by (alarms 7 days before and on the day), balance end, and
    earliest disconnection (alarms 7 days before and on the day), as :func:`planned_events`
    keeps them. ``stamp`` is the UTC time of the export (DTSTAMP); ``today`` the reader's
    local date."""
    events = events_of(estimate, lang=lang, stamp=stamp, today=today, number=number)
    return _calendar(events, lang, [estimate.carrier])


def events_of(
    estimate: Estimate,
    *,
    lang: str,
    stamp: datetime,
    today: date,
    number: str | None = None,
    line: Line | None = None,
) -> list[str]:
    """The content lines of one line's events, as :func:`planned_events` keeps them."""
    lines: list[str] = []
    for kind, day, triggers in planned_events(estimate, today):
        lines += _event(
            estimate,
            kind,
            day,
            lang=lang,
            stamp=stamp,
            number=number,
            triggers=triggers,
            line=line,
        )
    return lines


def _calendar(events: list[str], lang: str, carriers: list[str]) -> str:
    """The calendar around ``events``, named after the carriers of its lines ("Smart 保号提醒")."""
    names = dict.fromkeys(message(f"carrier.short.{key}", lang) for key in carriers)
    title = message("summary.title", lang, carrier=" / ".join(names) or "Smart")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(title)}",
        *events,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


@dataclass(frozen=True)
class Line:
    """One saved line in the calendar for all: its number (for the UIDs) and its label."""

    e164: str
    label: str


def line_uid(e164: str, kind: str) -> str:
    """A saved line's event UID: its number and the event's kind, nothing that changes.

    So importing an updated calendar for all lines updates each event in place.

    >>> line_uid("+639181234567", "reload_by") == line_uid("+639181234567", "reload_by")
    True
    """
    key = f"line|{e164}|{kind}"
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}@smart-baohao.checker"


def calendar_all(
    lines: list[tuple[Line, Estimate]], *, lang: str, stamp: datetime, today: date
) -> str:
    """One ``.ics`` with every saved line's events (as :func:`calendar` makes them, the same
    alarms), each titled with the line's label."""
    events: list[str] = []
    for line, estimate in lines:
        events += events_of(estimate, lang=lang, stamp=stamp, today=today, line=line)
    return _calendar(events, lang, [estimate.carrier for _, estimate in lines])
