"""The shape of every answer the page receives, for type checkers only.

mypy holds checker.web to these; ``scripts/generate_types.py`` writes them out as TypeScript
declarations (``types/checker-web.d.ts``), which ``tsc --checkJs`` holds the page's modules to:
a key renamed here and not in the JavaScript fails the type check, not a reader. The wheel
leaves this package out (pyproject.toml lists only checker and checker.web): nothing imports it
at run time, and its classes would cost the page's download several kilobytes.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from ...lines import LineEntry as LineEntry
from ...lines import LinesDocument as LinesDocument


class ErrorAnswer(TypedDict):
    """Any call's answer when the input is refused; ``field`` names the input to show it by."""

    ok: Literal[False]
    code: str
    message: str
    field: str


class NetworkSource(TypedDict):
    """A source of a prefix's allocation (checker.prefixes.SOURCES)."""

    key: str
    title: str
    url: str


class NetworkAnswer(TypedDict):
    """One network the prefix was first allocated to, and the sources that say so."""

    name: str
    sources: list[NetworkSource]


class NumberAnswer(TypedDict):
    """``network`` is the one name when every source agrees, else ""; ``networks`` has them
    all; ``carrier`` the carrier whose rules they all point to (else ``None``)."""

    ok: Literal[True]
    e164: str
    national: str
    network: str
    networks: list[NetworkAnswer]
    network_text: str
    confirmed: bool
    carrier: str | None
    caveat: str
    warnings: list[str]
    warning_messages: list[str]


class AmountAnswer(TypedDict):
    ok: Literal[True]
    amount: str
    currency: Literal["PHP"]
    warnings: list[str]
    warning_messages: list[str]


class SourceAnswer(TypedDict):
    rule: str
    title: str
    url: str
    confidence: str
    confidence_label: str
    checked: str


class AssumptionAnswer(TypedDict):
    code: str
    message: str
    rule: str


class OtherDate(TypedDict):
    """One date under the answer card's fold: its name, ISO date and the reader's words."""

    key: str
    label: str
    date: str
    text: str


class EstimateAnswer(TypedDict):
    """The next-reload estimate; a promo has no dates (``None``)."""

    ok: Literal[True]
    carrier: str
    carrier_name: str
    last_reload: str
    reload_kind: str
    zero_balance_since: str | None
    margin_days: int
    amount: str | None
    load_expires: str | None
    balance_ends: str | None
    deactivates_on: str | None
    reload_by: str | None
    # Each date as the reader says it ("2027年2月13日（周六）", "Sat 13 Feb 2027")
    last_reload_text: str
    zero_balance_since_text: str | None
    load_expires_text: str | None
    balance_ends_text: str | None
    deactivates_on_text: str | None
    reload_by_text: str | None
    other_dates: list[OtherDate]
    date_notes: list[str]
    years_assumed: list[str]
    load_expires_label: str
    days_left: int | None
    days_text: str | None
    status: str
    status_label: str
    status_detail: str
    status_warnings: list[str]
    status_warning_messages: list[str]
    warnings: list[str]
    warning_messages: list[str]
    assumptions: list[AssumptionAnswer]
    sources: list[SourceAnswer]


class FormAnswer(TypedDict):
    """check_form: each part ``None`` while its field is blank."""

    number: NumberAnswer | ErrorAnswer | None
    amount: AmountAnswer | ErrorAnswer | None
    estimate: EstimateAnswer | ErrorAnswer | None
    summary: str | None


class CalendarAnswer(TypedDict):
    ok: Literal[True]
    filename: str
    ics: str


class KeptDocument(TypedDict):
    """The document a change answers for the page to keep: lines in our shape, and any line
    that needs attention as it was stored."""

    format: str
    version: int
    lines: list[object]


class SaveAnswer(TypedDict):
    """``set_aside``: the kept list could not be read; the page keeps its text aside first."""

    ok: Literal[True]
    e164: str
    updated: bool
    saved: KeptDocument
    set_aside: bool
    message: str


class SavedLine(TypedDict):
    """One line of the list as of today; ``days_text`` says the days in words, never a bare
    negative number; ``key`` names it to delete_lines."""

    key: str
    e164: str
    national: str
    last_digits: str
    label: str
    custom_label: str
    reload_by: str | None
    deactivates_on: str | None
    status: str
    status_label: str
    days_left: int | None
    days_text: str | None
    form: dict[str, str | bool]


class AttentionLine(TypedDict):
    """A kept line the checker refuses today: its message, and what the form can take of it."""

    key: str
    e164: str | None
    last_digits: str
    label: str
    custom_label: str
    code: str
    field: str
    message: str
    form: dict[str, str | bool]


class DamagedList(TypedDict):
    code: str
    message: str


class SavedLinesAnswer(TypedDict):
    ok: Literal[True]
    lines: list[SavedLine]
    attention: list[AttentionLine]
    damaged: DamagedList | None


class DeleteLinesAnswer(TypedDict):
    """``removed``: the lines as they were kept, for restore_lines (the page's undo)."""

    ok: Literal[True]
    saved: KeptDocument
    removed: list[object]
    deleted: int
    kept: int
    message: str


class RestoreAnswer(TypedDict):
    ok: Literal[True]
    saved: KeptDocument
    restored: int
    message: str


class ExportAnswer(TypedDict):
    """``damaged``: the kept list could not be read, and ``json`` is its text as it was."""

    ok: Literal[True]
    filename: str
    json: str
    damaged: bool


class ImportAnswer(TypedDict):
    ok: Literal[True]
    saved: KeptDocument
    set_aside: bool
    added: int
    updated: int
    message: str
