"""The calendar export, read back by the icalendar package (a development dependency)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

icalendar = pytest.importorskip("icalendar")

from checker import web  # noqa: E402
from checker.messages import message  # noqa: E402

TODAY = "2026-11-26"
NOW = "2026-11-26T10:00:00Z"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("form", "today"),
    [
        ({"last_reload": "2026-03-15"}, TODAY),
        ({"last_reload": "2024-02-29", "margin_days": "0"}, "2024-03-01"),
        (
            {
                "last_reload": "2026-03-15",
                "zero_balance_since": "2026-05-01",
                "margin_days": "0",
                "phone": "0918 123 4567",
            },
            "2026-05-01",
        ),
        ({"last_reload": "2026-03-15", "margin_days": "90"}, TODAY),
        ({"last_reload": "2026-11-20", "reload_kind": "pasaload", "amount": "200"}, TODAY),
    ],
)
def test_parses_and_matches_the_estimate(lang: str, form: dict[str, str], today: str) -> None:
    exported = web.calendar(form, today=today, lang=lang, now=NOW)
    estimate = web.next_reload(
        form["last_reload"],
        zero_balance_since=form.get("zero_balance_since"),
        margin_days=form.get("margin_days"),
        amount=form.get("amount"),
        promo=False,
        today=today,
        lang=lang,
        reload_kind=form.get("reload_kind"),
    )
    assert exported["ok"], exported
    assert estimate["ok"], estimate
    reload_by, ends, deactivates = (
        estimate["reload_by"],
        estimate["balance_ends"],
        estimate["deactivates_on"],
    )
    assert reload_by is not None and ends is not None and deactivates is not None, estimate
    cal = icalendar.Calendar.from_ical(exported["ics"])
    events = cal.walk("VEVENT")
    starts = [event.decoded("DTSTART") for event in events]
    assert starts == [
        date.fromisoformat(reload_by),
        date.fromisoformat(ends),
        date.fromisoformat(deactivates),
    ]
    for event in events:
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(days=1)
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 26, 10, tzinfo=UTC)
        assert str(event["UID"]).endswith("@smart-baohao.checker")
    reload_alarms = [alarm.decoded("TRIGGER") for alarm in events[0].walk("VALARM")]
    if reload_by > today:
        assert reload_alarms == [-timedelta(days=6, hours=15), timedelta(hours=9)]
    else:  # the last day is today: no alarm that may have rung already
        assert reload_alarms == []
    disconnection_alarms = [alarm.decoded("TRIGGER") for alarm in events[2].walk("VALARM")]
    assert disconnection_alarms == [-timedelta(days=6, hours=15), timedelta(hours=9)]
    if "phone" in form:
        assert "0918 123 4567" in str(events[0]["DESCRIPTION"])
    # Round trip: what icalendar writes back is what we wrote, so escaping and folding agree.
    again = icalendar.Calendar.from_ical(cal.to_ical())
    assert [str(e["SUMMARY"]) for e in again.walk("VEVENT")] == [str(e["SUMMARY"]) for e in events]


def test_escaped_text_survives() -> None:
    from checker.ics import escape_text, fold

    tricky = "逗号, 分号; 反斜杠\\ 换行\n结束 " * 5
    line = fold("DESCRIPTION:" + escape_text(tricky))
    text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + line + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["DESCRIPTION"]) == tricky


def _alarm_times(event: object) -> list[datetime]:
    """When each alarm rings, as a naive local time: the day's midnight plus the trigger."""
    start = datetime.combine(event.decoded("DTSTART"), datetime.min.time())  # type: ignore[attr-defined]
    return [start + alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("form", "today", "kinds"),
    [
        # Overdue (reload-by 2027-02-13 passed): "reload now" today, then what is still ahead.
        (
            {"last_reload": "2026-03-15"},
            "2027-03-01",
            ["reload_now", "balance_ends", "deactivates_on"],
        ),
        # Grace: the balance ended on 2027-03-15.
        ({"last_reload": "2026-03-15"}, "2027-05-01", ["reload_now", "deactivates_on"]),
        # Past the earliest disconnection: one event, today.
        ({"last_reload": "2026-03-15"}, "2028-01-01", ["reload_now"]),
        # A promo cannot be dated; the old promo flag and the new field agree.
        ({"last_reload": "2026-03-15", "reload_kind": "promo"}, TODAY, ["reload_now"]),
        ({"last_reload": "2026-03-15", "promo": True}, TODAY, ["reload_now"]),
        # PasaLoad of P30 (15 days) received 11 days ago: its margin (7 days, at most half of
        # what the load lasts) is already past, its balance not yet ended.
        (
            {"last_reload": "2026-11-15", "reload_kind": "pasaload", "amount": "30"},
            TODAY,
            ["reload_now", "balance_ends", "deactivates_on"],
        ),
    ],
)
def test_nothing_in_the_past(lang: str, form: dict[str, str], today: str, kinds: list[str]) -> None:
    exported = web.calendar(form, today=today, lang=lang, now=NOW)
    assert exported["ok"], exported
    day = date.fromisoformat(today)
    events = icalendar.Calendar.from_ical(exported["ics"]).walk("VEVENT")
    summaries = [str(event["SUMMARY"]) for event in events]
    assert summaries == [message(f"ics.{kind}.summary", lang, carrier="Smart") for kind in kinds]
    assert events[0].decoded("DTSTART") == day
    assert exported["filename"] == f"smart-reload-now-{today}.ics"
    for event in events:
        assert event.decoded("DTSTART") >= day
        # An alarm rings only after today: the export does not know the reader's hour.
        assert all(when.date() > day for when in _alarm_times(event))
    if "deactivates_on" in kinds:
        assert _alarm_times(events[-1]), "the possible-disconnection event has an alarm"


def test_zh_reload_by_title_reads_as_the_last_day() -> None:
    exported = web.calendar({"last_reload": "2026-03-15"}, today=TODAY, lang="zh", now=NOW)
    assert exported["ok"], exported
    first = icalendar.Calendar.from_ical(exported["ics"]).walk("VEVENT")[0]
    assert str(first["SUMMARY"]) == "Smart 保号：今天是最晚充值日"
    assert first.decoded("DTSTART") == date(2027, 2, 13)
