"""The saved lines: the document the page keeps on the device and exports, read back safely.

One format for both (documented in the README, "Saved lines"): the page's localStorage holds
exactly what an export file holds::

    {"format": "smart-baohao.lines", "version": 1,
     "lines": [{"e164": "+639181234567", "label": "Mum", "form": {"last_reload": ...}}]}

``form`` holds the form's values by field name (:data:`checker.web.FIELDS`), as the page's
inputs hold them: text, or a bool for a checkbox. Never a result: every date is computed again
from ``today`` each time the list is shown. This module reads the shape (sizes, version,
types, the label); checker.web checks each form with the same parsers as the page's checks.

>>> read_label("  Mum  ")
'Mum'
>>> read_label("a\\u202eb")
Traceback (most recent call last):
...
checker.errors.CheckerError: lines.label_bad
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict

from .errors import CheckerError

FORMAT = "smart-baohao.lines"
VERSION = 1
MAX_LINES = 50
MAX_LABEL = 40
# A form's value as the page's inputs hold it: their maxlength (checker.web.LIMITS says why).
MAX_VALUE = 256
# A file of MAX_LINES full lines is under 64 KB; anything far larger is not ours.
MAX_FILE_BYTES = 256 * 1024
# How deep a file's brackets may nest (ours: 3); see _too_deep.
MAX_DEPTH = 8
# Bidirectional controls: a label could reorder the text around it on the page.
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Controls, format characters (zero-width, tags), surrogates, private use, unassigned, and
# line and paragraph separators (a parser splitting on them would see new lines).
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


class FieldLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def default(self) -> str | bool: ...
    @property
    def options(self) -> tuple[str, ...]: ...


Form = dict[str, str | bool]


class LineEntry(TypedDict):
    """One line of the kept document: the form as the page's inputs hold it, never a result."""

    e164: str
    label: str
    form: Form


class LinesDocument(TypedDict):
    format: str
    version: int
    lines: list[LineEntry]


@dataclass(frozen=True)
class Saved:
    """One saved line as read: its label as typed ("" for the default) and its form."""

    label: str
    form: Mapping[str, str | bool]


def read_label(value: object) -> str:
    """The reader's label, trimmed; ``""`` when blank (the page then shows the default).

    Refused: a character that is not shown as itself, or that another program could take
    for something else: controls, format characters (zero-width, bidirectional, tag
    characters), line and paragraph separators, and U+FFFD (a decoding's leftover). The
    limit counts code points, as the page's input does (view.js).

    >>> [read_label(text) for text in ("Mum", "妈妈的 TNT", "👩🏽")]
    ['Mum', '妈妈的 TNT', '👩🏽']
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CheckerError("lines.label_not_text", field="label")
    if len(value) > MAX_VALUE:
        raise CheckerError("lines.label_too_long", field="label", limit=str(MAX_LABEL))
    text = unicodedata.normalize("NFC", value).strip()
    if any(_hidden(char) for char in text):
        raise CheckerError("lines.label_bad", field="label")
    if len(text) > MAX_LABEL:
        raise CheckerError("lines.label_too_long", field="label", limit=str(MAX_LABEL))
    return text


def _hidden(char: str) -> bool:
    """Whether ``char`` is not shown as itself (see :func:`read_label`).

    >>> [_hidden(c) for c in ("a", "\u2028", "\u200b", "\U000e0041", "\u061c", "\ufffd")]
    [False, True, True, True, True, True]
    """
    category = unicodedata.category(char)
    return char in _BIDI or char == "\ufffd" or category in _HIDDEN_CATEGORIES


def read_form(value: object, fields: Sequence[FieldLike]) -> Form:
    """The form's values by field name; a missing one is the field's default.

    Names that are not fields are dropped. A value must be what the page's input holds: a
    bool for a checkbox, one of the options for a choice, text up to MAX_VALUE otherwise.
    """
    if not isinstance(value, Mapping):
        raise CheckerError("import.bad_shape")
    form: Form = {}
    for field in fields:
        item = value.get(field.name, field.default)
        if field.kind == "checkbox":
            ok = isinstance(item, bool)
        elif field.kind == "choice":
            ok = isinstance(item, str) and item in field.options
        else:
            ok = isinstance(item, str) and len(item) <= MAX_VALUE
        if not ok:
            raise CheckerError("import.bad_field", name=field.name)
        form[field.name] = item
    return form


def read_document(data: object, fields: Sequence[FieldLike]) -> list[Saved]:
    """The lines of a saved document (the page's storage, an imported file's JSON)."""
    saved = []
    for index, line in enumerate(read_lines(data), start=1):
        try:
            saved.append(read_line(line, fields))
        except CheckerError as error:
            error.params["index"] = str(index)
            raise
    return saved


def read_lines(data: object) -> list[Any]:
    """A document's lines as stored, unread: its format, version and size are checked."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise CheckerError("import.not_ours")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        # "1" or true is not a version this page wrote: say what it is, as JSON has it.
        shown = json.dumps(version, ensure_ascii=False)[:16] if "version" in data else "-"
        raise CheckerError("import.version_bad", version=shown, supported=str(VERSION))
    if version != VERSION:
        raise CheckerError("import.version", version=str(version)[:16], supported=str(VERSION))
    lines = data.get("lines")
    if not isinstance(lines, list):
        raise CheckerError("import.bad_shape")
    if len(lines) > MAX_LINES:
        raise CheckerError("import.too_many", limit=str(MAX_LINES))
    return lines


def read_line(line: object, fields: Sequence[FieldLike]) -> Saved:
    """One stored line: its label and form."""
    if not isinstance(line, Mapping):
        raise CheckerError("import.bad_shape")
    return Saved(read_label(line.get("label")), read_form(line.get("form"), fields))


def read_text(text: object, size: object = None) -> Any:
    """An imported file's JSON, or ``import.too_large`` / ``import.not_json``.

    ``size`` is the file's size in bytes as the browser reports it (the page reads no more
    than MAX_FILE_BYTES + 1 of it), so a 10 MB file is refused without being read.
    """
    if isinstance(size, int) and not isinstance(size, bool) and size > MAX_FILE_BYTES:
        raise CheckerError("import.too_large", limit=str(MAX_FILE_BYTES // 1024))
    if not isinstance(text, str):
        raise CheckerError("import.not_json")
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise CheckerError("import.too_large", limit=str(MAX_FILE_BYTES // 1024))
    if _too_deep(text):
        raise CheckerError("import.bad_shape")
    try:
        return json.loads(text.lstrip("\ufeff"), parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        raise CheckerError("import.not_json") from error


def read_file(text: object, size: object = None) -> Any:
    """An imported file's JSON: :func:`read_text`, and ``import.not_utf8``.

    The page decodes the file as UTF-8 and puts U+FFFD for each byte it cannot decode; a
    file of ours never holds one (:func:`read_label` refuses it), so such a file is not
    UTF-8 (Latin-1's "Café" would import as "Caf\ufffd" otherwise).
    """
    if isinstance(size, int) and not isinstance(size, bool) and size > MAX_FILE_BYTES:
        # Before the check below: the page reads only the start, which may end mid-character.
        raise CheckerError("import.too_large", limit=str(MAX_FILE_BYTES // 1024))
    if isinstance(text, str) and "\ufffd" in text:
        raise CheckerError("import.not_utf8")
    return read_text(text, size)


def _too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether brackets outside strings nest deeper than ``limit``.

    Ours nest 3 deep; a hostile file nests thousands deep, and the parser's recursion on it
    could exhaust the stack of a browser's WebAssembly before Python notices.

    >>> _too_deep('{"a": [{"b": "[[[["}]}', 3), _too_deep("[[[[0]]]]", 3)
    (False, True)
    """
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def document(lines: Sequence[tuple[str, str, Form]]) -> LinesDocument:
    """The document to keep and export, from ``(e164, label, form)`` triples."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "lines": [{"e164": e164, "label": label, "form": form} for e164, label, form in lines],
    }
