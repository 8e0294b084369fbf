"""Calls to checker.web as JSON lines (the format of calls/__init__.py): the table-driven cases
and calls drawn from testsupport/strategies.py's hostile input. The differential test draws
fresh ones each run; this module also writes the committed corpus, calls/corpus.jsonl, which
the differential test replays and scripts/build-stdlib runs to record what the checker imports:

    .venv/bin/python -m testsupport.corpus [--count N] [--seed N]

Run it again only to change the corpus on purpose (the file is committed, so every run and
every machine checks the same calls, and the built standard library depends on it).

Only JSON values: the page reaches checker.web through JSON-like values, and the calls cross
into Pyodide as JSON text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from checker import web
from testsupport import strategies as fuzz

CORPUS = Path(__file__).resolve().parents[1] / "calls" / "corpus.jsonl"
TODAY = "2026-11-26"
# The committed corpus keeps strings to this length, far past the 64 characters the checker
# reads (100,000-character strings would make it megabytes); fresh calls keep the strategies'
# full lengths.
SAVED_STRING_LIMIT = 500


def _call(fn: str, *args: Any) -> dict[str, Any]:
    return {"fn": fn, "args": list(args)}


calls = st.one_of(
    st.builds(
        _call,
        st.just("check_number"),
        st.one_of(fuzz.phone_text, fuzz.texts, fuzz.anything),
        fuzz.langs,
    ),
    st.builds(
        _call,
        st.just("check_amount"),
        st.one_of(fuzz.amount_text, fuzz.texts, fuzz.anything),
        fuzz.langs,
    ),
    st.builds(
        lambda form, today, lang: _call(
            "next_reload",
            *(form[name] for name in fuzz.ESTIMATE_FIELDS[:2]),
            form["margin_days"],
            form["amount"],
            form["promo"],
            today,
            lang,
        ),
        st.fixed_dictionaries({name: fuzz.field_values[name] for name in fuzz.ESTIMATE_FIELDS}),
        fuzz.todays,
        fuzz.langs,
    ),
    st.builds(_call, st.just("calendar"), fuzz.forms, fuzz.todays, fuzz.langs, fuzz.nows),
    st.builds(_call, st.just("check_form"), fuzz.forms, fuzz.todays, fuzz.langs),
    st.builds(
        lambda phone, estimate, amount, promo, lang: _call(
            "summary", phone, list(estimate), amount, promo, lang
        ),
        st.none() | fuzz.phone_text | fuzz.texts,
        fuzz.consistent_estimates,
        st.none() | fuzz.real_amount_text,
        fuzz.plausible["promo"],
        fuzz.langs,
    ),
)


def jsonable(value: object) -> bool:
    """A value JSON gives (NaN and the infinities too: Python's json reads them)."""
    if value is None or isinstance(value, bool | int | float | str):
        return True
    if isinstance(value, list):
        return all(jsonable(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and jsonable(v) for k, v in value.items())
    return False


def _clip(value: Any) -> Any:
    if isinstance(value, str):
        return value[:SAVED_STRING_LIMIT]
    if isinstance(value, list):
        return [_clip(item) for item in value]
    if isinstance(value, dict):
        return {key: _clip(item) for key, item in value.items()}
    return value


def line(call: dict[str, Any]) -> str:
    # ensure_ascii: lone surrogates travel as \\udXXX escapes, through any pipe.
    return json.dumps(call, ensure_ascii=True, allow_nan=True)


def generated(count: int, run_seed: int) -> list[str]:
    """``count`` calls drawn from the strategies (JSON-ready ones only), reproducibly."""
    found: list[str] = []

    @seed(run_seed)
    @settings(
        max_examples=count * 3,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )
    @given(calls)
    def collect(call: dict[str, Any]) -> None:
        if len(found) < count and jsonable(call["args"]):
            found.append(line(call))

    collect()
    return found


def table_cases() -> list[str]:
    """The table-driven cases of tests/unit/test_web.py and the page's plain uses, both langs."""
    forms = [
        {},
        {"phone": "  ", "amount": "", "last_reload": ""},
        {"phone": "0918 123 4567", "last_reload": "2026-03-15", "amount": "₱300", "promo": False},
        {"last_reload": "2026-03-15", "amount": "abc"},
        {"last_reload": "2026-03-15", "phone": "0918 123 456"},
        {"last_reload": "nope"},
        {"last_reload": "2026-03-15", "zero_balance_since": "2026-04-01", "margin_days": "30"},
        "not a form",
    ]
    nows = [
        "2026-11-26T10:00:00Z",
        "2026-11-26T10:00:00+08:00",
        "2026-11-26T10:00:00",
        "0001-01-01T00:00:00+00:01",
        "9999-12-31T23:59:59-00:01",
        "0999-01-01T00:00:00.000Z",
        "3000-01-01T00:00:00Z",
    ]
    cases = []
    for lang in ("zh", "en"):
        for text in ("+63 918 123 4567", "０９１８１２３４５６７", "02 8123 4567", ""):
            cases.append(_call("check_number", text, lang))
        for text in ("PHP 1,000", "1e3", "x" * SAVED_STRING_LIMIT, "10", "₱300"):
            cases.append(_call("check_amount", text, lang))
        estimates: list[list[object]] = [
            ["2026-02-30"],
            ["2026-11-27", None, None, None, False, TODAY],
            ["2026-03-15", "2026-03-01", None, None, False, TODAY],
            ["2026-03-15", None, "30", "₱300", False, TODAY],
            ["2026-03-15", None, None, "10", False, TODAY],
        ]
        promos: list[object] = [True, "on", "off", "", None]
        estimates += [["2026-03-15", None, None, None, p, TODAY] for p in promos]
        for args in estimates:
            cases.append(_call("next_reload", *args, *([None] * (6 - len(args))), lang))
        for form in forms:
            cases.append(_call("check_form", form, TODAY, lang))
            for now in nows:
                cases.append(_call("calendar", form, TODAY, lang, now))
        cases.append(
            _call("summary", "0918 123 4567", ["2026-03-15", None, None, TODAY], "₱100", True, lang)
        )
    assert all(case["fn"] in (*dir(web), "summary") for case in cases)
    return [line(case) for case in cases]


def saved() -> list[str]:
    return CORPUS.read_text(encoding="ascii").splitlines()


def write_corpus(count: int, run_seed: int) -> int:
    """The committed corpus: the table cases, then drawn calls up to ``count`` lines."""
    table = table_cases()
    drawn = [
        line({**c, "args": _clip(c["args"])})
        for c in map(json.loads, generated(count - len(table), run_seed))
    ]
    lines = table + drawn
    CORPUS.write_text("".join(f"{item}\n" for item in lines), encoding="ascii")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write calls/corpus.jsonl, the fixed calls.")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args(argv)
    written = write_corpus(args.count, args.seed)
    print(f"{CORPUS}: {written} calls", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
