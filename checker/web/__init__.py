"""The one package the page's JavaScript calls (and the CLI prints).

Every call returns a plain JSON-ready dict and never raises, whatever it is given:
``{"ok": True, ...}`` or ``{"ok": False, "code", "message", "field"}`` (:mod:`.safely`).
The page's form, calls, limits and the answers' shapes are :mod:`.contract`; the form's
checks :mod:`.form`; the saved lines :mod:`.saved`.

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

from .answers import amount_dict, estimate_dict, number_dict
from .contract import (
    CALLS,
    FIELD_NAMES,
    FIELDS,
    IMPORT_MAX_BYTES,
    KINDS,
    LABEL_MAX_LENGTH,
    LEGACY,
    LEGACY_FIELDS,
    LIMITS,
    Field,
)
from .form import calendar, check_amount, check_form, check_number, next_reload
from .safely import error_dict
from .saved import (
    calendar_all,
    delete_lines,
    export_lines,
    import_lines,
    restore_lines,
    save_line,
    saved_lines,
)
from .summary import summary_text

__all__ = [
    "CALLS",
    "FIELDS",
    "FIELD_NAMES",
    "IMPORT_MAX_BYTES",
    "KINDS",
    "LABEL_MAX_LENGTH",
    "LEGACY",
    "LEGACY_FIELDS",
    "LIMITS",
    "Field",
    "amount_dict",
    "calendar",
    "calendar_all",
    "check_amount",
    "check_form",
    "check_number",
    "delete_lines",
    "error_dict",
    "estimate_dict",
    "export_lines",
    "import_lines",
    "next_reload",
    "number_dict",
    "restore_lines",
    "save_line",
    "saved_lines",
    "summary_text",
]
