"""Fuzzing the saved lines' calls of checker.web with hostile input (as test_web_fuzz.py).

Same rules: no exception escapes, no ``internal.error``, strict JSON, an error in the
documented shape and the language asked for; and a refused change leaves nothing changed (the
calls never return a document on error). The strategies are test_web_fuzz.py's, plus
documents: real ones, damaged ones, and any JSON value or text in their place.

Standard library, pytest and hypothesis only: this file also runs under Pyodide.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st
from test_web_fuzz import (
    ADAPTER_EXAMPLES,
    FUZZ,
    anything,
    assert_json_ready,
    assert_message,
    expected_lang,
    forms,
    langs,
    nows,
    texts,
    todays,
)

from checker import lines, web
from checker.messages import CATALOG

TODAY = "2026-11-26"
_GOOD = {"phone": "0918 123 4567", "last_reload": "2026-06-01"}


def _real_document(labels: list[str]) -> dict[str, Any]:
    saved: Any = None
    for index, label in enumerate(labels):
        form = {**_GOOD, "phone": f"0918 123 45{index:02d}"}
        answer = web.save_line(form, label=label, saved=saved, today=TODAY, lang="en")
        if answer["ok"]:
            saved = answer["saved"]
    return saved or lines.document([])


real_documents = st.lists(st.text(max_size=12), max_size=4).map(_real_document)


def _damage(doc: dict[str, Any], key: str, value: object) -> dict[str, Any]:
    data = json.loads(json.dumps(doc))
    if data["lines"]:
        data["lines"][0]["form"][key] = value
    else:
        data[key] = value
    return data


documents = st.one_of(
    real_documents,
    st.builds(_damage, real_documents, st.sampled_from(web.FIELD_NAMES), anything),
    st.builds(
        lambda doc, label: {**doc, "lines": [{"label": label, "form": _GOOD}]},
        real_documents,
        anything,
    ),
    real_documents.map(json.dumps),  # the storage's text
    anything,
)
file_texts = st.one_of(documents.map(lambda doc: json.dumps(doc, default=str)), texts)
sizes = st.one_of(st.none(), st.integers(-1, 20 * 1024 * 1024), anything)

FIELDS = {
    "save_line": {
        "form",
        "label",
        "today",
        "phone",
        "last_reload",
        "amount",
        "margin_days",
        "zero_balance_since",
    }
    | set(web.FIELD_NAMES),
    "saved_lines": {"saved", "today"},
    "export_lines": {"saved"},
    "import_lines": {"import", "today"},
    "calendar_all": {"saved", "today"},
    "delete_lines": {"saved"},
    "restore_lines": {"saved"},
}


def check_error(result: Mapping[str, Any], lang: str, name: str) -> None:
    assert set(result) == {"ok", "code", "message", "field"}, result
    assert result["ok"] is False
    assert result["code"] != "internal.error", result
    assert result["code"] in CATALOG
    assert result["field"] in FIELDS[name], result
    assert isinstance(result["message"], str) and result["message"].strip()
    if name == "import_lines":
        unchanged = CATALOG["import.unchanged"][0 if lang == "zh" else 1]
        assert result["message"].endswith(unchanged), result
    elif result["code"] not in ("import.bad_line",):
        assert_message(result["message"], result["code"], lang)


def check_document(doc: object) -> None:
    """A document the page can read back whole: every line listed, or needing attention."""
    assert isinstance(doc, dict)
    assert doc["format"] == lines.FORMAT and doc["version"] == lines.VERSION
    assert len(doc["lines"]) <= lines.MAX_LINES
    listed = web.saved_lines(json.dumps(doc), today=TODAY, lang="en")
    assert listed["ok"] and listed["damaged"] is None, listed
    assert len(listed["lines"]) + len(listed["attention"]) == len(doc["lines"])
    e164s = [line["e164"] for line in listed["lines"]]
    assert len(e164s) == len(set(e164s))
    for line in doc["lines"]:
        if isinstance(line, dict) and line.get("e164") in e164s:
            assert set(line["form"]) == set(web.FIELD_NAMES)


@FUZZ
@given(form=forms, label=st.one_of(texts, anything), saved=documents, today=todays, lang=langs)
def fuzz_save_line(
    ran: list[int], form: object, label: object, saved: object, today: object, lang: Any
) -> None:
    ran[0] += 1
    result = web.save_line(form, label=label, saved=saved, today=today, lang=lang)
    assert_json_ready(result)
    if result["ok"]:
        check_document(result["saved"])
        assert result["e164"] in [line["e164"] for line in result["saved"]["lines"]]
    else:
        check_error(result, expected_lang(lang), "save_line")


@FUZZ
@given(saved=documents, today=todays, lang=langs)
def fuzz_saved_lines(ran: list[int], saved: object, today: object, lang: Any) -> None:
    ran[0] += 1
    result = web.saved_lines(saved, today=today, lang=lang)
    assert_json_ready(result)
    if result["ok"]:
        dates = [row["reload_by"] for row in result["lines"]]
        assert dates == sorted(dates)
    else:
        check_error(result, expected_lang(lang), "saved_lines")


@FUZZ
@given(saved=documents)
def fuzz_export_lines(ran: list[int], saved: object) -> None:
    ran[0] += 1
    result = web.export_lines(saved)
    assert_json_ready(result)
    if result["ok"] and result["damaged"]:  # as it was kept, nothing lost
        assert result["json"] == (
            saved if isinstance(saved, str) else json.dumps(saved, default=str)
        )
    elif result["ok"]:
        check_document(json.loads(result["json"]))
    else:
        check_error(result, "en", "export_lines")


@FUZZ
@given(text=file_texts, size=sizes, saved=real_documents, today=todays, lang=langs)
def fuzz_import_lines(
    ran: list[int], text: object, size: object, saved: object, today: object, lang: Any
) -> None:
    ran[0] += 1
    result = web.import_lines(text, size=size, saved=saved, today=today, lang=lang)
    assert_json_ready(result)
    if result["ok"]:
        check_document(result["saved"])
        assert len(result["saved"]["lines"]) == len(saved["lines"]) + result["added"]
    else:
        check_error(result, expected_lang(lang), "import_lines")


@FUZZ
@given(saved=documents, today=todays, lang=langs, now=nows)
def fuzz_calendar_all(ran: list[int], saved: object, today: object, lang: Any, now: object) -> None:
    ran[0] += 1
    result = web.calendar_all(saved, today=today, lang=lang, now=now)
    assert_json_ready(result)
    if result["ok"]:
        text = result["ics"]
        assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    else:
        check_error(result, expected_lang(lang), "calendar_all")


keys = st.one_of(
    st.lists(st.sampled_from(["+639181234500", "+639181234501", "line:{}", ""]), max_size=3),
    anything,
)


@FUZZ
@given(saved=documents, keys=keys, scope=st.one_of(st.sampled_from(["one", "all"]), anything))
def fuzz_delete_lines(ran: list[int], saved: object, keys: object, scope: object) -> None:
    """Deleting then undoing gives back as many lines as there were; nothing else changes."""
    ran[0] += 1
    result = web.delete_lines(saved, keys=keys, scope=scope, lang="en")
    assert_json_ready(result)
    if not result["ok"]:
        check_error(result, "en", "delete_lines")
        return
    check_document(result["saved"])
    back = web.restore_lines(result["saved"], removed=result["removed"], lang="en")
    assert back["ok"], back
    assert len(back["saved"]["lines"]) == result["deleted"] + result["kept"]


@FUZZ
@given(saved=real_documents, removed=anything, lang=langs)
def fuzz_restore_lines(ran: list[int], saved: object, removed: object, lang: Any) -> None:
    ran[0] += 1
    result = web.restore_lines(saved, removed=removed, lang=lang)
    assert_json_ready(result)
    if result["ok"]:
        check_document(result["saved"])
    else:
        check_error(result, expected_lang(lang), "restore_lines")


FUZZERS: dict[str, Callable[[list[int]], None]] = {
    "delete_lines": fuzz_delete_lines,
    "restore_lines": fuzz_restore_lines,
    "save_line": fuzz_save_line,
    "saved_lines": fuzz_saved_lines,
    "export_lines": fuzz_export_lines,
    "import_lines": fuzz_import_lines,
    "calendar_all": fuzz_calendar_all,
}


@pytest.mark.parametrize("name", FUZZERS)
def test_lines_fuzz(name: str, fuzz_seed: int, fuzz_counts: dict[str, int]) -> None:
    ran = [0]
    try:
        seed(fuzz_seed)(FUZZERS[name])(ran)
    finally:
        fuzz_counts[name] = ran[0]
    assert ran[0] >= ADAPTER_EXAMPLES
