"""Keep a Philippine Smart, TNT or Sun prepaid number alive.

The public namespace: read what people type, estimate the next reload, and
export reminders. :mod:`checker.web` wraps all of it for the page's JavaScript
and the CLI, as plain dicts that never raise.

>>> from datetime import date
>>> estimate(parse_date("2026年3月15日"), today=date(2026, 11, 26)).reload_by
datetime.date(2027, 2, 13)
>>> parse_phone("0918-123-4567").e164
'+639181234567'
"""

from __future__ import annotations

from .amount import Amount, parse_amount
from .dates import parse_date
from .errors import CheckerError
from .estimate import Estimate, Status, estimate
from .ics import calendar
from .messages import message
from .phone import PhoneNumber, parse_phone
from .rules import CARRIERS, rule

__all__ = [
    "CARRIERS",
    "Amount",
    "CheckerError",
    "Estimate",
    "PhoneNumber",
    "Status",
    "calendar",
    "estimate",
    "message",
    "parse_amount",
    "parse_date",
    "parse_phone",
    "rule",
]
