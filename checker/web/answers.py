"""The answers' dicts, from the library's results, with their words in the reader's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import answer, carrier_choice
from ..amount import Amount
from ..date_text import format_date
from ..dates import ReadDate
from ..estimate import Estimate
from ..messages import message
from ..phone import PhoneNumber

if TYPE_CHECKING:
    from .shapes import (
        AmountAnswer,
        AssumptionAnswer,
        EstimateAnswer,
        NumberAnswer,
        SourceAnswer,
    )


def _messages(codes: tuple[str, ...] | list[str], lang: str, **params: object) -> list[str]:
    return [message(code, lang, **params) for code in codes]


def number_dict(number: PhoneNumber, lang: str) -> NumberAnswer:
    warnings = list(carrier_choice.number_warnings(number))
    shown = carrier_choice.networks_text(number, lang)
    return {
        "ok": True,
        "e164": number.e164,
        "national": number.national,
        # One name only when every source gives the same; all of them, with their sources,
        # in "networks"; "network_text" is what the page shows ("DITO / Sun").
        "network": number.network,
        "networks": carrier_choice.networks_list(number),
        "network_text": shown,
        "confirmed": number.confirmed,
        "carrier": number.carrier_key,
        "caveat": message("phone.ported_caveat", lang),
        "warnings": warnings,
        "warning_messages": _messages(warnings, lang, networks=shown),
    }


def amount_dict(amount: Amount, lang: str) -> AmountAnswer:
    return {
        "ok": True,
        "amount": amount.text,
        "currency": "PHP",
        "warnings": list(amount.warnings),
        "warning_messages": _messages(amount.warnings, lang),
    }


def days_text(days: int, lang: str) -> str:
    """Days to a date in words, never a bare negative number.

    >>> days_text(-42, "en"), days_text(-42, "zh"), days_text(1, "en"), days_text(0, "zh")
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
    *,
    amount: Amount | None = None,
    read: dict[str, tuple[str, ReadDate]] | None = None,
    carrier: AssumptionAnswer | None = None,
) -> EstimateAnswer:
    """The estimate as the page and the CLI get it; ``carrier`` is the assumption that says
    whose rules it follows (:func:`checker.carrier_choice.assumption`), listed first."""
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
    sources: list[SourceAnswer] = [
        {
            "rule": rule_key,
            "title": source.label(lang),
            "url": source.url,
            "confidence": str(source.confidence),
            "confidence_label": message(f"confidence.{source.confidence}", lang),
            "checked": source.checked.isoformat(),
        }
        for rule_key, source in result.sources
    ]
    assumptions: list[AssumptionAnswer] = [carrier] if carrier else []
    assumptions += [
        {
            "code": item.code,
            "message": message(item.code, lang, margin=result.margin_used),
            "rule": item.rule,
        }
        for item in result.assumptions
    ]
    zero = result.zero_balance_since
    return {
        "ok": True,
        "carrier": result.carrier,
        "carrier_name": carrier_choice.carrier_name(result.carrier, lang),
        "last_reload": result.last_reload.isoformat(),
        "reload_kind": str(result.kind),
        "zero_balance_since": zero.isoformat() if zero else None,
        "margin_days": result.margin_days,
        "amount": amount.text if amount else None,
        "load_expires": dates["load_expires"],
        "balance_ends": dates["balance_ends"],
        "deactivates_on": dates["deactivates_on"],
        "reload_by": dates["reload_by"],
        # The dates as the reader says them (the page formats none), the dates under the
        # answer card's fold, and how a date typed without a year was read.
        "last_reload_text": format_date(result.last_reload, lang),
        "zero_balance_since_text": texts["zero_balance_since_text"],
        "load_expires_text": texts["load_expires_text"],
        "balance_ends_text": texts["balance_ends_text"],
        "deactivates_on_text": texts["deactivates_on_text"],
        "reload_by_text": texts["reload_by_text"],
        "other_dates": [] if result.reload_by is None else answer.other_dates(result, lang),
        "date_notes": answer.read_notes(read or {}, lang),
        # The fields typed without a year: a saved line keeps their ISO date, not the words,
        # which would mean another year next year.
        "years_assumed": [name for name, (_, day) in (read or {}).items() if day.year_assumed],
        # What the load_expires date is of: a regular reload's year, or PasaLoad's days.
        "load_expires_label": message(f"label.load_expires.{result.kind}", lang),
        "days_left": result.days_left,
        "days_text": None if result.days_left is None else days_text(result.days_left, lang),
        "status": str(result.status),
        "status_label": message(f"status.{result.status}", lang),
        "status_detail": detail,
        # Filled by check_form: a carrier the reader chose that the prefix does not point to.
        "status_warnings": [],
        "status_warning_messages": [],
        "warnings": list(warnings),
        "warning_messages": _messages(warnings, lang),
        "assumptions": assumptions,
        "sources": sources,
    }
