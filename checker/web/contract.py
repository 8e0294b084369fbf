"""The page's contract: its form, the calls it may make and its limits.

The JavaScript reads all three through the build's config (hooks/checker_assets.py); the shape
of every answer it receives is :mod:`checker.web.shapes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import lines
from ..carriers import AUTO, CHOICES
from ..estimate import ReloadKind, default_margin_days
from ..lines import LineEntry as LineEntry
from ..lines import LinesDocument as LinesDocument

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
    # Whose rules date the line; "auto" reads it from the phone's prefix (checker.carrier_choice).
    Field("carrier", "choice", default=AUTO, options=CHOICES),
)
FIELD_NAMES = tuple(field.name for field in FIELDS)
# Read too, for links and callers from before reload_kind: promo=1 means reload_kind=promo.
# The page maps it with the same words (``legacy`` in its config), never its own copy.
LEGACY_FIELDS = ("promo",)
LEGACY = {"promo": {"field": "reload_kind", "value": str(ReloadKind.PROMO)}}
# What the page may call, with the names of each call's arguments: the worker passes them by
# name, and refuses any other call or argument (docs/assets/checker/worker.js).
CALLS: dict[str, tuple[str, ...]] = {
    "check_form": ("form", "today", "lang"),
    "calendar": ("form", "today", "lang", "now"),
    # The saved lines (checker/lines.py): ``saved`` is the document the page keeps.
    "save_line": ("form", "label", "saved", "today", "lang"),
    "saved_lines": ("saved", "today", "lang"),
    "delete_line": ("e164", "saved", "lang"),
    "export_lines": ("saved",),
    "import_lines": ("text", "size", "saved", "today", "lang"),
    "calendar_all": ("saved", "today", "lang", "now"),
}
# The most bytes of a file the page reads for an import (it reads one more, to know).
IMPORT_MAX_BYTES = lines.MAX_FILE_BYTES
# The longest label a saved line may have (the page's maxlength).
LABEL_MAX_LENGTH = lines.MAX_LABEL
# The page's limits, as its config hands them over: each is defined once, in checker/lines.py.
LIMITS: dict[str, int] = {
    "import_max_bytes": IMPORT_MAX_BYTES,
    "label_max_length": LABEL_MAX_LENGTH,
    # The most a text field holds (its maxlength), takes from a link, or saves: what the saved
    # document accepts for a field's value. Not a rule (the checker caps input at 64
    # characters in checker/text.py and says so): far enough above it that a cut paste is still
    # "too long", never quietly valid. It keeps a runaway paste out of the page: Chromium lays
    # out 100,000 characters of right-to-left or emoji text for tens of seconds, and they would
    # go into the address, the share link and storage on every keystroke.
    "text_max_length": lines.MAX_VALUE,
}
