"""The adapter's one promise, kept in one place: every call answers, none raises.

>>> @never_raises("amount")
... def half(text: object, lang: str = "zh") -> dict[str, object]:
...     return {"ok": True, "half": 1 / int(str(text))}
>>> half("0", "en")["code"], half("0", "en")["field"]
('internal.error', 'amount')
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from ..errors import CheckerError
from ..messages import lang_or_default, message

if TYPE_CHECKING:
    from .shapes import ErrorAnswer

P = ParamSpec("P")
R = TypeVar("R")


def error_dict(error: CheckerError, lang: str, default_field: str) -> ErrorAnswer:
    """The answer for a refused input: its code, its words in ``lang``, the field it is about."""
    params = {key: value for key, value in error.params.items() if key != "field"}
    return {
        "ok": False,
        "code": error.code,
        "message": message(error.code, lang, **params),
        "field": error.params.get("field", default_field),
    }


class Refused(Exception):
    """An answer already made (check_form's refusal of a saved form), carried out as an error:
    its words and its field, not a new code."""

    def __init__(self, answer: ErrorAnswer) -> None:
        super().__init__(answer["code"])
        self.answer = answer


def _lang_of(fn: Callable[..., object], args: tuple[object, ...], kwargs: dict[str, Any]) -> str:
    """The ``lang`` a call was given (by name or in its place), as the catalogue reads it."""
    if "lang" in kwargs:
        return lang_or_default(kwargs["lang"])
    code = fn.__code__
    names = code.co_varnames[: code.co_argcount]
    if "lang" not in code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]:
        return "en"
    if "lang" in names and names.index("lang") < len(args):
        return lang_or_default(args[names.index("lang")])
    defaults = fn.__kwdefaults__ or {}
    return lang_or_default(defaults.get("lang", _positional_default(fn, "lang")))


def _positional_default(fn: Callable[..., object], name: str) -> object:
    code = fn.__code__
    names = code.co_varnames[: code.co_argcount]
    defaults = fn.__defaults__ or ()
    if name not in names:
        return None
    offset = names.index(name) - (len(names) - len(defaults))
    return defaults[offset] if offset >= 0 else None


def _as_is(answer: ErrorAnswer, lang: str) -> ErrorAnswer:
    return answer


def never_raises(
    field: str,
    *,
    refused: Callable[[ErrorAnswer, str], Any] = _as_is,
    failed: Callable[[CheckerError, str], Any] | None = None,
    broken: Callable[[ErrorAnswer], Any] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Turn every failure of the call into an answer naming ``field``.

    ``failed`` answers a CheckerError (by default its error dict), ``refused`` a
    :class:`Refused` answer, and ``broken`` wraps the ``internal.error`` answer of anything
    else (by default it is the answer). A call without ``lang`` answers in English.
    """

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @wraps(fn)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return fn(*args, **kwargs)
            except CheckerError as error:
                lang = _lang_of(fn, args, kwargs)
                return cast(R, failed(error, lang) if failed else error_dict(error, lang, field))
            except Refused as refusal:
                return cast(R, refused(refusal.answer, _lang_of(fn, args, kwargs)))
            except Exception:
                lang = _lang_of(fn, args, kwargs)
                internal = error_dict(CheckerError("internal.error"), lang, field)
                return cast(R, broken(internal) if broken else internal)

        return call

    return decorate
