"""Checks shared by the fuzz tests of checker.web: an answer's language, its messages, JSON.

Standard library only (and the checker): this module also runs under Pyodide.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from checker.messages import CATALOG
from testsupport.strategies import LANGS

if TYPE_CHECKING:  # the shapes are for type checkers: the wheel leaves them out
    from checker.web.shapes import ErrorAnswer

Answer = TypeVar("Answer", bound=Mapping[str, object])

_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")


def expected_lang(lang: object) -> str:
    return lang if isinstance(lang, str) and lang in LANGS else "zh"


@functools.cache
def _template(code: str, lang: str) -> re.Pattern[str]:
    """The catalog's text for ``code`` in ``lang``, its format fields matching anything."""
    zh, en = CATALOG[code]
    pieces = _FORMAT_FIELD.split(en if lang == "en" else zh)
    return re.compile(".*".join(re.escape(piece) for piece in pieces), re.DOTALL)


def assert_message(text: object, code: str, lang: str) -> None:
    assert isinstance(text, str)
    assert text.strip()
    assert _template(code, lang).fullmatch(text), (code, lang, text)


def assert_json_ready(value: object) -> None:
    assert json.loads(json.dumps(value, allow_nan=False)) == value


def answered(answer: Answer | ErrorAnswer) -> Answer:
    """The answer of a call that must succeed, typed as its success; the error fails the test."""
    assert answer["ok"] is True, answer
    return cast("Answer", answer)  # the error's shape has ok False: what is left is Answer


def refused(answer: Mapping[str, object]) -> ErrorAnswer:
    """The error of a call that must fail, typed as one; a success fails the test."""
    assert answer["ok"] is False, answer
    assert set(answer) == {"ok", "code", "message", "field"}, answer
    return cast("ErrorAnswer", answer)  # checked just above: exactly the error's keys


def kept_lines(document: Mapping[str, object]) -> list[dict[str, Any]]:
    """The lines of a kept document, each checked to be a line's object (a line needing
    attention is kept as it was stored, so the document's type says only ``object``)."""
    found = document["lines"]
    assert isinstance(found, list), document
    assert all(isinstance(line, dict) for line in found), found
    return found
