"""The saved lines: save, list, delete, export, import and one calendar for all.

The page keeps the document these answer (checker/lines.py) and changes it only through them:
every date on its list is computed again here, from ``today``, each time it is shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import ics, lines
from ..dates import parse_date
from ..errors import CheckerError
from ..messages import lang_or_default, message
from ..phone import parse_phone
from . import contract
from .form import check_form, form_estimate, stamp
from .safely import Refused, error_dict, never_raises

if TYPE_CHECKING:
    from .shapes import (
        CalendarAnswer,
        DeleteAnswer,
        ErrorAnswer,
        EstimateAnswer,
        ExportAnswer,
        FormAnswer,
        ImportAnswer,
        LinesDocument,
        NumberAnswer,
        SaveAnswer,
        SavedLine,
        SavedLinesAnswer,
    )


@dataclass(frozen=True)
class _Line:
    """A saved line checked as of ``today``: its number, label, form and estimate."""

    number: NumberAnswer
    label: str
    form: lines.Form
    estimate: EstimateAnswer


def _first_error(result: FormAnswer) -> ErrorAnswer | None:
    for part in (result["number"], result["amount"], result["estimate"]):
        if part is not None and part["ok"] is False:
            return part
    return None


def _check_line(saved: lines.Saved, today: object, lang: str) -> _Line:
    """Check a saved form with the page's own check; a line needs a number and a last reload."""
    form = dict(saved.form)
    result = check_form(form, today=today, lang=lang)
    error = _first_error(result)
    if error is not None:
        raise Refused(error)
    number, estimate = result["number"], result["estimate"]
    if number is None or number["ok"] is False:
        raise CheckerError("lines.need_number", field="phone")
    if estimate is None or estimate["ok"] is False:
        raise CheckerError("lines.need_last_reload", field="last_reload")
    # A date typed without a year ("3月15日") is kept as the day it was read as: next year
    # the same words would mean another day.
    if "last_reload" in estimate["years_assumed"]:
        form["last_reload"] = estimate["last_reload"]
    if "zero_balance_since" in estimate["years_assumed"]:
        form["zero_balance_since"] = estimate["zero_balance_since"] or ""
    return _Line(number, saved.label, form, estimate)


def _saved(saved: object) -> list[lines.Saved]:
    """The page's stored document; nothing stored yet (``None`` or ``""``) is an empty list."""
    if saved is None or saved == "":
        return []
    # The page hands over its storage's text as it is: a damaged one is refused here.
    data = lines.read_text(saved) if isinstance(saved, str) else saved
    return lines.read_document(data, contract.FIELDS)


def _checked(saved: object, today: object, lang: str) -> list[_Line]:
    return [_check_line(item, today, lang) for item in _saved(saved)]


def _merge(old: list[_Line], new: list[_Line]) -> tuple[list[_Line], int, int]:
    """``old`` with ``new`` in it: a number already there is replaced, in its place."""
    merged = {line.number["e164"]: line for line in old}
    added = updated = 0
    for line in new:
        if line.number["e164"] in merged:
            updated += 1
        else:
            added += 1
        merged[line.number["e164"]] = line
    return list(merged.values()), added, updated


def _document(checked: list[_Line]) -> LinesDocument:
    return lines.document([(line.number["e164"], line.label, line.form) for line in checked])


def _label(line: _Line, lang: str) -> str:
    e164 = line.number["e164"]
    return line.label or message("lines.default_label", lang, last4=e164[-4:])


def _about_saved(answer: ErrorAnswer, lang: str = "") -> ErrorAnswer:
    """An error in the kept document is about it as a whole (the page has no such input)."""
    return {**answer, "field": "today" if answer["field"] == "today" else "saved"}


@never_raises("form")
def save_line(
    form: object = None,
    *,
    label: object = None,
    saved: object = None,
    today: object = None,
    lang: str = "zh",
) -> SaveAnswer | ErrorAnswer:
    """Add the form to the saved document (or update the line with its number).

    Answers the new document for the page to keep, and the line's ``e164``; the document it
    was given is read first, and an error leaves it as it was.
    """
    lang = lang_or_default(lang)
    old = _checked(saved, today, lang)
    fields = lines.read_form(form if isinstance(form, Mapping) else {}, contract.FIELDS)
    line = _check_line(lines.Saved(lines.read_label(label), fields), today, lang)
    merged, added, _ = _merge(old, [line])
    if added and len(merged) > lines.MAX_LINES:
        raise CheckerError("import.too_many", limit=str(lines.MAX_LINES))
    return {
        "ok": True,
        "e164": line.number["e164"],
        "updated": not added,
        "saved": _document(merged),
        "message": message("lines.saved_updated" if not added else "lines.saved", lang),
    }


def _saved_failed(error: CheckerError, lang: str) -> ErrorAnswer:
    return _about_saved(error_dict(error, lang, "saved"))


@never_raises("saved", failed=_saved_failed, refused=_about_saved)
def saved_lines(
    saved: object = None, *, today: object = None, lang: str = "zh"
) -> SavedLinesAnswer | ErrorAnswer:
    """Each saved line as of ``today``, soonest reload-by first: number, label and dates."""
    lang = lang_or_default(lang)
    items: list[SavedLine] = [
        {
            "e164": line.number["e164"],
            "national": line.number["national"],
            "label": _label(line, lang),
            "custom_label": line.label,
            "reload_by": line.estimate["reload_by"],
            "deactivates_on": line.estimate["deactivates_on"],
            "status": line.estimate["status"],
            "status_label": line.estimate["status_label"],
            "days_left": line.estimate["days_left"],
            "days_text": line.estimate["days_text"],
            "form": line.form,
        }
        for line in _checked(saved, today, lang)
    ]
    items.sort(key=lambda item: (item["reload_by"] or "", item["e164"]))
    return {"ok": True, "lines": items}


@never_raises("saved", failed=_saved_failed, refused=_about_saved)
def delete_line(
    e164: object = None, *, saved: object = None, lang: str = "zh"
) -> DeleteAnswer | ErrorAnswer:
    """The document without the line of number ``e164`` (as the list names it).

    Only the document's shape is read: a line that no longer passes its checks can still go.
    """
    items = _saved(saved)
    keys = [_line_key(item) for item in items]
    kept = [
        (key, item.label, dict(item.form))
        for key, item in zip(keys, items, strict=True)
        if key != e164
    ]
    return {"ok": True, "deleted": len(kept) < len(items), "saved": lines.document(kept)}


@never_raises("saved", failed=_saved_failed)
def export_lines(saved: object = None) -> ExportAnswer | ErrorAnswer:
    """The export file of the saved document: its text and a file name."""
    data = lines.document(
        [(_line_key(item), item.label, dict(item.form)) for item in _saved(saved)]
    )
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return {"ok": True, "filename": "smart-baohao-lines.json", "json": text}


def _line_key(item: lines.Saved) -> str:
    phone = item.form.get("phone")
    return parse_phone(phone).e164 if isinstance(phone, str) and phone.strip() else ""


def _import_error(error: CheckerError, lang: str) -> ErrorAnswer:
    """The error's words (for one line of the file, naming it), and that nothing changed."""
    index = None if error.code == "import.bad_line" else error.params.pop("index", None)
    error.params.pop("field", None)
    answer = error_dict(error, lang, "import")
    text = answer["message"]
    if index is not None:
        text = message("import.bad_line", lang, index=index, reason=text)
    unchanged = message("import.unchanged", lang)
    return {**answer, "field": "import", "message": f"{text} {unchanged}"}


def _import_refused(refused: ErrorAnswer, lang: str) -> ErrorAnswer:
    """A kept line no longer passes (or today is wrong): nothing changed."""
    answer = _about_saved(refused)
    unchanged = message("import.unchanged", lang)
    field = "today" if answer["field"] == "today" else "import"
    return {**answer, "field": field, "message": f"{answer['message']} {unchanged}"}


@never_raises("import", failed=_import_error, refused=_import_refused)
def import_lines(
    text: object = None,
    *,
    size: object = None,
    saved: object = None,
    today: object = None,
    lang: str = "zh",
) -> ImportAnswer | ErrorAnswer:
    """Merge an export file into the saved document, by number; all of it or nothing.

    A file that is too large, not JSON, not ours, of another version, or with any line that
    the checker refuses changes nothing: the answer is an error naming the line.
    """
    lang = lang_or_default(lang)
    old = _checked(saved, today, lang)
    data = lines.read_text(text, size)
    new = []
    for index, item in enumerate(_saved(data), start=1):
        try:
            new.append(_check_line(item, today, lang))
        except Refused as refused:
            reason = refused.answer["message"]
            raise CheckerError("import.bad_line", index=str(index), reason=reason) from None
    merged, added, updated = _merge(old, new)
    if len(merged) > lines.MAX_LINES:
        raise CheckerError("import.too_many", limit=str(lines.MAX_LINES))
    return {
        "ok": True,
        "saved": _document(merged),
        "added": added,
        "updated": updated,
        "message": message("import.done", lang, added=added, updated=updated),
    }


@never_raises("saved", failed=_saved_failed, refused=_about_saved)
def calendar_all(
    saved: object = None, *, today: object = None, lang: str = "zh", now: object = None
) -> CalendarAnswer | ErrorAnswer:
    """One ``.ics`` for every saved line, as :func:`calendar` makes each line's events (the
    same alarms), titled with the line's label; UIDs from its number and the event's kind."""
    lang = lang_or_default(lang)
    checked = _checked(saved, today, lang)
    if not checked:
        raise CheckerError("lines.none")
    day = parse_date(today, field="today")
    entries = [
        (ics.Line(line.number["e164"], _label(line, lang)), form_estimate(line.form, today))
        for line in checked
    ]
    text = ics.calendar_all(entries, lang=lang, stamp=stamp(now, entries[0][1]), today=day)
    return {"ok": True, "filename": "smart-baohao-all-lines.ics", "ics": text}
