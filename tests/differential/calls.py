"""Run calls to checker.web given as JSON lines, and answer each with one line of JSON.

Standard library only: the same file runs on CPython (tests/differential/test_runtime_parity.py)
and inside Pyodide (tests/pyodide/checker_runtime.mjs), so both sides do exactly the same work.

A call is ``{"fn": NAME, "args": [...]}`` with NAME a public function of ``checker.web``, or
``"summary"``: the page's summary of a number and an estimate, both computed in the runtime
under test from ``[phone, [last_reload, zero_balance_since, margin_days, today], amount,
promo, lang]`` (as tests/unit/test_web_fuzz.py's ``fuzz_summary_text`` does).

The answer is ``json.dumps({"result": ...}, sort_keys=True)`` (ASCII, so lone surrogates
survive any pipe), or ``{"raised": "TypeName"}`` when the call raised.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from checker import web

# The corpus gives each call's arguments in order; the adapter takes all but the first by name.
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "check_number": ("text", "lang"),
    "check_amount": ("text", "lang"),
    "next_reload": (
        "last_reload",
        "zero_balance_since",
        "margin_days",
        "amount",
        "promo",
        "today",
        "lang",
        "reload_kind",
    ),
    "calendar": web.CALLS["calendar"],
    "check_form": web.CALLS["check_form"],
}


def _summary(phone: Any, estimate_args: list[Any], amount: Any, promo: Any, lang: Any) -> str:
    last, zero, margin, today = estimate_args
    as_lang = lang if lang in ("zh", "en") else "zh"
    estimate = web.next_reload(
        last,
        zero_balance_since=zero,
        margin_days=margin,
        amount=amount,
        promo=promo,
        today=today,
        lang=as_lang,
    )
    number = None if phone is None else web.check_number(phone, as_lang)
    return web.summary_text(number, estimate, lang=lang)


def call(fn: str, args: list[Any]) -> Any:
    if fn == "summary":
        return _summary(*args)
    if fn not in FUNCTIONS:
        raise ValueError(f"not a function of checker.web: {fn}")
    names = FUNCTIONS[fn]
    if len(args) > len(names):
        raise TypeError(f"{fn} takes at most {len(names)} arguments")
    return getattr(web, fn)(*args[:1], **dict(zip(names[1:], args[1:], strict=False)))


def answer(line: str) -> str:
    request = json.loads(line)
    try:
        outcome: dict[str, Any] = {"result": call(request["fn"], request["args"])}
    except Exception as error:  # the adapter never raises; summary_text may, on bad input
        outcome = {"raised": type(error).__name__}
    return json.dumps(outcome, sort_keys=True)


def run(lines: Iterable[str]) -> Iterator[str]:
    return (answer(line) for line in lines if line.strip())
