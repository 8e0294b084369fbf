"""The CLI prints the adapter's dicts; exit 0 ok, 1 invalid input, 2 usage."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker import web
from checker.cli import main

TODAY = "2026-11-26"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        status = main(list(argv))
    except SystemExit as stop:  # argparse's usage errors
        status = int(stop.code or 0)
    return status, capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "status", "expected"),
    [
        (["number", "+63 918 123 4567"], 0, web.check_number("+63 918 123 4567")),
        (["number", "02 8123 4567"], 1, web.check_number("02 8123 4567")),
        (
            ["number", "+86 138 0013 8000", "--lang", "en"],
            1,
            web.check_number("+86 138 0013 8000", "en"),
        ),
        (["amount", "PHP 1,000"], 0, web.check_amount("PHP 1,000")),
        (["amount", "NaN", "--lang", "en"], 1, web.check_amount("NaN", "en")),
        (["amount", "-5"], 1, web.check_amount("-5")),
        (
            ["next", "--last-reload", "2026-03-15", "--today", TODAY],
            0,
            web.next_reload("2026-03-15", today=TODAY),
        ),
        (
            [
                "next",
                "--last-reload",
                "2026/03/15",
                "--zero-balance-since",
                "2026-05-01",
                "--margin-days",
                "10",
                "--amount",
                "₱300",
                "--promo",
                "--today",
                TODAY,
                "--lang",
                "en",
            ],
            0,
            web.next_reload(
                "2026/03/15",
                zero_balance_since="2026-05-01",
                margin_days="10",
                amount="₱300",
                promo=True,
                today=TODAY,
                lang="en",
            ),
        ),
        # --promo is --kind promo; the default kind is regular.
        (
            ["next", "--last-reload", "2026-03-15", "--kind", "promo", "--today", TODAY],
            0,
            web.next_reload("2026-03-15", promo=True, today=TODAY),
        ),
        (
            ["next", "--last-reload", "2026-03-15", "--kind", "regular", "--today", TODAY],
            0,
            web.next_reload("2026-03-15", today=TODAY),
        ),
        (
            [
                "next",
                "--last-reload",
                "2026-11-01",
                "--kind",
                "pasaload",
                "--amount",
                "P200",
                "--today",
                TODAY,
            ],
            0,
            web.next_reload("2026-11-01", amount="P200", today=TODAY, reload_kind="pasaload"),
        ),
        (
            [
                "next",
                "--last-reload",
                "2026-11-01",
                "--kind",
                "pasaload",
                "--amount",
                "50",
                "--today",
                TODAY,
            ],
            1,
            web.next_reload("2026-11-01", amount="50", today=TODAY, reload_kind="pasaload"),
        ),
        (
            [
                "next",
                "--last-reload",
                "2026-11-01",
                "--kind",
                "pasaload",
                "--lang",
                "en",
                "--today",
                TODAY,
            ],
            1,
            web.next_reload("2026-11-01", today=TODAY, lang="en", reload_kind="pasaload"),
        ),
        (
            ["next", "--last-reload", "2026-02-30", "--today", TODAY],
            1,
            web.next_reload("2026-02-30", today=TODAY),
        ),
        (
            ["next", "--last-reload", "2026-03-15", "--margin-days", "abc", "--today", TODAY],
            1,
            web.next_reload("2026-03-15", margin_days="abc", today=TODAY),
        ),
        (
            ["next", "--last-reload", "2026-03-15", "--margin-days", "120", "--today", TODAY],
            1,
            web.next_reload("2026-03-15", margin_days="120", today=TODAY),
        ),
        (
            ["next", "--last-reload", "2026-03-15", "--amount", "0", "--today", TODAY],
            1,
            web.next_reload("2026-03-15", amount="0", today=TODAY),
        ),
        (
            ["next", "--last-reload", "2026-03-15", "--today", "someday"],
            1,
            web.next_reload("2026-03-15", today="someday"),
        ),
    ],
)
def test_json_is_the_adapter_dict(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, expected: dict[str, object]
) -> None:
    code, out = run(capsys, *argv, "--json")
    assert code == status
    assert json.loads(out) == expected
    assert out.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["bogus"],
        [],
        ["number"],
        ["number", "0918", "--colour"],
        ["next"],
        ["next", "--last-reload", "2026-03-15", "--lang", "fr"],
        ["next", "--last-reload", "2026-03-15", "--kind", "gift"],
        ["next", "--last-reload", "2026-03-15", "--kind", "pasaload", "--promo"],
        ["next", "--last-reload", "2026-03-15", "--kind", "regular", "--promo"],
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert run(capsys, *argv)[0] == 2


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["number", "0918 123 4567"], ["+639181234567", "0918 123 4567", "Smart", "RA 11202"]),
        (["number", "0918 123 4567", "--lang", "en"], ["originally allocated", "Smart"]),
        (["amount", "100"], ["100.00"]),
        (["amount", "abc", "--lang", "en"], ["cannot be read", "[amount.not_a_number]"]),
        (
            ["next", "--last-reload", "2026-03-15", "--today", TODAY],
            ["最晚充值日: 2027年2月13日（周六）", "正常", "120 天"],
        ),
        (
            ["next", "--last-reload", "2026-03-15", "--today", TODAY, "--lang", "en"],
            ["Reload by: Sat 13 Feb 2027", "When: 79 days left", "https://help.smart.com.ph/"],
        ),
        # Past the reload-by date: said in words, never as a negative number.
        (
            ["next", "--last-reload", "2025-10-01", "--today", TODAY, "--lang", "en"],
            ["When: 86 days ago", "Status: Balance ended (grace period)"],
        ),
        (
            ["next", "--last-reload", "2025-10-01", "--today", TODAY],
            ["距最晚充值日: 已过 86 天", "可能被销号"],
        ),
        # A zero-balance date: two named dates, the balance's end and the regular load's.
        (
            [
                *("next", "--last-reload", "2026-03-15", "--zero-balance-since", "2026-05-01"),
                *("--today", "2026-06-01", "--lang", "en"),
            ],
            ["Balance ends: Fri 1 May 2026", "Regular load valid until: Mon 15 Mar 2027"],
        ),
        (
            [
                *("next", "--last-reload", "2026-11-01", "--kind", "pasaload"),
                *("--amount", "100", "--today", TODAY),
            ],
            [
                "充值种类: 别人转来的话费（PasaLoad）",
                "PasaLoad 话费有效期至: 2026年12月1日（周二）",
            ],
        ),
        (
            ["next", "--last-reload", "2026-11-01", "--promo", "--today", TODAY, "--lang", "en"],
            ["Status: Cannot be dated", "Enter the date of your last regular reload"],
        ),
        (
            [
                *("next", "--last-reload", "2026-11-01", "--kind", "pasaload"),
                *("--amount", "75", "--today", TODAY),
            ],
            ["[pasaload.undated]", "无法推算日期"],
        ),
    ],
)
def test_text_output(capsys: pytest.CaptureFixture[str], argv: list[str], words: list[str]) -> None:
    _, out = run(capsys, *argv)
    for word in words:
        assert word in out


def test_ics_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "reminders.ics"
    code, out = run(
        capsys,
        "next",
        "--last-reload",
        "2026-03-15",
        "--today",
        TODAY,
        "--ics",
        str(target),
        "--json",
    )
    assert code == 0
    assert json.loads(out)["reload_by"] == "2027-02-13"
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTART;VALUE=DATE:20270213" in data


def test_no_ics_file_for_invalid_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "reminders.ics"
    code, _ = run(
        capsys, "next", "--last-reload", "2027-01-01", "--today", TODAY, "--ics", str(target)
    )
    assert code == 1
    assert not target.exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_output_of_a_promo_has_no_dates(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out = run(
        capsys, "next", "--last-reload", "2026-11-01", "--promo", "--today", TODAY, "--lang", lang
    )
    assert code == 0
    assert "None" not in out
    assert not re.search(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}", out.split("http")[0].replace("2026-11-01", "")
    )


@pytest.mark.parametrize(
    ("kind_args", "first_event"),
    [
        (["--kind", "regular"], b"DTSTART;VALUE=DATE:20270213"),
        (["--promo"], b"DTSTART;VALUE=DATE:20261126"),  # one "reload now" event, today
        (["--kind", "pasaload", "--amount", "200"], b"DTSTART;VALUE=DATE:20261215"),
    ],
)
def test_ics_file_for_each_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind_args: list[str], first_event: bytes
) -> None:
    target = tmp_path / "reminders.ics"
    last = "2026-11-15" if "pasaload" in kind_args else "2026-03-15"
    code, _ = run(
        capsys, "next", "--last-reload", last, "--today", TODAY, *kind_args, "--ics", str(target)
    )
    assert code == 0
    data = target.read_bytes()
    assert data.index(b"BEGIN:VEVENT") < data.index(first_event)
    starts = re.findall(rb"DTSTART;VALUE=DATE:([0-9]{8})", data)
    assert starts[0] == first_event.rsplit(b":", 1)[1]
    assert all(day >= b"20261126" for day in starts)
