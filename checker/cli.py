"""The command line: the same dicts as :mod:`checker.web`, as JSON or as text a person reads.

Exit status: 0 when the answer is ok, 1 for invalid input (the JSON is still
printed), 2 for a usage error (an unknown command or option, ``--ics ''``), 3 when the
answer is fine but the ``--ics`` file could not be written (the answer is still printed,
with ``ics_error``), 141 (as a shell reports SIGPIPE) when whoever reads the output has
closed the pipe: quietly. Never a traceback: text the terminal's encoding cannot show is
escaped (JSON as ``\\uXXXX``, which stays the same JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from . import web
from .errors import CheckerError
from .messages import LANGS, message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m checker", description="Keep a Philippine prepaid number alive."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="print one JSON object")
    common.add_argument("--lang", choices=LANGS, default="zh", help="language of the text")

    number = commands.add_parser("number", parents=[common], help="check a phone number")
    number.add_argument("text")
    amount = commands.add_parser("amount", parents=[common], help="check a reload amount")
    amount.add_argument("text")
    nxt = commands.add_parser("next", parents=[common], help="estimate the next reload")
    # Values stay strings: an unreadable date or margin is invalid input (exit 1), not usage.
    nxt.add_argument("--last-reload", required=True, metavar="DATE")
    nxt.add_argument("--zero-balance-since", metavar="DATE")
    nxt.add_argument("--margin-days", metavar="N")
    nxt.add_argument("--amount", metavar="TEXT", help="what the last reload was for (PHP)")
    nxt.add_argument(
        "--kind",
        choices=web.KINDS,
        help="the kind of the last reload (default: regular); pasaload needs --amount",
    )
    nxt.add_argument("--promo", action="store_true", help="the same as --kind promo")
    # Not argparse choices: an unknown carrier is invalid input (exit 1 with the JSON).
    nxt.add_argument(
        "--carrier",
        metavar="NAME",
        help="whose rules: smart, globe, gomo or dito (default: from --phone, else smart)",
    )
    nxt.add_argument("--phone", metavar="NUMBER", help="the number; its prefix picks the carrier")
    nxt.add_argument("--today", metavar="DATE", help="default: the computer's date")
    nxt.add_argument(
        "--ics", metavar="FILE", type=_file_name, help="also write calendar reminders to FILE"
    )
    return parser


def _file_name(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a file name")
    return text


def _kind(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    if args.promo and args.kind not in (None, "promo"):
        parser.error(f"--promo means --kind promo; it contradicts --kind {args.kind}")
    return "promo" if args.promo else args.kind or "regular"


def _answer(args: argparse.Namespace) -> Mapping[str, Any]:
    if args.command == "number":
        return web.check_number(args.text, args.lang)
    if args.command == "amount":
        return web.check_amount(args.text, args.lang)
    today = args.today if args.today is not None else date.today().isoformat()
    return web.next_reload(
        args.last_reload,
        zero_balance_since=args.zero_balance_since,
        margin_days=args.margin_days,
        amount=args.amount,
        today=today,
        lang=args.lang,
        reload_kind=args.reload_kind,
        carrier=args.carrier,
        phone=args.phone,
    )


def _write_ics(args: argparse.Namespace) -> Mapping[str, Any]:
    """The calendar for ``--ics``, written to its file; ``cli.ics_not_written`` if it cannot be."""
    form = {
        "last_reload": args.last_reload,
        "zero_balance_since": args.zero_balance_since,
        "margin_days": args.margin_days,
        "amount": args.amount,
        "reload_kind": args.reload_kind,
        "carrier": args.carrier,
        "phone": args.phone,
    }
    today = args.today if args.today is not None else date.today().isoformat()
    exported = web.calendar(form, today=today, lang=args.lang)
    if exported["ok"]:
        try:
            Path(args.ics).write_bytes(exported["ics"].encode("utf-8"))
        except OSError as error:  # a missing folder, a directory, a full or read-only disk
            reason = error.strerror or type(error).__name__
            written = CheckerError("cli.ics_not_written", path=args.ics, reason=reason)
            return web.error_dict(written, args.lang, "ics")
    return exported


_TEXT_FIELDS = {
    "number": ("e164", "national", "network_text"),
    "amount": ("amount",),
    # A promo has no dates: its lines are left out, not printed as "None".
    "next": (
        "status_label",
        "reload_by",
        "days_text",
        "balance_ends",
        "load_expires",
        "deactivates_on",
    ),
}
_LABELS = {"status_label": "label.status", "network_text": "label.network"}


def _label(name: str, answer: Mapping[str, Any], lang: str) -> str:
    if name == "load_expires":  # "Regular load valid until" or "PasaLoad valid until"
        return str(answer["load_expires_label"])
    return message(_LABELS.get(name, f"label.{name}"), lang)


def _as_text(command: str, answer: Mapping[str, Any], lang: str) -> str:
    if not answer["ok"]:
        return f"{answer['message']} [{answer['code']}]"
    lines = []
    if command == "next":
        kind = message(f"kind.{answer['reload_kind']}", lang)
        lines.append(f"{message('label.carrier', lang)}: {answer['carrier_name']}")
        lines.append(f"{message('label.reload_kind', lang)}: {kind}")
    # A date as the reader says it ("Sat 13 Feb 2027"); --json keeps ISO beside it.
    lines += [
        f"{_label(name, answer, lang)}: {answer.get(f'{name}_text') or answer[name]}"
        for name in _TEXT_FIELDS[command]
        if answer[name] not in (None, "")
        # One row for one date: the balance ends when the load does unless told otherwise.
        and not (name == "balance_ends" and answer[name] == answer.get("load_expires"))
    ]
    if command == "next":
        lines.insert(3, answer["status_detail"])
    if command == "number":
        lines.append(answer["caveat"])
    lines += [f"! {text}" for text in answer["warning_messages"]]
    if command == "next":
        lines += [f"! {text}" for text in answer["date_notes"]]
        lines.append(f"{message('label.assumptions', lang)}:")
        lines += [f"- {item['message']}" for item in answer["assumptions"]]
        lines.append(f"{message('label.sources', lang)}:")
        lines += [f"- {item['url']}" for item in answer["sources"]]
    return "\n".join(lines)


def _print(text: str, ascii_text: str, stream: TextIO) -> None:
    """Print ``text``; where the stream's encoding cannot show it, ``ascii_text`` instead."""
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        stream.write(ascii_text + "\n")
    stream.flush()


def _escaped(text: str) -> str:
    return text.encode("ascii", "backslashreplace").decode("ascii")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "next":
        args.reload_kind = _kind(args, parser)
    answer = _answer(args)
    status = 0 if answer["ok"] else 1
    if answer["ok"] and args.command == "next" and args.ics is not None:
        exported = _write_ics(args)
        if not exported["ok"] and exported["code"] == "cli.ics_not_written":
            answer = {**answer, "ics_error": exported}
            status = 3
        elif not exported["ok"]:
            answer, status = exported, 1
    try:
        if args.json:
            text = json.dumps(answer, ensure_ascii=False)
            _print(text, json.dumps(answer, ensure_ascii=True), sys.stdout)
        else:
            text = _as_text(args.command, answer, args.lang)
            _print(text, _escaped(text), sys.stdout)
            if "ics_error" in answer:
                error = answer["ics_error"]
                note = f"{error['message']} [{error['code']}]"
                _print(note, _escaped(note), sys.stderr)
    except BrokenPipeError:
        return _pipe_closed()
    return status


# What a shell reports for a command stopped by SIGPIPE (128 + 13), as `yes | head` does.
PIPE_CLOSED = 141


def _pipe_closed() -> int:
    """The reader of our output left (``| head -c 20``): stop quietly, with no traceback.

    Python's own flush of stdout at exit would fail again on the closed pipe and print one,
    so stdout is pointed at the null device first (as the ``signal`` module's docs advise).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return PIPE_CLOSED
