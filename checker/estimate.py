"""The next-reload estimate: from the last reload to the reload-by date.

The last reload is one of three kinds (:class:`ReloadKind`):

- ``regular``: a regular reload, valid 1 calendar year (the dates below);
- ``pasaload``: load someone sent with PasaLoad, valid only the days Smart gives for its amount
  (15, 30 or 60); an amount without a documented validity cannot be dated
  (``pasaload.undated``), and none at all asks for it (``pasaload.amount_needed``);
- ``promo``: a promo bundle, outside the one-year rule: status ``unknown`` and no dates, and
  the reader is told to enter the last regular reload or to make one.

The definitions, exactly as the page and the CLI use them:

- ``load_expires`` = last reload + the load validity (1 calendar year, 29 February ->
  28 February; for PasaLoad the days of its amount)
- E, the end of the balance = the earlier of ``load_expires`` and the zero-balance date, if given
- ``deactivates_on`` = E + the days to disconnection (Smart: 120, the official figure; Globe
  60 and DITO 90, the conservative figures); for GOMO, whose SIM ends after a year without a
  paid transaction, the last reload + 1 year
- the carrier (``checker.carriers``) is Smart's unless said; PasaLoad is dated for Smart only
- the margin used = the margin asked for, but at most ``safety_margin_share`` (half) of the
  days from the last reload to E, rounded down: a fresh load is never overdue on its first day
- ``reload_by`` = E - the margin used
- ``days_left`` = ``reload_by`` - today (negative when late)
- ``status``: ``ok`` when today < reload_by - due-soon window; ``due_soon`` up to reload_by;
  ``overdue`` until E; ``grace`` until ``deactivates_on``; then ``deactivated``; ``unknown``
  for a promo

>>> result = estimate(date(2026, 3, 15), today=date(2026, 11, 26))
>>> result.load_expires, result.reload_by, result.deactivates_on
(datetime.date(2027, 3, 15), datetime.date(2027, 2, 13), datetime.date(2027, 7, 13))
>>> result.days_left, result.status
(79, <Status.OK: 'ok'>)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from .carriers import carrier
from .dates import add_years
from .errors import CheckerError
from .rules import CHECKER_RULES, DEFAULT_CARRIER, Carrier, Rule, Source, rule, value_for_amount


class Status(StrEnum):
    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    GRACE = "grace"
    DEACTIVATED = "deactivated"
    # A promo: outside the one-year rule, so there is nothing to date. Never shown as "ok".
    UNKNOWN = "unknown"


class ReloadKind(StrEnum):
    REGULAR = "regular"
    PROMO = "promo"
    PASALOAD = "pasaload"


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
    kind: ReloadKind
    zero_balance_since: date | None
    margin_days: int  # as asked for
    # The dates and days_left are None only when the status is UNKNOWN.
    load_expires: date | None
    balance_ends: date | None
    deactivates_on: date | None
    reload_by: date | None
    days_left: int | None
    status: Status
    warnings: tuple[str, ...]
    assumptions: tuple[Assumption, ...]
    sources: tuple[tuple[str, Source], ...]  # (rule key, source), each source once
    carrier: str = DEFAULT_CARRIER
    # The margin the dates use: margin_days, shortened for a load that lasts only a few days.
    margin_used: int = 0

    @property
    def dated(self) -> bool:
        return self.status is not Status.UNKNOWN


BALANCE_ENDS = Assumption("assumption.balance_ends", rule="load_validity")
BALANCE_ENDS_PASALOAD = Assumption("assumption.balance_ends.pasaload", rule="pasaload_validity")
DEACTIVATION = Assumption("assumption.deactivation", rule="deactivation_after_balance_ends")
MARGIN = Assumption("assumption.margin", rule="safety_margin")
INCOMING_NOT_ACTIVITY = Assumption("assumption.incoming_not_activity", rule="incoming_not_activity")
PROMO = Assumption("assumption.promo", rule="promo_outside_validity")
# A regular reload's, in the order the page lists them.
ASSUMPTIONS = (BALANCE_ENDS, DEACTIVATION, MARGIN, INCOMING_NOT_ACTIVITY)
_ASSUMPTIONS_BY_KIND: dict[ReloadKind, tuple[Assumption, ...]] = {
    ReloadKind.REGULAR: ASSUMPTIONS,
    ReloadKind.PASALOAD: (BALANCE_ENDS_PASALOAD, DEACTIVATION, MARGIN, INCOMING_NOT_ACTIVITY),
    ReloadKind.PROMO: (PROMO, INCOMING_NOT_ACTIVITY),
}
_LINE_ENDS = ("deactivation_after_balance_ends", "no_paid_transaction")
_RULES_USED = ("load_validity", *_LINE_ENDS, "promo_outside_validity")
_RULES_BY_KIND = {
    ReloadKind.REGULAR: _RULES_USED,
    ReloadKind.PASALOAD: ("pasaload_validity", *_RULES_USED),
    ReloadKind.PROMO: ("promo_outside_validity", "load_validity"),
}


def _has(rules: Carrier, key: str) -> Rule | None:
    try:
        return rules.rule(key)
    except KeyError:
        return None


def _line_ends(rules: Carrier) -> Rule:
    """The rule that says when a line ends: days after the balance, or a year without paying."""
    found = [r for r in (_has(rules, key) for key in _LINE_ENDS) if r is not None]
    return found[0]


def assumptions_for(rules: Carrier, kind: ReloadKind) -> tuple[Assumption, ...]:
    """The assumptions of ``kind`` with this carrier's rule ids and words.

    Smart's are :data:`ASSUMPTIONS` as they always were; another carrier's name its own rules
    (``globe.deactivation_after_balance_ends``) and its own figure for what ends a line.
    """
    if rules.key == DEFAULT_CARRIER:
        return _ASSUMPTIONS_BY_KIND[kind]
    own: list[Assumption] = []
    checker_keys = {r.key for r in CHECKER_RULES}
    for item in _ASSUMPTIONS_BY_KIND[kind]:
        found = _has(rules, item.rule)
        if item.code == "assumption.deactivation":
            own.append(Assumption(f"{item.code}.{rules.key}", _line_ends(rules).key))
        elif found is not None:
            own.append(Assumption(item.code, found.key))
        elif item.rule in checker_keys:
            own.append(item)
        else:  # a promo: the JMC's exclusion of promos is stated in the carrier's load rule
            own.append(Assumption(item.code, rules.rule("load_validity").key))
    return tuple(own)


def default_margin_days() -> int:
    return rule("safety_margin").whole


def check_margin(margin_days: int) -> int:
    largest = rule("safety_margin_max").whole
    if not 0 <= margin_days <= largest:
        raise CheckerError("margin.out_of_range", field="margin_days")
    return margin_days


def estimate(
    last_reload: date,
    *,
    today: date,
    zero_balance_since: date | None = None,
    margin_days: int | None = None,
    kind: ReloadKind = ReloadKind.REGULAR,
    amount: Decimal | None = None,
    carrier_key: str = DEFAULT_CARRIER,
) -> Estimate:
    """Estimate the reload-by date; raises :class:`CheckerError` for impossible inputs.

    ``amount`` is what the last reload was for; only PasaLoad's validity depends on it.
    """
    margin = check_margin(default_margin_days() if margin_days is None else margin_days)
    if last_reload > today:
        raise CheckerError(
            "date.in_future",
            date=last_reload.isoformat(),
            today=today.isoformat(),
            field="last_reload",
        )
    if zero_balance_since is not None:
        if zero_balance_since < last_reload:
            raise CheckerError(
                "date.zero_before_reload",
                last_reload=last_reload.isoformat(),
                field="zero_balance_since",
            )
        if zero_balance_since > today:
            raise CheckerError(
                "date.zero_in_future",
                date=zero_balance_since.isoformat(),
                today=today.isoformat(),
                field="zero_balance_since",
            )

    rules = carrier(carrier_key)
    if kind is ReloadKind.PASALOAD and _has(rules, "pasaload_validity") is None:
        # Only Smart documents how long PasaLoad lasts: another carrier's cannot be dated.
        raise CheckerError("pasaload.smart_only", field="reload_kind")
    if kind is ReloadKind.PROMO:
        return Estimate(
            last_reload=last_reload,
            kind=kind,
            zero_balance_since=zero_balance_since,
            margin_days=margin,
            load_expires=None,
            balance_ends=None,
            deactivates_on=None,
            reload_by=None,
            days_left=None,
            status=Status.UNKNOWN,
            warnings=(),
            assumptions=assumptions_for(rules, kind),
            sources=_sources(rules, kind),
            margin_used=margin,
            carrier=rules.key,
        )
    load_expires = _load_expires(rules, last_reload, kind, amount)
    balance_ends = min(load_expires, zero_balance_since or load_expires)
    deactivates_on = _deactivates_on(rules, last_reload, balance_ends)
    used = margin_for(margin, (balance_ends - last_reload).days)
    reload_by = balance_ends - timedelta(days=used)
    warnings: list[str] = []
    if kind is ReloadKind.PASALOAD:
        warnings.append("estimate.pasaload")
    if used < margin:
        warnings.append("estimate.margin_shortened")
    return Estimate(
        last_reload=last_reload,
        kind=kind,
        zero_balance_since=zero_balance_since,
        margin_days=margin,
        load_expires=load_expires,
        balance_ends=balance_ends,
        deactivates_on=deactivates_on,
        reload_by=reload_by,
        days_left=(reload_by - today).days,
        status=_status(today, reload_by, balance_ends, deactivates_on),
        warnings=tuple(warnings),
        assumptions=assumptions_for(rules, kind),
        sources=_sources(rules, kind),
        margin_used=used,
        carrier=rules.key,
    )


def _deactivates_on(rules: Carrier, last_reload: date, balance_ends: date) -> date:
    ends = _line_ends(rules)
    if ends.unit == "year":  # GOMO: a year after the last paid transaction, whatever the balance
        return add_years(last_reload, ends.whole)
    return balance_ends + timedelta(days=ends.whole)


def margin_for(margin: int, lasts_days: int) -> int:
    """The margin a load that lasts ``lasts_days`` can take: at most its share of those days.

    >>> margin_for(30, 365), margin_for(30, 30), margin_for(30, 15), margin_for(30, 0)
    (30, 15, 7, 0)
    """
    share = rule("safety_margin_share").whole
    return min(margin, lasts_days * share // 100)


def _load_expires(
    rules: Carrier, last_reload: date, kind: ReloadKind, amount: Decimal | None
) -> date:
    if kind is ReloadKind.REGULAR:
        return add_years(last_reload, rules.rule("load_validity").whole)
    # PasaLoad: only the amounts Smart documents can be dated; guessing would be a wrong date.
    if amount is None:
        raise CheckerError("pasaload.amount_needed", field="amount")
    days = value_for_amount(rules.rule("pasaload_validity"), amount)
    if days is None:
        raise CheckerError("pasaload.undated", amount=f"{amount:,}", field="amount")
    return last_reload + timedelta(days=days)


def _sources(rules: Carrier, kind: ReloadKind) -> tuple[tuple[str, Source], ...]:
    """The sources of the rules the estimate uses, conflicts' too, each once (first rule wins)."""
    found: dict[str, tuple[str, Source]] = {}
    for key in _RULES_BY_KIND[kind]:
        used = _has(rules, key)
        if used is None:
            continue
        key = used.key
        for source in used.sources + tuple(s for c in used.conflicts for s in c.sources):
            found.setdefault(source.url, (key, source))
    return tuple(found.values())


def _status(today: date, reload_by: date, balance_ends: date, deactivates_on: date) -> Status:
    window = timedelta(days=rule("due_soon_window").whole)
    if today >= deactivates_on:
        return Status.DEACTIVATED
    if today >= balance_ends:
        return Status.GRACE
    if today > reload_by:
        return Status.OVERDUE
    if today >= reload_by - window:
        return Status.DUE_SOON
    return Status.OK
