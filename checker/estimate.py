"""The next-reload estimate: from the last regular reload to the reload-by date.

The definitions, exactly as the page and the CLI use them:

- ``load_expires`` = last reload + the load validity (1 calendar year; 29 February -> 28 February)
- E, the end of the balance = the earlier of ``load_expires`` and the zero-balance date, if given
- ``deactivates_on`` = E + the days to disconnection (120, the official figure)
- ``reload_by`` = E - margin days, but never before the last reload
- ``days_left`` = ``reload_by`` - today (negative when late)
- ``status``: ``ok`` when today < reload_by - due-soon window; ``due_soon`` up to reload_by;
  ``overdue`` until E; ``grace`` until ``deactivates_on``; then ``deactivated``

>>> result = estimate(date(2026, 3, 15), today=date(2026, 11, 26))
>>> result.load_expires, result.reload_by, result.deactivates_on
(datetime.date(2027, 3, 15), datetime.date(2027, 2, 13), datetime.date(2027, 7, 13))
>>> result.days_left, result.status
(79, <Status.OK: 'ok'>)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .dates import add_years
from .errors import CheckerError
from .rules import DEFAULT_CARRIER, Carrier, Source, carrier, rule


class Status(StrEnum):
    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    GRACE = "grace"
    DEACTIVATED = "deactivated"


@dataclass(frozen=True)
class Assumption:
    """What an estimate takes for granted, and the rule it rests on.

    ``code`` names its words in :mod:`checker.messages`; ``rule`` is the key of a rule in
    :mod:`checker.rules`, whose row on the rules page is ``#rule-<key>`` (the page links to it).
    """

    code: str
    rule: str


@dataclass(frozen=True)
class Estimate:
    last_reload: date
    zero_balance_since: date | None
    margin_days: int
    load_expires: date
    balance_ends: date
    deactivates_on: date
    reload_by: date
    days_left: int
    status: Status
    warnings: tuple[str, ...]
    assumptions: tuple[Assumption, ...]
    sources: tuple[tuple[str, Source], ...]  # (rule key, source), each source once


ASSUMPTIONS = (
    Assumption("assumption.balance_ends", rule="load_validity"),
    Assumption("assumption.deactivation", rule="deactivation_after_balance_ends"),
    Assumption("assumption.margin", rule="safety_margin"),
    Assumption("assumption.incoming_not_activity", rule="incoming_not_activity"),
)
_RULES_USED = ("load_validity", "deactivation_after_balance_ends", "promo_outside_validity")


def default_margin_days() -> int:
    return int(rule("safety_margin").value or 0)


def check_margin(margin_days: int) -> int:
    largest = int(rule("safety_margin_max").value or 0)
    if not 0 <= margin_days <= largest:
        raise CheckerError("margin.out_of_range", field="margin_days")
    return margin_days


def estimate(
    last_reload: date,
    *,
    today: date,
    zero_balance_since: date | None = None,
    margin_days: int | None = None,
    promo_only: bool = False,
    carrier_key: str = DEFAULT_CARRIER,
) -> Estimate:
    """Estimate the reload-by date; raises :class:`CheckerError` for impossible inputs."""
    margin = check_margin(default_margin_days() if margin_days is None else margin_days)
    if last_reload > today:
        raise CheckerError("date.in_future", today=today.isoformat(), field="last_reload")
    if zero_balance_since is not None:
        if zero_balance_since < last_reload:
            raise CheckerError(
                "date.zero_before_reload",
                last_reload=last_reload.isoformat(),
                field="zero_balance_since",
            )
        if zero_balance_since > today:
            raise CheckerError(
                "date.zero_in_future", today=today.isoformat(), field="zero_balance_since"
            )

    rules = carrier(carrier_key)
    validity = rules.rule("load_validity")
    grace = rules.rule("deactivation_after_balance_ends")
    load_expires = add_years(last_reload, int(validity.value or 0))
    balance_ends = min(load_expires, zero_balance_since or load_expires)
    deactivates_on = balance_ends + timedelta(days=int(grace.value or 0))
    reload_by = max(balance_ends - timedelta(days=margin), last_reload)
    warnings: list[str] = []
    if promo_only:
        warnings.append("estimate.promo_only")
    if (balance_ends - last_reload).days < margin:
        warnings.append("estimate.margin_clamped")
    return Estimate(
        last_reload=last_reload,
        zero_balance_since=zero_balance_since,
        margin_days=margin,
        load_expires=load_expires,
        balance_ends=balance_ends,
        deactivates_on=deactivates_on,
        reload_by=reload_by,
        days_left=(reload_by - today).days,
        status=_status(today, reload_by, balance_ends, deactivates_on),
        warnings=tuple(warnings),
        assumptions=ASSUMPTIONS,
        sources=_sources(rules),
    )


def _sources(rules: Carrier) -> tuple[tuple[str, Source], ...]:
    """The sources of the rules the estimate uses, conflicts' too, each once (first rule wins)."""
    found: dict[str, tuple[str, Source]] = {}
    for key in _RULES_USED:
        used = rules.rule(key)
        for source in used.sources + tuple(s for c in used.conflicts for s in c.sources):
            found.setdefault(source.url, (key, source))
    return tuple(found.values())


def _status(today: date, reload_by: date, balance_ends: date, deactivates_on: date) -> Status:
    window = timedelta(days=int(rule("due_soon_window").value or 0))
    if today >= deactivates_on:
        return Status.DEACTIVATED
    if today >= balance_ends:
        return Status.GRACE
    if today > reload_by:
        return Status.OVERDUE
    if today >= reload_by - window:
        return Status.DUE_SOON
    return Status.OK
