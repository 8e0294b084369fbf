"""`python -m checker` as a separate process: exit statuses and one JSON object on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


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
