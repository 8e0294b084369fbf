"""The calendar export, read back by the icalendar package (a development dependency)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

icalendar = pytest.importorskip("icalendar")

from checker import web  # noqa: E402

TODAY = "2026-11-26"
NOW = "2026-11-26T10:00:00Z"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "form",
    [
        {"last_reload": "2026-03-15"},
        {"last_reload": "2024-02-29", "margin_days": "0"},
        {"last_reload": "2026-03-15", "zero_balance_since": "2026-05-01", "phone": "0918 123 4567"},
        {"last_reload": "2026-03-15", "promo": True, "margin_days": "90"},
    ],
)
def test_parses_and_matches_the_estimate(lang: str, form: dict) -> None:
    exported = web.calendar(form, TODAY, lang, now=NOW)
    estimate = web.next_reload(
        form["last_reload"],
        form.get("zero_balance_since"),
        form.get("margin_days"),
        None,
        form.get("promo", False),
        TODAY,
        lang,
    )
    cal = icalendar.Calendar.from_ical(exported["ics"])
    events = cal.walk("VEVENT")
    starts = [event.decoded("DTSTART") for event in events]
    assert starts == [
        date.fromisoformat(estimate["reload_by"]),
        date.fromisoformat(estimate["balance_ends"]),
        date.fromisoformat(estimate["deactivates_on"]),
    ]
    for event in events:
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(days=1)
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 26, 10, tzinfo=UTC)
        assert str(event["UID"]).endswith("@smart-baohao.checker")
    reload_alarms = [alarm.decoded("TRIGGER") for alarm in events[0].walk("VALARM")]
    assert reload_alarms == [-timedelta(days=6, hours=15), timedelta(hours=9)]
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
