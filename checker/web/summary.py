"""The plain-text summary the page copies to the clipboard."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..messages import message


def summary_text(
    number: Mapping[str, Any] | None, estimate_result: Mapping[str, Any], *, lang: str
) -> str:
    """The summary of a check_form answer: its number (when ok) and its estimate."""

    def label(code: str) -> str:
        return message(code, lang)

    carrier = estimate_result.get("carrier") or "smart"
    lines = [message("summary.title", lang, carrier=message(f"carrier.short.{carrier}", lang))]
    if number and number.get("ok"):
        lines.append(f"{label('label.number')}: {number['national']} ({number['e164']})")
    if estimate_result.get("carrier_name"):
        lines.append(f"{label('label.carrier')}: {estimate_result['carrier_name']}")
    if estimate_result.get("amount"):
        lines.append(f"{label('label.amount')}: PHP {estimate_result['amount']}")
    kind = estimate_result.get("reload_kind") or "regular"
    lines += [
        f"{label('label.last_reload')}: {estimate_result['last_reload_text']} "
        f"({label(f'kind.{kind}')})",
        f"{label('label.status')}: {estimate_result['status_label']} - "
        f"{estimate_result['status_detail']}",
    ]
    lines += [f"! {text}" for text in estimate_result.get("status_warning_messages", [])]
    # The dates as the reader says them, each meaning once (the answer card's fold).
    if estimate_result.get("reload_by"):
        lines.append(
            f"{label('label.reload_by')}: {estimate_result['reload_by_text']} "
            f"({estimate_result['days_text']})"
        )
        lines += [
            f"{row['label']}: {row['text']}"
            for row in estimate_result["other_dates"]
            if row["key"] != "last_reload"
        ]
    lines += estimate_result.get("date_notes", [])
    lines += [f"! {text}" for text in estimate_result["warning_messages"]]
    lines.append(f"{label('label.assumptions')}:")
    lines += [f"- {item['message']}" for item in estimate_result["assumptions"]]
    return "\n".join(lines)
