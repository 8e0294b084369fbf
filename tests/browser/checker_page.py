"""Driving the checker page through its testability contract (see overrides/checker.html)."""

from __future__ import annotations

import dataclasses
import re
import time
from typing import Any

from playwright.sync_api import Page

from checker import web
from testsupport.browser import FAKE_WORKER_PATH

FIELDS = web.FIELD_NAMES  # the form's fields, as checker.web lists them
ROOT_SELECTOR = "[data-checker]"
SETTLED = "[data-checker][data-checker-state=ready], [data-checker][data-checker-state=error]"
# The files of the checker's download: the runtime, its standard library and the wheel.
RUNTIME_FILE = re.compile(r"/assets/(pyodide/|checker/checker-[^/]*\.whl)")
DATE_ATTRS = (
    "reload-by",
    "balance-ends",
    "load-expires",
    "deactivates-on",
    "days-left",
    "status",
    "reload-kind",
)


def stand_in_worker(mode: str, first: int | None = None) -> str:
    """An init script: the page's checker workers become the stand-in in ``mode``.

    Only the ``first`` ones when given (a Retry then boots the real worker). Every checker
    worker the page makes is kept in ``window.__checkerWorkers``.
    """
    limit = "Infinity" if first is None else str(first)
    return f"""(() => {{
      const Real = window.Worker;
      const made = (window.__checkerWorkers = []);
      window.Worker = function (url, options) {{
        const checker = String(url).includes('/assets/checker/worker.js');
        const fake = checker && made.length < {limit};
        const worker = fake
          ? new Real('{FAKE_WORKER_PATH}?mode={mode}', {{ type: 'module' }})
          : new Real(url, options);
        if (checker) made.push(worker);
        return worker;
      }};
    }})()"""


def url(origin: str, lang: str, path: str = "checker/") -> str:
    return f"{origin}/{'en/' if lang == 'en' else ''}{path}"


def open_checker(page: Page, origin: str, lang: str = "zh", fragment: str = "") -> None:
    page.goto(url(origin, lang) + fragment)
    wait_ready(page)


def wait_ready(page: Page) -> None:
    page.wait_for_selector(SETTLED)
    state = page.get_attribute(ROOT_SELECTOR, "data-checker-state")
    assert state == "ready", page.text_content("[data-checker-boot]")


def state(page: Page) -> str | None:
    return page.get_attribute(ROOT_SELECTOR, "data-checker-state")


def checks_done(page: Page) -> int:
    return int(page.get_attribute(ROOT_SELECTOR, "data-checker-checks") or 0)


def submit(page: Page, **fields: str | bool) -> None:
    """Set the given fields (others left as they are), submit, wait for the results."""
    kinds = {field.name: field.kind for field in web.FIELDS}
    for name, value in fields.items():
        if kinds[name] == "checkbox":
            page.set_checked(f"input[name={name}]", bool(value))
        elif kinds[name] == "choice":
            page.check(f"input[name={name}][value={value}]")
        else:
            page.fill(f"input[name={name}]", str(value))
    before = checks_done(page)
    page.press("input[name=last_reload]", "Enter")
    page.wait_for_function(
        "n => Number(document.querySelector('[data-checker]').dataset.checkerChecks || 0) > n",
        arg=before,
    )


def reset(page: Page) -> None:
    """Back to the form's defaults (checker.web.FIELDS), as a new visitor sees it."""
    page.evaluate(
        """fields => {
          const form = document.querySelector('[data-checker-form]');
          for (const field of fields) {
            const control = form.elements.namedItem(field.name);
            if (field.kind === 'checkbox') control.checked = field.default;
            else control.value = field.default;
          }
        }""",
        _fields(),
    )


def values(page: Page) -> dict[str, Any]:
    # Each field's value as the form holds it: a string, or a checkbox's boolean.
    found: dict[str, Any] = page.evaluate(
        """fields => Object.fromEntries(fields.map(field => {
             const control = document.querySelector('[data-checker-form]').elements
               .namedItem(field.name);
             return [field.name, field.kind === 'checkbox' ? control.checked : control.value];
           }))""",
        _fields(),
    )
    return found


def _fields() -> list[dict[str, Any]]:
    return [dataclasses.asdict(field) for field in web.FIELDS]


def estimate_attrs(page: Page) -> dict[str, str | None]:
    return {a: page.get_attribute("[data-checker-estimate]", f"data-{a}") for a in DATE_ATTRS}


def field_error(page: Page, name: str) -> tuple[str | None, str]:
    box = page.locator(f"[data-checker-field-error={name}]")
    return box.get_attribute("data-code"), (box.text_content() or "").strip()


def shown_errors(page: Page) -> dict[str, tuple[str | None, str]]:
    """The field messages on show, ``{field: (data-code, text)}``; hidden boxes are left out."""
    shown: list[list[Any]] = page.evaluate(  # rows of [field, data-code, text]
        """() => [...document.querySelectorAll('[data-checker-field-error]')]
             .filter(box => !box.hidden)
             .map(box => [box.dataset.checkerFieldError, box.dataset.code ?? null,
                          box.textContent])"""
    )
    return {name: (code, text) for name, code, text in shown}


def until(page: Page, script: str, arg: Any = None, timeout_s: float = 60) -> Any:
    """Poll ``page.evaluate(script, arg)`` until it is truthy, and return it.

    For async conditions: page.wait_for_function takes a returned Promise itself as truthy.
    """
    deadline = time.monotonic() + timeout_s
    while not (value := page.evaluate(script, arg)):
        assert time.monotonic() < deadline, f"still false after {timeout_s} s: {script}"
        page.wait_for_timeout(100)
    return value
