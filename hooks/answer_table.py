"""The answer before the runtime: the default form's answers, computed at build time.

The common question on the checker page is always the same form: a regular reload on date D,
no zero-balance date, the default margin, nothing else typed. The checker's own Python answers
it here for every D from three years before the build to three years after it (whole
calendar years: :func:`window`), so that the
page can show the status and the reload-by date (docs/assets/checker/early.js) while the
runtime is still downloading, or without downloading it at all when the browser saves data.

The page computes no date and no rule. For each D the table gives the reload-by date and the
days on which the status changes, each as a position in ``days``, the list of calendar days
written here; the page looks D up, reads those days, and compares today (the reader's own
date, as the page already sends it to the checker) with them as ISO text. Only the default
carrier's default form is covered (issue 18 adds carriers); ``answers`` is a list keyed by
carrier and by the form's values it answers, so another carrier's form is one more entry.

Compact: most D share the same offsets (one calendar year less the margin, and so on), so
each entry is a run-length list of ``[count, reload_by, [[from, status], ...]]``, offsets in
``days`` from D's own position. The file is ~40 KB and ~7 KB gzipped (the README says the
figure of a build); ``tests/site/test_answer_table.py`` holds it to the adapter's answers.

* ``on_page_context`` (after hooks/checker_assets.py, which makes ``checker``) tells the page
  where the table is and the catalogue's words it shows with it; ``on_post_build`` writes it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from checker import web
from checker.estimate import Status, estimate
from checker.messages import CATALOG, message
from checker.rules import DEFAULT_CARRIER, rule
from hooks.checker_assets import CHECKER_DEST, TEMPLATE

FORMAT = "smart-baohao.answers"
VERSION = 1
TARGET = CHECKER_DEST + "answers.json"
# How far the window reaches from the build: a site built today serves readers for years.
YEARS = 3
# The field the table is looked up by; every other field must hold its default.
LOOKUP_FIELD = "last_reload"


@dataclass(frozen=True)
class Answer:
    """The default form's answer for one last reload ``day``, whatever today is.

    ``changes`` are ``(first day, status)`` from ``day`` on: on a today at or after a change's
    day and before the next one's, the checker answers that status.
    """

    day: date
    reload_by: date
    changes: tuple[tuple[date, Status], ...]


def window(built: date) -> tuple[date, date]:
    """The first and last last-reload dates the table answers for a site built on ``built``.

    At least three years either side of the build, widened to whole calendar years, so that
    every build of the same sources within a year writes the same table (and the service
    worker's release, a hash of the site, does not change with the day of the build).

    >>> window(date(2026, 12, 3))
    (datetime.date(2023, 1, 1), datetime.date(2029, 12, 31))
    """
    return date(built.year - YEARS, 1, 1), date(built.year + YEARS, 12, 31)


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def answer(day: date, carrier_key: str = DEFAULT_CARRIER) -> Answer:
    """The checker's answer for a regular reload on ``day`` and the default form.

    The status is the checker's own (:func:`checker.estimate.estimate`) on every day where it
    may change: the day itself, the start of the due-soon window, the day after the reload-by
    date, the end of the balance and the disconnection day. The tests hold it to
    :func:`checker.web.next_reload` on every day around each change.

    >>> found = answer(date(2026, 3, 15))
    >>> str(found.reload_by)
    '2027-02-13'
    >>> for day, status in found.changes:
    ...     print(day, status)
    2026-03-15 ok
    2027-01-14 due_soon
    2027-02-14 overdue
    2027-03-15 grace
    2027-07-13 deactivated
    """
    first = estimate(day, today=day, carrier_key=carrier_key)
    assert first.reload_by is not None and first.balance_ends is not None  # a regular reload
    assert first.deactivates_on is not None
    window_days = timedelta(days=int(rule("due_soon_window", carrier_key).value or 0))
    candidates = {
        day,
        first.reload_by - window_days,
        first.reload_by + timedelta(days=1),
        first.balance_ends,
        first.deactivates_on,
    }
    changes: list[tuple[date, Status]] = []
    for today in sorted(candidate for candidate in candidates if candidate >= day):
        status = estimate(day, today=today, carrier_key=carrier_key).status
        if not changes or changes[-1][1] is not status:
            changes.append((today, status))
    return Answer(day, first.reload_by, tuple(changes))


def default_form() -> dict[str, str | bool]:
    """The values the table answers for: every field's default but the last reload's.

    A field added to :data:`checker.web.FIELDS` (a carrier, say) joins it with its default.
    """
    return {field.name: field.default for field in web.FIELDS if field.name != LOOKUP_FIELD}


LANGS = ("zh", "en")


def _day(text: str) -> date:
    return date.fromisoformat(text)


def date_words(lang: str) -> dict[str, Any]:
    """The catalogue's words for a date in ``lang``: the pattern and the names it fills in."""
    index = LANGS.index(lang)
    return {
        "pattern": CATALOG["date.format"][index],
        "weekdays": message("date.weekdays", lang).split(),
        "months": message("date.months", lang).split(),
    }


@functools.cache
def table(built: date, carrier_key: str = DEFAULT_CARRIER) -> dict[str, Any]:
    """The table the page reads, for a site built on ``built`` (see the module's docstring)."""
    first, last = window(built)
    answers = [answer(day, carrier_key) for day in _days(first, last)]
    end = max(change for item in answers for change, _ in item.changes)
    days = [day.isoformat() for day in _days(first, max(end, last))]
    runs: list[list[Any]] = []
    for index, item in enumerate(answers):
        row = [
            (item.reload_by - item.day).days,
            [[(day - item.day).days, str(status)] for day, status in item.changes],
        ]
        if runs and runs[-1][1:] == row:
            runs[-1][0] += 1
        else:
            runs.append([1, *row])
        assert days[index] == item.day.isoformat()
    return {
        "format": FORMAT,
        "version": VERSION,
        "built": built.isoformat(),
        "days": days,
        # How the reader says a day (checker.date_text): each day's weekday (0 = Monday) as a
        # digit, and per language the catalogue's pattern and names, so the page fills the
        # pattern with words and computes nothing (tests: the same text as format_date).
        "weekdays": "".join(str(_day(text).weekday()) for text in days),
        "words": {lang: date_words(lang) for lang in LANGS},
        "answers": [
            {
                "carrier": carrier_key,
                "form": default_form(),
                "first": 0,
                "count": len(answers),
                "runs": runs,
            }
        ],
    }


def text(built: date) -> str:
    return json.dumps(table(built), ensure_ascii=False, separators=(",", ":"))


def _built() -> date:
    # The day the site is built; a fixed date for a reproducible build.
    return date.today()


def _lang(config: MkDocsConfig) -> str:
    return "en" if str(config.theme.get("language", "zh")).startswith("en") else "zh"


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, **_: Any
) -> TemplateContext:
    if page.meta.get("template") != TEMPLATE:
        return context
    checker = cast(dict[str, Any], context).get("checker")
    if checker is None:
        return context
    lang = _lang(config)
    body = text(_built()).encode()
    version = hashlib.sha256(body).hexdigest()[:12]
    url = f"{get_relative_url(TARGET, page.url)}?v={version}"
    checker["early_url"] = url
    checker["config"]["early"] = {
        "url": url,
        # The catalogue's words the page shows with a looked-up answer.
        "status_labels": {str(status): message(f"status.{status}", lang) for status in Status},
        "default_label": message("lines.default_label", lang, last4="{last4}"),
    }
    checker["config"]["offline"].append(url)
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text(_built()), encoding="utf-8")
