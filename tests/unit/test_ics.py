"""Calendar export: RFC 5545 framing, escaping and folding (icalendar checks it in tests/oracle)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.estimate import ReloadKind, estimate
from checker.ics import calendar, escape_text, fold, planned_events
from checker.messages import message

STAMP = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)
TODAY = date(2026, 11, 26)


def _ics(
    lang: str = "zh",
    number: str | None = "0918 123 4567",
    *,
    last: date = date(2026, 3, 15),
    today: date = TODAY,
    **kwargs: object,
) -> str:
    result = estimate(last, today=today, **kwargs)  # type: ignore[arg-type]
    return calendar(result, lang=lang, stamp=STAMP, today=today, number=number)


@dataclass(frozen=True)
class _Event:
    """One VEVENT as the file says it: its start, its summary, its alarms' triggers."""

    start: date
    summary: str
    triggers: list[str]


def _events(text: str) -> list[_Event]:
    """Each VEVENT, read from the unfolded text."""
    lines = text.replace("\r\n ", "").split("\r\n")
    events: list[_Event] = []
    start: date | None = None
    summary = ""
    triggers: list[str] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            start, summary, triggers = None, "", []
        elif line.startswith("DTSTART;VALUE=DATE:"):
            start = datetime.strptime(line[19:], "%Y%m%d").date()
        elif line.startswith("SUMMARY:"):
            summary = line[8:]
        elif line.startswith("TRIGGER:"):
            triggers.append(line[8:])
        elif line == "END:VEVENT":
            assert start is not None, text
            events.append(_Event(start, summary, triggers))
    return events


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_framing(lang: str) -> None:
    text = _ics(lang)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20270213" in text
    assert "DTSTART;VALUE=DATE:20270315" in text
    assert "DTSTART;VALUE=DATE:20270713" in text
    assert "DTSTAMP:20261126T083000Z" in text
    assert "TRIGGER:-P6DT15H" in text
    assert text.count("BEGIN:VALARM") == 5  # reload-by 2, balance end 1, disconnection 2
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


@pytest.mark.parametrize(("lang", "word"), [("zh", "充值"), ("en", "reload")])
def test_text_is_in_the_chosen_language(lang: str, word: str) -> None:
    unfolded = _ics(lang).replace("\r\n ", "")
    assert word in unfolded


def test_uids_are_stable_and_distinct() -> None:
    first, second = _ics(), _ics()
    uids = [line for line in first.split("\r\n") if line.startswith("UID:")]
    assert len(set(uids)) == 3
    assert uids == [line for line in second.split("\r\n") if line.startswith("UID:")]
    other = _ics(margin_days=10)
    assert not set(uids) & {line for line in other.split("\r\n") if line.startswith("UID:")}


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("plain", "plain"),
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("line1\nline2", "line1\\nline2"),
        ("line1\r\nline2", "line1\\nline2"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped


@given(st.text(min_size=0, max_size=300).filter(lambda s: "\r" not in s and "\n" not in s))
def test_fold_round_trips_and_respects_75_octets(line: str) -> None:
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


# Alarm triggers as written: 09:00 a week before, 09:00 on the day.
WEEK, DAY = "-P6DT15H", "PT9H"


@pytest.mark.parametrize(
    ("last", "today", "kind", "expected"),
    [
        # Well ahead: the three events, every alarm.
        ("2026-03-15", "2026-11-26", ReloadKind.REGULAR, [
            ("reload_by", "2027-02-13", [WEEK, DAY]),
            ("balance_ends", "2027-03-15", [DAY]),
            ("deactivates_on", "2027-07-13", [WEEK, DAY]),
        ]),
        # Five days before the reload-by date: its week-before alarm would be in the past.
        ("2026-03-15", "2027-02-08", ReloadKind.REGULAR, [
            ("reload_by", "2027-02-13", [DAY]),
            ("balance_ends", "2027-03-15", [DAY]),
            ("deactivates_on", "2027-07-13", [WEEK, DAY]),
        ]),
        # The last day: the event today, no alarm that may already have rung.
        ("2026-03-15", "2027-02-13", ReloadKind.REGULAR, [
            ("reload_by", "2027-02-13", []),
            ("balance_ends", "2027-03-15", [DAY]),
            ("deactivates_on", "2027-07-13", [WEEK, DAY]),
        ]),
        # Overdue: one "reload now" event today instead of a reload-by in the past.
        ("2026-03-15", "2027-03-01", ReloadKind.REGULAR, [
            ("reload_now", "2027-03-01", []),
            ("balance_ends", "2027-03-15", [DAY]),
            ("deactivates_on", "2027-07-13", [WEEK, DAY]),
        ]),
        # Grace: the balance's end is past too.
        ("2026-03-15", "2027-04-01", ReloadKind.REGULAR, [
            ("reload_now", "2027-04-01", []),
            ("deactivates_on", "2027-07-13", [WEEK, DAY]),
        ]),
        # Three days before the disconnection: only its on-the-day alarm is left.
        ("2026-03-15", "2027-07-10", ReloadKind.REGULAR, [
            ("reload_now", "2027-07-10", []),
            ("deactivates_on", "2027-07-13", [DAY]),
        ]),
        # Past everything: one event today, nothing in the past.
        ("2026-03-15", "2028-01-01", ReloadKind.REGULAR, [("reload_now", "2028-01-01", [])]),
        # A promo cannot be dated: one event today.
        ("2026-03-15", "2026-11-26", ReloadKind.PROMO, [("reload_now", "2026-11-26", [])]),
    ],
)  # fmt: skip
def test_no_event_or_alarm_in_the_past(
    last: str, today: str, kind: ReloadKind, expected: list[tuple[str, str, list[str]]]
) -> None:
    day = date.fromisoformat(today)
    result = estimate(date.fromisoformat(last), today=day, kind=kind)
    planned = planned_events(result, day)
    assert [(k, d.isoformat(), list(t)) for k, d, t in planned] == expected
    events = _events(calendar(result, lang="en", stamp=STAMP, today=day))
    assert [(e.start.isoformat(), e.triggers) for e in events] == [(d, t) for _, d, t in expected]


def test_pasaload_reminders_follow_its_amount() -> None:
    result = estimate(
        date(2026, 11, 20), today=TODAY, kind=ReloadKind.PASALOAD, amount=Decimal("30")
    )
    # 15 days: it ends on 5 December; the margin takes at most half of them (7 days).
    assert [(k, d) for k, d, _ in planned_events(result, TODAY)] == [
        ("reload_by", date(2026, 11, 28)),
        ("balance_ends", date(2026, 12, 5)),
        ("deactivates_on", date(2027, 4, 4)),
    ]


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        # The last day to reload, not "reload before today" (which would already be late).
        ("zh", "Smart 保号：今天是最晚充值日"),
        ("en", "Smart number: last day to reload"),
    ],
)
def test_reload_by_title_says_today_is_the_last_day(lang: str, summary: str) -> None:
    events = _events(_ics(lang))
    assert events[0].summary == summary
    assert "今天前" not in _ics("zh").replace("\r\n ", "")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("status_today", ["2027-03-01", "2027-04-01", "2028-01-01"])
def test_reload_now_is_said_for_its_status(lang: str, status_today: str) -> None:
    day = date.fromisoformat(status_today)
    result = estimate(date(2026, 3, 15), today=day)
    text = calendar(result, lang=lang, stamp=STAMP, today=day).replace("\r\n ", "")
    assert f"SUMMARY:{message('ics.reload_now.summary', lang, carrier='Smart')}" in text
    expected = message(
        f"ics.reload_now.{result.status}.description",
        lang,
        balance_ends=str(result.balance_ends),
        deactivates_on=str(result.deactivates_on),
        load_expires=str(result.load_expires),
    )
    assert f"DESCRIPTION:{escape_text(expected)}" in text


def test_zh_calendar_says_disconnection_as_a_mainland_reader_does() -> None:
    text = _ics("zh").replace("\r\n ", "")
    assert "销号" in text
    assert "停机" not in text
    assert "国内" not in text


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(
    last=days,
    extra=st.integers(0, 800),
    zero_after=st.none() | st.integers(0, 400),
    margin=st.integers(0, 90),
    kind=st.sampled_from(list(ReloadKind)),
    amount=st.sampled_from(["30", "60", "100", "200"]),
)
def test_never_an_event_or_alarm_before_tomorrow_unless_it_is_today(
    last: date, extra: int, zero_after: int | None, margin: int, kind: ReloadKind, amount: str
) -> None:
    today = last + timedelta(days=extra)
    zero = None if zero_after is None else min(last + timedelta(days=zero_after), today)
    result = estimate(
        last, today=today, zero_balance_since=zero, margin_days=margin, kind=kind,
        amount=Decimal(amount),
    )  # fmt: skip
    events = _events(calendar(result, lang="zh", stamp=STAMP, today=today))
    assert events
    starts = [e.start for e in events]
    assert all(start >= today for start in starts)
    offsets = {WEEK: -7, DAY: 0}
    for event in events:
        for trigger in event.triggers:
            assert event.start + timedelta(days=offsets[trigger]) > today
    # Exactly one event asks for a reload: reload-by in the future, or reload-now today.
    kinds = [e.summary for e in events]
    reload_titles = {
        message("ics.reload_by.summary", "zh", carrier="Smart"),
        message("ics.reload_now.summary", "zh", carrier="Smart"),
    }
    assert sum(title in reload_titles for title in kinds) == 1
    assert starts[0] == (
        today if result.reload_by is None or result.reload_by < today else result.reload_by
    )
    # The disconnection event, when it is ahead, always carries an alarm.
    if result.deactivates_on is not None and result.deactivates_on > today:
        last_event = events[-1]
        assert last_event.summary == message("ics.deactivates_on.summary", "zh", carrier="Smart")
        assert last_event.triggers
