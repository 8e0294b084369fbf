"""The form: its fields read once (from :data:`FIELDS`), each field's check, the estimate,
its calendar, and ``check_form``, everything the page shows for one state of the form."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, TypeVar

from .. import carrier_choice, ics
from ..amount import Amount, parse_amount
from ..dates import FIRST_DATE, LAST_DATE, ReadDate, parse_date, read_date
from ..errors import CheckerError
from ..estimate import Estimate, ReloadKind, check_margin, default_margin_days, estimate
from ..messages import lang_or_default, message
from ..phone import PhoneNumber, parse_phone
from ..text import normalise
from .answers import amount_dict, estimate_dict, number_dict
from .contract import FIELD_NAMES, LEGACY, LEGACY_FIELDS
from .safely import error_dict, never_raises
from .summary import summary_text

if TYPE_CHECKING:
    from .shapes import (
        AmountAnswer,
        CalendarAnswer,
        ErrorAnswer,
        EstimateAnswer,
        FormAnswer,
        NumberAnswer,
    )

T = TypeVar("T")
_TRUE_WORDS = {"1", "true", "on", "yes", "y"}


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_fields(form: object) -> dict[str, object]:
    """The form's values by field name (and the legacy ones), ``None`` where one is missing;
    anything but a mapping is an empty form."""
    fields = form if isinstance(form, Mapping) else {}
    return {name: fields.get(name) for name in FIELD_NAMES + LEGACY_FIELDS}


def in_field(field: str, parser: Callable[[object], T], value: object) -> T:
    """Parse ``value``, naming ``field`` in any error so the page shows it by that input."""
    try:
        return parser(value)
    except CheckerError as error:
        error.params.setdefault("field", field)
        raise


def _margin(value: object) -> int:
    if blank(value):
        return default_margin_days()
    if isinstance(value, bool):
        raise CheckerError("margin.not_a_number", field="margin_days")
    if isinstance(value, int):
        return check_margin(value)
    # Blank was handled above. Name the field, so that "too long" shows beside the margin.
    text = in_field("margin_days", lambda v: normalise(v, field="margin"), value)
    # One sign at most: int() refuses "-+5", which would end as internal.error.
    digits = text[1:] if text[0] in "+-" else text
    if not digits.isascii() or not digits.isdigit():
        raise CheckerError("margin.not_a_number", field="margin_days")
    return check_margin(int(text))


def _flag(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS
    return value is True


def kind_of(value: object, promo: object = False) -> ReloadKind:
    """The kind of the last reload: ``reload_kind`` if given, else the old ``promo`` flag.

    >>> [str(kind_of(" PasaLoad ")), str(kind_of(None, "1")), str(kind_of("", False))]
    ['pasaload', 'promo', 'regular']
    """
    if blank(value):
        legacy = LEGACY["promo"]
        return ReloadKind(legacy["value"]) if _flag(promo) else ReloadKind.REGULAR
    text = in_field("reload_kind", lambda v: normalise(v, field="kind"), value)
    try:
        return ReloadKind(text.lower())
    except ValueError:
        raise CheckerError("kind.unknown", field="reload_kind") from None


def _estimate(
    fields: Mapping[str, object],
    kind: ReloadKind,
    amount: Amount | None,
    choice: carrier_choice.Choice,
    read: dict[str, tuple[str, ReadDate]] | None = None,
) -> Estimate:
    """The estimate for these fields; ``read`` collects how each typed date was read."""
    day, today_error = _today(fields.get("today"))
    read = {} if read is None else read
    # The user's fields first, so their errors show before anything about today.
    last = _read(fields.get("last_reload"), "last_reload", day, today_error, read)
    zero_text = fields.get("zero_balance_since")
    zero = (
        None if blank(zero_text) else _read(zero_text, "zero_balance_since", day, today_error, read)
    )
    margin = _margin(fields.get("margin_days"))
    if day is None:
        raise today_error or CheckerError("internal.error")
    known: date = day
    return carrier_choice.soonest(
        choice,
        lambda key: estimate(
            last,
            today=known,
            zero_balance_since=zero,
            margin_days=margin,
            kind=kind,
            amount=amount.value if amount else None,
            carrier_key=key,
        ),
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


def _choice(carrier: object, phone: object) -> tuple[carrier_choice.Choice, PhoneNumber | None]:
    """Whose rules: the carrier field, else the number's prefix (checker.carrier_choice)."""
    number = None if blank(phone) else in_field("phone", parse_phone, phone)
    return carrier_choice.choose(carrier, number), number


@never_raises("phone")
def check_number(text: object, lang: str = "zh") -> NumberAnswer | ErrorAnswer:
    """Validate a phone number: E.164 and national forms, the original network."""
    return number_dict(parse_phone(text), lang_or_default(lang))


@never_raises("amount")
def check_amount(text: object, lang: str = "zh") -> AmountAnswer | ErrorAnswer:
    """Validate a reload amount in pesos."""
    return amount_dict(parse_amount(text), lang_or_default(lang))


@never_raises("last_reload")
def next_reload(
    last_reload: object = None,
    *,
    zero_balance_since: object = None,
    margin_days: object = None,
    amount: object = None,
    promo: object = False,
    today: object = None,
    lang: str = "zh",
    reload_kind: object = None,
    carrier: object = None,
    phone: object = None,
) -> EstimateAnswer | ErrorAnswer:
    """The next-reload estimate; ``today`` is the user's local date (``YYYY-MM-DD``).

    ``reload_kind`` is ``regular``, ``promo`` or ``pasaload``; when it is blank, the old
    ``promo`` flag says promo or regular. ``carrier`` is one of the carrier field's choices
    (blank is ``auto``: from ``phone``'s prefix, else Smart's rules).
    """
    lang = lang_or_default(lang)
    kind = kind_of(reload_kind, promo)
    choice, number = _choice(carrier, phone)
    parsed_amount = None if blank(amount) else in_field("amount", parse_amount, amount)
    fields = {
        "last_reload": last_reload,
        "zero_balance_since": zero_balance_since,
        "margin_days": margin_days,
        "today": today,
    }
    read: dict[str, tuple[str, ReadDate]] = {}
    result = _estimate(fields, kind, parsed_amount, choice, read)
    said = carrier_choice.assumption(choice, result.carrier, number, lang)
    return estimate_dict(result, lang, amount=parsed_amount, carrier=said, read=read)


def form_estimate(fields: Mapping[str, object], today: object) -> Estimate:
    """The estimate a calendar is made of, from the form's fields (one line's, or a saved one)."""
    kind = kind_of(fields.get("reload_kind"), fields.get("promo"))
    choice, _ = _choice(fields.get("carrier"), fields.get("phone"))
    amount = fields.get("amount")
    # Only PasaLoad's dates depend on the amount; a bad amount stops nothing else.
    parsed_amount = (
        in_field("amount", parse_amount, amount)
        if kind is ReloadKind.PASALOAD and not blank(amount)
        else None
    )
    return _estimate({**fields, "today": today}, kind, parsed_amount, choice)


def stamp(now: object, result: Estimate) -> datetime:
    """DTSTAMP: ``now`` (ISO, UTC) when it is a sane clock, else the last reload's midnight."""
    if isinstance(now, str) and len(now) <= 64:
        try:
            parsed = datetime.fromisoformat(now.replace("Z", "+00:00"))
            moment = parsed.astimezone(UTC) if parsed.tzinfo is not None else None
        except (ValueError, OverflowError):  # OverflowError: beyond year 1 or 9999 in UTC
            moment = None
        # A clock outside the checker's dates is wrong, and DTSTAMP needs a 4-digit year.
        if moment is not None and FIRST_DATE <= moment.date() <= LAST_DATE:
            return moment
    return datetime.combine(result.last_reload, datetime.min.time(), UTC)


@never_raises("last_reload")
def calendar(
    form: object = None, *, today: object = None, lang: str = "zh", now: object = None
) -> CalendarAnswer | ErrorAnswer:
    """The ``.ics`` reminders for the form; ``now`` (ISO, UTC) stamps DTSTAMP."""
    lang = lang_or_default(lang)
    fields = read_fields(form)
    result = form_estimate(fields, today)
    phone = fields["phone"]
    number = None if blank(phone) else in_field("phone", parse_phone, phone).national
    day = parse_date(today, field="today")
    text = ics.calendar(result, lang=lang, stamp=stamp(now, result), today=day, number=number)
    first = ics.planned_events(result, day)[0]
    name = "reload-now" if first[0] == "reload_now" else "reload-by"
    return {"ok": True, "filename": f"smart-{name}-{first[1]}.ics", "ics": text}


# The carriers whose lines use another carrier's prefixes: GOMO's numbers are Globe's.
_SHARED_PREFIXES = {"gomo": "globe"}


def _carrier_mismatch(prefix_carrier: str | None, chosen: str) -> bool:
    """Whether the carrier the reader chose is not the one the prefix points to.

    >>> _carrier_mismatch("globe", "smart"), _carrier_mismatch("globe", "gomo")
    (True, False)
    """
    if prefix_carrier is None or prefix_carrier == chosen:
        return False
    return _SHARED_PREFIXES.get(chosen) != prefix_carrier


def _status_warnings(result: EstimateAnswer, number: NumberAnswer, lang: str) -> None:
    """Rules of a carrier the prefix does not point to (the reader chose them) put every date
    in doubt: say so in the status itself, not below a status that looks fine. With "auto"
    the carrier is the prefix's, or the sources disagree and the assumptions say so. GOMO
    uses Globe's prefixes: GOMO chosen for a Globe prefix is no mismatch."""
    if not _carrier_mismatch(number["carrier"], result["carrier"]):
        return
    result["status_warnings"] = ["phone.carrier_mismatch"]
    result["status_warning_messages"] = [
        message(
            "phone.carrier_mismatch",
            lang,
            network=number["network_text"],
            carrier=carrier_choice.carrier_name(result["carrier"], lang),
        )
    ]


def _form_failed(error: ErrorAnswer) -> FormAnswer:
    return {"number": error, "amount": None, "estimate": None, "summary": None}


@never_raises(
    "form",
    failed=lambda error, lang: _form_failed(error_dict(error, lang, "form")),
    broken=_form_failed,
)
def check_form(form: object = None, *, today: object = None, lang: str = "zh") -> FormAnswer:
    """Everything the page shows for one state of the form, in one round trip.

    A blank field gives ``None`` for its part, so the page shows nothing there yet.
    """
    lang = lang_or_default(lang)
    value = read_fields(form)
    number = None if blank(value["phone"]) else check_number(value["phone"], lang)
    amount = None if blank(value["amount"]) else check_amount(value["amount"], lang)
    result = None
    if not blank(value["last_reload"]):
        result = next_reload(
            value["last_reload"],
            zero_balance_since=value["zero_balance_since"],
            margin_days=value["margin_days"],
            amount=None if amount is None or not amount["ok"] else value["amount"],
            promo=value["promo"],
            today=today,
            lang=lang,
            reload_kind=value["reload_kind"],
            carrier=value["carrier"],
            # An unreadable number is shown beside its field; the dates go on without it.
            phone=value["phone"] if number is not None and number["ok"] is True else None,
        )
    estimate_ok = result if result is not None and result["ok"] is True else None
    number_ok = number if number is not None and number["ok"] is True else None
    if estimate_ok is not None and number_ok is not None:
        _status_warnings(estimate_ok, number_ok, lang)
    summary = None if estimate_ok is None else summary_text(number, estimate_ok, lang=lang)
    return {"number": number, "amount": amount, "estimate": result, "summary": summary}
