"""Keep a Philippine Smart, TNT or Sun prepaid number alive.

The public namespace: parse what people type, estimate the next reload, and
export reminders. :mod:`checker.web` wraps all of it for the page's JavaScript.
"""

from __future__ import annotations

from .errors import CheckerError

__all__ = ["CheckerError"]
