"""Checks shared by the fuzz tests of checker.web: an answer's language, its messages, JSON.

Standard library only (and the checker): this module also runs under Pyodide.
"""

from __future__ import annotations

import functools
import json
import re

from checker.messages import CATALOG
from testsupport.strategies import LANGS

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
