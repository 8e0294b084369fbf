"""The saved lines: save, list, delete (and undo), export, import and one calendar for all;
the list kept in the browser, never stuck.

The page keeps one document (checker/lines.py) and hands its text to every call here; each
change answers the whole new document, which the page writes back under a lock shared by
its tabs (docs/assets/checker/lines.js), so a change is always made to the latest list.

Nothing the checker refuses today blocks the rest:

- a line it refuses (a date "after today" once the reader has flown west, a damaged line) is
  answered in ``attention``, with its message, and kept in the document as it was stored,
  until the reader opens and saves it again or deletes it;
- a document that cannot be read at all is ``damaged``: the page sets its text aside (it is
  never overwritten) and the next save starts a new list.

Every line has a ``key``: its number (E.164) when the number reads, else its stored JSON;
deletions name the lines the reader saw by their keys, so a line saved meanwhile in another
tab is never deleted unseen.

>>> saved_lines("{broken", today="2026-11-26", lang="en")["damaged"]["code"]
'saved.damaged'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import ics, lines
from ..dates import parse_date
from ..errors import CheckerError
from ..messages import lang_or_default, message
from ..phone import parse_phone
from . import contract
from .form import check_form, form_estimate, stamp
from .safely import Refused, error_dict

if TYPE_CHECKING:
    from .shapes import (
        AttentionLine,
        CalendarAnswer,
        DamagedList,
        DeleteLinesAnswer,
        ErrorAnswer,
        EstimateAnswer,
        ExportAnswer,
        FormAnswer,
        ImportAnswer,
        KeptDocument,
        NumberAnswer,
        RestoreAnswer,
        SaveAnswer,
        SavedLine,
        SavedLinesAnswer,
    )


@dataclass(frozen=True)
class _Line:
    """A saved line checked as of ``today``: its number, label, form and check_form answer."""

    number: NumberAnswer
    label: str
    form: lines.Form
    estimate: EstimateAnswer

    @property
    def e164(self) -> str:
        return self.number["e164"]


@dataclass(frozen=True)
class _Entry:
    """One stored line: as stored, and as the checker reads it today (a line or a problem)."""

    raw: object
    key: str
    line: _Line | None
    problem: ErrorAnswer | None


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


def _error(error: CheckerError, lang: str, field: str) -> ErrorAnswer:
    return error_dict(error, lang, field)


def _raw_key(raw: object) -> str:
    """A stored line's key: its number when the number reads, else its JSON."""
    form = raw.get("form") if isinstance(raw, Mapping) else None
    phone = form.get("phone") if isinstance(form, Mapping) else None
    if isinstance(phone, str) and phone.strip():
        try:
            return parse_phone(phone).e164
        except CheckerError:
            pass
    return "line:" + json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str)


def _entry(raw: object, today: object, lang: str) -> _Entry:
    key = _raw_key(raw)
    try:
        saved = lines.read_line(raw, contract.FIELDS)
    except CheckerError as error:
        # In words for storage: import.bad_shape's speak of a file.
        said = CheckerError("saved.line_damaged") if error.code.startswith("import.") else error
        return _Entry(raw, key, None, {**_error(said, lang, "saved"), "code": error.code})
    try:
        return _Entry(raw, key, _check_line(saved, today, lang), None)
    except CheckerError as error:
        return _Entry(raw, key, None, _error(error, lang, "saved"))
    except Refused as refused:
        return _Entry(raw, key, None, refused.answer)


def _raws(saved: object) -> list[Any]:
    """The kept document's lines as stored; ``saved.damaged`` when it cannot be read.

    A document handed over as data (not the storage's text) is read as its JSON would be,
    so that every line kept as it was stays JSON.
    """
    if saved is None or saved == "":
        return []
    try:
        text = saved if isinstance(saved, str) else json.dumps(saved, allow_nan=False)
        return lines.read_lines(lines.read_text(text))
    except (CheckerError, TypeError, ValueError, RecursionError):
        raise CheckerError("saved.damaged") from None


def _stored(saved: object, today: object, lang: str) -> tuple[list[_Entry], bool]:
    """The kept lines read as of ``today``, and whether the document was damaged (then none)."""
    parse_date(today, field="today")  # a wrong clock is the page's error, not each line's
    try:
        raws = _raws(saved)
    except CheckerError:
        return [], True
    return [_entry(raw, today, lang) for raw in raws], False


def _out(entry: _Entry) -> object:
    """What the document keeps of an entry: a good line in our shape, any other as it was."""
    if entry.line is None:
        return entry.raw
    return {"e164": entry.line.e164, "label": entry.line.label, "form": entry.line.form}


def _document(items: Sequence[object]) -> KeptDocument:
    return {"format": lines.FORMAT, "version": lines.VERSION, "lines": list(items)}


def _put(entries: list[_Entry], new: list[_Line]) -> tuple[list[_Entry], int, int]:
    """``entries`` with ``new`` in them: a line with the same number is replaced in its place
    (one that needed attention too: that is how it is fixed)."""
    merged = list(entries)
    added = updated = 0
    for line in new:
        entry = _Entry(None, line.e164, line, None)
        place = next((i for i, old in enumerate(merged) if old.key == line.e164), None)
        if place is None:
            merged.append(entry)
            added += 1
        else:
            merged[place] = entry
            updated += 1
    return merged, added, updated


def _label(line: _Line, lang: str) -> str:
    return line.label or message("lines.default_label", lang, last4=line.e164[-4:])


def _raw_label(raw: object, key: str, lang: str) -> str:
    """The name to show for a stored line, whatever state it is in."""
    label = raw.get("label") if isinstance(raw, Mapping) else None
    try:
        text = lines.read_label(label)
    except CheckerError:
        text = ""
    if text:
        return text
    if key.startswith("+"):
        return message("lines.default_label", lang, last4=key[-4:])
    return message("saved.unnamed", lang)


def _readable_form(raw: object) -> dict[str, str | bool]:
    """What can be put back into the form from a line that needs attention."""
    form = raw.get("form") if isinstance(raw, Mapping) else None
    if not isinstance(form, Mapping):
        return {}
    return {
        name: value
        for name in contract.FIELD_NAMES
        if isinstance(value := form.get(name), (str, bool))
        and (not isinstance(value, str) or len(value) <= lines.MAX_VALUE)
    }


# A date after today is most often a line saved in a time zone ahead of this one.
_FUTURE_DATES = frozenset({"date.in_future", "date.zero_in_future"})


def _attention(entry: _Entry, lang: str) -> AttentionLine:
    problem: Mapping[str, Any] = entry.problem or {}
    code = problem.get("code", "internal.error")
    label = entry.raw.get("label") if isinstance(entry.raw, Mapping) else None
    return {
        "key": entry.key,
        "e164": entry.key if entry.key.startswith("+") else None,
        "last_digits": entry.key[-4:] if entry.key.startswith("+") else "",
        "label": _raw_label(entry.raw, entry.key, lang),
        "custom_label": label if isinstance(label, str) and len(label) <= lines.MAX_VALUE else "",
        "code": code,
        "field": problem.get("field", "saved"),
        "message": message(
            "saved.attention.in_future" if code in _FUTURE_DATES else "saved.attention",
            lang,
            reason=problem.get("message", ""),
        ),
        "form": _readable_form(entry.raw),
    }


def _damaged(lang: str) -> DamagedList:
    return {"code": "saved.damaged", "message": message("saved.damaged", lang)}


def _sort_key(item: SavedLine) -> tuple[str, str]:
    return (item["reload_by"] or "", item["e164"])


def saved_lines(
    saved: object = None, *, today: object = None, lang: str = "zh"
) -> SavedLinesAnswer | ErrorAnswer:
    """Each saved line as of ``today``, soonest reload-by first: number, label and dates; the
    lines the checker refuses today in ``attention``; ``damaged`` when none can be read."""
    lang = lang_or_default(lang)
    try:
        entries, damaged = _stored(saved, today, lang)
        items: list[SavedLine] = []
        for entry in entries:
            if entry.line is None:
                continue
            line = entry.line
            items.append(
                {
                    "key": entry.key,
                    "e164": line.e164,
                    "national": line.number["national"],
                    "last_digits": line.e164[-4:],
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
            )
        return {
            "ok": True,
            "lines": sorted(items, key=_sort_key),
            "attention": [_attention(entry, lang) for entry in entries if entry.line is None],
            "damaged": _damaged(lang) if damaged else None,
        }
    except CheckerError as error:
        return _about_saved(_error(error, lang, "saved"))
    except Exception:
        return _error(CheckerError("internal.error"), lang, "saved")


def _about_saved(answer: ErrorAnswer) -> ErrorAnswer:
    """An error in the kept document is about it as a whole (the page has no such input)."""
    return {**answer, "field": "today" if answer["field"] == "today" else "saved"}


def save_line(
    form: object = None,
    *,
    label: object = None,
    saved: object = None,
    today: object = None,
    lang: str = "zh",
) -> SaveAnswer | ErrorAnswer:
    """Add the form to the saved document (or update the line with its number).

    Answers the new document for the page to keep, and the line's ``e164``; ``set_aside``
    when the kept document was damaged (the page keeps its text aside before writing). An
    error leaves the document as it was.
    """
    lang = lang_or_default(lang)
    try:
        old, damaged = _stored(saved, today, lang)
        fields = lines.read_form(form if isinstance(form, Mapping) else {}, contract.FIELDS)
        line = _check_line(lines.Saved(lines.read_label(label), fields), today, lang)
        merged, added, _ = _put(old, [line])
        if added and len(merged) > lines.MAX_LINES:
            raise CheckerError("import.too_many", limit=str(lines.MAX_LINES))
    except CheckerError as error:
        return _error(error, lang, "form")
    except Refused as refused:
        return refused.answer
    except Exception:
        return _error(CheckerError("internal.error"), lang, "form")
    return {
        "ok": True,
        "e164": line.e164,
        "updated": not added,
        "saved": _document([_out(entry) for entry in merged]),
        "set_aside": damaged,
        "message": message("lines.saved_updated" if not added else "lines.saved", lang),
    }


def export_lines(saved: object = None) -> ExportAnswer | ErrorAnswer:
    """The export file of the saved document: its text and a file name.

    Every line as it is kept, those needing attention too; a damaged document is exported as
    it is, under its own name (``damaged``), so that nothing kept is lost.
    """
    try:
        data = _document(_raws(saved))
    except CheckerError:
        text = saved if isinstance(saved, str) else json.dumps(saved, default=str)
        return {
            "ok": True,
            "filename": "smart-baohao-lines-damaged.txt",
            "json": text,
            "damaged": True,
        }
    except Exception:
        return _error(CheckerError("internal.error"), "en", "saved")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return {"ok": True, "filename": "smart-baohao-lines.json", "json": text, "damaged": False}


def _file_lines(text: object, size: object, today: object, lang: str) -> list[_Line]:
    """An import file's lines, each checked; any problem refuses the whole file."""
    data = lines.read_file(text, size)
    new: list[_Line] = []
    first: dict[str, int] = {}
    for index, raw in enumerate(lines.read_lines(data), start=1):
        try:
            item = lines.read_line(raw, contract.FIELDS)
        except CheckerError as error:
            error.params["index"] = str(index)
            raise
        try:
            line = _check_line(item, today, lang)
        except Refused as refused:
            reason = refused.answer["message"]
            raise CheckerError("import.bad_line", index=str(index), reason=reason) from None
        except CheckerError as error:
            error.params["index"] = str(index)
            raise
        if line.e164 in first:
            raise CheckerError(
                "import.duplicate",
                first=str(first[line.e164]),
                second=str(index),
                number=line.number["national"],
            )
        first[line.e164] = index
        new.append(line)
    return new


def import_lines(
    text: object = None,
    *,
    size: object = None,
    saved: object = None,
    today: object = None,
    lang: str = "zh",
) -> ImportAnswer | ErrorAnswer:
    """Merge an export file into the saved document, by number; all of the file or nothing.

    A file that is too large, not UTF-8, not JSON, not ours, of another version, with the
    same number twice, or with any line that the checker refuses changes nothing: the answer
    is an error naming the line. Kept lines that need attention stay as they are.
    """
    lang = lang_or_default(lang)
    try:
        old, damaged = _stored(saved, today, lang)
        merged, added, updated = _put(old, _file_lines(text, size, today, lang))
        if len(merged) > lines.MAX_LINES:
            raise CheckerError("import.too_many", limit=str(lines.MAX_LINES))
    except CheckerError as error:
        return _import_error(error, lang)
    except Exception:
        return _error(CheckerError("internal.error"), lang, "import")
    return {
        "ok": True,
        "saved": _document([_out(entry) for entry in merged]),
        "set_aside": damaged,
        "added": added,
        "updated": updated,
        "message": message("import.done", lang, added=added, updated=updated),
    }


def _import_error(error: CheckerError, lang: str) -> ErrorAnswer:
    """The error's words (for one line of the file, naming it), and that nothing changed."""
    index = None if error.code == "import.bad_line" else error.params.pop("index", None)
    field = error.params.pop("field", None)
    answer = _error(error, lang, "import")
    text = answer["message"]
    if index is not None:
        text = message("import.bad_line", lang, index=index, reason=text)
    unchanged = message("import.unchanged", lang)
    where = "today" if field == "today" else "import"
    return {**answer, "field": where, "message": f"{text} {unchanged}"}


def _keys(keys: object) -> set[str]:
    if not isinstance(keys, (list, tuple)):
        return set()
    return {key for key in keys if isinstance(key, str)}


def delete_lines(
    saved: object = None, *, keys: object = None, scope: object = "one", lang: str = "zh"
) -> DeleteLinesAnswer | ErrorAnswer:
    """The document without the lines named by ``keys`` (the ones the reader saw).

    ``removed`` holds them as they were kept, for :func:`restore_lines` (the page's undo);
    with ``scope`` "all", a line saved meanwhile in another tab is kept, and said so.
    """
    lang = lang_or_default(lang)
    try:
        raws = _raws(saved)
        wanted = _keys(keys)
        kept = [raw for raw in raws if _raw_key(raw) not in wanted]
        removed = [raw for raw in raws if _raw_key(raw) in wanted]
    except CheckerError as error:
        return _about_saved(_error(error, lang, "saved"))
    except Exception:
        return _error(CheckerError("internal.error"), lang, "saved")
    if scope == "all":
        code = "saved.deleted_kept" if kept else "saved.deleted_all"
        text = message(code, lang, deleted=len(removed), kept=len(kept))
    elif removed:
        text = message(
            "saved.deleted", lang, label=_raw_label(removed[0], _raw_key(removed[0]), lang)
        )
    else:
        text = message("saved.deleted_all", lang, deleted=0)
    return {
        "ok": True,
        "saved": _document(kept),
        "removed": removed,
        "deleted": len(removed),
        "kept": len(kept),
        "message": text,
    }


def _json_items(value: object) -> list[Any]:
    """The items of a list, each as its JSON reads back (an item that is not JSON is left out)."""
    items = []
    for item in value if isinstance(value, list) else []:
        try:
            items.append(json.loads(json.dumps(item, allow_nan=False)))
        except (TypeError, ValueError, RecursionError):
            continue
    return items


def restore_lines(
    saved: object = None, *, removed: object = None, lang: str = "zh"
) -> RestoreAnswer | ErrorAnswer:
    """Put back what :func:`delete_lines` removed (its ``removed``), unless the same number
    has been saved again since; at the end of the list."""
    lang = lang_or_default(lang)
    try:
        raws = _raws(saved)
        back = _json_items(removed)
        present = {_raw_key(raw) for raw in raws}
        added = [raw for raw in back if _raw_key(raw) not in present]
        if len(raws) + len(added) > lines.MAX_LINES:
            raise CheckerError("import.too_many", limit=str(lines.MAX_LINES))
        # The document must stay one the page can read back: checked as a file would be.
        lines.read_lines(_document(raws + added))
    except CheckerError as error:
        return _about_saved(_error(error, lang, "saved"))
    except Exception:
        return _error(CheckerError("internal.error"), lang, "saved")
    label = _raw_label(back[0], _raw_key(back[0]), lang) if back else ""
    return {
        "ok": True,
        "saved": _document(raws + added),
        "restored": len(added),
        "message": message("saved.restored", lang, label=label),
    }


def calendar_all(
    saved: object = None, *, today: object = None, lang: str = "zh", now: object = None
) -> CalendarAnswer | ErrorAnswer:
    """One ``.ics`` for every saved line the checker accepts today, as
    :func:`checker.web.calendar` makes each line's events (the same alarms), titled with the
    line's label; UIDs from its number and the event's kind."""
    lang = lang_or_default(lang)
    try:
        entries, _ = _stored(saved, today, lang)
        checked = [entry.line for entry in entries if entry.line is not None]
        if not checked:
            raise CheckerError("lines.none")
        day = parse_date(today, field="today")
        pairs = [
            (ics.Line(line.e164, _label(line, lang)), form_estimate(line.form, today))
            for line in checked
        ]
        text = ics.calendar_all(pairs, lang=lang, stamp=stamp(now, pairs[0][1]), today=day)
    except CheckerError as error:
        return _about_saved(_error(error, lang, "saved"))
    except Refused as refused:
        return _about_saved(refused.answer)
    except Exception:
        return _error(CheckerError("internal.error"), lang, "saved")
    return {"ok": True, "filename": "smart-baohao-all-lines.ics", "ics": text}
