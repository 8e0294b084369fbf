"""The saved lines (checker/lines.py and their checker.web calls): save, list, delete,
export, import.

The fuzz tests of the same calls are in test_lines_fuzz.py; the page's use of them in
tests/browser/test_saved_lines.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lines, web
from checker.messages import message
from testsupport.checks import answered, kept_lines, refused

TODAY = "2026-11-26"
BLANK = {field.name: field.default for field in web.FIELDS}
WORK = {**BLANK, "phone": "0918 123 4567", "last_reload": "2026-06-01", "margin_days": "14"}
FAMILY = {**BLANK, "phone": "+63 917 555 0000", "last_reload": "2026-03-15"}


def _save(*forms: tuple[dict[str, Any], str], lang: str = "en") -> dict[str, Any]:
    saved: dict[str, Any] | None = None
    for form, label in forms:
        answer = web.save_line(form, label=label, saved=saved, today=TODAY, lang=lang)
        assert answer["ok"], answer
        saved = dict(answer["saved"])
    assert saved is not None, "nothing saved"
    return saved


def test_save_keeps_the_form_and_label_never_a_result() -> None:
    saved = _save((WORK, "  Work  "))
    assert saved == {
        "format": lines.FORMAT,
        "version": lines.VERSION,
        "lines": [{"e164": "+639181234567", "label": "Work", "form": WORK}],
    }


def test_saving_the_same_number_again_updates_it_in_place() -> None:
    saved = _save((WORK, "Work"), (FAMILY, ""))
    later = {**WORK, "phone": "+639181234567", "last_reload": "2026-11-01"}
    answer = web.save_line(later, label="Work 2", saved=saved, today=TODAY, lang="en")
    assert answer["ok"] and answer["updated"] is True
    assert [line["e164"] for line in kept_lines(answer["saved"])] == [
        "+639181234567",
        "+639175550000",
    ]
    assert kept_lines(answer["saved"])[0]["label"] == "Work 2"
    assert kept_lines(answer["saved"])[0]["form"]["last_reload"] == "2026-11-01"


@pytest.mark.parametrize(
    ("form", "label", "code", "field"),
    [
        ({**WORK, "phone": ""}, "", "lines.need_number", "phone"),
        ({**WORK, "last_reload": ""}, "", "lines.need_last_reload", "last_reload"),
        ({**WORK, "phone": "0918 123"}, "", "phone.too_short", "phone"),
        ({**WORK, "last_reload": "2026-02-30"}, "", "date.not_exist", "last_reload"),
        ({**WORK, "amount": "1e3"}, "", "amount.exponent", "amount"),
        ({**WORK, "margin_days": "x"}, "", "margin.not_a_number", "margin_days"),
        (WORK, "x" * 41, "lines.label_too_long", "label"),
        (WORK, "a\u202eb", "lines.label_bad", "label"),
        (WORK, "a\x00b", "lines.label_bad", "label"),
        (WORK, 5, "lines.label_not_text", "label"),
        (WORK, 42.0, "lines.label_not_text", "label"),
        (WORK, "a\u2028b", "lines.label_bad", "label"),
        (WORK, "a\u2029b", "lines.label_bad", "label"),
        (WORK, "a\u200bb", "lines.label_bad", "label"),
        (WORK, "a\u200db", "lines.label_bad", "label"),
        (WORK, "a\ufeffb", "lines.label_bad", "label"),
        (WORK, "a\U000e0041b", "lines.label_bad", "label"),
        (WORK, "Caf\ufffd", "lines.label_bad", "label"),
        (WORK, "😀" * 41, "lines.label_too_long", "label"),
        ({**WORK, "phone": 918}, "", "import.bad_field", "form"),
        ({**WORK, "reload_kind": "free"}, "", "import.bad_field", "form"),
        ({**WORK, "phone": "9" * 300}, "", "import.bad_field", "form"),
    ],
)
def test_save_refuses_what_the_checker_refuses(
    form: Any, label: Any, code: str, field: str
) -> None:
    saved = _save((FAMILY, "Mum"))
    for lang in ("zh", "en"):
        answer = web.save_line(form, label=label, saved=saved, today=TODAY, lang=lang)
        assert answer["ok"] is False
        assert (answer["code"], answer["field"]) == (code, field)
        assert answer["message"]


@pytest.mark.parametrize(
    ("lang", "default"), [("zh", "尾号 0000"), ("en", "ending 0000"), ("fr", "尾号 0000")]
)
def test_the_list_is_sorted_soonest_first_with_dates_from_today(lang: str, default: str) -> None:
    saved = _save((WORK, "Work"), (FAMILY, ""))
    answer = web.saved_lines(saved, today=TODAY, lang=lang)
    assert answer["ok"], answer
    rows = answer["lines"]
    assert [row["e164"] for row in rows] == ["+639175550000", "+639181234567"]
    assert [row["label"] for row in rows] == [default, "Work"]
    for row, form in zip(rows, (FAMILY, WORK), strict=True):
        expected = web.check_form(form, today=TODAY, lang=lang)["estimate"]
        assert expected is not None and expected["ok"], expected
        assert (row["reload_by"], row["status"], row["days_left"]) == (
            expected["reload_by"],
            expected["status"],
            expected["days_left"],
        )
        assert row["form"] == form
    # Another day, other days left: nothing is stored but the form.
    later = answered(web.saved_lines(saved, today="2026-12-26", lang=lang))["lines"]
    assert [row["days_left"] for row in later] == [
        None if row["days_left"] is None else row["days_left"] - 30 for row in rows
    ]


def test_a_label_of_40_code_points_is_kept_whatever_its_utf16_length() -> None:
    label = "😀" * 40  # 80 UTF-16 units: the page's limit counts code points too
    assert _save((WORK, label))["lines"][0]["label"] == label


def test_the_list_reads_the_storage_text() -> None:
    saved = _save((WORK, ""))
    row = answered(web.saved_lines(json.dumps(saved), today=TODAY, lang="en"))["lines"][0]
    assert (row["e164"], row["last_digits"], row["key"]) == ("+639181234567", "4567", row["e164"])
    empty = {"ok": True, "lines": [], "attention": [], "damaged": None}
    assert web.saved_lines("", today=TODAY, lang="en") == empty
    assert web.saved_lines(None, today=TODAY, lang="en") == empty


DAMAGED_DOCUMENTS = [
    "{broken",
    '{"format": "smart-baohao.lines", "version": 1, "lines": [{"e164": "+63918',
    "null",
    "[]",
    '"text"',
    '{"format": "smart-baohao.lines", "version": 1, "lines": {}}',
    '{"format": "smart-baohao.lines", "version": "1", "lines": []}',
    '{"format": "other", "version": 1, "lines": []}',
    "Caf\ufffd",
]


@pytest.mark.parametrize("text", DAMAGED_DOCUMENTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_damaged_document_is_said_in_words_for_storage_and_blocks_nothing(
    text: str, lang: str
) -> None:
    answer = answered(web.saved_lines(text, today=TODAY, lang=lang))
    assert answer["lines"] == [] and answer["attention"] == []
    damaged = answer["damaged"]
    assert damaged is not None
    assert damaged["code"] == "saved.damaged"
    assert damaged["message"] == message("saved.damaged", lang)
    assert "文件" not in damaged["message"] and "file" not in damaged["message"]
    # Export still returns it as it was; a save starts a new list and asks to keep it aside.
    exported = answered(web.export_lines(text))
    assert (exported["ok"], exported["json"], exported["damaged"]) == (True, text, True)
    saved = web.save_line(WORK, label="", saved=text, today=TODAY, lang=lang)
    assert saved["ok"] and saved["set_aside"] is True
    assert [line["e164"] for line in kept_lines(saved["saved"])] == ["+639181234567"]
    exported_family = answered(web.export_lines(_save((FAMILY, ""))))["json"]
    imported = web.import_lines(exported_family, size=None, saved=text, today=TODAY, lang=lang)
    assert imported["ok"] and imported["set_aside"] is True


def _kiritimati() -> dict[str, Any]:
    """A line saved on 2026-11-27 in UTC+14, read back when it is still 11-26 elsewhere."""
    saved = _save((WORK, "Work"))
    ahead = web.save_line(
        {**FAMILY, "last_reload": "2026-11-27"},
        label="Mum",
        saved=saved,
        today="2026-11-27",
        lang="en",
    )
    assert ahead["ok"], ahead
    return dict(ahead["saved"])


def _damaged_line(doc: dict[str, Any], change: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(doc))
    data["lines"].append(change)
    return data


@pytest.mark.parametrize(
    ("doc", "code", "label", "key"),
    [
        (_kiritimati(), "date.in_future", "Mum", "+639175550000"),
        (
            _damaged_line(_save((WORK, "Work")), {"e164": "x", "label": "Dad", "form": None}),
            "import.bad_shape",
            "Dad",
            None,
        ),
        (
            _damaged_line(
                _save((WORK, "Work")),
                {"label": 42, "form": {**FAMILY, "last_reload": "2026-13-01"}},
            ),
            "lines.label_not_text",
            "ending 0000",
            "+639175550000",
        ),
        (_damaged_line(_save((WORK, "Work")), 7), "import.bad_shape", "an unreadable line", None),
        (
            _damaged_line(_save((WORK, "Work")), {"label": "Old", "form": {**FAMILY, "phone": ""}}),
            "lines.need_number",
            "Old",
            None,
        ),
    ],
)
def test_a_line_refused_today_needs_attention_and_hides_nothing(
    doc: dict[str, Any], code: str, label: str, key: str | None
) -> None:
    answer = web.saved_lines(json.dumps(doc), today=TODAY, lang="en")
    assert answer["ok"] and answer["damaged"] is None
    assert [row["label"] for row in answer["lines"]] == ["Work"]
    (item,) = answer["attention"]
    assert (item["code"], item["label"]) == (code, label)
    assert item["message"].startswith("Needs attention: ")
    if code == "date.in_future":  # the line's own date, and why a traveller may see it
        assert "(2026-11-27) cannot be after today (2026-11-26)" in item["message"]
        assert "another time zone" in item["message"]
    if key:
        assert item["key"] == key and item["last_digits"] == key[-4:]
    # Save and import still work, and the line needing attention is kept as it was.
    saved = web.save_line(
        {**WORK, "phone": "0918 000 1111"}, label="", saved=doc, today=TODAY, lang="en"
    )
    assert saved["ok"], saved
    assert doc["lines"][-1] in saved["saved"]["lines"]
    exported = answered(web.export_lines(_save((WORK, "W2"))))["json"]
    imported = web.import_lines(exported, size=None, saved=doc, today=TODAY, lang="en")
    assert imported["ok"] and doc["lines"][-1] in imported["saved"]["lines"]
    assert web.calendar_all(doc, today=TODAY, lang="en")["ok"]
    # Export keeps it too; deleting it by its key removes it alone, and undo puts it back.
    assert json.loads(answered(web.export_lines(doc))["json"]) == doc
    deleted = web.delete_lines(doc, keys=[item["key"]], scope="one", lang="en")
    assert deleted["ok"] and deleted["saved"]["lines"] == doc["lines"][:-1]
    back = web.restore_lines(deleted["saved"], removed=deleted["removed"], lang="en")
    assert back["ok"] and back["saved"] == doc


def test_a_line_needing_attention_is_fixed_by_saving_its_number_again() -> None:
    doc = _kiritimati()
    fixed = web.save_line(
        {**FAMILY, "last_reload": "2026-11-26"}, label="Mum", saved=doc, today=TODAY, lang="en"
    )
    assert fixed["ok"] and fixed["updated"] is True
    answer = answered(web.saved_lines(fixed["saved"], today=TODAY, lang="en"))
    assert answer["attention"] == [] and len(answer["lines"]) == 2


def test_delete_all_deletes_only_what_the_reader_saw() -> None:
    seen = _save((WORK, "Work"))
    keys = [row["key"] for row in answered(web.saved_lines(seen, today=TODAY, lang="en"))["lines"]]
    # another tab
    meanwhile = answered(web.save_line(FAMILY, label="Mum", saved=seen, today=TODAY, lang="en"))[
        "saved"
    ]
    answer = web.delete_lines(meanwhile, keys=keys, scope="all", lang="en")
    assert answer["ok"] and (answer["deleted"], answer["kept"]) == (1, 1)
    assert [line["label"] for line in kept_lines(answer["saved"])] == ["Mum"]
    assert answer["message"] == (
        "The 1 lines you saw were deleted; 1 lines just saved in another page were kept."
    )
    everything = answered(web.delete_lines(seen, keys=keys, scope="all", lang="zh"))
    assert everything["saved"]["lines"] == [] and everything["message"] == "已删除 1 个号码。"


def test_undo_does_not_bring_back_a_number_saved_again_meanwhile() -> None:
    doc = _save((WORK, "Work"), (FAMILY, "Mum"))
    deleted = answered(web.delete_lines(doc, keys=["+639181234567"], scope="one", lang="en"))
    assert deleted["message"] == "Deleted “Work”."
    again = answered(
        web.save_line(
            {**WORK, "last_reload": "2026-11-01"},
            label="New",
            saved=deleted["saved"],
            today=TODAY,
            lang="en",
        )
    )
    back = web.restore_lines(again["saved"], removed=deleted["removed"], lang="en")
    assert back["ok"] and back["restored"] == 0
    assert [line["label"] for line in kept_lines(back["saved"])] == ["Mum", "New"]


def test_export_then_import_into_nothing_gives_the_same_document() -> None:
    saved = _save((WORK, "Work"), (FAMILY, "妈妈"))
    exported = answered(web.export_lines(saved))
    assert exported["filename"].endswith(".json")
    assert json.loads(exported["json"]) == saved
    answer = web.import_lines(
        exported["json"], size=len(exported["json"]), saved="", today=TODAY, lang="zh"
    )
    assert answer["ok"], answer
    assert answer["saved"] == saved
    assert (answer["added"], answer["updated"]) == (2, 0)


def test_import_merges_by_number() -> None:
    mine = _save((WORK, "Mine"))
    theirs = _save(({**WORK, "last_reload": "2026-10-01"}, "Theirs"), (FAMILY, ""))
    text = answered(web.export_lines(theirs))["json"]
    answer = answered(web.import_lines(text, size=len(text), saved=mine, today=TODAY, lang="en"))
    assert (answer["added"], answer["updated"]) == (1, 1)
    assert answer["message"] == "Imported: 1 lines added, 1 updated."
    assert [(line["e164"], line["label"]) for line in kept_lines(answer["saved"])] == [
        ("+639181234567", "Theirs"),
        ("+639175550000", ""),
    ]


def _file(change: Any) -> str:
    data = json.loads(answered(web.export_lines(_save((WORK, "Work"))))["json"])
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "size", "code"),
    [
        ("not json", None, "import.not_json"),
        ("NaN", None, "import.not_json"),
        ("[" * 100_000, None, "import.bad_shape"),
        ("[" * 10_000 + "]" * 10_000, None, "import.bad_shape"),
        ('{"a": "[[[[[[[[[[[[[[[[[[[["}', None, "import.not_ours"),
        ("{}", 10 * 1024 * 1024, "import.too_large"),
        ("x" * (lines.MAX_FILE_BYTES + 1), None, "import.too_large"),
        (b"{}", None, "import.not_json"),
        ('{"format": "smart-baohao.lines", "version": 2, "lines": []}', None, "import.version"),
        (
            '{"format": "smart-baohao.lines", "version": true, "lines": []}',
            None,
            "import.version_bad",
        ),
        (
            '{"format": "smart-baohao.lines", "version": "1", "lines": []}',
            None,
            "import.version_bad",
        ),
        ('{"format": "smart-baohao.lines", "lines": []}', None, "import.version_bad"),
        ("null", None, "import.not_ours"),
        ("Caf\ufffd", None, "import.not_utf8"),
        (_file(lambda d: d["lines"].append(d["lines"][0])), None, "import.duplicate"),
        (_file(lambda d: d["lines"][0].update(label=42)), None, "lines.label_not_text"),
        ('{"format": "smart-baohao.lines", "version": 1, "lines": {}}', None, "import.bad_shape"),
        ('{"format": "smart-baohao.lines", "version": 1, "lines": [1]}', None, "import.bad_shape"),
        (
            _file(lambda d: d["lines"][0]["form"].update(last_reload="2026-13-01")),
            None,
            "import.bad_line",
        ),
        (
            _file(lambda d: d["lines"][0]["form"].update(phone="+86 138 0013 8000")),
            None,
            "import.bad_line",
        ),
        (_file(lambda d: d["lines"][0]["form"].update(phone="")), None, "lines.need_number"),
        (
            _file(lambda d: d["lines"][0]["form"].update(reload_kind="free")),
            None,
            "import.bad_field",
        ),
        (_file(lambda d: d["lines"][0].update(label="\ud800")), None, "lines.label_bad"),
        (_file(lambda d: d["lines"][0].update(label=["x"])), None, "lines.label_not_text"),
        (_file(lambda d: d["lines"][0].update(label="a\u2028b")), None, "lines.label_bad"),
        (_file(lambda d: d["lines"][0].update(form=None)), None, "import.bad_shape"),
        (_file(lambda d: d.update(lines=d["lines"] * 51)), None, "import.too_many"),
    ],
)
def test_a_bad_file_changes_nothing_and_says_why(text: Any, size: Any, code: str) -> None:
    mine = _save((FAMILY, ""))
    for lang, unchanged in (
        ("zh", "保存的号码没有改变。"),
        ("en", "Your saved lines are unchanged."),
    ):
        answer = web.import_lines(text, size=size, saved=mine, today=TODAY, lang=lang)
        assert answer["ok"] is False
        assert (answer["code"], answer["field"]) == (code, "import")
        assert answer["message"].endswith(unchanged), answer["message"]
    assert mine == _save((FAMILY, ""))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            '{"format": "smart-baohao.lines", "version": "1", "lines": []}',
            "zh",
            '文件的格式版本 "1" 无效：本站导出的文件写的是数字 1。',
        ),
        (
            '{"format": "smart-baohao.lines", "version": true, "lines": []}',
            "en",
            "The file's format version true is not valid: files exported here say the number 1.",
        ),
        ("null", "zh", "这不是本站导出的号码文件。"),
        ("Caf\ufffd", "en", "This file cannot be read: it is not UTF-8 text"),
        (
            _file(lambda d: d["lines"].append(d["lines"][0])),
            "en",
            "Lines 1 and 2 in the file are the same number (0918 123 4567)",
        ),
        (
            _file(lambda d: d["lines"][0].update(label=42)),
            "en",
            "Line 1 in the file is not valid: The label must be text.",
        ),
    ],
)
def test_import_messages_say_what_is_wrong(text: str, lang: str, expected: str) -> None:
    answer = web.import_lines(text, size=None, saved=None, today=TODAY, lang=lang)
    assert answer["ok"] is False and answer["message"].startswith(expected), answer["message"]
    assert "True" not in answer["message"] and "control" not in answer["message"]


def test_a_line_of_the_file_is_named_in_the_message() -> None:
    text = _file(lambda d: d["lines"][0]["form"].update(last_reload="2026-02-30"))
    message = web.import_lines(text, size=None, saved=None, today=TODAY, lang="en")["message"]
    assert message.startswith("Line 1 in the file is not valid: ")
    assert "2026-02-30" in message


def test_a_field_added_to_the_form_is_saved_without_code_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extra = web.Field("nickname_hint", "choice", default="a", options=("a", "b"))
    # The saved lines read the contract's fields when called, not a copy made at import.
    monkeypatch.setattr(web.contract, "FIELDS", (*web.FIELDS, extra))
    saved = _save(({**WORK, "nickname_hint": "b"}, ""))
    assert saved["lines"][0]["form"]["nickname_hint"] == "b"
    missing = answered(
        web.import_lines(
            json.dumps(_save((WORK, ""))), size=None, saved=None, today=TODAY, lang="en"
        )
    )
    assert kept_lines(missing["saved"])[0]["form"]["nickname_hint"] == "a"  # its default


@settings(max_examples=50, deadline=None)
@given(
    labels=st.lists(
        st.text(st.characters(categories=["L", "N", "P", "Zs"]), max_size=40), max_size=5
    ),
    days=st.lists(st.integers(0, 600), min_size=5, max_size=5),
)
def test_export_import_round_trip_and_order(labels: list[str], days: list[int]) -> None:
    """Any saved lines survive export and import; the list is always soonest first."""
    from datetime import date, timedelta

    saved: dict[str, Any] | None = None
    for index, label in enumerate(labels):
        last = (date(2026, 11, 26) - timedelta(days=days[index])).isoformat()
        form = {**WORK, "phone": f"0918 123 45{index:02d}", "last_reload": last}
        answer = web.save_line(form, label=label, saved=saved, today=TODAY, lang="en")
        if label.strip() and len(label.strip()) <= lines.MAX_LABEL:
            assert answer["ok"], answer
        if answer["ok"]:
            saved = dict(answer["saved"])
    text = answered(web.export_lines(saved))["json"]
    back = web.import_lines(text, size=None, saved=None, today=TODAY, lang="en")
    assert back["ok"], back
    assert back["saved"] == (saved or lines.document([]))
    rows = answered(web.saved_lines(back["saved"], today=TODAY, lang="en"))["lines"]
    # The adapter's order: by date, a line without one first.
    dates = [row["reload_by"] or "" for row in rows]
    assert dates == sorted(dates)


def _events(text: str) -> list[dict[str, Any]]:
    """Each VEVENT as its UID, SUMMARY, DTSTART and alarm triggers (RFC 5545 text, unfolded)."""
    unfolded = text.replace("\r\n ", "")
    events: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {"triggers": []}
        elif line == "END:VEVENT":
            assert current is not None, text
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            if name == "TRIGGER":
                current["triggers"].append(value)
            elif name in ("UID", "SUMMARY", "DTSTART;VALUE=DATE"):
                current[name.split(";")[0]] = value
    return events


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_calendar_for_all_lines(lang: str) -> None:
    saved = _save((WORK, "Work"), (FAMILY, ""))
    answer = web.calendar_all(saved, today=TODAY, lang=lang, now="2026-11-26T10:00:00Z")
    assert answer["ok"], answer
    events = _events(answer["ics"])
    singles = [
        _events(answered(web.calendar(form, today=TODAY, lang=lang))["ics"])
        for form in (WORK, FAMILY)
    ]
    assert len(events) == sum(len(single) for single in singles)
    default = answered(web.saved_lines(saved, today=TODAY, lang=lang))["lines"][0]["label"]
    for label, single in zip(("Work", default), singles, strict=True):
        mine = [event for event in events if label in event["SUMMARY"]]
        # The same days and alarms as the one-line file; the label, never the number.
        assert [(e["DTSTART"], e["triggers"]) for e in mine] == [
            (e["DTSTART"], e["triggers"]) for e in single
        ]
    assert not any("4567" in e["SUMMARY"] and "Work" in e["SUMMARY"] for e in events)
    assert "918 123 4567" not in answer["ics"] and "9181234567" not in answer["ics"]


def test_calendar_uids_are_stable_per_line_and_event() -> None:
    saved = _save((WORK, "Work"), (FAMILY, ""))
    first = _events(
        answered(web.calendar_all(saved, today=TODAY, lang="en", now="2026-11-26T10:00:00Z"))["ics"]
    )
    uids = [event["UID"] for event in first]
    assert len(set(uids)) == len(uids)
    # Exported again later, after a new reload and a new label: the same events, updated.
    moved = _save(({**WORK, "last_reload": "2026-07-01"}, "Work SIM"), (FAMILY, ""))
    again = _events(
        answered(web.calendar_all(moved, today=TODAY, lang="en", now="2026-11-27T08:00:00Z"))["ics"]
    )
    assert [event["UID"] for event in again] == uids
    assert [event["DTSTART"] for event in again] != [event["DTSTART"] for event in first]


def test_calendar_for_no_line_says_so() -> None:
    for saved in (None, "", lines.document([])):
        answer = refused(web.calendar_all(saved, today=TODAY, lang="en"))
        assert (answer["code"], answer["field"]) == ("lines.none", "saved")


def test_the_readme_example_is_a_file_that_imports() -> None:
    from pathlib import Path

    readme = Path(__file__).resolve().parents[2] / "README.md"
    if not readme.is_file():  # inside Pyodide only tests/unit is copied
        pytest.skip("README.md is not here")
    text = readme.read_text(encoding="utf-8")
    start = text.index('    {\n      "format": "smart-baohao.lines"')
    example = text[start : text.index("\n    }\n", start) + 6]
    answer = web.import_lines(example, size=None, saved=None, today=TODAY, lang="en")
    assert answer["ok"], answer
    assert answer["saved"] == json.loads(example)


@pytest.mark.parametrize(
    ("e164", "left", "deleted"),
    [
        ("+639181234567", ["+639175550000"], True),
        ("+639175550000", ["+639181234567"], True),
        ("+639999999999", ["+639181234567", "+639175550000"], False),  # not saved: no change
        ("0918 123 4567", ["+639181234567", "+639175550000"], False),  # the list's e164 only
        (None, ["+639181234567", "+639175550000"], False),
    ],
)
def test_delete_lines_answers_the_document_without_it(
    e164: object, left: list[str], deleted: bool
) -> None:
    saved = _save((WORK, "Work"), (FAMILY, ""))
    for stored in (saved, json.dumps(saved)):  # as the page keeps it: its storage's text
        answer = web.delete_lines(stored, keys=[e164], scope="one", lang="en")
        assert answer["ok"] and (answer["deleted"] == 1) is deleted
        assert [line["e164"] for line in kept_lines(answer["saved"])] == left
        kept = {line["e164"]: line for line in saved["lines"]}
        assert answer["saved"]["lines"] == [kept[number] for number in left]


def test_a_line_that_no_longer_passes_can_still_be_deleted() -> None:
    # Only the document's shape is read: a line today's checks refuse can still be deleted.
    saved = _save((WORK, "Work"), (FAMILY, ""))
    saved["lines"][1]["form"]["last_reload"] = "2099-01-01"
    listed = answered(web.saved_lines(saved, today=TODAY, lang="en"))
    assert listed["attention"][0]["key"] == "+639175550000"
    answer = answered(web.delete_lines(saved, keys=["+639175550000"], lang="en"))
    assert [line["e164"] for line in kept_lines(answer["saved"])] == ["+639181234567"]


@pytest.mark.parametrize(
    ("saved", "code"),
    [("{broken", "saved.damaged"), ({"format": "other"}, "saved.damaged")],
)
def test_delete_lines_refuses_a_damaged_document(saved: object, code: str) -> None:
    for lang in ("zh", "en"):
        answer = web.delete_lines(saved, keys=["+639181234567"], lang=lang)
        assert answer == {**answer, "ok": False, "code": code, "field": "saved"}


def test_a_file_from_before_the_carrier_field_still_imports() -> None:
    # Exported before issue 18: no "carrier" in the form; it takes the field's default.
    old = {
        "format": "smart-baohao.lines",
        "version": 1,
        "lines": [
            {
                "e164": "+639171234567",
                "label": "",
                "form": {"last_reload": "2026-06-01", "phone": "0917 123 4567"},
            }
        ],
    }
    answer = web.import_lines(json.dumps(old), today=TODAY, lang="en")
    assert answer["ok"], answer
    assert kept_lines(answer["saved"])[0]["form"]["carrier"] == "auto"
    listed = answered(web.saved_lines(answer["saved"], today=TODAY, lang="en"))["lines"][0]
    # A Globe prefix, so Globe's rules: 60 days after the load ends, not Smart's 120.
    assert listed["deactivates_on"] == "2027-07-31"
