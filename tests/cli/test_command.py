"""`python -m checker` as a separate process: exit statuses and one JSON object on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checker.date_text import format_date


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("argv", "status", "ok"),
    [
        (["number", "+63 918 123 4567", "--json"], 0, True),
        (["number", "+86 138 0013 8000", "--json"], 1, False),
        (["amount", "１００", "--json"], 0, True),
        (["amount", "Infinity", "--json"], 1, False),
        (["next", "--last-reload", "2026-03-15", "--today", "2026-11-26", "--json"], 0, True),
        (["next", "--last-reload", "2026-03-15", "--margin-days", "x", "--json"], 1, False),
    ],
)
def test_exit_status_and_json(argv: list[str], status: int, ok: bool) -> None:
    done = run(*argv)
    assert done.returncode == status
    assert json.loads(done.stdout)["ok"] is ok


@pytest.mark.parametrize("argv", [["frobnicate"], ["next", "--colour"], []])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    done = run(*argv)
    assert done.returncode == 2
    assert "usage" in done.stderr


def test_text_in_chinese_by_default() -> None:
    done = run("next", "--last-reload", "2026年3月15日", "--today", "2026-11-26")
    assert done.returncode == 0
    assert "最晚充值日: 2027年2月13日（周六）" in done.stdout


NEXT = ["next", "--last-reload", "2026-03-15", "--today", "2026-11-26"]


def _unwritable(tmp_path: Path) -> list[str]:
    return [str(tmp_path / "missing" / "x.ics"), str(tmp_path), "/dev/full"]


@pytest.mark.parametrize("where", [0, 1, 2])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unwritable_ics_path_is_its_own_error_and_the_json_still_prints(
    tmp_path: Path, where: int, lang: str
) -> None:
    path = _unwritable(tmp_path)[where]
    done = run(*NEXT, "--json", "--lang", lang, "--ics", path)
    assert "Traceback" not in done.stderr
    assert done.returncode == 3
    answer = json.loads(done.stdout)
    assert answer["ok"] is True and answer["reload_by"] == "2027-02-13"
    assert answer["ics_error"]["code"] == "cli.ics_not_written"
    assert path in answer["ics_error"]["message"]
    text = run(*NEXT, "--lang", lang, "--ics", path)
    assert text.returncode == 3 and "Traceback" not in text.stderr
    said = format_date(date(2027, 2, 13), lang)  # the text says the date in the reader's words
    assert said in text.stdout and "cli.ics_not_written" in text.stderr


def test_a_writable_ics_path_is_written(tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    done = run(*NEXT, "--json", "--ics", str(path))
    assert done.returncode == 0 and "ics_error" not in json.loads(done.stdout)
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_ics_path_is_a_usage_error(name: str) -> None:
    done = run(*NEXT, "--ics", name)
    assert done.returncode == 2 and "--ics" in done.stderr and not done.stdout


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("as_json", [True, False])
def test_output_the_terminal_cannot_encode_falls_back(
    encoding: str, lang: str, as_json: bool
) -> None:
    argv = [*NEXT, "--lang", lang, *(["--json"] if as_json else [])]
    done = subprocess.run(
        [sys.executable, "-m", "checker", *argv],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    out = done.stdout.decode(encoding)
    if as_json:  # the same JSON, escaped
        assert json.loads(out) == json.loads(run(*argv).stdout)
    else:  # the date in the reader's words, each character the terminal lacks escaped
        said = format_date(date(2027, 2, 13), lang)
        assert said.encode(encoding, "backslashreplace").decode(encoding) in out


@pytest.mark.parametrize(
    "argv",
    [
        ["next", "--last-reload", "2026-03-15", "--today", "2026-11-26", "--json"],
        ["next", "--last-reload", "2026-03-15", "--today", "2026-11-26"],
        ["number", "+86 138 0013 8000"],
    ],
)
def test_a_closed_pipe_ends_quietly(argv: list[str]) -> None:
    # `| head -c 20` or `| true`: the reader is gone before we write. The pipe's read end is
    # closed before the command starts, so the write always fails (no race with the reader).
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "checker", *argv],
            stdout=write,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert done.returncode in (0, 141)
    assert done.stderr == b""
