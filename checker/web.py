"""The one module the page's JavaScript calls (and the CLI prints).

Every function returns a plain JSON-ready dict and never raises, whatever it
is given: ``{"ok": True, ...}`` or ``{"ok": False, "code", "message", "field"}``.

>>> check_amount("PHP 1,000", "en")
{'ok': True, 'amount': '1000.00', 'currency': 'PHP', 'warnings': [], 'warning_messages': []}
>>> check_amount("1e3", "en")["code"]
'amount.exponent'
>>> next_reload("2026-03-15", today="2026-11-26")["reload_by"]
'2027-02-13'
>>> next_reload(None, today=[])["code"]
'date.empty'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from . import answer, ics, lines
from .amount import Amount, parse_amount
from .dates import FIRST_DATE, LAST_DATE, ReadDate, parse_date, read_date
from .errors import CheckerError
from .estimate import Estimate, ReloadKind, check_margin, default_margin_days, estimate
from .messages import lang_or_default, message
from .phone import PhoneNumber, parse_phone
from .text import normalise

Result = dict[str, Any]
# How a field is entered: the page draws each kind its own way (overrides/checker.html).
# "choice" is one of ``options`` (a group of radio buttons); "checkbox" is a bool.
Kind = Literal["date", "integer", "decimal", "tel", "checkbox", "choice"]


@dataclass(frozen=True)
class Field:
    """One input of the checker's form, as the page draws, reads, saves and sends it.

    ``default`` is what a blank form holds (a bool for a checkbox, one of ``options`` for a
    choice); the page's words for it are ``form.<name>`` and ``form.<name>.hint``, and for
    each option ``form.<name>.<option>`` (checker/page_words.json).
    """

    name: str
    kind: Kind
    required: bool = False
    default: str | bool = ""
    options: tuple[str, ...] = ()


# What the last reload was: reload_kind's options, the adapter's and the CLI's.
KINDS = tuple(str(kind) for kind in ReloadKind)
# The form, in the order the page shows it. The template's field loop, the page's JavaScript
# (through the build's config, hooks/checker_assets.py) and the tests all read this.
FIELDS: tuple[Field, ...] = (
    Field("last_reload", "date", required=True),
    Field("reload_kind", "choice", default=str(ReloadKind.REGULAR), options=KINDS),
    Field("zero_balance_since", "date"),
    Field("margin_days", "integer", default=str(default_margin_days())),
    Field("amount", "decimal"),
    Field("phone", "tel"),
)
FIELD_NAMES = tuple(field.name for field in FIELDS)
# Read too, for links and callers from before reload_kind: promo=1 means reload_kind=promo.
LEGACY_FIELDS = ("promo",)
# What the page may call, with the names of each call's arguments: the worker passes them by
# name, and refuses any other call or argument (docs/assets/checker/worker.js).
CALLS: dict[str, tuple[str, ...]] = {
    "check_form": ("form", "today", "lang"),
    "calendar": ("form", "today", "lang", "now"),
    # The saved lines (checker/lines.py): ``saved`` is the document the page keeps.
    "save_line": ("form", "label", "saved", "today", "lang"),
    "saved_lines": ("saved", "today", "lang"),
    "export_lines": ("saved",),
    "import_lines": ("text", "size", "saved", "today", "lang"),
    "calendar_all": ("saved", "today", "lang", "now"),
}
# The most bytes of a file the page reads for an import (it reads one more, to know).
IMPORT_MAX_BYTES = lines.MAX_FILE_BYTES
# The longest label a saved line may have (the page's maxlength).
LABEL_MAX_LENGTH = lines.MAX_LABEL
_TRUE_WORDS = {"1", "true", "on", "yes", "y"}


def _safely(field: str, lang: object, compute: Callable[[str], Result]) -> Result:
    """Run ``compute(lang)``; turn every failure into an error dict naming ``field``.

    The page must always get an answer, never a traceback.
    """
    lang = lang_or_default(lang)
    try:
        return compute(lang)
    except CheckerError as error:
        return error_dict(error, lang, field)
    except Exception:
        return error_dict(CheckerError("internal.error"), lang, field)


def error_dict(error: CheckerError, lang: str, default_field: str) -> Result:
    params = {key: value for key, value in error.params.items() if key != "field"}
    return {
        "ok": False,
        "code": error.code,
        "message": message(error.code, lang, **params),
        "field": error.params.get("field", default_field),
    }


def _warnings(codes: tuple[str, ...], lang: str) -> Result:
    return {"warnings": list(codes), "warning_messages": [message(c, lang) for c in codes]}


def number_dict(number: PhoneNumber, lang: str) -> Result:
    warnings = () if number.carrier_key == "smart" else ("phone.not_smart_prefix",)
    return {
        "ok": True,
        "e164": number.e164,
        "national": number.national,
        "network": number.network,
        "caveat": message("phone.ported_caveat", lang),
        "warnings": list(warnings),
        "warning_messages": [message(c, lang, network=number.network) for c in warnings],
    }


def amount_dict(amount: Amount, lang: str) -> Result:
    return {
        "ok": True,
        "amount": amount.text,
        "currency": "PHP",
        **_warnings(amount.warnings, lang),
    }


def check_number(text: object, lang: str = "zh") -> Result:
    """Validate a phone number: E.164 and national forms, the original network."""
    return _safely("phone", lang, lambda lang: number_dict(parse_phone(text), lang))


def check_amount(text: object, lang: str = "zh") -> Result:
    """Validate a reload amount in pesos."""
    return _safely("amount", lang, lambda lang: amount_dict(parse_amount(text), lang))


def _in_field(field: str, parser: Callable[[object], Any], value: object) -> Any:
    """Parse ``value``, naming ``field`` in any error so the page shows it by that input."""
    try:
        return parser(value)
    except CheckerError as error:
        error.params.setdefault("field", field)
        raise


def _margin(value: object) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default_margin_days()
    if isinstance(value, bool):
        raise CheckerError("margin.not_a_number", field="margin_days")
    if isinstance(value, int):
        return check_margin(value)
    # Blank was handled above. Name the field, so that "too long" shows beside the margin.
    text = _in_field("margin_days", lambda v: normalise(v, field="margin"), value)
    # One sign at most: int() refuses "-+5", which would end as internal.error.
    digits = text[1:] if text[0] in "+-" else text
    if not digits.isascii() or not digits.isdigit():
        raise CheckerError("margin.not_a_number", field="margin_days")
    return check_margin(int(text))


def _flag(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS
    return value is True


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _kind(value: object, promo: object = False) -> ReloadKind:
    """The kind of the last reload: ``reload_kind`` if given, else the old ``promo`` flag.

    >>> [str(_kind(" PasaLoad ")), str(_kind(None, "1")), str(_kind("", False))]
    ['pasaload', 'promo', 'regular']
    """
    if _blank(value):
        return ReloadKind.PROMO if _flag(promo) else ReloadKind.REGULAR
    text = _in_field("reload_kind", lambda v: normalise(v, field="kind"), value)
    try:
        return ReloadKind(text.lower())
    except ValueError:
        raise CheckerError("kind.unknown", field="reload_kind") from None


def _estimate(
    last_reload: object,
    zero_balance_since: object,
    margin_days: object,
    kind: ReloadKind,
    amount: Amount | None,
    today: object,
    read: dict[str, tuple[str, ReadDate]] | None = None,
) -> Estimate:
    """The estimate for these fields; ``read`` collects how each typed date was read."""
    day, today_error = _today(today)
    read = {} if read is None else read
    # The user's fields first, so their errors show before anything about today.
    last = _read(last_reload, "last_reload", day, today_error, read)
    zero = (
        None
        if _blank(zero_balance_since)
        else _read(zero_balance_since, "zero_balance_since", day, today_error, read)
    )
    margin = _margin(margin_days)
    if day is None:
        raise today_error or CheckerError("internal.error")
    return estimate(
        last,
        today=day,
        zero_balance_since=zero,
        margin_days=margin,
        kind=kind,
        amount=amount.value if amount else None,
    )


def _today(today: object) -> tuple[date | None, CheckerError | None]:
    try:
        return parse_date(today, field="today"), None
    except CheckerError as error:
        return None, error


def _read(
    value: object,
    field: str,
    today: date | None,
    today_error: CheckerError | None,
    read: dict[str, tuple[str, ReadDate]],
) -> date:
    """A typed date; one without a year counts back from today (so a bad today is the error)."""
    try:
        found = read_date(value, field=field, today=today)
    except CheckerError as error:
        if error.code == "date.needs_year" and today_error is not None:
            raise today_error from None
        raise
    read[field] = (str(value).strip(), found)
    return found.day


def _days_text(days: int, lang: str) -> str:
    """Days to a date in words, never a bare negative number.

    >>> _days_text(-42, "en"), _days_text(-42, "zh"), _days_text(1, "en"), _days_text(0, "zh")
    ('42 days ago', '已过 42 天', '1 day left', '就是今天')
    """
    if days == 0:
        return message("days.today", lang)
    code = "days.left" if days > 0 else "days.ago"
    return message(f"{code}.one" if abs(days) == 1 else code, lang, days=abs(days))


def _iso(day: object) -> str | None:
    return None if day is None else str(day)


def estimate_dict(
    result: Estimate,
    lang: str,
    amount: Amount | None = None,
    read: dict[str, tuple[str, ReadDate]] | None = None,
) -> Result:
    texts = answer.date_texts(result, lang)
    dates = {
        "load_expires": _iso(result.load_expires),
        "balance_ends": _iso(result.balance_ends),
        "deactivates_on": _iso(result.deactivates_on),
        "reload_by": _iso(result.reload_by),
    }
    said = {name: texts[f"{name}_text"] for name in dates}
    detail = message(f"status.{result.status}.detail", lang, days=result.days_left, **said)
    warnings = result.warnings + (amount.warnings if amount else ())
    sources = [
        {
            "rule": rule_key,
            "title": source.title,
            "url": source.url,
            "confidence": str(source.confidence),
            "confidence_label": message(f"confidence.{source.confidence}", lang),
            "checked": source.checked.isoformat(),
        }
        for rule_key, source in result.sources
    ]
    return {
        "ok": True,
        "last_reload": result.last_reload.isoformat(),
        "reload_kind": str(result.kind),
        "zero_balance_since": result.zero_balance_since.isoformat()
        if result.zero_balance_since
        else None,
        "margin_days": result.margin_days,
        "amount": amount.text if amount else None,
        **dates,
        # The dates as the reader says them (the page formats none), the dates under the
        # answer card's fold, and how a date typed without a year was read.
        **texts,
        "other_dates": [] if result.reload_by is None else answer.other_dates(result, lang),
        "date_notes": answer.read_notes(read or {}, lang),
        # The fields typed without a year: a saved line keeps their ISO date, not the words,
        # which would mean another year next year.
        "years_assumed": [name for name, (_, day) in (read or {}).items() if day.year_assumed],
        # What the load_expires date is of: a regular reload's year, or PasaLoad's days.
        "load_expires_label": message(f"label.load_expires.{result.kind}", lang),
        "days_left": result.days_left,
        "days_text": None if result.days_left is None else _days_text(result.days_left, lang),
        "status": str(result.status),
        "status_label": message(f"status.{result.status}", lang),
        "status_detail": detail,
        # Filled by check_form: what the phone number says about these dates (another network).
        "status_warnings": [],
        "status_warning_messages": [],
        **_warnings(warnings, lang),
        "assumptions": [
            {
                "code": item.code,
                "message": message(item.code, lang, margin=result.margin_used),
                "rule": item.rule,
            }
            for item in result.assumptions
        ],
        "sources": sources,
    }


def next_reload(
    last_reload: object = None,
    zero_balance_since: object = None,
    margin_days: object = None,
    amount: object = None,
    promo: object = False,
    today: object = None,
    lang: str = "zh",
    reload_kind: object = None,
) -> Result:
    """The next-reload estimate; ``today`` is the user's local date (``YYYY-MM-DD``).

    ``reload_kind`` is ``regular``, ``promo`` or ``pasaload``; when it is blank, the old
    ``promo`` flag says promo or regular.
    """

    def compute(lang: str) -> Result:
        kind = _kind(reload_kind, promo)
        parsed_amount = None if _blank(amount) else _in_field("amount", parse_amount, amount)
        read: dict[str, tuple[str, ReadDate]] = {}
        result = _estimate(
            last_reload, zero_balance_since, margin_days, kind, parsed_amount, today, read
        )
        return estimate_dict(result, lang, parsed_amount, read)

    return _safely("last_reload", lang, compute)


def _form(form: object) -> Mapping[str, object]:
    return form if isinstance(form, Mapping) else {}


def _form_estimate(fields: Mapping[str, object], today: object) -> Estimate:
    """The estimate a calendar is made of, from the form's fields (one line's, or a saved one)."""
    kind = _kind(fields.get("reload_kind"), fields.get("promo"))
    amount = fields.get("amount")
    # Only PasaLoad's dates depend on the amount; a bad amount stops nothing else.
    parsed_amount = (
        _in_field("amount", parse_amount, amount)
        if kind is ReloadKind.PASALOAD and not _blank(amount)
        else None
    )
    return _estimate(
        fields.get("last_reload"),
        fields.get("zero_balance_since"),
        fields.get("margin_days"),
        kind,
        parsed_amount,
        today,
    )


def calendar(
    form: object = None, today: object = None, lang: str = "zh", now: object = None
) -> Result:
    """The ``.ics`` reminders for the form; ``now`` (ISO, UTC) stamps DTSTAMP."""

    def compute(lang: str) -> Result:
        fields = _form(form)
        result = _form_estimate(fields, today)
        phone = fields.get("phone")
        number = None if _blank(phone) else _in_field("phone", parse_phone, phone).national
        day = parse_date(today, field="today")
        text = ics.calendar(result, lang=lang, stamp=_stamp(now, result), today=day, number=number)
        first = ics.planned_events(result, day)[0]
        name = "reload-now" if first[0] == "reload_now" else "reload-by"
        return {"ok": True, "filename": f"smart-{name}-{first[1]}.ics", "ics": text}

    return _safely("last_reload", lang, compute)


def _stamp(now: object, result: Estimate) -> datetime:
    if isinstance(now, str) and len(now) <= 64:
        try:
            parsed = datetime.fromisoformat(now.replace("Z", "+00:00"))
            stamp = parsed.astimezone(UTC) if parsed.tzinfo is not None else None
        except (ValueError, OverflowError):  # OverflowError: beyond year 1 or 9999 in UTC
            stamp = None
        # A clock outside the checker's dates is wrong, and DTSTAMP needs a 4-digit year.
        if stamp is not None and FIRST_DATE <= stamp.date() <= LAST_DATE:
            return stamp
    return datetime.combine(result.last_reload, datetime.min.time(), UTC)


def summary_text(number: Result | None, estimate_result: Result, lang: str) -> str:
    """The plain-text summary the page copies to the clipboard."""

    def label(code: str) -> str:
        return message(code, lang)

    lines = [label("summary.title")]
    if number and number.get("ok"):
        lines.append(f"{label('label.number')}: {number['national']} ({number['e164']})")
    if estimate_result.get("amount"):
        lines.append(f"{label('label.amount')}: PHP {estimate_result['amount']}")
    kind = estimate_result.get("reload_kind") or "regular"
    lines += [
        f"{label('label.last_reload')}: {estimate_result['last_reload_text']} "
        f"({label(f'kind.{kind}')})",
        f"{label('label.status')}: {estimate_result['status_label']} - "
        f"{estimate_result['status_detail']}",
    ]
    lines += [f"! {text}" for text in estimate_result.get("status_warning_messages", [])]
    if estimate_result.get("reload_by"):
        lines.append(
            f"{label('label.reload_by')}: {estimate_result['reload_by_text']} "
            f"({estimate_result['days_text']})"
        )
        lines += [
            f"{row['label']}: {row['text']}"
            for row in estimate_result["other_dates"]
            if row["key"] != "last_reload"
        ]
    lines += estimate_result.get("date_notes", [])
    lines += [f"! {text}" for text in estimate_result["warning_messages"]]
    lines.append(f"{label('label.assumptions')}:")
    lines += [f"- {item['message']}" for item in estimate_result["assumptions"]]
    return "\n".join(lines)


def check_form(form: object = None, today: object = None, lang: str = "zh") -> Result:
    """Everything the page shows for one state of the form, in one round trip.

    A blank field gives ``None`` for its part, so the page shows nothing there yet.
    """
    lang = lang_or_default(lang)
    fields = _form(form)
    try:
        value = {name: fields.get(name) for name in FIELD_NAMES + LEGACY_FIELDS}
        number = None if _blank(value["phone"]) else check_number(value["phone"], lang)
        amount = None if _blank(value["amount"]) else check_amount(value["amount"], lang)
        result = None
        if not _blank(value["last_reload"]):
            result = next_reload(
                value["last_reload"],
                value["zero_balance_since"],
                value["margin_days"],
                None if amount is None or not amount["ok"] else value["amount"],
                value["promo"],
                today,
                lang,
                value["reload_kind"],
            )
        if result and result["ok"] and number and number["ok"] and number["warnings"]:
            # A number first allocated to another network puts every date in doubt: say so
            # in the status itself, not below a status that looks fine.
            result["status_warnings"] = number["warnings"]
            result["status_warning_messages"] = number["warning_messages"]
        summary = summary_text(number, result, lang) if result and result["ok"] else None
    except Exception:
        error = error_dict(CheckerError("internal.error"), lang, "form")
        return {"number": error, "amount": None, "estimate": None, "summary": None}
    return {"number": number, "amount": amount, "estimate": result, "summary": summary}


# --- the saved lines ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """A saved line checked as of ``today``: its number, label, form and check_form answer."""

    e164: str
    national: str
    label: str
    form: lines.Form
    result: Result


def _first_error(result: Result) -> Result | None:
    parts: list[Result | None] = [result["number"], result["amount"], result["estimate"]]
    return next((part for part in parts if part is not None and not part["ok"]), None)


class _Refused(Exception):
    """A saved form that check_form refuses; carries that answer (its words, its field)."""

    def __init__(self, answer: Result) -> None:
        super().__init__(answer["code"])
        self.answer = answer


def _check_line(saved: lines.Saved, today: object, lang: str) -> _Line:
    """Check a saved form with the page's own check; a line needs a number and a last reload."""
    form = dict(saved.form)
    result = check_form(form, today, lang)
    error = _first_error(result)
    if error is not None:
        raise _Refused(error)
    if result["number"] is None:
        raise CheckerError("lines.need_number", field="phone")
    if result["estimate"] is None:
        raise CheckerError("lines.need_last_reload", field="last_reload")
    number = result["number"]
    for name in result["estimate"].get("years_assumed", []):
        form[name] = result["estimate"][name]
    return _Line(number["e164"], number["national"], saved.label, form, result)


def _saved(saved: object) -> list[lines.Saved]:
    """The page's stored document; nothing stored yet (``None`` or ``""``) is an empty list."""
    if saved is None or saved == "":
        return []
    # The page hands over its storage's text as it is: a damaged one is refused here.
    data = lines.read_text(saved) if isinstance(saved, str) else saved
    return lines.read_document(data, FIELDS)


def _checked(saved: object, today: object, lang: str) -> list[_Line]:
    return [_check_line(item, today, lang) for item in _saved(saved)]


def _merge(old: list[_Line], new: list[_Line]) -> tuple[list[_Line], int, int]:
    """``old`` with ``new`` in it: a number already there is replaced, in its place."""
    merged = {line.e164: line for line in old}
    added = updated = 0
    for line in new:
        if line.e164 in merged:
            updated += 1
        else:
            added += 1
        merged[line.e164] = line
    return list(merged.values()), added, updated


def _document(checked: list[_Line]) -> Result:
    return lines.document([(line.e164, line.label, line.form) for line in checked])


def _label(line: _Line, lang: str) -> str:
    return line.label or message("lines.default_label", lang, last4=line.e164[-4:])


def save_line(
    form: object = None,
    label: object = None,
    saved: object = None,
    today: object = None,
    lang: str = "zh",
) -> Result:
    """Add the form to the saved document (or update the line with its number).

    Answers the new document for the page to keep, and the line's ``e164``; the document it
    was given is read first, and an error leaves it as it was.
    """
    lang = lang_or_default(lang)
    try:
        old = _checked(saved, today, lang)
        fields = lines.read_form(_form(form), FIELDS)
        line = _check_line(lines.Saved(lines.read_label(label), fields), today, lang)
        merged, added, _ = _merge(old, [line])
        if added and len(merged) > lines.MAX_LINES:
            raise CheckerError("import.too_many", limit=str(lines.MAX_LINES))
    except CheckerError as error:
        return error_dict(error, lang, "form")
    except _Refused as refused:
        return refused.answer
    except Exception:
        return error_dict(CheckerError("internal.error"), lang, "form")
    return {
        "ok": True,
        "e164": line.e164,
        "updated": not added,
        "saved": _document(merged),
        "message": message("lines.saved_updated" if not added else "lines.saved", lang),
    }


def _sort_key(item: Result) -> tuple[str, str]:
    return (item["reload_by"], item["e164"])


def saved_lines(saved: object = None, today: object = None, lang: str = "zh") -> Result:
    """Each saved line as of ``today``, soonest reload-by first: number, label and dates."""

    def compute(lang: str) -> Result:
        items = []
        for line in _checked(saved, today, lang):
            estimate_result = line.result["estimate"]
            items.append(
                {
                    "e164": line.e164,
                    "national": line.national,
                    "label": _label(line, lang),
                    "custom_label": line.label,
                    "reload_by": estimate_result["reload_by"],
                    "deactivates_on": estimate_result["deactivates_on"],
                    "status": estimate_result["status"],
                    "status_label": estimate_result["status_label"],
                    "days_left": estimate_result["days_left"],
                    "form": line.form,
                }
            )
        return {"ok": True, "lines": sorted(items, key=_sort_key)}

    lang = lang_or_default(lang)
    try:
        return compute(lang)
    except CheckerError as error:
        return _about_saved(error_dict(error, lang, "saved"))
    except _Refused as refused:
        return _about_saved(refused.answer)
    except Exception:
        return error_dict(CheckerError("internal.error"), lang, "saved")


def _about_saved(answer: Result) -> Result:
    """An error in the kept document is about it as a whole (the page has no such input)."""
    return {**answer, "field": "today" if answer["field"] == "today" else "saved"}


def export_lines(saved: object = None) -> Result:
    """The export file of the saved document: its text and a file name."""
    try:
        data = lines.document(
            [(_line_key(item), item.label, dict(item.form)) for item in _saved(saved)]
        )
    except CheckerError as error:
        return _about_saved(error_dict(error, "en", "saved"))
    except Exception:
        return error_dict(CheckerError("internal.error"), "en", "saved")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return {"ok": True, "filename": "smart-baohao-lines.json", "json": text}


def _line_key(item: lines.Saved) -> str:
    phone = item.form.get("phone")
    return parse_phone(phone).e164 if isinstance(phone, str) and phone.strip() else ""


def import_lines(
    text: object = None,
    size: object = None,
    saved: object = None,
    today: object = None,
    lang: str = "zh",
) -> Result:
    """Merge an export file into the saved document, by number; all of it or nothing.

    A file that is too large, not JSON, not ours, of another version, or with any line that
    the checker refuses changes nothing: the answer is an error naming the line.
    """
    lang = lang_or_default(lang)
    try:
        old = _checked(saved, today, lang)
        data = lines.read_text(text, size)
        new = []
        for index, item in enumerate(_saved(data), start=1):
            try:
                new.append(_check_line(item, today, lang))
            except _Refused as refused:
                reason = refused.answer["message"]
                raise CheckerError("import.bad_line", index=str(index), reason=reason) from None
        merged, added, updated = _merge(old, new)
        if len(merged) > lines.MAX_LINES:
            raise CheckerError("import.too_many", limit=str(lines.MAX_LINES))
    except CheckerError as error:
        return _import_error(error, lang)
    except _Refused as refused:  # a kept line no longer passes (or today is wrong)
        answer = _about_saved(refused.answer)
        unchanged = message("import.unchanged", lang)
        field = "today" if answer["field"] == "today" else "import"
        return {**answer, "field": field, "message": f"{answer['message']} {unchanged}"}
    except Exception:
        return error_dict(CheckerError("internal.error"), lang, "import")
    return {
        "ok": True,
        "saved": _document(merged),
        "added": added,
        "updated": updated,
        "message": message("import.done", lang, added=added, updated=updated),
    }


def _import_error(error: CheckerError, lang: str) -> Result:
    """The error's words (for one line of the file, naming it), and that nothing changed."""
    index = None if error.code == "import.bad_line" else error.params.pop("index", None)
    error.params.pop("field", None)
    answer = error_dict(error, lang, "import")
    text = answer["message"]
    if index is not None:
        text = message("import.bad_line", lang, index=index, reason=text)
    unchanged = message("import.unchanged", lang)
    return {**answer, "field": "import", "message": f"{text} {unchanged}"}


def calendar_all(
    saved: object = None, today: object = None, lang: str = "zh", now: object = None
) -> Result:
    """One ``.ics`` for every saved line, as :func:`calendar` makes each line's events (the
    same alarms), titled with the line's label; UIDs from its number and the event's kind."""
    lang = lang_or_default(lang)
    try:
        checked = _checked(saved, today, lang)
        if not checked:
            raise CheckerError("lines.none")
        day = parse_date(today, field="today")
        entries = [
            (ics.Line(line.e164, _label(line, lang)), _form_estimate(line.form, today))
            for line in checked
        ]
        text = ics.calendar_all(entries, lang=lang, stamp=_stamp(now, entries[0][1]), today=day)
    except CheckerError as error:
        return _about_saved(error_dict(error, lang, "saved"))
    except _Refused as refused:
        return _about_saved(refused.answer)
    except Exception:
        return error_dict(CheckerError("internal.error"), lang, "saved")
    return {"ok": True, "filename": "smart-baohao-all-lines.ics", "ics": text}
