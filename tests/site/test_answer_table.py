"""The build's table of answers (hooks/answer_table.py) says what checker.web says.

The table is read by the page's own lookup (docs/assets/checker/early.js, run on Node by
early_lookup.mjs), and its answers are compared with :func:`checker.web.check_form` and
:func:`checker.web.saved_lines`: for every last reload in the window, on the days around each
status change, around every leap day, and on days the table must not answer (before the
last reload, dates outside the window or that do not exist, any other form).
"""

from __future__ import annotations

import doctest
import gzip
import json
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import web
from checker.dates import add_years
from checker.estimate import Status, estimate
from checker.messages import message
from hooks import answer_table
from testsupport.checks import answered

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
LOOKUP = Path(__file__).with_name("early_lookup.mjs")
# A build date of the tests' own, so the window does not move with the clock.
BUILT = date(2026, 12, 3)
FIRST, LAST = answer_table.window(BUILT)
DAY = timedelta(days=1)
FORM: dict[str, Any] = {field.name: field.default for field in web.FIELDS}


def _run(payload: dict[str, Any]) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is missing: run scripts/setup"
    done = subprocess.run(
        [node, str(LOOKUP)],
        input=json.dumps(payload).encode(),
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(done.stdout))


def _lookups(queries: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    table = answer_table.table(BUILT)
    return list(_run({"table": table, "queries": queries})["answers"])


def _expected(
    form: dict[str, Any], today: date, lang: str = "en"
) -> tuple[str | None, str | None, str] | None:
    """The checker's reload-by date, the same date in the reader's words, and the status."""
    answer = web.check_form(form, today=today.isoformat(), lang=lang)
    estimate = answer["estimate"]
    if answer["number"] or answer["amount"] or not estimate or not estimate["ok"]:
        return None
    return estimate["reload_by"], estimate["reload_by_text"], estimate["status"]


def _leap_days() -> list[date]:
    return [date(year, 2, 29) for year in range(FIRST.year, LAST.year + 3) if year % 4 == 0]


def _todays(day: date) -> set[date]:
    """The days around each change of the status for ``day``, and around every leap day."""
    found = answer_table.answer(day)
    around = {day - DAY}
    for change, _ in found.changes:
        around |= {change - DAY, change, change + DAY}
    around.add(found.changes[-1][0] + timedelta(days=400))
    for leap in _leap_days():
        around |= {leap - DAY, leap, leap + DAY}
    return {today for today in around if today >= day - DAY}


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_every_date_in_the_window_on_the_days_around_each_change() -> None:
    pairs = [(day, today) for day in _days(FIRST, LAST) for today in sorted(_todays(day))]
    # Both languages, alternately: the date in the reader's words is the checker's own.
    queries: list[dict[str, Any]] = [
        {
            "form": {**FORM, "last_reload": day.isoformat()},
            "today": today.isoformat(),
            "lang": ("zh", "en")[index % 2],
        }
        for index, (day, today) in enumerate(pairs)
    ]
    found = _lookups(queries)
    wrong = []
    for (day, today), query, answer in zip(pairs, queries, found, strict=True):
        expected = _expected(query["form"], today, query["lang"])
        got = (
            None
            if answer is None
            else (answer["reload_by"], answer["reload_by_text"], answer["status"])
        )
        if got != expected:
            wrong.append((day.isoformat(), today.isoformat(), got, expected))
    assert not wrong, wrong[:20]
    # Not vacuous: every status is answered, and the future is left to the checker.
    statuses = {answer["status"] for answer in found if answer}
    assert statuses == {str(status) for status in Status} - {"unknown"}
    assert sum(answer is None for answer in found) == len(_days(FIRST, LAST))


@given(
    day=st.dates(date(2000, 1, 1), date(2990, 12, 31)),
    later=st.integers(min_value=0, max_value=900),
)
def test_the_status_on_any_day_is_the_last_change_before_it(day: date, later: int) -> None:
    """The changes the build lists are every change the checker makes, whatever the date."""
    today = day + timedelta(days=later)
    found = answer_table.answer(day)
    listed = [status for change, status in found.changes if change <= today][-1]
    assert listed is estimate(day, today=today).status
    assert found.reload_by == estimate(day, today=today).reload_by
    assert [change for change, _ in found.changes] == sorted({c for c, _ in found.changes})


def test_the_window_is_three_years_either_side_of_the_build() -> None:
    assert (date(2023, 1, 1), date(2029, 12, 31)) == (FIRST, LAST)
    for built in (date(2024, 2, 29), date(2026, 1, 1), date(2026, 12, 31)):
        first, last = answer_table.window(built)
        assert first <= add_years(built, -3) and add_years(built, 3) <= last
    table = answer_table.table(BUILT)
    (entry,) = table["answers"]
    assert table["days"][entry["first"]] == FIRST.isoformat()
    assert table["days"][entry["first"] + entry["count"] - 1] == LAST.isoformat()
    assert entry["carrier"] == "smart"


OTHER_FORMS = [
    {"margin_days": "7"},
    {"margin_days": ""},
    {"reload_kind": "promo"},
    {"reload_kind": "pasaload", "amount": "100"},
    {"zero_balance_since": "2026-05-01"},
    {"amount": "100"},
    {"phone": "0918 123 4567"},
]
BAD_DATES = [
    "2026-02-29",  # no such day
    "2026/03/15",  # the checker reads it; the table is looked up by ISO text only
    "2026年3月15日",
    "",
    "15/03/2026",
    (FIRST - DAY).isoformat(),
    (LAST + DAY).isoformat(),
    "2001-01-01",
]


@pytest.mark.parametrize("changed", OTHER_FORMS, ids=lambda changed: ",".join(changed))
def test_any_other_form_waits_for_the_runtime(changed: dict[str, str]) -> None:
    form = {**FORM, "last_reload": "2026-03-15", **changed}
    assert _lookups([{"form": form, "today": "2026-11-26"}]) == [None]
    # The same form with the defaults is answered (so the test can fail).
    assert _lookups([{"form": {**FORM, "last_reload": "2026-03-15"}, "today": "2026-11-26"}])[0]


@pytest.mark.parametrize("text", BAD_DATES)
def test_a_date_the_table_does_not_list_waits_for_the_runtime(text: str) -> None:
    form = {**FORM, "last_reload": text}
    assert _lookups([{"form": form, "today": "2026-11-26"}]) == [None]


def test_spaces_around_the_date_are_read_as_the_checker_reads_them() -> None:
    form = {**FORM, "last_reload": " 2026-03-15 "}
    # The page's lookup says the date in Chinese unless told the reader's language.
    (answer,) = _lookups([{"form": form, "today": "2026-11-26", "lang": "en"}])
    expected = _expected(form, date(2026, 11, 26), "en")
    assert answer and (answer["reload_by"], answer["reload_by_text"], answer["status"]) == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_saved_lines_of_the_default_form_are_listed_as_the_checker_lists_them(lang: str) -> None:
    today = "2026-11-26"
    saved = None
    for form, label in [
        ({**FORM, "phone": "0918 123 4567", "last_reload": "2026-03-15"}, "Work"),
        ({**FORM, "phone": "0919 765 4321", "last_reload": "2025-12-20"}, ""),
        ({**FORM, "phone": "0920 111 2222", "last_reload": "2024-02-29"}, "Leap"),
        ({**FORM, "phone": "0921 333 4444", "last_reload": "2026-01-01", "margin_days": "7"}, ""),
    ]:
        answer = web.save_line(form, label=label, saved=saved, today=today, lang=lang)
        assert answer["ok"], answer
        saved = answer["saved"]
    words = {
        "status_labels": {str(s): message(f"status.{s}", lang) for s in Status},
        "default_label": message("lines.default_label", lang, last4="{last4}"),
    }
    table = answer_table.table(BUILT)
    stored = json.dumps(saved)
    result = _run(
        {
            "table": table,
            "queries": [],
            "saved": [{"stored": stored, "today": today, "words": words}],
        }
    )
    (early,) = result["lines"]
    checked: list[dict[str, Any]] = [
        dict(line) for line in answered(web.saved_lines(stored, today=today, lang=lang))["lines"]
    ]
    keys = ("e164", "label", "custom_label", "reload_by", "status", "status_label", "form")
    default = [line for line in checked if line["form"]["margin_days"] == FORM["margin_days"]]
    assert [{k: line[k] for k in keys} for line in early["lines"]] == [
        {k: line[k] for k in keys} for line in default
    ]
    assert early["rest"] == 1 and len(default) == 3


@pytest.mark.parametrize("stored", ["", "{", '{"lines": 3}', "null"])
def test_a_damaged_or_empty_document_is_left_to_the_checker(stored: str) -> None:
    words = {"status_labels": {}, "default_label": "{last4}"}
    payload = {"stored": stored, "today": "2026-11-26", "words": words}
    table = answer_table.table(BUILT)
    assert _run({"table": table, "queries": [], "saved": [payload]})["lines"] == [None]


def test_the_table_is_small() -> None:
    text = answer_table.text(BUILT).encode()
    assert len(gzip.compress(text, compresslevel=6)) < 10_000


def test_the_table_answers_every_field_but_the_last_reload_at_its_default() -> None:
    (entry,) = answer_table.table(BUILT)["answers"]
    names = [field.name for field in web.FIELDS if field.name != "last_reload"]
    assert list(entry["form"]) == names
    assert all(entry["form"][field.name] == field.default for field in web.FIELDS[1:])


def test_the_site_serves_the_table_its_pages_name(built_site: Path) -> None:
    for page in ("checker/index.html", "en/checker/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        match = re.search(r"data-checker-config='([^']*)'", html)
        assert match
        config = json.loads(match.group(1).replace("&#39;", "'"))
        early = config["early"]
        target = (built_site / page).parent / early["url"].split("?")[0]
        table = json.loads(target.read_text(encoding="utf-8"))
        assert table["format"] == answer_table.FORMAT
        assert early["url"] in config["offline"]
        assert set(early["status_labels"]) == {str(status) for status in Status}


def test_doctests() -> None:
    assert doctest.testmod(answer_table).failed == 0
