"""Calendar export: RFC 5545 framing, escaping and folding (icalendar checks it in tests/oracle)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.estimate import estimate
from checker.ics import calendar, escape_text, fold

STAMP = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)


def _ics(lang: str = "zh", number: str | None = "0918 123 4567", **kwargs: object) -> str:
    result = estimate(date(2026, 3, 15), today=date(2026, 11, 26), **kwargs)
    return calendar(result, lang=lang, stamp=STAMP, number=number)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_framing(lang: str) -> None:
    text = _ics(lang)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VEVENT") == 3
    assert text.count("BEGIN:VALARM") == 3
    assert "DTSTART;VALUE=DATE:20270213" in text
    assert "DTSTART;VALUE=DATE:20270315" in text
    assert "DTSTART;VALUE=DATE:20270713" in text
    assert "DTSTAMP:20261126T083000Z" in text
    assert "TRIGGER:-P6DT15H" in text
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
