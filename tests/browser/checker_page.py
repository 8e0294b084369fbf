"""Driving the checker page through its testability contract (see overrides/checker.html)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIELDS = ("phone", "last_reload", "amount", "reload_kind", "zero_balance_since", "margin_days")
ROOT_SELECTOR = "[data-checker]"
SETTLED = "[data-checker][data-checker-state=ready], [data-checker][data-checker-state=error]"
DATE_ATTRS = (
    "reload-by",
    "balance-ends",
    "load-expires",
    "deactivates-on",
    "days-left",
    "status",
    "reload-kind",
)


def url(origin: str, lang: str, path: str = "checker/") -> str:
    return f"{origin}/{'en/' if lang == 'en' else ''}{path}"


def open_checker(page: Any, origin: str, lang: str = "zh", fragment: str = "") -> None:
    page.goto(url(origin, lang) + fragment)
    wait_ready(page)


def wait_ready(page: Any) -> None:
    page.wait_for_selector(SETTLED)
    state = page.get_attribute(ROOT_SELECTOR, "data-checker-state")
    assert state == "ready", page.text_content("[data-checker-boot]")


def state(page: Any) -> str:
    return page.get_attribute(ROOT_SELECTOR, "data-checker-state")


def checks_done(page: Any) -> int:
    return int(page.get_attribute(ROOT_SELECTOR, "data-checker-checks") or 0)


def submit(page: Any, **fields: str | bool) -> None:
    """Set the given fields (others left as they are), submit, wait for the results."""
    for name, value in fields.items():
        if name == "promo":  # the old checkbox, as a choice of the select
            page.select_option("select[name=reload_kind]", "promo" if value else "regular")
        elif name == "reload_kind":
            page.select_option("select[name=reload_kind]", str(value))
        else:
            page.fill(f"input[name={name}]", str(value))
    before = checks_done(page)
    page.press("input[name=last_reload]", "Enter")
    page.wait_for_function(
        "n => Number(document.querySelector('[data-checker]').dataset.checkerChecks || 0) > n",
        arg=before,
    )


def reset(page: Any) -> None:
    """Back to the form's defaults, as a new visitor sees it."""
    page.evaluate(
        """() => {
          const form = document.querySelector('[data-checker-form]');
          for (const el of form.elements) {
            if (!el.name) continue;
            if (el.tagName === 'SELECT') {
              const chosen = [...el.options].find(o => o.defaultSelected) || el.options[0];
              el.value = chosen.value;
            } else if (el.type === 'checkbox') el.checked = el.defaultChecked;
            else el.value = el.defaultValue;
          }
        }"""
    )


def values(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """names => Object.fromEntries(names.map(n => {
             const el = document.querySelector(`[data-checker-form] [name=${n}]`);
             return [n, el.type === 'checkbox' ? el.checked : el.value];
           }))""",
        list(FIELDS),
    )


def estimate_attrs(page: Any) -> dict[str, str | None]:
    return {a: page.get_attribute("[data-checker-estimate]", f"data-{a}") for a in DATE_ATTRS}


def field_error(page: Any, name: str) -> tuple[str | None, str]:
    box = page.locator(f"[data-checker-field-error={name}]")
    return box.get_attribute("data-code"), (box.text_content() or "").strip()


def cli_next(today: str, **options: str | bool) -> dict[str, Any]:
    """``python -m checker next ... --json``: the estimate the page must agree with."""
    argv = [sys.executable, "-m", "checker", "next", "--today", today, "--json"]
    for name, value in options.items():
        flag = "--kind" if name == "reload_kind" else "--" + name.replace("_", "-")
        if value is True:
            argv.append(flag)
        elif value not in (False, None, ""):
            argv += [flag, str(value)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def shown_errors(page: Any) -> dict[str, tuple[str | None, str]]:
    """The field messages on show, ``{field: (data-code, text)}``; hidden boxes are left out."""
    shown = page.evaluate(
        """() => [...document.querySelectorAll('[data-checker-field-error]')]
             .filter(box => !box.hidden)
             .map(box => [box.dataset.checkerFieldError, box.dataset.code ?? null,
                          box.textContent])"""
    )
    return {name: (code, text) for name, code, text in shown}


def until(page: Any, script: str, arg: Any = None, timeout_s: float = 60) -> Any:
    """Poll ``page.evaluate(script, arg)`` until it is truthy, and return it.

    For async conditions: page.wait_for_function takes a returned Promise itself as truthy.
    """
    deadline = time.monotonic() + timeout_s
    while not (value := page.evaluate(script, arg)):
        assert time.monotonic() < deadline, f"still false after {timeout_s} s: {script}"
        page.wait_for_timeout(100)
    return value
